"""What the parts of the store share: the state :class:`tutor.store.progress.Store` sets up in
``__init__``, and the methods one mixin calls on another.

Only declarations. The mixins (:mod:`~tutor.store.journal`, :mod:`~tutor.store.observer`,
:mod:`~tutor.store.reads`) inherit from :class:`StoreParts` so that a type checker knows what
``self`` holds; at run time the class adds nothing (annotations create no attributes, and the
method signatures exist only for the type checker).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fsrs import Scheduler

Clock = Callable[[], datetime]
Warn = Callable[[str], None]
# A record waiting to be written: its kind ("attempt", "outcome", ...) and its column values.
Record = tuple[str, dict[str, Any]]


class StoreParts:
    """The state and the cross-mixin methods of a :class:`tutor.store.progress.Store`."""

    # Set by Store.__init__.
    _conn: sqlite3.Connection | None  # None once closed
    path: Path
    student: str
    _clock: Clock
    _scheduler: Scheduler
    warn: Warn
    _lock: threading.RLock
    _pending: list[Record]
    _failing: bool
    moved_aside: Path | None
    write_errors: int
    set_aside: int
    _side_file: Path | None

    if TYPE_CHECKING:
        # progress.Store
        @property
        def connection(self) -> sqlite3.Connection: ...

        # journal.Journal
        def _write(self, kind: str, payload: dict[str, Any]) -> bool: ...
