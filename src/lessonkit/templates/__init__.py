"""Templates for new modules (``lessonkit new``)."""
