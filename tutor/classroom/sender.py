"""Sending the local store's answers to the class store, never in the student's way.

``send_waiting`` sends everything waiting, in batches, each batch one transaction on the class
store (``INSERT ... ON CONFLICT DO NOTHING``, so a batch sent twice arrives once), the local mark
moved only after the commit. ``BackgroundSender`` runs it on a thread: at start, after each new
answer (it looks every ``poll`` seconds at the newest local row, a cheap read), with backoff while
the class store cannot be reached (1, 2, 4 ... 60 s; a new answer tries again at once), and a last
short try at quit. The student's feedback never waits for the network: the session writes only to
the local store. When answers are waiting and the class store cannot be reached, the student is
told once, calmly (``notices.say``), and once more when they have all arrived.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.classroom import notices
from tutor.classroom.outbox import KINDS, Kind, Outbox
from tutor.classroom.server import ClassStoreError, ClassStoreUnavailable, connect, target

if TYPE_CHECKING:
    import psycopg

BATCH = 500
MAX_BACKOFF = 60.0
SEND_TIMEOUT = 5.0  # seconds to connect, and for each statement
QUIT_TIMEOUT = 2.0  # the last try at quit: short, the student is leaving

Progress = Callable[[int, int], None]  # (sent so far, total)


def _insert(kind: Kind) -> str:
    cols = ", ".join(kind.columns)
    marks = ", ".join(["%s"] * len(kind.columns))
    return (
        f"INSERT INTO tutor.{kind.table} ({cols}) VALUES ({marks})"  # noqa: S608 (constants)
        " ON CONFLICT DO NOTHING"
    )


def open_connection(url: str, timeout: float = SEND_TIMEOUT) -> psycopg.Connection[Any]:
    from tutor.classroom import schema

    conn = connect(url, timeout=timeout)
    try:
        cur = conn.cursor()
        cur.execute(
            "SELECT set_config('statement_timeout', %s, false)", (f"{int(timeout * 1000)}",)
        )
        schema.check_version(cur, url)
        conn.commit()
    except BaseException:
        conn.close()
        raise
    return conn


def send_waiting(
    conn: psycopg.Connection[Any],
    outbox: Outbox,
    *,
    batch: int = BATCH,
    progress: Progress | None = None,
) -> int:
    """Send every waiting row; returns how many were sent. Raises ``ClassStoreError`` (or
    ``ClassStoreUnavailable`` when worth trying again) and leaves the rest waiting."""
    import psycopg

    total = outbox.waiting()
    done = 0
    try:
        for kind in KINDS:
            while True:
                rows, last_id = outbox.batch(kind, batch)
                if not rows:
                    break
                with conn.cursor() as cur:
                    cur.executemany(_insert(kind), rows)
                    cur.execute(
                        "INSERT INTO tutor.syncs (waiting) VALUES (%s)",
                        (max(0, total - done - len(rows)),),
                    )
                conn.commit()
                outbox.sent(kind, last_id)
                done += len(rows)
                if progress is not None:
                    progress(done, total)
    except psycopg.OperationalError as exc:
        raise ClassStoreUnavailable(f"the class store stopped answering: {_short(exc)}") from None
    except psycopg.Error as exc:
        raise ClassStoreError(f"the class store refused the answers: {_short(exc)}") from None
    return done


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def _plural(n: int) -> str:
    return f"{n} answer{'s' if n != 1 else ''}"


class BackgroundSender:
    """Sends a student's waiting answers on a daemon thread until ``stop()``."""

    def __init__(
        self,
        url: str,
        path: Path,
        student: str,
        *,
        poll: float = 1.0,
        timeout: float = SEND_TIMEOUT,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.url = url
        self.path = path
        self.student = student
        self.poll = poll
        self.timeout = timeout
        self._say = say or notices.say
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tutor-class-sender", daemon=True)
        self._lock = threading.Lock()  # one send at a time (the thread, or the last try at quit)
        self._conn: psycopg.Connection[Any] | None = None
        self._outbox: Outbox | None = None
        self._failures = 0
        self._next_try = 0.0
        self._latest_at_failure: tuple[int, ...] | None = None
        self._told = False
        self.sent = 0
        self.last_error: str | None = None

    def start(self) -> BackgroundSender:
        self._thread.start()
        return self

    # -- one round -----------------------------------------------------------------------------

    def _box(self) -> Outbox:
        if self._outbox is None:
            self._outbox = Outbox(self.path, self.student, target(self.url))
        return self._outbox

    def round(self, timeout: float | None = None) -> None:
        """Send what waits, if it is time to try; remember and tell how it went."""
        with self._lock:
            latest: tuple[int, ...] | None = None
            try:
                box = self._box()
                latest = box.latest()
                if not box.waiting():
                    return
                backing_off = self._failures and time.monotonic() < self._next_try
                if backing_off and latest == self._latest_at_failure:
                    return  # and nothing new since the last failure
                if self._conn is None or self._conn.closed:
                    self._conn = open_connection(self.url, timeout or self.timeout)
                self.sent += send_waiting(self._conn, box)
            except Exception as exc:  # unreachable, refused, a damaged file: never in the way
                self._failed(exc, latest)
                return
            self._failures = 0
            self.last_error = None
            if self._told:
                self._told = False
                self._say("The answers that were waiting have reached the class store.")

    def _failed(self, exc: BaseException, latest: tuple[int, ...] | None) -> None:
        self._failures += 1
        self._next_try = time.monotonic() + min(MAX_BACKOFF, 2.0 ** (self._failures - 1))
        self._latest_at_failure = latest
        self.last_error = str(exc)
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        if not self._told:
            self._told = True
            try:
                waiting = self._box().waiting()
            except Exception:
                waiting = 0
            self._say(
                f"{_plural(waiting).capitalize()} waiting to be sent to the class store, which "
                "cannot be reached just now. They are safe on this computer and will be sent "
                "when it can be ('tutor sync --status' shows them)."
            )

    # -- the thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            self.round()
            self._stop.wait(self.poll)

    def stop(self, timeout: float = QUIT_TIMEOUT) -> None:
        """Stop the thread, then one last short try if answers wait (unless the class store has
        been failing and nothing is new since)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
            if self._thread.is_alive():
                return  # a send still under way: what it has not sent waits for the next start
        self.round(timeout)
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            if self._outbox is not None:
                self._outbox.close()
                self._outbox = None


def start_for(url: str, path: Path, student: str) -> BackgroundSender:
    """Start sending ``student``'s answers from the store at ``path``; stopped at exit."""
    sender = BackgroundSender(url, path, student).start()
    atexit.register(sender.stop)
    return sender
