"""Reading a lesson file's bytes, bounded. Light on purpose: the course cache reads files
through here without importing the YAML parser."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from tutor.loader.problems import Report

MAX_BYTES = 1024 * 1024  # a long lesson is about 30 KiB


def read_bytes(path: Path, report: Report) -> bytes | None:
    """The file's bytes, or None (with a problem reported) if it is unreadable or too big."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        report.error((1, 1), "this is a folder, not a lesson file")
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            report.error((1, 1), "cannot read the file: it is a link that leads back to itself")
        elif path.is_symlink() and not path.exists():
            report.error((1, 1), "cannot read the file: it is a link to a file that does not exist")
        else:
            report.error((1, 1), f"cannot read the file: {exc.strerror or exc}")
        return None
    if len(data) > MAX_BYTES:
        mib = max(size, len(data)) / (1024 * 1024)
        shown = f"{mib:.1f} MiB" if size else "more than 1 MiB"
        report.error(
            (1, 1), f"the file is {shown}; a lesson file may be at most 1 MiB: split the lesson"
        )
        return None
    return data
