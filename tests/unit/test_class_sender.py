"""The background sender without a server: it backs off, tries again on a new answer, tells the
student once, and never raises into the lesson. Read-only commands never send."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tutor.classroom.sender import BackgroundSender
from tutor.records import Attempt
from tutor.store import Store

DEAD = "postgresql://ann:pw@/class?host=/nonexistent-socket-dir&port=1"
ROOT = Path(__file__).resolve().parents[2]


def _answer(store: Store, n: int) -> None:
    store.attempt(Attempt("l", f"q{n}", "x", "wrong", 0.0, 1, 0, True, 0.0, "learn"))


def test_unreachable_backs_off_and_a_new_answer_tries_again(tmp_path):
    said: list[str] = []
    with Store.open(tmp_path, "ann") as store:
        sender = BackgroundSender(DEAD, store.path, "ann", timeout=1, say=said.append)
        sender.round()  # nothing waits: nothing is tried
        assert sender.last_error is None and sender._failures == 0
        _answer(store, 1)
        sender.round()
        assert sender._failures == 1 and "cannot reach" in (sender.last_error or "")
        sender.round()  # backing off, nothing new: not tried again
        assert sender._failures == 1
        _answer(store, 2)
        sender.round()  # a new answer tries at once
        assert sender._failures == 2
        sender.stop()
    assert len(said) == 1
    assert said[0].startswith("1 answer waiting to be sent to the class store")


def test_read_only_commands_never_start_sending(tmp_path):
    with Store.open(tmp_path, "ann") as store:
        _answer(store, 1)
    code = (
        "import sys, tutor.classroom.sender as s\n"
        "started = []\n"
        "s.start_for = lambda *a: started.append(a)\n"
        "from tutor.cli import main\n"
        "for argv in (['stats'], ['export', '-o', sys.argv[1]], ['review', '--plain']):\n"
        "    main(['--data-dir', sys.argv[2], '--store', sys.argv[3], *argv])\n"
        "print(len(started))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "out.csv"), str(tmp_path), DEAD],
        capture_output=True, text=True, cwd=ROOT, input="",
    )  # fmt: skip
    # stats and export only read; review opens progress to write, and so sends
    assert done.stdout.strip().splitlines()[-1] == "1", done.stderr
