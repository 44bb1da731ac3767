"""Reading progress where nothing may be written: ``stats`` and ``export`` on a read-only folder,
a full disk, or a file that another tutor is writing.

``connect_readonly(path)`` never creates, migrates or changes anything. It opens the file with
SQLite's ``mode=ro``; when even that needs a write (in WAL mode SQLite wants the ``-shm`` file
beside the database, which a read-only or full disk cannot give), it opens the file as
``immutable`` instead, provided no ``-wal`` file holds answers that only a writer could read.
A missing file reads as an empty store. Errors are classified as in :mod:`tutor.store.db`:
damaged contents, or a disk or folder that refused (never "damaged" for those).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from tutor.store import db


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that only reads ``path`` (an empty in-memory store if there is no file)."""
    if not path.exists():
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        db.migrate(conn)
        return conn
    db.check_header(path)
    wal = path.with_name(path.name + "-wal")
    pending_wal = wal.exists() and wal.stat().st_size > 0
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    failure: db.StoreError | None = None
    for suffix in ("", "&immutable=1"):
        if suffix and pending_wal:
            break  # immutable would not see the answers waiting in the -wal file
        try:
            conn = sqlite3.connect(
                uri + suffix, uri=True, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            failure = db.classify(exc, path)
            continue
        try:
            conn.execute(f"PRAGMA busy_timeout = {db.BUSY_TIMEOUT_MS}")
            db.check(conn, path)  # raises DamagedStore, StoreTooNew or StoreUnavailable
        except db.StoreUnavailable as exc:
            conn.close()
            failure = exc
            continue
        except BaseException:
            conn.close()
            raise
        return conn
    assert failure is not None
    raise failure
