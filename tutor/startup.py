"""Start-up: the cycle collector rests from the command line's first step until the first screen
or question is shown.

Starting makes tens of thousands of objects that live as long as the process: modules, the
model's data classes, the course, the app's widgets. The cycle collector walking them while the
tutor starts frees nothing (about 7 ms of ``tutor learn --plain``, more of the app); reference
counting still frees everything else. :func:`ready`, called by a front end once the student sees
it, moves what exists by then to the permanent generation (``gc.freeze``: later collections skip
it) and turns the collector back on. :func:`paused` puts the collector back as it found it when
the command returns, however it returns, so a caller running ``tutor.cli.main`` in-process (the
tests) gets it back too.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_resting = False  # paused by us and not ready yet


@contextmanager
def paused() -> Iterator[None]:
    global _resting
    was = gc.isenabled()
    gc.disable()
    _resting = was
    try:
        yield
    finally:
        _resting = False
        if was:
            gc.enable()


def ready() -> None:
    """The student sees the first screen or question: collect from now on, skipping what start-up
    made. Does nothing unless :func:`paused` rests the collector (or after the first call)."""
    global _resting
    if not _resting:
        return
    _resting = False
    if gc.get_freeze_count() == 0:  # never freeze again what an earlier run left behind
        gc.freeze()
    gc.enable()
