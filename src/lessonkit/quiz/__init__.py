"""Quizzes: the HTML (:mod:`.render`), the strings and the script; the author syntax is the model's
(:mod:`lessonkit.model.quiz`), which the checker reads too."""
