"""``tutor export``: one row per graded answer, streamed from the database cursor.

Columns (docs/progress.md describes each): ``COLUMNS``. CSV has a header line and ``\\n`` line
ends; ``json`` is JSON Lines, one object per line, so both stream and neither holds the history
in memory.

Exported text is untrusted (students typed it): in CSV a cell that starts with ``=``, ``+``, ``-``,
``@``, tab or carriage return gets a leading ``'`` so a spreadsheet shows it instead of running it
as a formula (OWASP's advice for CSV injection), and control characters are shown visibly
(:func:`tutor.safetext.printable`). ``raw=True`` writes the text as stored instead (control
characters are still made visible on a terminal). JSON escapes them losslessly.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any, TextIO

from tutor.safetext import json_text, printable
from tutor.store import db

COLUMNS = (
    "attempt_id",
    "time",
    "student",
    "lesson_id",
    "question_id",
    "mode",
    "try",
    "hints_used",
    "verdict",
    "credit",
    "final",
    "awarded",
    "text",
)
FORMATS = ("csv", "json")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_since(text: str) -> datetime:
    """``2026-03-01`` (midnight UTC) or an ISO 8601 time (UTC when no offset is given)."""
    text = text.strip()
    try:
        if _DATE.match(text):
            return datetime.combine(datetime.fromisoformat(text).date(), time(), UTC)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"not a date: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM, in UTC)"
        ) from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+05:00 is before the year 1 in UTC
        raise ValueError(f"out of range: {text!r} is not a time in the years 1 to 9999 UTC") from None


def iter_attempts(
    conn: sqlite3.Connection, *, student: str | None, since: datetime | None = None
) -> Iterator[dict[str, Any]]:
    """Every attempt of ``student`` (None: all students) at or after ``since``, oldest first."""
    sql = (
        "SELECT id, at, student, lesson_id, question_id, mode, try_no, hints_used, verdict,"
        " credit, final, awarded, text FROM attempts"
    )
    where: list[str] = []
    params: list[Any] = []
    if student is not None:
        where.append("student = ?")
        params.append(student)
    if since is not None:
        where.append("at >= ?")
        params.append(db.iso(since))
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id"
    for row in conn.execute(sql, params):  # the cursor fetches lazily: nothing accumulates
        record = dict(zip(COLUMNS, row, strict=True))
        record["final"] = bool(record["final"])
        yield record


# A spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any, *, formulas: bool = False, controls: bool = False) -> Any:
    """A text cell as a spreadsheet may safely open it: a leading ``'`` before a formula start
    (unless ``formulas``), control characters visible (unless ``controls``). Numbers are left
    as they are."""
    if not isinstance(value, str):
        return value
    if not formulas and value.startswith(FORMULA_START):
        value = "'" + value
    return value if controls else printable(value)


def write_csv(rows: Iterator[dict[str, Any]], out: TextIO, *, raw: bool = False) -> int:
    writer = csv.writer(out, lineterminator="\n")
    # csv quotes only for "\n" (the line end): a row with a lone CR is quoted whole.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    controls = raw and not _is_terminal(out)
    n = 0
    for record in rows:
        values = dict(record, final=int(record["final"]))
        cells = [csv_cell(values[c], formulas=raw, controls=controls) for c in COLUMNS]
        has_cr = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (quoted if has_cr else writer).writerow(cells)
        n += 1
    return n


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in rows:
        out.write(json_text(record) + "\n")
        n += 1
    return n


def write(fmt: str, rows: Iterator[dict[str, Any]], out: TextIO, *, raw: bool = False) -> int:
    if fmt == "csv":
        return write_csv(rows, out, raw=raw)
    if fmt == "json":
        return write_jsonl(rows, out)
    raise ValueError(f"unknown export format {fmt!r} (choose {' or '.join(FORMATS)})")


def refuse_target(target: Path, store_path: Path, *, force: bool) -> str | None:
    """Why an export may not be written to ``target``, or None. Never the progress store's own
    files (the database, its companions, unsaved answers, files set aside), never a link or
    anything but a regular file, and an existing file only with ``force``."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return f"cannot use {target}: {exc.strerror or exc}"
    folder = store_path.parent
    with contextlib.suppress(OSError):
        same_folder = os.path.realpath(target.parent) == os.path.realpath(folder)
        if same_folder and target.name.startswith((store_path.name, "unsaved-")):
            return f"{target} is one of the progress store's own files: choose another name"
        if info is not None and os.path.samefile(target, store_path):
            return f"{target} is the progress file itself: choose another name"
    if info is None:
        return None
    if stat.S_ISLNK(info.st_mode):
        return f"{target} is a link: give the path of a new file, or of the file itself"
    if not stat.S_ISREG(info.st_mode):
        return f"{target} is not a regular file (a folder, a device or a pipe): choose a file"
    if not force:
        return f"{target} already exists: add --force to replace it"
    return None


def write_file(target: Path, fmt: str, rows: Iterator[dict[str, Any]], *, raw: bool = False) -> int:
    """Write the export beside ``target`` and move it into place when complete: on any error
    (a full disk, a bad row, Ctrl+C) the partial file is removed and ``target`` is untouched."""
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        with partial.open("x", encoding="utf-8", newline="") as out:
            count = write(fmt, rows, out, raw=raw)
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return count


def read_csv(src: TextIO) -> Iterator[dict[str, Any]]:
    """Read an export back with the exported types (for checks and tests)."""
    for raw in csv.DictReader(src):
        yield {
            **raw,
            "attempt_id": int(raw["attempt_id"]),
            "try": int(raw["try"]),
            "hints_used": int(raw["hints_used"]),
            "credit": float(raw["credit"]),
            "awarded": float(raw["awarded"]),
            "final": raw["final"] == "1",
        }
