"""What the loader reports: a ``Problem`` with a place in a file, and a collector for them."""

from __future__ import annotations

from typing import Protocol

from tutor.values import value

ERROR = "error"
WARNING = "warning"


@value(order=True)
class Problem:
    """One error or warning at ``path:line:column`` (1-based).

    Problems sort by path, then line, then column (then message). Folder-level problems (an empty
    course folder) have line and column 0 and print without them.
    """

    path: str
    line: int
    column: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
        }


def problem_sort_key(problem: Problem) -> tuple[str, int, int]:
    """The order problems are shown in: path, line, column."""
    return (problem.path, problem.line, problem.column)


class Located(Protocol):
    line: int
    column: int


MAX_ERRORS = 100  # per file: a hostile or badly broken file must not produce a million lines


class TooManyErrors(Exception):
    """Raised by ``Report.error`` past ``MAX_ERRORS``: the file is not worth reading further."""


class Report:
    """Collects the problems of one file; every message names the line and column of a node."""

    __slots__ = ("path", "problems", "errors")

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.errors = 0

    def error(self, where: Located | tuple[int, int], message: str) -> None:
        if self.errors >= MAX_ERRORS:
            self._add(where, f"more than {MAX_ERRORS} errors: stopped reading this file", ERROR)
            self.errors += 1
            raise TooManyErrors
        self._add(where, message, ERROR)
        self.errors += 1

    def warning(self, where: Located | tuple[int, int], message: str) -> None:
        self._add(where, message, WARNING)

    def _add(self, where: Located | tuple[int, int], message: str, severity: str) -> None:
        if isinstance(where, tuple):
            line, column = where
        else:
            line, column = where.line, where.column
        self.problems.append(Problem(self.path, line, column, message, severity))
