"""A build's output: what was built, how long, where, and every warning; not the routine chatter.

mkdocs-static-i18n reports at INFO, on every build and every preview rebuild, each language it builds,
each setting it overrides for a language and, with directory URLs off, the language-switch links it
computed itself (as if a user had written them). Those lines bury a real warning. Its warnings and
errors stay; so does everything with ``mkdocs build --verbose``.
"""

from __future__ import annotations

import logging

#: The parent of the loggers of mkdocs-static-i18n's modules (MkDocs' plugin loggers).
I18N_LOGGER = "mkdocs.plugins.mkdocs_static_i18n"


def quiet_routine_info() -> None:
    """Keep mkdocs-static-i18n to warnings and errors, unless MkDocs runs verbose (debug)."""
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:
        logging.getLogger(I18N_LOGGER).setLevel(logging.WARNING)
