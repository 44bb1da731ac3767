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
"""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fsrs import Card

from tutor.model import Course
from tutor.records import Attempt, Outcome
from tutor.store import db
from tutor.store.review import make_scheduler, new_card, rating_for, review

Clock = Callable[[], datetime]
Warn = Callable[[str], None]


def _guarded(method: Callable[..., None]) -> Callable[..., None]:
    """An observer method that never raises into the session (it warns instead)."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any) -> None:
        try:
            method(self, *args)
        except Exception as exc:  # a malformed record or a bug: say so, keep the lesson going
            self.write_errors += 1
            self.warn(f"could not record {method.__name__} {args!r}: {type(exc).__name__}: {exc}")

    return wrapper


def _stderr_warning(message: str) -> None:
    print(f"tutor: warning: {message}", file=sys.stderr, flush=True)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """Text SQLite can store: lone surrogates (undecodable input) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class LessonProgress:
    lesson_id: str
    status: str  # "new" | "in progress" | "done"
    best_score: float | None  # best finished learn score 0..1, None if never finished
    last_seen: datetime | None  # last answer, place or finish in this lesson (UTC)
    answered: int  # questions of the lesson answered at least once (any mode)
    total: int | None  # questions in the lesson (None when no course was given)
    resume_at: int | None  # step index to resume at, None when there is no saved place
    times_done: int  # how many times the lesson was finished in learn mode


class Store:
    """A student's progress in one SQLite file; several students may share the file."""

    def __init__(
        self,
        conn: Any,
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
        self.warn: Warn = warn or _stderr_warning
        self._lock = threading.RLock()
        self._pending: list[tuple[str, dict[str, Any]]] = []
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
    ) -> Store:
        """Open (creating the folder and file if need be) the store in ``data_dir``.

        Raises a ``StoreError`` subclass when the file cannot be used; with ``reset=True`` a
        damaged, foreign or too-new file is moved aside (``progress.sqlite3.damaged-<stamp>``)
        and a fresh store started instead. A healthy file is never touched by ``reset``.
        """
        path = Path(data_dir) / db.FILENAME
        moved: Path | None = None
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
    def connection(self) -> Any:
        """The open sqlite3 connection (read-only use: stats, export)."""
        if self._conn is None:
            raise db.StoreError("the progress store is closed", self.path)
        return self._conn

    def now(self) -> datetime:
        return self._clock()

    # ---------------------------------------------------------------------------- writes

    def _write(self, kind: str, payload: dict[str, Any]) -> bool:
        """Write one record now, after any that wait; keep it for later if that fails."""
        with self._lock:
            self._pending.append((kind, payload))
            if self._conn is None:  # closed: straight to the side file, with a warning
                self._set_aside(self._pending, "the progress store was already closed")
                self._pending.clear()
                return False
            self._flush()
            return not self._pending

    def _flush(self) -> None:
        if self._conn is None:
            return
        while self._pending:
            kind, payload = self._pending[0]
            try:
                with db.transaction(self._conn):
                    getattr(self, f"_do_{kind}")(payload)
            except sqlite3.OperationalError as exc:
                # Locked past the busy timeout, disk full, I/O error: worth trying again later.
                self.write_errors += 1
                if not self._failing:
                    self._failing = True
                    self.warn(
                        f"could not save your progress to {self.path} ({exc}); "
                        "tutor keeps it in memory and will try again"
                    )
                return
            except Exception as exc:  # damaged file, closed connection, a bug: retrying won't help
                self.write_errors += 1
                self._set_aside([(kind, payload)], f"{type(exc).__name__}: {exc}")
            self._pending.pop(0)
        if self._failing:
            self._failing = False
            self.warn(f"progress saved to {self.path} again; nothing was lost")

    def _set_aside(self, records: list[tuple[str, dict[str, Any]]], reason: str) -> None:
        """Append records the database would not take to ``unsaved-<stamp>.jsonl`` beside it."""
        if not records:
            return
        if self._side_file is None:
            stamp = self._clock().strftime("%Y%m%dT%H%M%S")
            self._side_file = self.path.with_name(f"unsaved-{stamp}.jsonl")
        try:
            with self._side_file.open("a", encoding="utf-8") as fh:
                for kind, payload in records:
                    line = {"kind": kind, "student": self.student, **payload}
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            self.warn(
                f"{len(records)} records could not be saved to {self.path} ({reason}) nor to "
                f"{self._side_file} ({exc.strerror or exc}); they are lost"
            )
            return
        first = self.set_aside == 0
        self.set_aside += len(records)
        if first:
            self.warn(
                f"could not save your progress to {self.path} ({reason}); "
                f"it is being written to {self._side_file} instead"
            )

    # SessionObserver ------------------------------------------------------------------

    @_guarded
    def attempt(self, record: Attempt) -> None:
        self._write(
            "attempt",
            {
                "at": db.iso(self._clock()),
                "lesson_id": _clean(record.lesson_id),
                "question_id": _clean(record.question_id),
                "text": _clean(record.text),
                "verdict": str(record.verdict),
                "credit": float(record.credit),
                "try_no": int(record.try_no),
                "hints_used": int(record.hints_used),
                "final": bool(record.final),
                "awarded": float(record.awarded),
                "mode": str(record.mode),
            },
        )

    @_guarded
    def outcome(self, record: Outcome) -> None:
        self._write(
            "outcome",
            {
                "at": db.iso(self._clock()),
                "lesson_id": _clean(record.lesson_id),
                "question_id": _clean(record.question_id),
                "result": str(record.result),
                "awarded": float(record.awarded),
                "tries": int(record.tries),
                "hints_used": int(record.hints_used),
                "mode": str(record.mode),
            },
        )

    @_guarded
    def place(self, lesson_id: str, step_index: int) -> None:
        self._write(
            "place",
            {"at": db.iso(self._clock()), "lesson_id": _clean(lesson_id), "step": int(step_index)},
        )

    @_guarded
    def finished(self, lesson_id: str | None, score: float, mode: str) -> None:
        self._write(
            "finished",
            {
                "at": db.iso(self._clock()),
                "lesson_id": None if lesson_id is None else _clean(lesson_id),
                "score": min(1.0, max(0.0, float(score))),
                "mode": str(mode),
            },
        )

    @_guarded
    def clear_place(self, lesson_id: str) -> None:
        """Forget the saved place (the student chose to start the lesson over)."""
        self._write("clear_place", {"lesson_id": _clean(lesson_id)})

    # The statements, run inside a transaction by _flush.

    def _do_attempt(self, p: dict[str, Any]) -> None:
        self._conn.execute(
            "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit,"
            " try_no, hints_used, final, awarded, mode)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                p["at"],
                self.student,
                p["lesson_id"],
                p["question_id"],
                p["text"],
                p["verdict"],
                p["credit"],
                p["try_no"],
                p["hints_used"],
                int(p["final"]),
                p["awarded"],
                p["mode"],
            ),
        )

    def _do_outcome(self, p: dict[str, Any]) -> None:
        outcome = Outcome(
            p["lesson_id"],
            p["question_id"],
            p["result"],
            p["awarded"],
            p["tries"],
            p["hints_used"],
            p["mode"],
        )
        rating = rating_for(outcome)
        now = db.parse_iso(p["at"])
        key = (self.student, p["lesson_id"], p["question_id"])
        self._conn.execute(
            "INSERT INTO outcomes (at, student, lesson_id, question_id, result, awarded, tries,"
            " hints_used, mode, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                p["at"],
                *key,
                p["result"],
                p["awarded"],
                p["tries"],
                p["hints_used"],
                p["mode"],
                int(rating),
            ),
        )
        row = self._conn.execute(
            "SELECT card, reviews, lapses, best_awarded FROM cards"
            " WHERE student = ? AND lesson_id = ? AND question_id = ?",
            key,
        ).fetchone()
        if row is None:
            card, reviews, lapses, best = new_card(*key, now), 0, 0, 0.0
        else:
            reviews, lapses, best = row[1], row[2], row[3]
            try:
                card = Card.from_json(row[0])
            except (ValueError, KeyError, TypeError):  # an unreadable card: schedule afresh
                card = new_card(*key, now)
        card = review(self._scheduler, card, rating, now)
        self._conn.execute(
            "INSERT OR REPLACE INTO cards (student, lesson_id, question_id, card, due, reviews,"
            " lapses, best_awarded, last_rating, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *key,
                card.to_json(),
                db.iso(card.due),
                reviews + 1,
                lapses + (1 if int(rating) == 1 and reviews else 0),
                max(best, p["awarded"]),
                int(rating),
                p["at"],
            ),
        )

    def _do_place(self, p: dict[str, Any]) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO places (student, lesson_id, step_index, at) VALUES (?, ?, ?, ?)",
            (self.student, p["lesson_id"], p["step"], p["at"]),
        )

    def _do_finished(self, p: dict[str, Any]) -> None:
        self._conn.execute(
            "INSERT INTO finishes (at, student, lesson_id, mode, score) VALUES (?, ?, ?, ?, ?)",
            (p["at"], self.student, p["lesson_id"], p["mode"], p["score"]),
        )
        if p["mode"] == "learn" and p["lesson_id"] is not None:
            self._do_clear_place(p)

    def _do_clear_place(self, p: dict[str, Any]) -> None:
        self._conn.execute(
            "DELETE FROM places WHERE student = ? AND lesson_id = ?",
            (self.student, p["lesson_id"]),
        )

    # ---------------------------------------------------------------------------- reads

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self.connection.execute(sql, tuple(params)).fetchall()

    def resume_point(self, lesson_id: str) -> int | None:
        """The step index to resume the lesson at; None if never started or finished since."""
        rows = self._read(
            "SELECT step_index FROM places WHERE student = ? AND lesson_id = ?",
            (self.student, lesson_id),
        )
        return int(rows[0][0]) if rows else None

    def lesson_progress(
        self, lesson_ids: Iterable[str], course: Course | None = None
    ) -> dict[str, LessonProgress]:
        """Progress for each lesson id (in the order given).

        ``status`` is "done" once the lesson was finished in learn mode, else "in progress" if
        there is a saved place or any answer in it, else "new". With ``course``, ``answered``
        counts only questions still in the lesson and ``total`` is the lesson's question count.
        """
        ids = list(dict.fromkeys(lesson_ids))
        s = (self.student,)
        done = {
            r[0]: (r[1], r[2], r[3])
            for r in self._read(
                "SELECT lesson_id, MAX(score), MAX(at), COUNT(*) FROM finishes"
                " WHERE student = ? AND mode = 'learn' AND lesson_id IS NOT NULL"
                " GROUP BY lesson_id",
                s,
            )
        }
        places = {
            r[0]: (r[1], r[2])
            for r in self._read("SELECT lesson_id, step_index, at FROM places WHERE student = ?", s)
        }
        last_answer = {
            r[0]: r[1]
            for r in self._read(
                "SELECT lesson_id, MAX(at) FROM attempts WHERE student = ? GROUP BY lesson_id", s
            )
        }
        answered: dict[str, set[str]] = {}
        for lesson_id, question_id, last_at in self._read(
            "SELECT lesson_id, question_id, last_at FROM cards WHERE student = ?", s
        ):
            answered.setdefault(lesson_id, set()).add(question_id)
            if last_at > last_answer.get(lesson_id, ""):
                last_answer[lesson_id] = last_at

        result: dict[str, LessonProgress] = {}
        for lesson_id in ids:
            best, done_at, times = done.get(lesson_id, (None, None, 0))
            step, place_at = places.get(lesson_id, (None, None))
            seen = [t for t in (done_at, place_at, last_answer.get(lesson_id)) if t]
            questions = answered.get(lesson_id, set())
            total = None
            if course is not None:
                lesson = course.lesson(lesson_id)
                current = {q.id for q in lesson.questions} if lesson else set()
                questions = questions & current
                total = len(current)
            if times:
                status = "done"
            elif step is not None or lesson_id in last_answer:
                status = "in progress"
            else:
                status = "new"
            result[lesson_id] = LessonProgress(
                lesson_id=lesson_id,
                status=status,
                best_score=best,
                last_seen=db.parse_iso(max(seen)) if seen else None,
                answered=len(questions),
                total=total,
                resume_at=step,
                times_done=times,
            )
        return result

    # Review -----------------------------------------------------------------------------

    def _cards_in_course(
        self, course: Course, due_before: str | None
    ) -> list[tuple[str, str, str]]:
        sql = "SELECT lesson_id, question_id, due FROM cards WHERE student = ?"
        params: list[Any] = [self.student]
        if due_before is not None:
            sql += " AND due <= ?"
            params.append(due_before)
        sql += " ORDER BY due, lesson_id, question_id"
        out = []
        for lesson_id, question_id, due in self._read(sql, params):
            lesson = course.lesson(lesson_id)
            if lesson is not None and lesson.question(question_id) is not None:
                out.append((lesson_id, question_id, due))
        return out

    def due_reviews(
        self, course: Course, now: datetime | None = None, limit: int | None = None
    ) -> list[tuple[str, str]]:
        """(lesson_id, question_id) refs due at ``now``, most overdue first, still in the course."""
        cutoff = db.iso(now or self._clock())
        refs = [(lid, qid) for lid, qid, _ in self._cards_in_course(course, cutoff)]
        return refs[:limit] if limit is not None else refs

    def review_count(self, course: Course, now: datetime | None = None) -> int:
        return len(self.due_reviews(course, now))

    def next_review(self, course: Course) -> datetime | None:
        """When the next question falls due (may be in the past); None when there are no cards."""
        cards = self._cards_in_course(course, None)
        return db.parse_iso(cards[0][2]) if cards else None

    def card(self, lesson_id: str, question_id: str) -> Card | None:
        rows = self._read(
            "SELECT card FROM cards WHERE student = ? AND lesson_id = ? AND question_id = ?",
            (self.student, lesson_id, question_id),
        )
        return Card.from_json(rows[0][0]) if rows else None
