"""A full disk and a read-only folder are told apart from a damaged file (issue 15, items 3, 4).

Two layers. The real path: a tiny tmpfs mounted for the test (the tutor runs as root in CI, so it
can mount one; elsewhere those tests are skipped), filled to the last byte or remounted read-only,
so SQLite and the side file meet the real ENOSPC and EROFS. And, everywhere, the same decisions
driven by SQLite errors that carry the real result codes.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import json
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.records import Attempt
from tutor.store import DamagedStore, Store, StoreUnavailable, db
from tutor.store.commandline import open_from_args

COURSE = Path(__file__).resolve().parent / "data" / "course"


def attempt(text: str) -> Attempt:
    return Attempt("neighbours", "guarantor", text, "wrong", 0.0, 1, 0, False, 0.0, "learn")


# -- a real small disk -------------------------------------------------------------------------


@contextlib.contextmanager
def _mounted(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", f"tutor-{uuid.uuid4().hex[:8]}", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with _mounted(tmp_path / "disk", "2m") as folder:
        yield folder


def fill(folder: Path) -> None:
    """Write zeros until the disk says ENOSPC."""
    with (folder / "filler").open("wb") as fh:
        chunk = b"\0" * 65536
        while True:
            try:
                fh.write(chunk)
                fh.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
    with contextlib.suppress(OSError), (folder / "filler2").open("wb") as fh:
        while True:
            fh.write(b"\0")
            fh.flush()


def remount_readonly(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def with_answers(folder: Path, *texts: str) -> None:
    with Store.open(folder, "ann") as store:
        for text in texts:
            store.attempt(attempt(text))


def args_for(folder: Path, **more: object) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(folder), student="ann", **more)


def test_a_full_disk_is_not_a_damaged_file(disk: Path) -> None:
    with_answers(disk, "Moscow")
    fill(disk)
    with pytest.raises(StoreUnavailable) as info:
        Store.open(disk, "ann")
    assert "disk is full" in str(info.value) and "damaged:" not in str(info.value)
    err = io.StringIO()
    assert open_from_args(args_for(disk), stderr=err) is None
    assert "--reset-progress" not in err.getvalue() and "is damaged" not in err.getvalue()
    assert "Free some space" in err.getvalue()
    assert open_from_args(args_for(disk, reset_progress=True), stderr=io.StringIO()) is None
    assert not list(disk.glob("*.damaged-*"))  # a reset never hides a healthy history


def test_a_read_only_folder_is_not_a_damaged_file(disk: Path, capsys) -> None:
    with_answers(disk, "Moscow", "=1+1")
    remount_readonly(disk)
    with pytest.raises(StoreUnavailable, match="read-only"):
        Store.open(disk, "ann")
    err = io.StringIO()
    assert open_from_args(args_for(disk), stderr=err) is None
    assert "--reset-progress" not in err.getvalue() and "is damaged" not in err.getvalue()


@pytest.mark.parametrize("prepare", [remount_readonly, fill], ids=["read-only", "full"])
def test_stats_and_export_work_on_a_disk_that_refuses_writes(disk: Path, capsys, prepare) -> None:
    with_answers(disk, "Moscow", "Beijing")
    prepare(disk)
    capsys.readouterr()
    common = ["--lessons", str(COURSE), "--data-dir", str(disk), "--student", "ann"]
    assert main([*common, "stats"]) == 0
    assert main([*common, "export", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "Progress of ann" in out
    texts = [json.loads(line)["text"] for line in out.splitlines() if line.startswith("{")]
    assert texts == ["Moscow", "Beijing"]
    assert "damaged" not in err


def test_answers_on_a_full_disk_end_on_standard_error(disk: Path, capfd) -> None:
    store = Store.open(disk, "ann")
    store.attempt(attempt("saved before"))
    fill(disk)
    given = [f"answer {n} " + "x" * 2000 for n in range(20)]
    for text in given:
        store.attempt(attempt(text))  # acknowledged to the student: never raises
    store.close()
    err = capfd.readouterr().err
    records = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    with Store.open(disk, "ann", readonly=True) as reader:
        in_db = {r[0] for r in reader.connection.execute("SELECT text FROM attempts")}
    shown = {r["text"] for r in records if r.get("kind") == "attempt"}
    lost = [t for t in given if t not in shown and t not in in_db]
    assert shown, err[-500:]
    assert not lost
    assert "here they are" in err


# -- the same decisions, from SQLite's result codes --------------------------------------------


def _error(code: int, message: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "message", "kind", "words"),
    [
        (13, "database or disk is full", StoreUnavailable, "disk is full"),
        (8, "attempt to write a readonly database", StoreUnavailable, "read-only"),
        (11, "database disk image is malformed", DamagedStore, "damaged"),
        (26, "file is not a database", DamagedStore, "damaged"),
        (10 | (4 << 8), "disk I/O error", StoreUnavailable, "not damaged"),
    ],
)
def test_sqlite_result_codes_are_classified(tmp_path, code, message, kind, words) -> None:
    error = db.classify(_error(code, message), tmp_path / db.FILENAME)
    assert type(error) is kind and words in str(error)


def test_opening_on_a_full_disk_is_reported_as_such(tmp_path, monkeypatch) -> None:
    with_answers(tmp_path, "Moscow")
    real = sqlite3.connect

    def full(*args, **kwargs):
        conn = real(*args, **kwargs)

        class Full:
            def execute(self, sql, *rest):
                if "journal_mode" in sql:
                    raise _error(13, "database or disk is full")
                return conn.execute(sql, *rest)

            def __getattr__(self, name):
                return getattr(conn, name)

        return Full()

    monkeypatch.setattr(db.sqlite3, "connect", full)
    err = io.StringIO()
    assert open_from_args(args_for(tmp_path), stderr=err) is None
    assert "disk is full" in err.getvalue() and "--reset-progress" not in err.getvalue()


def test_side_file_on_the_same_full_disk_falls_back_to_stderr(tmp_path, capsys) -> None:
    warnings: list[str] = []
    store = Store.open(tmp_path, "ann", warn=warnings.append)
    store.connection.close()  # the database will never take another record
    real_open = Path.open

    def no_space(self, *args, **kwargs):
        if self.name.startswith("unsaved-"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "open", no_space)
        store.attempt(attempt("Astana\u2028x"))
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if x.startswith("{")]
    assert json.loads(line)["text"] == "Astana\u2028x" and json.loads(line)["student"] == "ann"
    assert "here they are" in warnings[-1]
