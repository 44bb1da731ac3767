"""The progress file's full integrity check runs once a day, not at every start, for a file that
is unchanged since a clean close: any change from outside, a crash, another tutor still open or a
failed write brings the check back."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from tutor.store import DamagedStore, Store, db, verified
from tutor.store.db import FILENAME


@pytest.fixture
def checks(monkeypatch) -> list[bool]:
    """Whether each opening ran SQLite's quick_check over every page."""
    seen: list[bool] = []
    real = db.check

    def spying(conn, path, integrity=True):
        seen.append(integrity)
        real(conn, path, integrity)

    monkeypatch.setattr(db, "check", spying)
    return seen


def answered(folder: Path, n: int = 3) -> None:
    with Store.open(folder, "ann") as store:
        for i in range(n):
            store.connection.execute(
                "INSERT INTO attempts (at, student, lesson_id, question_id, text, verdict, credit,"
                " try_no, hints_used, final, awarded, mode)"
                " VALUES ('t', 'ann', 'l', ?, 'x', 'wrong', 0, 1, 0, 1, 0, 'learn')",
                (f"q{i}",),
            )


def test_a_file_unchanged_since_a_clean_close_is_not_checked_again_today(tmp_path, checks):
    answered(tmp_path)
    answered(tmp_path)  # changed it, through SQLite, and closed cleanly again
    Store.open(tmp_path, "ann").close()
    assert checks == [True, False, False]


def test_a_change_from_outside_is_checked_and_damage_found(tmp_path, checks):
    answered(tmp_path, 2000)
    path = tmp_path / FILENAME
    data = bytearray(path.read_bytes())
    data[3 * 4096 : 5 * 4096] = b"\xa5" * (2 * 4096)  # the same size, two pages scribbled over
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedStore, match="damaged"):
        Store.open(tmp_path, "ann")
    assert checks == [True, True]


def test_a_copy_in_place_of_the_file_is_checked(tmp_path, checks):
    answered(tmp_path)
    path = tmp_path / FILENAME
    copy = tmp_path / "copy"
    copy.write_bytes(path.read_bytes())
    stat = path.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time: another file
    os.replace(copy, path)
    Store.open(tmp_path, "ann").close()
    assert checks == [True, True]


def test_another_connection_still_open_leaves_no_mark(tmp_path, checks):
    answered(tmp_path)
    other = sqlite3.connect(tmp_path / FILENAME)
    other.execute("SELECT count(*) FROM attempts").fetchall()  # holds the WAL open
    answered(tmp_path)  # a WAL file is there: checked, and not marked at its close
    other.close()
    assert verified.last_check(tmp_path / FILENAME) is None
    Store.open(tmp_path, "ann").close()
    assert checks == [True, True, True]


def test_a_crash_leaves_the_next_start_a_full_check(tmp_path, checks):
    answered(tmp_path)
    store = Store.open(tmp_path, "ann")
    store.connection.execute("INSERT INTO places VALUES ('ann', 'l', 1, 't')")
    # killed here: no close, the WAL file is left
    Store.open(tmp_path, "ann").close()
    assert checks == [True, False, True]
    store.close()


def test_a_check_from_another_day_is_done_again(tmp_path, checks):
    answered(tmp_path)
    marker = tmp_path / f"{FILENAME}.verified"
    identity, _, day = marker.read_text(encoding="ascii").strip().rpartition(" ")
    assert day == db.utcnow().date().isoformat()
    yesterday = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    marker.write_text(f"{identity} {yesterday}\n", encoding="ascii")
    Store.open(tmp_path, "ann").close()
    Store.open(tmp_path, "ann").close()
    assert checks == [True, True, False]


@pytest.mark.parametrize("text", ["", "garbage", "1 2 3", "\x00\xff" * 50])
def test_an_unreadable_marker_means_a_full_check(tmp_path, checks, text):
    answered(tmp_path)
    (tmp_path / f"{FILENAME}.verified").write_text(text, encoding="latin-1")
    Store.open(tmp_path, "ann").close()
    assert checks == [True, True]


def test_a_failed_write_leaves_no_mark(tmp_path, checks):
    answered(tmp_path)
    (tmp_path / f"{FILENAME}.verified").unlink()
    store = Store.open(tmp_path, "ann")
    store._state.write_errors = 1  # as the journal counts a write that failed
    store.close()
    assert verified.last_check(tmp_path / FILENAME) is None
