"""``tutor stats``, ``tutor export`` and ``tutor review`` as a user runs them (subprocesses)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tutor.records import Attempt, Outcome
from tutor.store import Store

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "tests" / "data" / "course"


def tutor(*args: str, data_dir: Path, stdin: str = "", student: str = "ann"):
    env = {**os.environ, "NO_COLOR": "1"}
    for name in ("TUTOR_DATA_DIR", "TUTOR_STUDENT", "TUTOR_LESSONS"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "tutor", "--lessons", str(COURSE), "--data-dir", str(data_dir),
         "--student", student, *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT,
        timeout=120,
    )  # fmt: skip


def seed(data_dir: Path, *, days_ago: float = 3) -> None:
    """ann answered two neighbours questions (one missed) and a question since removed."""
    when = datetime.now(UTC) - timedelta(days=days_ago)
    with Store.open(data_dir, "ann", clock=lambda: when) as s:
        s.attempt(
            Attempt(
                "neighbours", "guarantor", "China", "misconception", 0.0, 1, 0, False, 0.0, "learn"
            )
        )
        s.attempt(
            Attempt("neighbours", "guarantor", "Russia", "correct", 1.0, 2, 0, True, 0.9, "learn")
        )
        s.outcome(Outcome("neighbours", "guarantor", "correct", 0.9, 2, 0, "learn"))
        s.attempt(
            Attempt("neighbours", "landlocked", "true", "wrong", 0.0, 1, 0, True, 0.0, "learn")
        )
        s.outcome(Outcome("neighbours", "landlocked", "wrong", 0.0, 1, 0, "learn"))
        s.attempt(Attempt("neighbours", "retired-q", "x", "wrong", 0.0, 1, 0, True, 0.0, "learn"))
        s.outcome(Outcome("neighbours", "retired-q", "wrong", 0.0, 1, 0, "learn"))
        s.place("neighbours", 5)
    with Store.open(data_dir, "bob", clock=lambda: when) as s:
        s.attempt(Attempt("hedging", "x", "bob's answer", "wrong", 0.0, 1, 0, True, 0.0, "quiz"))


def test_stats_text_and_json(tmp_path):
    seed(tmp_path)
    r = tutor("stats", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Progress of ann" in r.stdout  # named by --student
    assert "1. Between two giants" in r.stdout and "in progress" in r.stdout
    assert "Between two giants: Kazakhstan has a coastline on the open ocean." in r.stdout
    assert "right 0 of 1 (0%), not remembered once" in r.stdout
    assert "No longer in the course" in r.stdout and "neighbours/retired-q" in r.stdout
    assert "Reviews due now: 2" in r.stdout
    r = tutor("stats", "--json", data_dir=tmp_path)
    data = json.loads(r.stdout)
    assert data["student"] == "ann"
    assert [x["question_id"] for x in data["orphaned"]] == ["retired-q"]
    assert data["due_now"] == 2


def test_stats_without_a_student_name_say_your_progress(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("TUTOR_STUDENT", "TUTOR_DATA_DIR")}
    r = subprocess.run(
        [sys.executable, "-m", "tutor", "--lessons", str(COURSE), "--data-dir", str(tmp_path),
         "stats"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Your progress  (")


def test_student_option_after_the_subcommand(tmp_path):
    seed(tmp_path)
    r = tutor("stats", "--json", "--student", "bob", data_dir=tmp_path)
    assert json.loads(r.stdout)["student"] == "bob"


def test_export_csv_and_json_for_one_or_all_students(tmp_path):
    seed(tmp_path)
    r = tutor("export", "--format", "csv", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    assert [x["text"] for x in rows] == ["China", "Russia", "true", "x"]
    assert "exported 4 answers" in r.stderr
    out = tmp_path / "all.jsonl"
    r = tutor(
        "export", "--format", "json", "--all-students", "--output", str(out), data_dir=tmp_path
    )
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {x["student"] for x in lines} == {"ann", "bob"} and len(lines) == 5
    assert list(tmp_path.glob(".all.jsonl.partial-*")) == []
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%d")
    r = tutor("export", "--since", tomorrow, data_dir=tmp_path)
    assert r.stdout.splitlines() == [
        "attempt_id,time,student,lesson_id,question_id,mode,try,hints_used,verdict,credit,final,awarded,text"
    ]
    r = tutor("export", "--since", "last week", data_dir=tmp_path)
    assert r.returncode == 2 and "not a date" in r.stderr


def test_damaged_file_gives_a_message_and_the_way_out(tmp_path):
    (tmp_path / "progress.sqlite3").write_bytes(b"this is not sqlite at all" * 10)
    for command in (["stats"], ["export"], ["review", "--plain"]):
        r = tutor(*command, data_dir=tmp_path)
        assert r.returncode == 1, command
        assert "Traceback" not in r.stderr
        assert "is damaged" in r.stderr and "--reset-progress" in r.stderr
    assert (tmp_path / "progress.sqlite3").read_bytes().startswith(b"this is not sqlite")
    r = tutor("stats", "--reset-progress", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "kept as" in r.stderr
    kept = list(tmp_path.glob("progress.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not sqlite")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("reply", "agreed"), [("y\n", True), ("yes\n", True), ("n\n", False), ("\n", False)]
)
def test_at_a_terminal_the_student_is_asked_before_a_damaged_file_is_set_aside(
    tmp_path, reply, agreed
):
    import argparse

    from tutor.store.commandline import open_from_args

    damaged = tmp_path / "progress.sqlite3"
    damaged.write_bytes(b"this is not sqlite at all" * 10)
    args = argparse.Namespace(data_dir=str(tmp_path), student="ann")
    err = _Terminal()
    store = open_from_args(args, stdin=_Terminal(reply), stderr=err)
    assert "[y/N]" in err.getvalue()
    kept = list(tmp_path.glob("progress.sqlite3.damaged-*"))
    if agreed:
        assert store is not None
        store.close()
        assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not sqlite")
    else:
        assert store is None and not kept
        assert damaged.read_bytes().startswith(b"this is not sqlite")
        assert "--reset-progress" in err.getvalue()


def test_without_a_terminal_nobody_is_asked(tmp_path):
    import argparse

    from tutor.store.commandline import open_from_args

    (tmp_path / "progress.sqlite3").write_bytes(b"garbage" * 50)
    err = io.StringIO()
    args = argparse.Namespace(data_dir=str(tmp_path), student="ann")
    assert open_from_args(args, stdin=io.StringIO("y\n"), stderr=err) is None
    assert "[y/N]" not in err.getvalue() and not list(tmp_path.glob("*.damaged-*"))


def test_review_with_nothing_due_says_when(tmp_path):
    r = tutor("review", "--plain", data_dir=tmp_path)
    assert r.returncode == 0 and "Nothing to review yet" in r.stdout
    seed(tmp_path, days_ago=0)
    r = tutor("review", "--plain", data_dir=tmp_path)
    assert r.returncode == 0 and "The next review is due" in r.stdout
    r = tutor("review", "--json", data_dir=tmp_path)
    event = json.loads(r.stdout)
    assert event["event"] == "nothing_due" and event["next_review"]


def test_review_runs_the_due_questions_and_reschedules_them(tmp_path):
    seed(tmp_path, days_ago=3)
    r = tutor("review", "--json", "--limit", "1", data_dir=tmp_path, stdin="Russia\n")
    assert r.returncode == 0, r.stderr
    events = [json.loads(x) for x in r.stdout.splitlines()]
    asked = [e["question"] for e in events if e["event"] == "ask"]
    assert len(asked) == 1 and asked[0] in {"guarantor", "landlocked"}
    r = tutor("review", "--json", data_dir=tmp_path, stdin="Russia\nfalse\n")
    events = [json.loads(x) for x in r.stdout.splitlines()]
    assert [e["event"] for e in events if e["event"] in ("ask", "finished")][-1] == "finished"
    with Store.open(tmp_path, "ann") as s:
        modes = s.connection.execute(
            "SELECT mode, COUNT(*) FROM outcomes GROUP BY mode ORDER BY mode"
        ).fetchall()
        assert dict(modes)["review"] >= 2
        # Answered again just now: nothing is due any more.
        from tutor.loader import load_course

        course, _ = load_course([COURSE])
        assert s.due_reviews(course) == []


@pytest.mark.parametrize("command", ["stats", "export", "review"])
def test_help_mentions_progress_options(command, tmp_path):
    r = tutor(command, "--help", data_dir=tmp_path)
    assert r.returncode == 0
    assert "--reset-progress" in r.stdout and "--student" in r.stdout
