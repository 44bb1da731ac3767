"""Kill -9 a plain-mode lesson many times: every answer acknowledged on stdout is in the store.

Each round starts ``tutor learn neighbours --plain --json`` on the fixture course with the same
data folder (so it resumes where the last round was killed), answers questions read from its JSON
events, and SIGKILLs it at a random moment: right after an acknowledgement, or a few milliseconds
after sending an answer (so the kill often lands while the answer is being graded and written).
After every kill, each ``graded`` event seen so far must match a row in ``attempts``, and the file
must open cleanly in the next round.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "tests" / "data" / "course"
ROUNDS = 30
STUDENT = "killtest"

# Right and wrong answers for each fixture question (tests/data/course/01-neighbours.yaml).
ANSWERS = {
    "independence": ["1990", "1992", "1991"],
    "guarantor": ["China", "Prussia", "Russia"],
    "both-borders": ["Mongolia", "South Korea", "Mongolia and North Korea"],
    "trade-role": ["Neither", "Security guarantor", "Economic networks"],
    "frameworks": ["B", "A", "A, C"],
    "landlocked": ["true", "false"],
}


def _missing() -> str | None:
    if importlib.util.find_spec("tutor.commands.learn") is None:
        return "tutor learn is not written yet (tutor/commands/learn.py)"
    if importlib.util.find_spec("tutor.plain") is None:
        return "the plain front end is not written yet (tutor/plain.py)"
    try:
        from tutor.grading import Grader  # noqa: F401
    except ImportError:
        return "the grader is not written yet (tutor.grading.Grader): tutor learn cannot run"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=str(_missing()))


def _start(data_dir: Path) -> subprocess.Popen:
    cmd = [
        sys.executable, "-m", "tutor", "--lessons", str(COURSE), "--data-dir", str(data_dir),
        "--student", STUDENT, "learn", "neighbours", "--plain", "--json",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "0", "NO_COLOR": "1"}
    env.pop("TUTOR_DATA_DIR", None)
    return subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8", env=env, cwd=ROOT,
    )  # fmt: skip


def _stored(data_dir: Path) -> Counter:
    conn = sqlite3.connect(f"file:{data_dir / 'progress.sqlite3'}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT question_id, text FROM attempts WHERE student = ? AND lesson_id = 'neighbours'",
            (STUDENT,),
        ).fetchall()
    finally:
        conn.close()
    return Counter(rows)


class Round:
    """One run of ``tutor learn``, killed at a random moment (or left to finish the lesson)."""

    def __init__(self, data_dir: Path, rng: random.Random, acked: Counter) -> None:
        self.proc = _start(data_dir)
        self.rng = rng
        self.acked = acked
        self.stop_after = rng.randint(1, 6)  # acknowledgements to see before killing
        self.mid_write = rng.random() < 0.5  # kill a few ms after sending an answer instead
        self.graded = 0
        self.question = ""
        self.sent = 0
        self.killed = False

    def answer(self) -> None:
        """Send the next answer to the open question, and maybe kill the process right after."""
        choices = ANSWERS[self.question]
        text = choices[min(self.sent, len(choices) - 1)]
        if self.rng.random() < 0.3:
            text = choices[-1]
        self.sent += 1
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()
        if self.mid_write and self.graded + 1 >= self.stop_after:
            time.sleep(self.rng.uniform(0, 0.02))
            self.kill()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.killed = True

    def run(self) -> str:
        """Play until killed or finished; returns the process's stderr."""
        assert self.proc.stdout is not None and self.proc.stdin is not None
        for line in self.proc.stdout:
            event = json.loads(line)
            kind = event.get("event")
            if kind == "ask" and not event.get("repeated"):
                self.question, self.sent = event["question"], 0
                self.answer()
            elif kind == "graded":
                if event.get("verdict") != "invalid":
                    self.acked[(event["question"], event["input"])] += 1
                    self.graded += 1
                if not self.mid_write and self.graded >= self.stop_after:
                    self.kill()
                elif not event.get("final"):
                    self.answer()  # another try at the same question
            elif kind == "finished":
                break
            if self.killed:
                break
        if not self.killed:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)
        err = self.proc.stderr.read() if self.proc.stderr else ""
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None and not stream.closed:
                stream.close()
        return err


def test_sigkill_mid_lesson_loses_no_acknowledged_answer(tmp_path):
    rng = random.Random(20261127)
    acked: Counter = Counter()
    kills = mid_write_kills = finished_rounds = 0
    for round_no in range(ROUNDS):
        play = Round(tmp_path, rng, acked)
        err = play.run()
        assert "Traceback" not in err, err
        if play.killed:
            kills += 1
            mid_write_kills += play.mid_write
        else:
            finished_rounds += 1
            assert play.proc.returncode in (0, 3), err
        lost = acked - _stored(tmp_path)
        assert not lost, f"round {round_no}: acknowledged but not stored: {dict(lost)}"

    print(
        f"\n{kills} kills ({mid_write_kills} a few ms after sending an answer), "
        f"{finished_rounds} rounds finished the lesson, {sum(acked.values())} acknowledged "
        "answers, all stored"
    )
    assert kills >= ROUNDS * 2 // 3
    assert sum(acked.values()) >= ROUNDS
    conn = sqlite3.connect(tmp_path / "progress.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
