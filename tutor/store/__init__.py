"""Progress that survives anything: the SQLite store, resume, spaced review, stats and export.

No Textual here. See docs/progress.md for the file location, the rating mapping and the columns.
"""

from tutor.store.db import DamagedStore, StoreError, StoreTooNew, StoreUnavailable
from tutor.store.progress import LessonProgress, Store
from tutor.store.review import rating_for

__all__ = [
    "DamagedStore",
    "LessonProgress",
    "Store",
    "StoreError",
    "StoreTooNew",
    "StoreUnavailable",
    "rating_for",
]
