"""The site's Markdown blocks: ``quiz``, ``teacher``, ``student`` and ``helplines``."""

from .extension import LessonkitExtension, RenderState

__all__ = ["LessonkitExtension", "RenderState"]
