"""What the build publishes beside the pages: Moodle GIFT files, JSON-LD, the sitemap, QR codes, the USB package.

Each module here is plain Python on the lesson model (no MkDocs), so it can be tested on its own and
kept when the engine changes.
"""
