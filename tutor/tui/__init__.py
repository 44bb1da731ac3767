"""The Textual front end: the only package that imports Textual.

Entry point::

    run_app(course, grader, *, store=None, start=None, theme=None, settings_path=None) -> int

- ``course``: a loaded ``tutor.model.Course`` (load and validate it *before* calling: lesson errors
  are printed as plain text by the caller, never shown by a crashed app).
- ``grader``: anything with ``grade(question, text)`` (``tutor.session.base.Grades``): a
  ``tutor.grading.Grader`` built for that course, or ``tutor.commands.common.LazyGrader``, which
  builds it on the first answer so that the course screen never waits for it (``tutor`` passes one).
- ``store``: a ``tutor.tui.progress.ProgressStore`` (an open ``tutor.store.Store`` is one), or
  ``None``: then no progress is shown, lessons start at the beginning and review is unavailable.
- ``start``: where to open. ``None`` is the course screen; ``("learn", lesson_id)`` a lesson
  (resumed at the store's saved place); ``("quiz", {"lesson_ids": [...] | None, "count": int |
  None, "seed": int | None})`` a quiz; ``("review", refs)`` a review of ``(lesson_id,
  question_id)`` pairs (``refs=None``: whatever the store says is due). Each of these returns to
  the course screen at the end.
- ``theme``: a Textual built-in theme name for this run; otherwise the theme last chosen (ctrl+p >
  "Change theme"), remembered in ``settings_path`` (default: ``tui-settings.json`` beside the
  store's database, else in ``tutor.paths.data_dir()``).

Returns the exit code (0). ctrl+q quits from anywhere; SIGTERM and SIGHUP leave the terminal clean.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.model import Course
    from tutor.session.base import Grades
    from tutor.tui.progress import ProgressStore

__all__ = ["run_app"]


def run_app(
    course: Course,
    grader: Grades,
    *,
    store: ProgressStore | None = None,
    start: tuple[str, Any] | None = None,
    theme: str | None = None,
    settings_path: Path | None = None,
) -> int:
    from tutor.tui import settings
    from tutor.tui.app import run_app as _run

    if settings_path is None:
        settings_path = _default_settings_path(store, settings.SETTINGS_FILE)
    return _run(course, grader, store=store, start=start, theme=theme, settings_path=settings_path)


def _default_settings_path(store: Any, name: str) -> Path | None:
    db_path = getattr(store, "path", None)
    if isinstance(db_path, Path):
        return db_path.parent / name
    try:
        from tutor.paths import data_dir

        return data_dir() / name
    except Exception:  # no platformdirs, no home: the theme is simply not remembered
        return None
