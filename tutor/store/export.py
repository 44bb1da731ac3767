"""``tutor export``: one row per graded answer, streamed from the database cursor.

Columns (docs/progress.md describes each): ``COLUMNS``. CSV has a header line and ``\\n`` line
ends; ``json`` is JSON Lines, one object per line, so both stream and neither holds the history
in memory.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, time
from typing import Any, TextIO

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
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


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


def write_csv(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for record in rows:
        values = dict(record, final=int(record["final"]))
        writer.writerow([values[c] for c in COLUMNS])
        n += 1
    return n


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in rows:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write(fmt: str, rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    if fmt == "csv":
        return write_csv(rows, out)
    if fmt == "json":
        return write_jsonl(rows, out)
    raise ValueError(f"unknown export format {fmt!r} (choose {' or '.join(FORMATS)})")


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
