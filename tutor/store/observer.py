"""The store as a ``SessionObserver``: one record per call, and the SQL each record runs.

Owns the observer methods (``attempt``, ``outcome``, ``place``, ``finished``, ``clear_place``),
which never raise into the session (a malformed record is reported through ``warn``), the text
cleaning SQLite needs (:class:`Recording`), and the statements run for each kind of record inside
its transaction (:class:`Statements`; ``outcome`` also reschedules the question's review card).
Parts of :class:`tutor.store.progress.Store`; the writing itself is :mod:`tutor.store.journal`.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tutor.records import Attempt, Outcome
from tutor.store import db
from tutor.store.base import StoreState
from tutor.store.review import card_from_json, make_scheduler, new_card, rating_for, review

if TYPE_CHECKING:
    from fsrs import Scheduler

_Method = TypeVar("_Method", bound=Callable[..., None])


def _guarded(method: _Method) -> _Method:
    """An observer method that never raises into the session (it warns instead)."""

    @functools.wraps(method)
    def wrapper(self: Recording, *args: Any) -> None:
        try:
            method(self, *args)
        except Exception as exc:  # a malformed record or a bug: say so, keep the lesson going
            self._state.write_errors += 1
            self._state.warn(f"could not record {method.__name__} {args!r}: {type(exc).__name__}: {exc}")

    # The same signature as ``method`` as far as callers go (Store must match SessionObserver),
    # except that the wrapper takes no keyword arguments: the observer is called positionally.
    return cast(_Method, wrapper)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """Text SQLite can store: lone surrogates (undecodable input) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


# Hands one record to the journal: True once it is on disk.
Write = Callable[[str, dict[str, Any]], bool]


class Recording:
    """The observer calls: each builds one record and hands it to ``write`` (the journal)."""

    def __init__(self, state: StoreState, write: Write) -> None:
        self._state = state
        self._write = write

    @_guarded
    def attempt(self, record: Attempt) -> None:
        self._write(
            "attempt",
            {
                "at": db.iso(self._state.clock()),
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
                "at": db.iso(self._state.clock()),
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
            {"at": db.iso(self._state.clock()), "lesson_id": _clean(lesson_id), "step": int(step_index)},
        )

    @_guarded
    def finished(self, lesson_id: str | None, score: float, mode: str) -> None:
        self._write(
            "finished",
            {
                "at": db.iso(self._state.clock()),
                "lesson_id": None if lesson_id is None else _clean(lesson_id),
                "score": min(1.0, max(0.0, float(score))),
                "mode": str(mode),
            },
        )

    @_guarded
    def clear_place(self, lesson_id: str) -> None:
        """Forget the saved place (the student chose to start the lesson over)."""
        self._write("clear_place", {"lesson_id": _clean(lesson_id)})


class Statements:
    """What each kind of record writes, run by the journal inside a transaction on ``conn``."""

    def __init__(self, state: StoreState, *, fuzz: bool = True) -> None:
        self._state = state
        self._fuzz = fuzz
        self._scheduler: Scheduler | None = None  # made with the first review
        self._by_kind: dict[str, Callable[[sqlite3.Connection, dict[str, Any]], None]] = {
            "attempt": self._do_attempt,
            "outcome": self._do_outcome,
            "place": self._do_place,
            "finished": self._do_finished,
            "clear_place": self._do_clear_place,
        }

    def apply(self, conn: sqlite3.Connection, kind: str, payload: dict[str, Any]) -> None:
        self._by_kind[kind](conn, payload)

    def _do_attempt(self, conn: sqlite3.Connection, p: dict[str, Any]) -> None:
        conn.execute(
            "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit,"
            " try_no, hints_used, final, awarded, mode)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                p["at"],
                self._state.student,
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

    def _do_outcome(self, conn: sqlite3.Connection, p: dict[str, Any]) -> None:
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
        key = (self._state.student, p["lesson_id"], p["question_id"])
        conn.execute(
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
        row = conn.execute(
            "SELECT card, reviews, lapses, best_awarded FROM cards"
            " WHERE student = ? AND lesson_id = ? AND question_id = ?",
            key,
        ).fetchone()
        if row is None:
            card, reviews, lapses, best = new_card(*key, now), 0, 0, 0.0
        else:
            reviews, lapses, best = row[1], row[2], row[3]
            try:
                card = card_from_json(row[0])
            except (ValueError, KeyError, TypeError):  # an unreadable card: schedule afresh
                card = new_card(*key, now)
        if self._scheduler is None:
            self._scheduler = make_scheduler(fuzz=self._fuzz)
        card = review(self._scheduler, card, rating, now)
        conn.execute(
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

    def _do_place(self, conn: sqlite3.Connection, p: dict[str, Any]) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO places (student, lesson_id, step_index, at) VALUES (?, ?, ?, ?)",
            (self._state.student, p["lesson_id"], p["step"], p["at"]),
        )

    def _do_finished(self, conn: sqlite3.Connection, p: dict[str, Any]) -> None:
        conn.execute(
            "INSERT INTO finishes (at, student, lesson_id, mode, score) VALUES (?, ?, ?, ?, ?)",
            (p["at"], self._state.student, p["lesson_id"], p["mode"], p["score"]),
        )
        if p["mode"] == "learn" and p["lesson_id"] is not None:
            self._do_clear_place(conn, p)

    def _do_clear_place(self, conn: sqlite3.Connection, p: dict[str, Any]) -> None:
        conn.execute(
            "DELETE FROM places WHERE student = ? AND lesson_id = ?",
            (self._state.student, p["lesson_id"]),
        )
