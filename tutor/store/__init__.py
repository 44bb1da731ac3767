"""Progress that survives anything: the SQLite store, resume, spaced review, stats and export.

No Textual here. See docs/progress.md for the file location, the rating mapping and the columns.
Names are imported lazily, so ``tutor.store.commandline`` stays cheap for ``tutor --help``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.store.db import DamagedStore, StoreError, StoreTooNew, StoreUnavailable
    from tutor.store.progress import LessonProgress, Store
    from tutor.store.review import rating_for

_WHERE = {
    "DamagedStore": "tutor.store.db",
    "StoreError": "tutor.store.db",
    "StoreTooNew": "tutor.store.db",
    "StoreUnavailable": "tutor.store.db",
    "LessonProgress": "tutor.store.progress",
    "Store": "tutor.store.progress",
    "rating_for": "tutor.store.review",
}

__all__ = [
    "DamagedStore",
    "LessonProgress",
    "Store",
    "StoreError",
    "StoreTooNew",
    "StoreUnavailable",
    "rating_for",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'tutor.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value
