"""The class report as a table for people, CSV for spreadsheets, or JSON for programs.

CSV is three tables one after the other (students, questions, wrong answers), each with its
header line, separated by an empty line. Students' text is untrusted: the table shows control
characters as visible symbols (``tutor.safetext``), CSV cells are made safe for spreadsheets as
``tutor export`` makes them (``csv_cell``), JSON escapes losslessly.
"""

from __future__ import annotations

import csv
from datetime import datetime
from typing import Any, TextIO

from tutor.classroom.report import Report
from tutor.safetext import json_text
from tutor.store.export import csv_cell

FORMATS = ("table", "csv", "json")

STUDENT_COLUMNS = (
    "student", "answers", "questions_closed", "score", "lessons_done", "last_active", "waiting",
)  # fmt: skip
QUESTION_COLUMNS = (
    "lesson_id", "question_id", "students", "attempts", "first_try_success", "mean_tries",
    "hint_rate", "discrimination", "flags",
)  # fmt: skip
WRONG_COLUMNS = (
    "lesson_id", "question_id", "text", "verdict", "students", "times", "suggestion",
)  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return round(value, 4)
    return value


def write(report: Report, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(json_text(report.as_dict(), indent=2, default=_plain) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        sections: tuple[tuple[tuple[str, ...], list[Any]], ...] = (
            (STUDENT_COLUMNS, report.students),
            (QUESTION_COLUMNS, report.questions),
            (WRONG_COLUMNS, report.wrong_answers),
        )
        for index, (columns, rows) in enumerate(sections):
            if index:
                writer.writerow([])
            writer.writerow(columns)
            for row in rows:
                values = (_plain(getattr(row, c)) for c in columns)
                writer.writerow(["" if v is None else csv_cell(v) for v in values])
    elif fmt == "table":
        out.write(table(report))
    else:
        raise ValueError(f"unknown report format {fmt!r} (choose {', '.join(FORMATS)})")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _when(value: datetime | None) -> str:
    return "-" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def _grid(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return lines


def table(report: Report) -> str:
    from tutor.safetext import one_line as shown

    def cut(text: str, width: int = 40) -> str:
        return shown(text, width)

    lines = [f"Class report from {shown(report.source)}", "", "Students"]
    lines += _grid(
        ("student", "answers", "closed", "score", "lessons done", "last active", "waiting"),
        [
            (
                cut(s.student, 30), str(s.answers), str(s.questions_closed), _pct(s.score),
                "?" if s.lessons_done is None else str(s.lessons_done), _when(s.last_active),
                "?" if s.waiting is None else str(s.waiting),
            )
            for s in report.students
        ],
    )  # fmt: skip
    lines += ["", "Questions (first try: how often students were right at their first try)"]
    lines += _grid(
        ("lesson", "question", "students", "attempts", "first try", "mean tries", "hints",
         "discrimination", "flags"),
        [
            (
                cut(q.lesson_id, 24), cut(q.question_id, 24), str(q.students), str(q.attempts),
                _pct(q.first_try_success), _num(q.mean_tries, 1), _pct(q.hint_rate),
                _num(q.discrimination), ", ".join(q.flags),
            )
            for q in report.questions
        ],
    )  # fmt: skip
    lines += ["", "Most common wrong answers, and the line to paste into the question"]
    if not report.wrong_answers:
        lines.append("(none)")
    for w in report.wrong_answers:
        who = f"{w.students} student{'s' if w.students != 1 else ''}"
        how = "graded close: accept it?" if w.verdict == "close" else "wrong"
        lines.append(
            f"{cut(w.lesson_id, 24)}/{cut(w.question_id, 24)}: {who} typed "
            f"'{cut(w.text, 60)}' ({w.times}x, {how})"
        )
        lines.append(f"    {shown(w.suggestion)}")
    return "\n".join(lines) + "\n"
