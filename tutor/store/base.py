"""What the parts of the store share: one :class:`StoreState`, handed to each part explicitly.

:class:`tutor.store.progress.Store` builds the state and composes the parts around it: the
:class:`~tutor.store.journal.Journal` (writing, retrying, the side file), the
:class:`~tutor.store.observer.Recording` (the observer calls) with its
:class:`~tutor.store.observer.Statements` (the SQL of each record), and the
:class:`~tutor.store.reads.Reads` (the queries). No part reaches into another; what one needs of
another is passed to it as a callable.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from tutor.store import db
from tutor.values import field, mutable

Clock = Callable[[], datetime]
Warn = Callable[[str], None]
# A record waiting to be written: its kind ("attempt", "outcome", ...) and its column values.
Record = tuple[str, dict[str, Any]]


@mutable(eq=False)
class StoreState:
    """The open connection and what every part of one student's store needs to know."""

    conn: sqlite3.Connection | None  # None once closed
    path: Path
    student: str
    clock: Clock
    warn: Warn  # a front end may replace it while the store is open
    lock: threading.RLock = field(default_factory=threading.RLock)
    write_errors: int = 0  # failed write attempts (a record retried twice counts twice)
    verified_on: str = ""  # the day the file was verified when opened ("" read-only: never marked)

    @property
    def connection(self) -> sqlite3.Connection:
        """The open sqlite3 connection; ``StoreError`` once the store is closed."""
        if self.conn is None:
            raise db.StoreError("the progress store is closed", self.path)
        return self.conn
