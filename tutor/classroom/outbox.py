"""The send queue, in the student's local SQLite store: what the class store has not taken yet.

The local store stays the source of truth: rows are never deleted or changed for sending. Per
class store (``server.target``), student and kind, ``sent_marks.last_id`` is the last local row
the class store has taken; everything after it waits. A mark is moved only after the class store
committed the batch, so a kill between the two sends the batch again, which the class store
ignores (``ON CONFLICT DO NOTHING`` on the row's uid): every answer arrives exactly once.

Has its own connection to the file (WAL: reading never blocks the student's writes).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from tutor.store import db
from tutor.values import value


@value(slots=False)
class Kind:
    """One kind of row sent: its local table and the columns sent, in order."""

    table: str
    columns: tuple[str, ...]


ATTEMPTS = Kind(
    "attempts",
    (
        "uid", "at", "lesson_id", "question_id", "mode", "try_no", "hints_used", "verdict",
        "credit", "final", "awarded", "text",
    ),
)  # fmt: skip
FINISHES = Kind("finishes", ("uid", "at", "lesson_id", "mode", "score"))
KINDS = (ATTEMPTS, FINISHES)


def _server_value(column: str, value: Any) -> Any:
    """The local value as the class store's column takes it."""
    if column == "at":
        return db.parse_iso(value)
    if column == "final":
        return bool(value)
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")  # PostgreSQL text cannot hold NUL
    return value


class Outbox:
    def __init__(self, path: Path, student: str, target: str, clock: Any = db.utcnow) -> None:
        self.path = path
        self.student = student
        self.target = target
        self._clock = clock
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.execute(f"PRAGMA busy_timeout = {db.BUSY_TIMEOUT_MS}")
        # A mark lost to a power cut only sends a batch again, which the class store ignores:
        # moving it need not wait for the disk (it survives a killed process all the same).
        self._conn.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        self._conn.close()

    def mark(self, kind: Kind) -> int:
        row = self._conn.execute(
            "SELECT last_id FROM sent_marks WHERE target = ? AND student = ? AND kind = ?",
            (self.target, self.student, kind.table),
        ).fetchone()
        return int(row[0]) if row else 0

    def waiting(self, kind: Kind | None = None) -> int:
        """How many rows (of ``kind``, or of every kind) wait to be sent."""
        total = 0
        for k in [kind] if kind else KINDS:
            row = self._conn.execute(
                f"SELECT count(*) FROM {k.table} WHERE student = ? AND id > ?",  # noqa: S608
                (self.student, self.mark(k)),
            ).fetchone()
            total += int(row[0])
        return total

    def latest(self) -> tuple[int, ...]:
        """The newest local row of each kind (changes when the student answers)."""
        return tuple(
            int(
                self._conn.execute(
                    f"SELECT coalesce(max(id), 0) FROM {k.table} WHERE student = ?",  # noqa: S608
                    (self.student,),
                ).fetchone()[0]
            )
            for k in KINDS
        )

    def batch(self, kind: Kind, limit: int) -> tuple[list[tuple[Any, ...]], int]:
        """Up to ``limit`` waiting rows, oldest first, as the class store takes them, and the
        local id of the last one (0 when none wait)."""
        cols = ", ".join(kind.columns)
        rows = self._conn.execute(
            f"SELECT id, {cols} FROM {kind.table} WHERE student = ? AND id > ?"  # noqa: S608
            " ORDER BY id LIMIT ?",
            (self.student, self.mark(kind), limit),
        ).fetchall()
        if not rows:
            return [], 0
        values = [
            tuple(_server_value(c, v) for c, v in zip(kind.columns, row[1:], strict=True))
            for row in rows
        ]
        return values, int(rows[-1][0])

    def sent(self, kind: Kind, last_id: int) -> None:
        """The class store has taken every row up to ``last_id``."""
        with db.transaction(self._conn):
            self._conn.execute(
                "INSERT INTO sent_marks (target, student, kind, last_id, at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (target, student, kind) DO UPDATE SET last_id = max(last_id,"
                " excluded.last_id), at = excluded.at",
                (self.target, self.student, kind.table, last_id, db.iso(self._clock())),
            )

    def last_sent(self) -> datetime | None:
        row = self._conn.execute(
            "SELECT max(at) FROM sent_marks WHERE target = ? AND student = ?",
            (self.target, self.student),
        ).fetchone()
        return db.parse_iso(row[0]) if row and row[0] else None
