"""The progress store: what a student did, where they are, and what is due for review.

``Store`` implements ``tutor.records.SessionObserver``. Each observer call is written at once, in
its own ``BEGIN IMMEDIATE`` transaction, before the call returns, so an answer the front end has
acknowledged is already on disk.

The observer methods never raise into the session. If a write fails for a reason that may pass
(``sqlite3.OperationalError``: locked past the busy timeout, disk full, I/O error), the record is
kept in memory, in order, and retried before every later write and on ``close()``; the first
failure prints a warning (to stderr, or to the ``warn`` callable, which a front end may replace).
A record the database will never take (a damaged file, a closed store), and anything still unsaved
at ``close()``, is appended and fsync'd to ``unsaved-<stamp>.jsonl`` beside the database, and the
warning names that file: an acknowledged answer is never dropped without a word.

The parts: :mod:`tutor.store.journal` (writing now, retrying, the side file),
:mod:`tutor.store.observer` (the observer calls and their SQL), :mod:`tutor.store.reads` (resume
point, lesson progress, reviews). This module owns ``Store`` itself: opening, closing, the
connection and the clock.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from tutor.store import db
from tutor.store.base import Clock, Record, Warn
from tutor.store.journal import Journal, stderr_warning
from tutor.store.observer import Recording
from tutor.store.reads import LessonProgress, Reads
from tutor.store.review import make_scheduler

__all__ = ["Clock", "LessonProgress", "Store", "Warn"]

class Store(Journal, Recording, Reads):
    """A student's progress in one SQLite file; several students may share the file."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        student: str,
        *,
        clock: Clock | None = None,
        fuzz: bool = True,
        warn: Warn | None = None,
    ) -> None:
        self._conn = conn
        self.path = path
        self.student = student
        self._clock: Clock = clock or db.utcnow
        self._scheduler = make_scheduler(fuzz=fuzz)
        self.warn: Warn = warn or stderr_warning
        self._lock = threading.RLock()
        self._pending: list[Record] = []
        self._failing = False
        self.moved_aside: Path | None = None  # set by open(reset=True) when it moved a file
        self.write_errors = 0  # failed write attempts (a record retried twice counts twice)
        self.set_aside = 0  # records written to the side file instead of the database
        self._side_file: Path | None = None

    # ---------------------------------------------------------------------------- lifecycle

    @classmethod
    def open(
        cls,
        data_dir: Path,
        student: str,
        *,
        reset: bool = False,
        clock: Clock | None = None,
        fuzz: bool = True,
        warn: Warn | None = None,
        readonly: bool = False,
    ) -> Store:
        """Open (creating the folder and file if need be) the store in ``data_dir``.

        Raises a ``StoreError`` subclass when the file cannot be used; with ``reset=True`` a
        damaged, foreign or too-new file is moved aside (``progress.sqlite3.damaged-<stamp>``)
        and a fresh store started instead. A healthy file is never touched by ``reset``.
        ``readonly``: only read (``stats``, ``export``), which works on a read-only folder or a
        full disk too; nothing is created, migrated or reset (:mod:`tutor.store.readonly`).
        """
        path = Path(data_dir) / db.FILENAME
        moved: Path | None = None
        if readonly:
            from tutor.store.readonly import connect_readonly

            return cls(connect_readonly(path), path, student, clock=clock, fuzz=fuzz, warn=warn)
        try:
            conn = db.connect(path)
        except (db.DamagedStore, db.StoreTooNew):
            if not reset:
                raise
            moved = db.move_aside(path, (clock or db.utcnow)())
            conn = db.connect(path)
        store = cls(conn, path, student, clock=clock, fuzz=fuzz, warn=warn)
        store.moved_aside = moved
        return store

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            self._flush()
            if self._pending:
                self._set_aside(self._pending, "still unsaved when tutor closed")
                self._pending.clear()
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def side_file(self) -> Path | None:
        """The ``unsaved-<stamp>.jsonl`` file, once a record had to be written there."""
        return self._side_file

    @property
    def unsaved(self) -> int:
        """Records written neither to the database nor to an unsaved-*.jsonl file yet."""
        return len(self._pending)

    @property
    def connection(self) -> sqlite3.Connection:
        """The open sqlite3 connection (read-only use: stats, export)."""
        if self._conn is None:
            raise db.StoreError("the progress store is closed", self.path)
        return self._conn

    def now(self) -> datetime:
        return self._clock()
