"""Command line: ``lessonkit check | new | coverage``."""
