"""Standard streams that may be closed, full or gone: no traceback, and no file landing on fd 0-2.

- :func:`guard_std_streams` runs first in ``main``. A closed stdin, stdout or stderr
  (``tutor learn <&-``, ``>&-``) gets ``/dev/null`` on its file descriptor, so that the progress
  database opened later can never receive fd 1 and be written to by a stray ``print``. A closed
  stdin reads as end of input; a closed stdout is replaced by :class:`ClosedOutput`, whose writes
  fail with ``EBADF`` like any other unwritable output.
- :func:`output_failed` is what every front end does when writing fails (``| head -3`` closed the
  pipe, ``> /dev/full``): point stdout at ``/dev/null`` so the interpreter's last flush cannot
  fail again, and say why on stderr unless the reader simply stopped reading (``EPIPE``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import IO


class ClosedOutput:
    """Stands in for a stdout that was closed before the tutor started."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _fd_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def guard_std_streams() -> None:
    """Give closed standard file descriptors /dev/null, and the closed streams stand-ins."""
    for fd in (0, 1, 2):
        if not _fd_open(fd):
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def output_failed(exc: OSError, out: IO[str] | None = None) -> None:
    """Writing ``out`` (default: stdout) failed: silence it, and tell stderr why (not for EPIPE)."""
    out = out if out is not None else sys.stdout
    with contextlib.suppress(OSError, ValueError, AttributeError):
        fd = out.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        return
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.filename:  # not output at all: a file the command needed (e.g. permission denied)
        reason = f"{reason}: {exc.filename}"
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"tutor: stopped: {reason}.", file=sys.stderr)
