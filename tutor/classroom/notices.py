"""How the class store's sender tells the student something (answers waiting, then sent).

Plain mode and the commands print it on stderr, one calm line; the full-screen app ``listen``s
while it runs and shows it as a notification. The sender runs on its own thread: a listener must
be safe to call from any thread.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable

Listener = Callable[[str], None]

_listener: Listener | None = None
_lock = threading.Lock()


def _stderr(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # stderr closed: nothing to tell
        print(f"tutor: {message}", file=sys.stderr, flush=True)


def say(message: str) -> None:
    with _lock:
        listener = _listener
    (listener or _stderr)(message)


def listen(listener: Listener | None) -> Listener | None:
    """Send messages to ``listener`` (None: back to stderr); returns the previous one."""
    global _listener
    with _lock:
        previous, _listener = _listener, listener
    return previous
