"""Problems found in lessons: what the checker prints and what the build refuses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .messages import DEFAULT_MESSAGE_LANGUAGE, Message, Param, render

Severity = Literal["error", "warning"]
#: Every character str.splitlines() breaks on.
RE_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, located at ``path:line`` (path relative to the project root, line from 1).

    ``message`` is the English text (the build and machine consumers read it). ``template`` and
    ``params`` are the catalogue entry it was made from (:mod:`.messages`), so that it can be said in
    another language; they are empty for a literal message, which then reads the same in every
    language. They take no part in comparing, hashing or sorting: a problem is what it says and where,
    and values of different types must never be compared.
    """

    path: str
    line: int
    severity: Severity
    code: str
    message: str
    template: str = field(default="", compare=False)
    params: tuple[tuple[str, Param], ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, path: str, line: int, severity: Severity, code: str, message: Message | str) -> Problem:
        """A problem from a catalogue message (or a literal text), its line clamped to 1 or more."""
        if isinstance(message, Message):
            return cls(path, max(line, 1), severity, code, message.text(), message.key, message.params)
        return cls(path, max(line, 1), severity, code, message)

    def message_in(self, lang: str = DEFAULT_MESSAGE_LANGUAGE) -> str:
        """The message in ``lang`` (``en``, ``vi``)."""
        if not self.template or lang == DEFAULT_MESSAGE_LANGUAGE:
            return self.message
        return render(self.template, self.params, lang)

    def format(self, lang: str = DEFAULT_MESSAGE_LANGUAGE) -> str:
        """The checker's one-line form: ``PATH:LINE: error|warning: MESSAGE``.

        Only the message is translated: the rest of the line is a format tools parse. A line break
        inside the message (a quoted YAML key or value can hold one) is escaped, so that one problem
        is always one line.
        """
        message = RE_LINE_BREAK.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), self.message_in(lang))
        return f"{self.path}:{self.line}: {self.severity}: {message}"

    def as_dict(self, lang: str = DEFAULT_MESSAGE_LANGUAGE) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message_in(lang),
        }

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ProblemList(list[Problem]):
    """A list of problems with helpers to add them for one file.

    ``message`` is a catalogue :class:`Message` (``msg("missing-field", field="title")``); a plain
    string is kept as it is, in every language.
    """

    def error(self, path: str, line: int, code: str, message: Message | str) -> None:
        self.append(Problem.of(path, line, "error", code, message))

    def warning(self, path: str, line: int, code: str, message: Message | str) -> None:
        self.append(Problem.of(path, line, "warning", code, message))
