"""Offline first: answers written locally, sent to the class store exactly once, whatever fails."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tutor.classroom import schema
from tutor.classroom.outbox import Outbox
from tutor.classroom.sender import BackgroundSender
from tutor.classroom.server import connect, target
from tutor.cli import main
from tutor.records import Attempt
from tutor.store import Store

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "tests" / "data" / "course"
_serial = itertools.count(1)


def _student(class_url: str, base: str = "kid") -> tuple[str, str]:
    name = f"{base}-{next(_serial)}"
    return name, schema.add_student(class_url, name)


def _answer(store: Store, n: int, text: str | None = None) -> None:
    store.attempt(
        Attempt(
            "neighbours", f"q{n}", text or f"answer {n}", "wrong", 0.0, 1, 0, False, 0.0, "learn"
        )
    )


def _on_server(class_url: str, student: str) -> list[tuple[str, str]]:
    with connect(class_url) as conn:
        return conn.execute(
            "SELECT uid, text FROM tutor.attempts WHERE student = %s ORDER BY at, uid", (student,)
        ).fetchall()


def _local(store: Store) -> list[tuple[str, str]]:
    return store.connection.execute(
        "SELECT uid, text FROM attempts WHERE student = ? ORDER BY id", (store.student,)
    ).fetchall()


def _until(check, seconds: float = 30.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.05)
    return check()


def test_sync_sends_everything_once_and_status_shows_the_queue(class_url, tmp_path, capsys):
    name, url = _student(class_url)
    with Store.open(tmp_path, name) as store:
        for n in range(7):
            _answer(store, n, f'it\'s; -- "{n}" Назарбаев')
        store.finished("neighbours", 0.5, "learn")
        local = _local(store)
    base = ["--data-dir", str(tmp_path), "--student", name, "--store", url]
    assert main([*base, "sync", "--status"]) == 0
    assert "7 answers and 1 finished lesson waiting" in capsys.readouterr().out
    assert main([*base, "sync"]) == 0
    assert "sent 8 records" in capsys.readouterr().out
    assert main([*base, "sync"]) == 0
    assert "sent 0 records" in capsys.readouterr().out
    assert main([*base, "sync", "--status"]) == 0
    assert "0 answers and 0 finished lessons waiting" in capsys.readouterr().out
    assert sorted(_on_server(class_url, name)) == sorted(local)


def test_a_mark_lost_after_the_send_sends_again_and_arrives_once(class_url, tmp_path):
    name, url = _student(class_url)
    with Store.open(tmp_path, name) as store:
        for n in range(5):
            _answer(store, n)
        assert main(["--data-dir", str(tmp_path), "--student", name, "--store", url, "sync"]) == 0
        store.connection.execute("DELETE FROM sent_marks")  # as if killed between commit and mark
        assert main(["--data-dir", str(tmp_path), "--student", name, "--store", url, "sync"]) == 0
        assert sorted(_on_server(class_url, name)) == sorted(_local(store))


def test_server_stopped_mid_lesson_then_back_every_answer_arrives_once(
    class_url, cluster, tmp_path
):
    name, url = _student(class_url)
    said: list[str] = []
    with Store.open(tmp_path, name) as store:
        sender = BackgroundSender(url, store.path, name, poll=0.05, say=said.append).start()
        try:
            for n in range(5):
                _answer(store, n)
            assert _until(lambda: len(_on_server(class_url, name)) == 5)
            cluster.stop()
            try:
                for n in range(5, 25):  # 20 more answers while the server is down
                    _answer(store, n)
                    time.sleep(0.02)
                assert _until(lambda: sender.last_error is not None)
                assert len(said) == 1 and "waiting to be sent" in said[0]
            finally:
                cluster.start()
            assert _until(lambda: len(_on_server(class_url, name)) == 25, 90)
            assert _until(lambda: len(said) == 2)
            assert "reached the class store" in said[1]
        finally:
            sender.stop()
        on_server = _on_server(class_url, name)
        assert sorted(on_server) == sorted(_local(store))
        assert len({uid for uid, _ in on_server}) == 25


CHILD = """
import os, signal, sys, threading, time
import tutor.classroom.sender as sender
from tutor.cli import build_parser
from tutor.records import Attempt
from tutor.store.commandline import open_from_args
sender.send_waiting = lambda *a, **k: threading.Event().wait()  # the send never gets through
args = build_parser().parse_args(sys.argv[1:])
store = open_from_args(args)   # starts the background sender
for n in range(12):
    store.attempt(Attempt("neighbours", f"q{n}", f"kill {n}", "wrong", 0.0, 1, 0, False, 0.0, "learn"))
time.sleep(0.5)  # the sender is connected and stuck in its send
os.kill(os.getpid(), signal.SIGKILL)  # between the local write and the send
"""


def test_killed_between_the_local_write_and_the_send_it_is_sent_at_the_next_start(
    class_url, tmp_path
):
    name, url = _student(class_url)
    base = ["--data-dir", str(tmp_path), "--student", name, "--store", url]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.run([sys.executable, "-c", CHILD, *base, "stats"], env=env, cwd=ROOT)
    assert child.returncode == -signal.SIGKILL
    assert _on_server(class_url, name) == []  # the kill came before the send
    # The next start of a lesson sends what waits (here the student leaves at once).
    again = subprocess.run(
        [sys.executable, "-m", "tutor", "--lessons", str(COURSE), *base, "learn", "neighbours",
         "--plain"],
        env=env, cwd=ROOT, capture_output=True, input="", text=True,
    )  # fmt: skip
    assert again.returncode == 3, again.stderr
    with Store.open(tmp_path, name) as store:
        assert sorted(_on_server(class_url, name)) == sorted(_local(store))
        assert len(_local(store)) == 12


def test_thirty_students_answering_at_once_lose_nothing(class_url, tmp_path):
    students = [_student(class_url, "crowd") for _ in range(30)]
    errors: list[BaseException] = []

    def one(name: str, url: str) -> None:
        try:
            with Store.open(tmp_path / name, name) as store:
                sender = BackgroundSender(url, store.path, name, poll=0.02, say=lambda m: None)
                sender.start()
                for n in range(20):
                    _answer(store, n, f"{name} {n}")
                sender.stop(timeout=30)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=s) for s in students]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with connect(class_url) as conn:
        rows = conn.execute(
            "SELECT student, count(*), count(DISTINCT uid) FROM tutor.attempts"
            " WHERE student LIKE 'crowd-%%' GROUP BY student"
        ).fetchall()
    assert sorted(rows) == sorted((name, 20, 20) for name, _ in students)


def test_a_plain_lesson_with_a_class_store_sends_its_answers(class_url, tmp_path):
    name, url = _student(class_url)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TUTOR_STORE": url}
    answers = "1991\nChina\nRussia\nMongolia and North Korea\nEconomic networks\nA, C\nfalse\n"
    done = subprocess.run(
        [sys.executable, "-m", "tutor", "--lessons", str(COURSE), "--data-dir", str(tmp_path),
         "--student", name, "learn", "neighbours", "--plain"],
        input=answers, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode in (0, 3), done.stderr
    with Store.open(tmp_path, name) as store:
        local = _local(store)
        assert len(local) >= 7
        assert sorted(_on_server(class_url, name)) == sorted(local)
        box = Outbox(store.path, name, target(url))
        assert box.waiting() == 0
        box.close()


def test_an_unreachable_class_store_says_so_once_and_keeps_the_answers(class_url, tmp_path):
    name, url = _student(class_url)
    dead = url.replace("port=5433", "port=1")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TUTOR_STORE": dead}
    done = subprocess.run(
        [sys.executable, "-m", "tutor", "--lessons", str(COURSE), "--data-dir", str(tmp_path),
         "--student", name, "learn", "neighbours", "--plain"],
        input="1991\nRussia\n", env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 3
    assert done.stderr.count("waiting to be sent to the class store") == 1, done.stderr
    assert "Traceback" not in done.stderr
    status = subprocess.run(
        [sys.executable, "-m", "tutor", "--data-dir", str(tmp_path), "--student", name,
         "sync", "--status"],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert "2 answers" in status.stdout
    fail = subprocess.run(
        [sys.executable, "-m", "tutor", "--data-dir", str(tmp_path), "--student", name, "sync"],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert fail.returncode == 1 and "nothing is lost" in fail.stderr


@pytest.mark.parametrize("argv", [["sync"], ["sync", "--status"]])
def test_sync_without_a_class_store_says_so(argv, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TUTOR_STORE", raising=False)
    assert main(["--data-dir", str(tmp_path), *argv]) == 2
    assert "no class store is set" in capsys.readouterr().err
