"""Where the course and the student's data live. No Textual, no heavy imports."""

from __future__ import annotations

import os
from pathlib import Path

ENV_LESSONS = "TUTOR_LESSONS"
ENV_DATA_DIR = "TUTOR_DATA_DIR"
ENV_STUDENT = "TUTOR_STUDENT"
ENV_STORE = "TUTOR_STORE"


def bundled_course() -> Path:
    """The shipped course: inside the wheel as ``tutor/_course``, or ``lessons/`` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_course"
    if packaged.is_dir():
        return packaged
    return here.parent / "lessons"


def schema_file() -> Path:
    """The lesson JSON Schema: inside the wheel as ``tutor/_schema``, or ``docs/`` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_schema" / "lesson.schema.json"
    if packaged.is_file():
        return packaged
    return here.parent / "docs" / "lesson.schema.json"


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
    """``--student`` beats ``$TUTOR_STUDENT`` beats the operating-system user name; each cleaned
    like an answer and bounded (:func:`tutor.safetext.clean_name`). A name with nothing
    printable in it counts as not given."""
    from tutor.safetext import clean_name

    for given in (option, os.environ.get(ENV_STUDENT)):
        name = clean_name(given) if given else ""
        if name:
            return name
    try:
        import getpass

        return clean_name(getpass.getuser()) or "student"
    except Exception:  # no user name at all (containers): still a usable profile
        return "student"


def nonempty(text: str) -> str:
    """An argparse ``type`` for a folder or date option: an empty value is a mistake, never
    "use the default" (``--data-dir ""`` must not fall back to the real progress file)."""
    import argparse

    if not text.strip():
        raise argparse.ArgumentTypeError("the value is empty")
    return text


def student_name(text: str) -> str:
    """An argparse ``type`` for ``--student``: cleaned and bounded, refused when nothing
    printable is left."""
    import argparse

    from tutor.safetext import clean_name

    name = clean_name(text)
    if not name:
        raise argparse.ArgumentTypeError("a name needs at least one printable character")
    return name


def store_url(option: str | None = None) -> str | None:
    """The class store: ``--store URL`` beats ``$TUTOR_STORE``; None when neither is set (then
    nothing is sent and the PostgreSQL driver is never loaded)."""
    chosen = option or os.environ.get(ENV_STORE)
    return chosen.strip() if chosen and chosen.strip() else None
