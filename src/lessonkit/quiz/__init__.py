"""Quizzes: the author syntax (:mod:`.syntax`), the HTML (:mod:`.render`) and the Markdown block."""
