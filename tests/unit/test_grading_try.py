"""``tutor try LESSON QUESTION_ID ANSWER``: the instructor's one-answer check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "course"
LESSON_FILE = FIXTURE / "01-neighbours.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_text_output_by_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "try", str(LESSON_FILE), "guarantor", "Rusia")
    assert code == 0
    assert "verdict   typo" in out
    assert "credit    1" in out
    assert "matched   Russia" in out
    assert "feedback  Accepted \u2014 the spelling is Russia." in out


def test_lesson_by_id_in_the_course(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lessons", str(FIXTURE), "try", "hedging", "president", "Токаев")
    assert code == 0
    assert "verdict   typo" in out
    assert "Tokayev" in out


def test_exit_zero_whatever_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    for answer in ("Prussia", "China", "", "not Russia"):
        code, out, _ = run(capsys, "try", str(LESSON_FILE), "guarantor", answer)
        assert code == 0, answer
    assert "invalid (not counted)" in run(capsys, "try", str(LESSON_FILE), "guarantor", "")[1]


def test_several_words_are_one_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "try", str(LESSON_FILE), "both-borders", "Mongolia", "and", "DPRK")
    assert code == 0
    assert "verdict   correct" in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "try", str(LESSON_FILE), "both-borders", "Mongolia, South Korea", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["question"] == "both-borders"
    assert data["lesson"] == "neighbours"
    assert data["verdict"] == "partial"
    assert data["credit"] == 0.25
    assert data["found"] == ["Mongolia"]
    assert data["missing"] == ["North Korea"]
    assert data["extra"] == ["South Korea"]
    assert "feedback" in data and "matched" in data


def test_negative_number_after_double_dash(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "try", str(LESSON_FILE), "independence", "--", "-1991")
    assert code == 0
    assert "verdict   wrong" in out


def test_unknown_question_lists_the_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "try", str(LESSON_FILE), "nope", "x")
    assert code == 1
    assert out == ""
    assert "nope" in err
    assert "guarantor" in err and "both-borders" in err and "landlocked" in err


def test_unknown_lesson(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lessons", str(FIXTURE), "try", "nowhere", "q", "x")
    assert code == 1
    assert "nowhere" in err
    assert "neighbours" in err  # the lessons that do exist


def test_lesson_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\nsteps: [\n", encoding="utf-8")
    code, _, err = run(capsys, "try", str(bad), "q", "x")
    assert code == 1
    assert "bad.yaml" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["try", str(LESSON_FILE)])
    assert exc.value.code == 2
    capsys.readouterr()


def test_as_a_real_process() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tutor",
            "try",
            str(LESSON_FILE),
            "landlocked",
            "not true",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["verdict"] == "correct"
    assert data["question"] == "landlocked"
