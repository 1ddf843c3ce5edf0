"""The site's Markdown blocks: ``quiz``, ``step``, ``teacher``, ``student``, ``family`` and ``helplines``."""

from .extension import LessonkitExtension, RenderState

__all__ = ["LessonkitExtension", "RenderState"]
