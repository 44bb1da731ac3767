"""The SQLite file under the progress store: opening, checking, schema migrations, moving aside.

Facts this module is built on (docs/architecture.md, "Facts the design relies on"): WAL mode plus one short ``BEGIN IMMEDIATE``
transaction per write survived forced kills and four concurrent writers; a plain ``BEGIN`` failed
most concurrent writes with "database is locked". So the connection runs in autocommit mode and
every write opens its own ``BEGIN IMMEDIATE`` (see ``transaction``).

A file that is not ours is never replaced silently: ``connect`` raises a ``StoreError`` subclass
that says what is wrong and where, and ``move_aside`` (used by ``Store.open(reset=True)``) renames
it, with its ``-wal`` and ``-shm`` companions, so nothing is deleted.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tutor.store import verified

FILENAME = "progress.sqlite3"
SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id marks the file as ours ("TUTR"), so a foreign SQLite database is told apart
# from an empty one.
APPLICATION_ID = 0x54555452
BUSY_TIMEOUT_MS = 10_000
COMPANIONS = ("-wal", "-shm", "-journal")


class StoreError(Exception):
    """The progress store cannot be used. ``str(error)`` is a complete sentence for the user."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DamagedStore(StoreError):
    """The file exists but is not a usable tutor progress store (damaged, or someone else's)."""


class StoreTooNew(StoreError):
    """The file was written by a newer version of tutor (its schema version is unknown here)."""


class StoreUnavailable(StoreError):
    """The file or its folder cannot be created, opened or written (a full disk, a read-only
    folder, no permission): nothing is wrong with the file, so nothing should be reset."""


# SQLite's primary result codes (sqlite3 errors carry them as ``sqlite_errorcode``).
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image", "encrypted")


def is_damage(exc: sqlite3.Error) -> bool:
    """The file's contents are bad (not: the disk or folder refused a read or a write)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return any(words in str(exc).lower() for words in _DAMAGE_WORDS)


def why_unwritable(exc: BaseException, folder: Path) -> str:
    """Why the disk or the folder refused: full, read-only, no permission, or the error itself."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    errno_ = getattr(exc, "errno", None)
    if code == SQLITE_FULL or errno_ == errno.ENOSPC:
        return "the disk is full"
    try:
        disk = os.statvfs(folder if folder.exists() else folder.parent)
    except OSError:
        disk = None
    if disk is not None and disk.f_flag & os.ST_RDONLY or errno_ == errno.EROFS:
        return "the disk or folder is read-only"
    if code == SQLITE_READONLY:
        return "the file or its folder is read-only"
    if disk is not None and disk.f_bavail == 0:
        return "the disk is full"
    if code == SQLITE_PERM or errno_ in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == SQLITE_CANTOPEN and not os.access(folder, os.W_OK | os.X_OK):
        return f"permission denied in {folder}"
    return "it could not be read or written"


def classify(exc: sqlite3.Error, path: Path) -> StoreError:
    """A ``DamagedStore`` for bad contents, else a ``StoreUnavailable`` that says why the disk or
    folder refused (never "damaged" for a full disk or a read-only folder)."""
    if is_damage(exc):
        return DamagedStore(f"{_describe(path)} is damaged: {exc}", path)
    return StoreUnavailable(
        f"cannot use {_describe(path)}: {why_unwritable(exc, path.parent)} ({exc}); the file "
        "itself is not damaged",
        path,
    )


# --------------------------------------------------------------------------------------------
# Time: every timestamp is stored as UTC text of one fixed shape, so text order is time order.


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """``2026-11-27T01:02:03.456789Z``: fixed width, sortable as text."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give a timezone")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


# --------------------------------------------------------------------------------------------
# Schema. MIGRATIONS[n] takes a database from user_version n to n + 1. Never edit a released
# step: append a new one. tests/unit/test_store_db.py keeps a frozen copy of version 1.


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements inside the caller's transaction.

    (``executescript`` would commit first, so it cannot be used in a migration.)
    """
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    for statement in "\n".join(lines).split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE attempts (
            id          INTEGER PRIMARY KEY,
            at          TEXT NOT NULL,
            student     TEXT NOT NULL,
            lesson_id   TEXT NOT NULL,
            question_id TEXT NOT NULL,
            text        TEXT NOT NULL,
            verdict     TEXT NOT NULL,
            credit      REAL NOT NULL,
            try_no      INTEGER NOT NULL,
            hints_used  INTEGER NOT NULL,
            final       INTEGER NOT NULL,
            awarded     REAL NOT NULL,
            mode        TEXT NOT NULL
        );
        CREATE INDEX attempts_by_question ON attempts (student, lesson_id, question_id);

        CREATE TABLE outcomes (
            id          INTEGER PRIMARY KEY,
            at          TEXT NOT NULL,
            student     TEXT NOT NULL,
            lesson_id   TEXT NOT NULL,
            question_id TEXT NOT NULL,
            result      TEXT NOT NULL,
            awarded     REAL NOT NULL,
            tries       INTEGER NOT NULL,
            hints_used  INTEGER NOT NULL,
            mode        TEXT NOT NULL,
            rating      INTEGER NOT NULL
        );
        CREATE INDEX outcomes_by_question ON outcomes (student, lesson_id, question_id);

        -- One FSRS card per student and question, card being py-fsrs Card.to_json().
        CREATE TABLE cards (
            student       TEXT NOT NULL,
            lesson_id     TEXT NOT NULL,
            question_id   TEXT NOT NULL,
            card          TEXT NOT NULL,
            due           TEXT NOT NULL,
            reviews       INTEGER NOT NULL,
            lapses        INTEGER NOT NULL,
            best_awarded  REAL NOT NULL,
            last_rating   INTEGER NOT NULL,
            last_at       TEXT NOT NULL,
            PRIMARY KEY (student, lesson_id, question_id)
        ) WITHOUT ROWID;
        CREATE INDEX cards_by_due ON cards (student, due);

        -- Where a student is in a lesson (learn mode), removed when the lesson is finished.
        CREATE TABLE places (
            student     TEXT NOT NULL,
            lesson_id   TEXT NOT NULL,
            step_index  INTEGER NOT NULL,
            at          TEXT NOT NULL,
            PRIMARY KEY (student, lesson_id)
        ) WITHOUT ROWID;

        -- Every finished lesson (learn) or session (quiz or review, lesson_id NULL).
        CREATE TABLE finishes (
            id          INTEGER PRIMARY KEY,
            at          TEXT NOT NULL,
            student     TEXT NOT NULL,
            lesson_id   TEXT,
            mode        TEXT NOT NULL,
            score       REAL NOT NULL
        );
        CREATE INDEX finishes_by_lesson ON finishes (student, lesson_id);
        """,
    )


def _v2(conn: sqlite3.Connection) -> None:
    # Export by date across all students scans attempts by time.
    conn.execute("CREATE INDEX attempts_by_time ON attempts (at)")


def _v3(conn: sqlite3.Connection) -> None:
    # The class store (tutor.classroom): every answer and finish gets a globally unique id, made
    # by the database itself (a trigger), so any writer of these tables gives one; and the send
    # queue: per class store and student, the last row of each kind the store has taken. What
    # waits to be sent is every row after that mark (the rows are never deleted).
    for table in ("attempts", "finishes"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        conn.execute(f"UPDATE {table} SET uid = {_NEW_UID} WHERE uid IS NULL")
        conn.execute(f"CREATE UNIQUE INDEX {table}_by_uid ON {table} (uid)")
        conn.execute(
            f"CREATE TRIGGER {table}_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL"
            f" BEGIN UPDATE {table} SET uid = {_NEW_UID} WHERE id = NEW.id; END"
        )
    conn.execute(
        """
        CREATE TABLE sent_marks (
            target   TEXT NOT NULL,
            student  TEXT NOT NULL,
            kind     TEXT NOT NULL,
            last_id  INTEGER NOT NULL,
            at       TEXT NOT NULL,
            PRIMARY KEY (target, student, kind)
        ) WITHOUT ROWID
        """
    )


# 128 random bits as 32 hex digits: unique across every student's machine.
_NEW_UID = "lower(hex(randomblob(16)))"

MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]
SCHEMA_VERSION = len(MIGRATIONS)
OUR_TABLES = frozenset({"attempts", "outcomes", "cards", "places", "finishes"})


@contextmanager
def relaxed(conn: sqlite3.Connection, on: bool) -> Iterator[None]:
    """With ``on``, commits inside do not wait for the disk (``synchronous = NORMAL``); the
    connection is back to ``FULL`` afterwards, whatever happened."""
    if not on:
        yield
        return
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        conn.execute("PRAGMA synchronous = FULL")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One ``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back if anything inside raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migration steps, each in its own transaction. Returns the new version.

    The version is read again inside each transaction, so two processes opening an old file at
    the same moment apply each step once.
    """
    while True:
        with transaction(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= target:
                return version
            MIGRATIONS[version](conn)
            if version == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version + 1}")


def _describe(path: Path) -> str:
    return f"the progress file {path}"


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return sorted(r[0] for r in rows)


def check_header(path: Path) -> None:
    """Refuse a path that is not a file, or a file that is not a SQLite database."""
    if path.exists() and not path.is_file():
        raise StoreUnavailable(f"{path} is not a file", path)
    try:
        size = path.stat().st_size if path.exists() else 0
        if size:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
            if head != SQLITE_MAGIC:
                raise DamagedStore(
                    f"{_describe(path)} is damaged: it is not a SQLite database "
                    f"(it starts with {head[:8]!r})",
                    path,
                )
    except OSError as exc:
        raise StoreUnavailable(f"cannot read {path}: {exc.strerror or exc}", path) from exc


def connect(path: Path, today: str | None = None) -> sqlite3.Connection:
    """Open (creating if need be), check and migrate the store at ``path``. Its pages are checked
    in full unless it is unchanged since a clean close after a full check ``today`` (the UTC date,
    ``YYYY-MM-DD``; by default the current one): see :mod:`tutor.store.verified`.

    Raises ``DamagedStore`` (garbage, damaged pages, someone else's database), ``StoreTooNew``
    or ``StoreUnavailable``. Never modifies a file it refuses.
    """
    integrity = verified.last_check(path) != (today or utcnow().date().isoformat())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(
            f"cannot create the progress folder {path.parent}: {exc.strerror or exc}", path
        ) from exc
    check_header(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise classify(exc, path) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check(conn, path, integrity=integrity)
        mode = _journal_wal(conn)
        if str(mode).lower() != "wal":
            raise StoreUnavailable(f"cannot switch {path} to WAL mode (got {mode})", path)
        # FULL: a committed answer survives power loss too, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise classify(exc, path) from exc
    return conn


def _journal_wal(conn: sqlite3.Connection) -> str:
    """Switch to WAL, waiting for another process that holds the file. Two tutors opening a new
    store at once can each hold a shared lock and want the other's: SQLite then answers "locked"
    at once, without its busy handler (it would deadlock); the statement has let go of its lock
    by then, so trying again for as long as the busy timeout lets one of them through."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_BUSY) == sqlite3.SQLITE_BUSY
            if not busy or "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def check(conn: sqlite3.Connection, path: Path, integrity: bool = True) -> None:
    """Refuse a damaged, foreign or too new store; ``integrity=False`` leaves out SQLite's
    ``quick_check`` of every page (a file verified today and unchanged since)."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = _tables(conn)
        problems = (
            [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()] if integrity else ["ok"]
        )
    except sqlite3.DatabaseError as exc:
        raise classify(exc, path) from exc
    if problems != ["ok"]:
        raise DamagedStore(
            f"{_describe(path)} is damaged: the integrity check found " + "; ".join(problems[:3]),
            path,
        )
    if app_id == 0 and not tables and version == 0:
        return  # an empty database: ours to initialise
    if app_id != APPLICATION_ID:
        shown = ", ".join(tables[:6]) + (", ..." if len(tables) > 6 else "")
        raise DamagedStore(
            f"{path} is a SQLite database but not a tutor progress store"
            + (f" (it holds tables: {shown})" if tables else ""),
            path,
        )
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"{_describe(path)} was written by a newer tutor (schema version {version}, "
            f"this tutor knows up to {SCHEMA_VERSION}): upgrade tutor to use it",
            path,
        )
    missing = OUR_TABLES - set(tables) if version >= 1 else set()
    if missing:
        raise DamagedStore(
            f"{_describe(path)} is damaged: tables missing: {', '.join(sorted(missing))}", path
        )


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename ``path`` (and its ``-wal``/``-shm`` files) to ``<name>.damaged-<UTC stamp>``."""
    stamp = (now or utcnow()).astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    base = path.with_name(f"{path.name}.damaged-{stamp}")
    target = base
    n = 1
    while target.exists():
        target = base.with_name(f"{base.name}-{n}")
        n += 1
    try:
        path.rename(target)
        for suffix in COMPANIONS:
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise StoreUnavailable(
            f"cannot move {path} aside to {target}: {exc.strerror or exc}", path
        ) from exc
    return target
