"""The store's file: damaged and foreign files refused and kept, reset, schema migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from tutor.store import DamagedStore, Store, StoreError, StoreTooNew, db
from tutor.store.db import APPLICATION_ID, FILENAME, SCHEMA_VERSION

# Version 1 of the schema exactly as it was released: migrations must carry such a file forward.
# Never edit this to follow db.py.
V1_SCHEMA = """
CREATE TABLE attempts (id INTEGER PRIMARY KEY, at TEXT NOT NULL, student TEXT NOT NULL,
    lesson_id TEXT NOT NULL, question_id TEXT NOT NULL, text TEXT NOT NULL, verdict TEXT NOT NULL,
    credit REAL NOT NULL, try_no INTEGER NOT NULL, hints_used INTEGER NOT NULL,
    final INTEGER NOT NULL, awarded REAL NOT NULL, mode TEXT NOT NULL);
CREATE INDEX attempts_by_question ON attempts (student, lesson_id, question_id);
CREATE TABLE outcomes (id INTEGER PRIMARY KEY, at TEXT NOT NULL, student TEXT NOT NULL,
    lesson_id TEXT NOT NULL, question_id TEXT NOT NULL, result TEXT NOT NULL,
    awarded REAL NOT NULL, tries INTEGER NOT NULL, hints_used INTEGER NOT NULL,
    mode TEXT NOT NULL, rating INTEGER NOT NULL);
CREATE INDEX outcomes_by_question ON outcomes (student, lesson_id, question_id);
CREATE TABLE cards (student TEXT NOT NULL, lesson_id TEXT NOT NULL, question_id TEXT NOT NULL,
    card TEXT NOT NULL, due TEXT NOT NULL, reviews INTEGER NOT NULL, lapses INTEGER NOT NULL,
    best_awarded REAL NOT NULL, last_rating INTEGER NOT NULL, last_at TEXT NOT NULL,
    PRIMARY KEY (student, lesson_id, question_id)) WITHOUT ROWID;
CREATE INDEX cards_by_due ON cards (student, due);
CREATE TABLE places (student TEXT NOT NULL, lesson_id TEXT NOT NULL,
    step_index INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY (student, lesson_id)) WITHOUT ROWID;
CREATE TABLE finishes (id INTEGER PRIMARY KEY, at TEXT NOT NULL, student TEXT NOT NULL,
    lesson_id TEXT, mode TEXT NOT NULL, score REAL NOT NULL);
CREATE INDEX finishes_by_lesson ON finishes (student, lesson_id);
"""


def make_v1(path):
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit, try_no,"
        " hints_used, final, awarded, mode) VALUES ('2026-01-01T00:00:00.000000Z', 'ann', 'l1',"
        " 'q1', 'Russia', 'correct', 1.0, 1, 0, 1, 1.0, 'learn')"
    )
    conn.execute("INSERT INTO places VALUES ('ann', 'l1', 3, '2026-01-01T00:00:00.000000Z')")
    conn.commit()
    conn.close()


def test_schema_version_is_the_number_of_migrations():
    assert SCHEMA_VERSION == len(db.MIGRATIONS) >= 2


def test_fresh_store_matches_frozen_v1_plus_later_steps(tmp_path):
    """Migration 1 still builds exactly the frozen v1 tables."""
    fresh = sqlite3.connect(tmp_path / "fresh.db", isolation_level=None)
    db.migrate(fresh, target=1)
    frozen = sqlite3.connect(tmp_path / "frozen.db")
    frozen.executescript(V1_SCHEMA)

    def columns(conn):
        return {
            t: conn.execute(f"PRAGMA table_info({t})").fetchall() for t in sorted(db.OUR_TABLES)
        }

    assert columns(fresh) == columns(frozen)


def test_migrates_a_version_1_file_and_keeps_its_rows(tmp_path):
    path = tmp_path / FILENAME
    make_v1(path)
    with Store.open(tmp_path, "ann") as s:
        assert s.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.resume_point("l1") == 3
        assert s.lesson_progress(["l1"])["l1"].status == "in progress"
        indexes = {
            r[0] for r in s.connection.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
        assert "attempts_by_time" in indexes
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_migrate_is_idempotent(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert db.migrate(conn) == SCHEMA_VERSION
    assert db.migrate(conn) == SCHEMA_VERSION


def test_empty_file_is_initialised(tmp_path):
    (tmp_path / FILENAME).write_bytes(b"")
    with Store.open(tmp_path, "ann") as s:
        s.place("l1", 1)
        assert s.resume_point("l1") == 1


@pytest.mark.parametrize(
    "content",
    [b"\x00\xffgarbage" * 100, b'{"progress": "json"}', b"SQLite format 3\x00" + b"\x07" * 4000],
    ids=["garbage", "json", "bad-header"],
)
def test_damaged_file_is_refused_and_kept(tmp_path, content):
    path = tmp_path / FILENAME
    path.write_bytes(content)
    with pytest.raises(DamagedStore) as info:
        Store.open(tmp_path, "ann")
    assert str(path) in str(info.value)
    assert "damaged" in str(info.value)
    assert info.value.path == path
    assert path.read_bytes() == content  # untouched


def test_damaged_pages_are_detected(tmp_path):
    with Store.open(tmp_path, "ann") as s:
        for i in range(2000):
            s.connection.execute(
                "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit,"
                " try_no, hints_used, final, awarded, mode)"
                " VALUES ('t', 'ann', 'l', ?, 'x', 'wrong', 0, 1, 0, 1, 0, 'learn')",
                (f"q{i}",),
            )
        s.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / FILENAME
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[3 * page : 5 * page] = b"\xa5" * (2 * page)  # scribble over two pages
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedStore, match="damaged"):
        Store.open(tmp_path, "ann")


def test_foreign_sqlite_database_is_refused_and_kept(tmp_path):
    path = tmp_path / FILENAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('plov')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DamagedStore, match="not a tutor progress store.*recipes"):
        Store.open(tmp_path, "ann")
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / FILENAME
    with Store.open(tmp_path, "ann"):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreTooNew, match="newer tutor"):
        Store.open(tmp_path, "ann")


def test_reset_moves_a_damaged_file_aside_and_starts_fresh(tmp_path):
    path = tmp_path / FILENAME
    path.write_bytes(b"garbage" * 50)
    stamp = datetime(2026, 11, 27, 1, 2, 3, tzinfo=UTC)
    with Store.open(tmp_path, "ann", reset=True, clock=lambda: stamp) as s:
        assert s.moved_aside == tmp_path / f"{FILENAME}.damaged-20261127T010203"
        assert s.moved_aside.read_bytes() == b"garbage" * 50
        s.place("l1", 2)
        assert s.resume_point("l1") == 2
    # A second reset the same second does not overwrite the first file kept aside.
    path.write_bytes(b"more garbage")
    with Store.open(tmp_path, "ann", reset=True, clock=lambda: stamp) as s:
        assert s.moved_aside.name.endswith("-1")
    assert len(list(tmp_path.glob(f"{FILENAME}.damaged-*"))) == 2


def test_reset_leaves_a_healthy_store_alone(tmp_path):
    with Store.open(tmp_path, "ann") as s:
        s.place("l1", 4)
    with Store.open(tmp_path, "ann", reset=True) as s:
        assert s.moved_aside is None
        assert s.resume_point("l1") == 4


def test_reset_moves_a_foreign_database_with_its_wal(tmp_path):
    path = tmp_path / FILENAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()  # keep the connection open: the -wal file stays
    assert (tmp_path / f"{FILENAME}-wal").exists()
    with Store.open(tmp_path, "ann", reset=True) as s:
        assert s.moved_aside is not None
        assert (tmp_path / f"{s.moved_aside.name}-wal").exists()
    conn.close()


def test_errors_share_a_base_class():
    assert issubclass(DamagedStore, StoreError) and issubclass(StoreTooNew, StoreError)


def test_unwritable_folder_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create"):
        Store.open(blocker / "sub", "ann")


def test_every_answer_and_finish_gets_a_unique_id_old_ones_too(tmp_path):
    """Version 3: a v1 file's answers get uids when migrated; new rows get one from the trigger."""
    make_v1(tmp_path / FILENAME)
    conn = db.connect(tmp_path / FILENAME)
    conn.execute(
        "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit, try_no,"
        " hints_used, final, awarded, mode) VALUES ('2026-01-02T00:00:00.000000Z', 'ann', 'l1',"
        " 'q2', 'China', 'wrong', 0.0, 1, 0, 0, 0.0, 'learn')"
    )
    conn.execute(
        "INSERT INTO finishes (at, student, lesson_id, mode, score)"
        " VALUES ('2026-01-02T00:00:00.000000Z', 'ann', 'l1', 'learn', 0.5)"
    )
    uids = [r[0] for r in conn.execute("SELECT uid FROM attempts UNION ALL SELECT uid FROM finishes")]
    assert len(uids) == 3 and len(set(uids)) == 3
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in uids)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(f"UPDATE attempts SET uid = '{uids[0]}' WHERE uid = '{uids[1]}'")


class _LockedOnce:
    """A connection whose first switch to WAL finds the file locked, as when two tutors create
    the same store at the same moment (SQLite then answers at once, without waiting)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.refused = 0

    def execute(self, sql: str, *args):
        if sql.startswith("PRAGMA journal_mode") and not self.refused:
            self.refused += 1
            raise sqlite3.OperationalError("database is locked")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def test_a_store_opened_by_two_tutors_at_once_waits_for_the_lock(tmp_path, monkeypatch):
    from tutor.store import db

    made: list[_LockedOnce] = []
    real = sqlite3.connect

    def connect(*args, **kwargs):
        made.append(_LockedOnce(real(*args, **kwargs)))
        return made[-1]

    monkeypatch.setattr(db.sqlite3, "connect", connect)
    conn = db.connect(tmp_path / "progress.sqlite3")
    assert made and made[0].refused == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
