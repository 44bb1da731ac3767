"""The store's write path: each record written at once, kept and retried when the database is
busy or failing, and never dropped without a word.

Owns the queue of records not yet written (in order), the retry before every later write and on
``close()``, the warning on the first failure and on recovery, and the ``unsaved-<stamp>.jsonl``
side file for records the database will never take. What each record writes is in
:mod:`tutor.store.observer`. A mixin of :class:`tutor.store.progress.Store`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from typing import Any

from tutor.safetext import json_text, printable
from tutor.store import db
from tutor.store.base import Record, StoreParts

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


class Journal(StoreParts):
    """Writing records now, or later, or to the side file."""

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
                with db.relaxed(self._conn, kind in ADVISORY), db.transaction(self._conn) as conn:
                    getattr(self, f"_do_{kind}")(conn, payload)
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

    def _set_aside(self, records: list[Record], reason: str) -> None:
        """Append records the database would not take to ``unsaved-<stamp>.jsonl`` beside it."""
        if not records:
            return
        if self._side_file is None:
            stamp = self._clock().strftime("%Y%m%dT%H%M%S")
            self._side_file = self.path.with_name(f"unsaved-{stamp}.jsonl")
        lines = [json_text({"kind": kind, "student": self.student, **payload}) for kind, payload in records]
        try:
            with self._side_file.open("a", encoding="utf-8") as fh:
                fh.write("".join(line + "\n" for line in lines))
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            # The same full or read-only disk: the last place left is standard error.
            self.warn(
                f"{len(records)} records could not be saved to {self.path} ({reason}) nor to "
                f"{self._side_file} ({exc.strerror or exc}); here they are, one JSON line each "
                "(keep them: they are your answers)"
            )
            unsaved_to_stderr(lines)
            return
        first = self.set_aside == 0
        self.set_aside += len(records)
        if first:
            self.warn(
                f"could not save your progress to {self.path} ({reason}); "
                f"it is being written to {self._side_file} instead"
            )

    # SessionObserver ------------------------------------------------------------------
