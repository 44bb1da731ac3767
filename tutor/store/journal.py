"""The store's write path: each record written at once, kept and retried when the database is
busy or failing, and never dropped without a word.

Owns the queue of records not yet written (in order), the retry before every later write and on
``close()``, the warning on the first failure and on recovery, and the ``unsaved-<stamp>.jsonl``
side file for records the database will never take. What each record writes is in
:mod:`tutor.store.observer`, passed in as ``apply``. A part of :class:`tutor.store.progress.Store`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tutor.safetext import json_text, printable
from tutor.store import db, verified
from tutor.store.base import Record, StoreState

# Runs one record's statements on the connection, inside the transaction the journal opened.
Apply = Callable[[sqlite3.Connection, str, dict[str, Any]], None]

# Records that only say where the student is: committed without waiting for the disk (SQLite's
# synchronous=NORMAL for that one transaction). In WAL mode such a commit survives a killed
# process, and the next answer's fsync'd commit makes it durable too; only a power cut right
# after it can lose it, and then a resumed lesson asks one answered question again.
ADVISORY = frozenset({"place"})


def stderr_warning(message: str) -> None:
    print(printable(f"tutor: warning: {message}"), file=sys.stderr, flush=True)


def unsaved_to_stderr(lines: list[str]) -> None:
    """The last resort for records no file would take: JSON lines on standard error."""
    try:
        sys.stderr.write("".join(line + "\n" for line in lines))
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


class Journal:
    """Writing records now, or later, or to the side file."""

    def __init__(self, state: StoreState, apply: Apply) -> None:
        self._state = state
        self._apply = apply
        self._pending: list[Record] = []
        self._failing = False
        self.set_aside = 0  # records written to the side file instead of the database
        self.side_file: Path | None = None  # unsaved-<stamp>.jsonl, once a record went there

    @property
    def unsaved(self) -> int:
        """Records written neither to the database nor to an unsaved-*.jsonl file yet."""
        return len(self._pending)

    def write(self, kind: str, payload: dict[str, Any]) -> bool:
        """Write one record now, after any that wait; keep it for later if that fails."""
        with self._state.lock:
            self._pending.append((kind, payload))
            if self._state.conn is None:  # closed: straight to the side file, with a warning
                self._set_aside(self._pending, "the progress store was already closed")
                self._pending.clear()
                return False
            self._flush()
            return not self._pending

    def close(self) -> None:
        """Write what waits (or set it aside), then close the connection; twice is harmless."""
        state = self._state
        with state.lock:
            if state.conn is None:
                return
            self._flush()
            if self._pending:
                self._set_aside(self._pending, "still unsaved when tutor closed")
                self._pending.clear()
            state.conn.close()
            state.conn = None
            if state.verified_on and not state.write_errors:
                verified.mark(state.path, state.verified_on)

    def _flush(self) -> None:
        state = self._state
        if state.conn is None:
            return
        while self._pending:
            kind, payload = self._pending[0]
            try:
                with db.relaxed(state.conn, kind in ADVISORY), db.transaction(state.conn) as conn:
                    self._apply(conn, kind, payload)
            except sqlite3.OperationalError as exc:
                # Locked past the busy timeout, disk full, I/O error: worth trying again later.
                state.write_errors += 1
                if not self._failing:
                    self._failing = True
                    state.warn(
                        f"could not save your progress to {state.path} ({exc}); "
                        "tutor keeps it in memory and will try again"
                    )
                return
            except Exception as exc:  # damaged file, closed connection, a bug: retrying won't help
                state.write_errors += 1
                self._set_aside([(kind, payload)], f"{type(exc).__name__}: {exc}")
            self._pending.pop(0)
        if self._failing:
            self._failing = False
            state.warn(f"progress saved to {state.path} again; nothing was lost")

    def _set_aside(self, records: list[Record], reason: str) -> None:
        """Append records the database would not take to ``unsaved-<stamp>.jsonl`` beside it."""
        if not records:
            return
        state = self._state
        if self.side_file is None:
            stamp = state.clock().strftime("%Y%m%dT%H%M%S")
            self.side_file = state.path.with_name(f"unsaved-{stamp}.jsonl")
        lines = [json_text({"kind": kind, "student": state.student, **payload}) for kind, payload in records]
        try:
            with self.side_file.open("a", encoding="utf-8") as fh:
                fh.write("".join(line + "\n" for line in lines))
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            # The same full or read-only disk: the last place left is standard error.
            state.warn(
                f"{len(records)} records could not be saved to {state.path} ({reason}) nor to "
                f"{self.side_file} ({exc.strerror or exc}); here they are, one JSON line each "
                "(keep them: they are your answers)"
            )
            unsaved_to_stderr(lines)
            return
        first = self.set_aside == 0
        self.set_aside += len(records)
        if first:
            state.warn(
                f"could not save your progress to {state.path} ({reason}); "
                f"it is being written to {self.side_file} instead"
            )
