"""Page safety by construction (docs/reference.en.md#page-safety): an allowlist on what the build writes.

- :mod:`.allowlist`: the elements, attributes and addresses a page may hold, as data;
- :mod:`.sanitize`: the one sanitizer (``nh3``, the Rust ``ammonia`` sanitizer) that writes content
  HTML, and what it would remove or change, as refusals;
- :mod:`.files`: which files of a module folder or ``docs/`` are published;
- :mod:`.bounds`: limits that keep every input's work bounded before Markdown reads it.

Nothing here knows of MkDocs: the checker and the build plugin both call it.
"""
