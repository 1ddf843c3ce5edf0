"""Problems found in lessons: what the checker prints and what the build refuses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
#: Every character str.splitlines() breaks on.
RE_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, located at ``path:line`` (path relative to the project root, line from 1)."""

    path: str
    line: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        """The checker's one-line form: ``PATH:LINE: error|warning: MESSAGE``.

        A line break inside the message (a quoted YAML key or value can hold one) is escaped, so that
        one problem is always one line.
        """
        message = RE_LINE_BREAK.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), self.message)
        return f"{self.path}:{self.line}: {self.severity}: {message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ProblemList(list[Problem]):
    """A list of problems with helpers to add them for one file."""

    def error(self, path: str, line: int, code: str, message: str) -> None:
        self.append(Problem(path, max(line, 1), "error", code, message))

    def warning(self, path: str, line: int, code: str, message: str) -> None:
        self.append(Problem(path, max(line, 1), "warning", code, message))
