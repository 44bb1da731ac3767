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

``Store`` is composed, not inherited: one :class:`~tutor.store.base.StoreState` (connection,
path, student, clock, ``warn``) handed to each part, :class:`~tutor.store.journal.Journal`
(writing now, retrying, the side file), :class:`~tutor.store.observer.Recording` and
:class:`~tutor.store.observer.Statements` (the observer calls and their SQL), and
:class:`~tutor.store.reads.Reads` (resume point, lesson progress, reviews). This module owns
``Store`` itself: opening, closing, and the public API, which forwards to the parts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.model import Course
from tutor.records import Attempt, Outcome
from tutor.store import db
from tutor.store.base import Clock, StoreState, Warn
from tutor.store.journal import Journal, stderr_warning
from tutor.store.observer import Recording, Statements
from tutor.store.reads import LessonProgress, Reads

if TYPE_CHECKING:
    from fsrs import Card

__all__ = ["Clock", "LessonProgress", "Store", "Warn"]


class Store:
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
        self._state = StoreState(conn, path, student, clock or db.utcnow, warn or stderr_warning)
        statements = Statements(self._state, fuzz=fuzz)
        self._journal = Journal(self._state, statements.apply)
        self._recording = Recording(self._state, self._journal.write)
        self._reads = Reads(self._state)
        self.moved_aside: Path | None = None  # set by open(reset=True) when it moved a file

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
        today = db.utcnow().date().isoformat()  # the file is verified as of today when open
        try:
            conn = db.connect(path, today)
        except (db.DamagedStore, db.StoreTooNew):
            if not reset:
                raise
            moved = db.move_aside(path, (clock or db.utcnow)())
            conn = db.connect(path, today)
        store = cls(conn, path, student, clock=clock, fuzz=fuzz, warn=warn)
        store._state.verified_on = today
        store.moved_aside = moved
        return store

    def close(self) -> None:
        self._journal.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------------------- state

    @property
    def path(self) -> Path:
        return self._state.path

    @property
    def student(self) -> str:
        return self._state.student

    @property
    def warn(self) -> Warn:
        """Where trouble is reported (stderr by default); a front end may replace it."""
        return self._state.warn

    @warn.setter
    def warn(self, warn: Warn) -> None:
        self._state.warn = warn

    @property
    def write_errors(self) -> int:
        """Failed write attempts (a record retried twice counts twice)."""
        return self._state.write_errors

    @property
    def set_aside(self) -> int:
        """Records written to the side file instead of the database."""
        return self._journal.set_aside

    @property
    def side_file(self) -> Path | None:
        """The ``unsaved-<stamp>.jsonl`` file, once a record had to be written there."""
        return self._journal.side_file

    @property
    def unsaved(self) -> int:
        """Records written neither to the database nor to an unsaved-*.jsonl file yet."""
        return self._journal.unsaved

    @property
    def connection(self) -> sqlite3.Connection:
        """The open sqlite3 connection (read-only use: stats, export)."""
        return self._state.connection

    def now(self) -> datetime:
        return self._state.clock()

    # ---------------------------------------------------------------- SessionObserver (Recording)

    def attempt(self, record: Attempt) -> None:
        self._recording.attempt(record)

    def outcome(self, record: Outcome) -> None:
        self._recording.outcome(record)

    def place(self, lesson_id: str, step_index: int) -> None:
        self._recording.place(lesson_id, step_index)

    def finished(self, lesson_id: str | None, score: float, mode: str) -> None:
        self._recording.finished(lesson_id, score, mode)

    def clear_place(self, lesson_id: str) -> None:
        """Forget the saved place (the student chose to start the lesson over)."""
        self._recording.clear_place(lesson_id)

    # ---------------------------------------------------------------------------- Reads

    def resume_point(self, lesson_id: str) -> int | None:
        return self._reads.resume_point(lesson_id)

    def lesson_outcomes(self, lesson_id: str) -> dict[str, Outcome]:
        return self._reads.lesson_outcomes(lesson_id)

    def lesson_progress(
        self, lesson_ids: Iterable[str], course: Course | None = None
    ) -> dict[str, LessonProgress]:
        return self._reads.lesson_progress(lesson_ids, course)

    def due_reviews(
        self, course: Course, now: datetime | None = None, limit: int | None = None
    ) -> list[tuple[str, str]]:
        return self._reads.due_reviews(course, now, limit)

    def missed_today(self, course: Course, now: datetime | None = None) -> list[tuple[str, str]]:
        return self._reads.missed_today(course, now)

    def review_count(self, course: Course, now: datetime | None = None) -> int:
        return self._reads.review_count(course, now)

    def next_review(self, course: Course) -> datetime | None:
        return self._reads.next_review(course)

    def card(self, lesson_id: str, question_id: str) -> Card | None:
        return self._reads.card(lesson_id, question_id)
