"""Where the course and the student's data live. No Textual, no heavy imports."""

from __future__ import annotations

import os
from pathlib import Path

ENV_LESSONS = "TUTOR_LESSONS"
ENV_DATA_DIR = "TUTOR_DATA_DIR"
ENV_STUDENT = "TUTOR_STUDENT"


def bundled_course() -> Path:
    """The shipped course: inside the wheel as ``tutor/_course``, or ``lessons/`` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_course"
    if packaged.is_dir():
        return packaged
    return here.parent / "lessons"


def course_dir(option: str | None = None) -> Path:
    """``--lessons`` beats ``$TUTOR_LESSONS`` beats the bundled course."""
    chosen = option or os.environ.get(ENV_LESSONS)
    return Path(chosen).expanduser() if chosen else bundled_course()


def data_dir(option: str | None = None) -> Path:
    """``--data-dir`` beats ``$TUTOR_DATA_DIR`` beats the platform's user data directory."""
    chosen = option or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("tutor", appauthor=False))


def default_student(option: str | None = None) -> str:
    """``--student`` beats ``$TUTOR_STUDENT`` beats the operating-system user name."""
    if option:
        return option
    env = os.environ.get(ENV_STUDENT)
    if env:
        return env
    try:
        import getpass

        return getpass.getuser() or "student"
    except Exception:  # no user name at all (containers): still a usable profile
        return "student"
