"""The author's preview (``lessonkit serve``): a saved lesson shows in the browser in about a second.

- :mod:`.run`: the loop: a full build, then each save handled as :mod:`.changes` plans it;
- :mod:`.session`: the build kept in memory, one module redone through the plugin;
- :mod:`.server`: the web server: the last build, pages of messages, the live reload;
- :mod:`.pages`: the banner and the pages of messages, from the theme's templates, in both languages.
"""
