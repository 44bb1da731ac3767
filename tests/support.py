"""Helpers shared by test modules (they import this, never each other): a clock a test moves
by hand, the fixture course and its right answers, and running the ``tutor`` command as a script would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tutor.loader import load_course
from tutor.model import Course

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "tests" / "data" / "course"

# the right answer to each question of the fixture course, by question id
RIGHT = {
    "independence": "1991",
    "guarantor": "Russia",
    "both-borders": "Mongolia, North Korea",
    "trade-role": "B",
    "frameworks": "A, C",
    "landlocked": "false",
    "president": "Tokayev",
    "pompeo-year": "2020",
}


def copied_course(tmp_path: Path) -> Path:
    """A copy of the fixture course's folder, to edit or to load through a cache of its own."""
    folder = tmp_path / "course"
    shutil.copytree(COURSE, folder)
    return folder


def fixture_course() -> Course:
    """The fixture course (``tests/data/course``), loaded; it has no errors."""
    course, problems = load_course([COURSE])
    assert not [p for p in problems if p.severity == "error"], problems
    return course


class Clock:
    """A clock the test sets and moves forward (review scheduling is about time)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start if start is not None else datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def tutor(*args: str, stdin: str = "", data_dir: Path, course: Path = COURSE, env_extra=None):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TUTOR_") and k not in ("NO_COLOR", "COLUMNS")
    }
    env.update({"TUTOR_STUDENT": "tester", "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"})
    env.update(env_extra or {})
    cmd = [sys.executable, "-m", "tutor", "--lessons", str(course), "--data-dir", str(data_dir), *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)


def flat(text: str) -> str:
    """The text with wrapping undone, for phrases that may break across lines."""
    return " ".join(text.split())


def examples_lesson(accept: list[str], reject: list[str]) -> str:
    """A one-question lesson (capital of Kazakhstan: Astana) whose ``examples:`` are the given
    ones, for tests of how ``tutor check`` runs them."""
    return f"""\
id: examples
title: Examples
steps:
  - id: capital
    ask: What is the capital of Kazakhstan?
    answer: Astana
    hints: [It was renamed twice.]
    explain: Astana has been the capital since 1997.
    examples:
      accept: [{", ".join(accept)}]
      reject: [{", ".join(reject)}]
"""
