"""``tutor export --output`` never replaces what it must not (issue 15, items 5 and 8): the progress
store's own files, links, devices, pipes, folders, or an existing file without ``--force``; and it
never leaves a ``.partial`` file behind, whatever goes wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.records import Attempt
from tutor.store import Store
from tutor.store import export as ex
from tutor.store.db import FILENAME


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Store.open(folder, "ann") as store:
        for text in ("Moscow", "=1+1"):
            store.attempt(Attempt("l1", "q1", text, "wrong", 0.0, 1, 0, False, 0.0, "learn"))
    return folder


def export(data: Path, output: Path | str, *more: str) -> int:
    return main(["--data-dir", str(data), "--student", "ann", "export", "-o", str(output), *more])


def answers(data: Path) -> list[str]:
    with Store.open(data, "ann", readonly=True) as store:
        return [r[0] for r in store.connection.execute("SELECT text FROM attempts ORDER BY id")]


def no_partials(*folders: Path) -> bool:
    return not [p for f in folders for p in f.iterdir() if ".partial" in p.name]


@pytest.mark.parametrize("name", [FILENAME, FILENAME + "-wal", FILENAME + "-shm", "unsaved-1.jsonl"])
def test_the_store_s_own_files_are_refused_even_with_force(data: Path, capsys, name: str) -> None:
    before = (data / FILENAME).read_bytes()
    assert export(data, data / name, "--force") == 1
    assert "progress store's own files" in capsys.readouterr().err
    assert (data / FILENAME).read_bytes() == before
    assert answers(data) == ["Moscow", "=1+1"]
    assert no_partials(data)


def test_a_hard_link_to_the_progress_file_is_refused(data: Path, tmp_path: Path, capsys) -> None:
    link = tmp_path / "backup.sqlite3"
    os.link(data / FILENAME, link)
    assert export(data, link, "--force") == 1
    assert "progress file itself" in capsys.readouterr().err
    assert answers(data) == ["Moscow", "=1+1"]


def test_a_symlink_is_refused_and_its_target_untouched(data: Path, tmp_path: Path, capsys) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("my notes\n")
    link = tmp_path / "out.csv"
    link.symlink_to(victim)
    assert export(data, link, "--force") == 1
    assert "is a link" in capsys.readouterr().err
    assert victim.read_text() == "my notes\n" and link.is_symlink()
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    assert export(data, dangling, "--force") == 1
    assert not (tmp_path / "nowhere.csv").exists()


def test_devices_pipes_and_folders_are_refused(data: Path, tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (Path("/dev/null"), fifo, tmp_path):
        assert export(data, target, "--force") == 1, target
        assert "not a regular file" in capsys.readouterr().err
    assert Path("/dev/null").is_char_device()
    assert no_partials(tmp_path, data)


def test_an_existing_file_needs_force(data: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "answers.csv"
    target.write_text("keep me\n")
    assert export(data, target) == 1
    assert "add --force" in capsys.readouterr().err
    assert target.read_text() == "keep me\n"
    assert export(data, target, "--force") == 0
    rows = list(ex.read_csv(target.open(newline="")))
    assert [r["text"] for r in rows] == ["Moscow", "'=1+1"]
    assert export(data, tmp_path / "new.csv") == 0  # a new file needs no --force
    assert no_partials(tmp_path)


@pytest.mark.parametrize(
    "since", ["0001-01-01T00:00+05:00", "9999-12-31T23:59-05:00", "0001-01-01T00:00:00+14:00"]
)
def test_a_since_out_of_range_is_a_usage_error(data: Path, tmp_path: Path, capsys, since) -> None:
    target = tmp_path / "out.csv"
    assert main(["--data-dir", str(data), "export", "--since", since, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "out of range" in err and "Traceback" not in err
    assert not target.exists() and no_partials(tmp_path)


@pytest.mark.parametrize("failure", [OverflowError, KeyboardInterrupt, OSError])
def test_any_error_while_writing_leaves_no_partial_file(data, tmp_path, monkeypatch, failure) -> None:
    target = tmp_path / "answers.csv"
    target.write_text("old\n")

    def broken(fmt, rows, out, raw=False):
        out.write("half a row")
        raise failure("stopped")

    monkeypatch.setattr(ex, "write", broken)
    if failure is OSError:
        assert export(data, target, "--force") == 1
    elif failure is KeyboardInterrupt:
        assert export(data, target, "--force") == 130
    else:
        with pytest.raises(failure):
            export(data, target, "--force")
    assert target.read_text() == "old\n"
    assert no_partials(tmp_path)
