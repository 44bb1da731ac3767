"""Whether the progress file is still the one last verified: its integrity check can then wait.

Opening the store runs SQLite's ``quick_check`` over the whole file, which grows with every
answer kept (about 0.15 s for 300,000 answers, at every start). The check can only find damage
that something other than SQLite did (a disk fault, another program, a half-copied backup):
SQLite's own writes, in WAL mode with full sync, leave the file whole. So a file that passed its
check, was then written only by SQLite and closed cleanly, and has not changed since, is checked
in full only at its first opening of each day (damage that slipped in unseen is found then, or
as soon as the damaged part is read).

When the last connection closes cleanly (SQLite then folds the WAL file back into the file and
removes it), :func:`mark` writes ``progress.sqlite3.verified`` beside it: the file's device,
inode, size and change times, and the day of its last full check. :func:`last_check` gives
that day only when the marker describes the progress file exactly and no WAL file is left (a
crash, or another tutor still open). Anything else, a marker missing, unreadable or from another
file, means a full check, as before.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def _marker(path: Path) -> Path:
    return path.with_name(f"{path.name}.verified")


def _identity(path: Path) -> str | None:
    """The file's device, inode, size, and times of change (its contents' and its own); None
    when it cannot be read or a WAL file is left beside it."""
    try:
        if os.path.lexists(f"{path}-wal"):
            return None
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return f"{info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns}"


def last_check(path: Path) -> str | None:
    """The day (``YYYY-MM-DD``, UTC) of the last full check of ``path``, when it is exactly as it
    was when :func:`mark` last described it; else None."""
    now = _identity(path)
    if now is None:
        return None
    try:
        with open(_marker(path), encoding="ascii") as handle:
            identity, _, day = handle.read(200).strip().rpartition(" ")
    except (OSError, ValueError):
        return None
    return day if identity == now and len(day) == 10 else None


def mark(path: Path, checked: str) -> None:
    """Describe ``path`` as verified, fully on day ``checked``: call only after a clean close of a
    connection that opened a verified file and wrote through SQLite without error. Nothing when
    a WAL file is still there (another connection is open) or the marker cannot be written."""
    now = _identity(path)
    if now is None:
        return
    marker = _marker(path)
    tmp = marker.with_name(f".{marker.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(f"{now} {checked}\n", encoding="ascii")
        os.replace(tmp, marker)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
