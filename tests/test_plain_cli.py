"""`tutor learn` and `tutor quiz` in plain mode, driven through a pipe like a script would.

Every run uses a temporary data dir, so the real user's progress is never touched.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import COURSE, RIGHT, ROOT, flat, tutor


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def events(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


LESSON_INPUT = "\n".join(
    [
        "hnit",  # a hint, despite the slip
        "1991",
        "what is the SCO?",  # never counts as an answer
        "China",  # anticipated wrong answer
        "Russia",
        "Mongolia",  # partial: try again to complete it
        "North Korea and Mongolia",
        "why",  # explains the last closed question
        "B",
        "skip",
        "false",
    ]
) + "\n"


def test_learn_whole_lesson_reads_well(data_dir):
    r = tutor("learn", "neighbours", "--plain", stdin=LESSON_INPUT, data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    out = r.stdout
    assert "\x1b" not in out  # no colours on a pipe
    assert out.splitlines()[0] == "Between two giants"
    for n in range(1, 7):
        assert f"Question {n} of 6: " in out
    assert "Tutor: Kazakhstan became independent in 1991" in out  # Markdown emphasis dropped
    assert "Hint 1 of 1: It was early in the 1990s." in out
    assert "> 1991" in out  # piped answers are echoed so the transcript reads as a conversation
    assert "SCO: Shanghai Cooperation Organisation" in out
    assert "Beijing's role has been mostly economic" in out
    assert "[bold]this[/]" in out and "[@click=app.quit]this link[/]" in out  # literal text
    assert "  A) Security guarantor" in out
    flat = " ".join(out.split())
    assert "Skipped. The answer: A) Shanghai Cooperation Organisation; C) Belt and Road Initiative." in flat
    assert "Summary: Between two giants" in out and "(ended early)" not in out
    assert "Score: " in out
    assert "To look at again:" in out and "Which of these are led from the Chinese side?" in out
    assert "Next: " in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_learn_json_events(data_dir):
    r = tutor("learn", "neighbours", "--json", stdin=LESSON_INPUT, data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    evs = events(r.stdout)  # every line is JSON: nothing else on stdout
    assert evs[0]["event"] == "start" and evs[0]["questions"] == 6
    kinds = [e["event"] for e in evs]
    assert kinds.count("ask") == 6 and kinds.count("teach") == 2
    assert "hint" in kinds and kinds[-1] == "finished"
    graded = [e for e in evs if e["event"] == "graded"]
    first = graded[0]
    assert (first["question"], first["input"], first["verdict"], first["final"]) == (
        "independence", "1991", "correct", True,
    )
    assert first["awarded"] == pytest.approx(0.85)  # one hint used
    china = [g for g in graded if g["input"] == "China"][0]
    assert china["verdict"] == "misconception" and china["final"] is False and china["tries_left"] == 2
    partial = [g for g in graded if g["input"] == "Mongolia"][0]
    assert partial["verdict"] == "partial" and partial["missing"] == ["North Korea"]
    info = [e for e in evs if e["event"] == "info"]
    assert {i["kind"] for i in info} >= {"explain", "skip"}
    replies = [e for e in evs if e["event"] == "reply"]  # "what is the SCO?": said to the tutor
    assert replies and replies[0]["kind"] == "define" and replies[0]["understood"] == "define"
    assert all(e["text"] for e in evs if e["event"] in ("info", "reply", "graded", "hint"))
    fin = evs[-1]
    assert fin["completed"] is True and fin["possible"] == 6
    assert 0 < fin["score"] < 1
    assert [res["result"] for res in fin["results"]][4] == "skipped"


def test_learn_eof_ends_early_and_resumes(data_dir):
    r = tutor("learn", "neighbours", "--plain", stdin="1991\nRussia\n", data_dir=data_dir)
    assert r.returncode == 3, r.stderr
    assert "Summary: Between two giants (ended early)" in r.stdout
    assert "Next time you pick up where you left off." in flat(r.stdout)
    assert "Type: tutor learn neighbours" in r.stdout
    again = tutor("learn", "neighbours", "--plain", stdin="", data_dir=data_dir)
    assert "Picking up where you left off" in flat(again.stdout)
    assert "Question 3 of 6" in again.stdout and "Question 1 of 6" not in again.stdout
    fresh = tutor("learn", "neighbours", "--plain", "--restart", stdin="", data_dir=data_dir)
    assert "Question 1 of 6" in fresh.stdout and "Picking up" not in fresh.stdout


def test_a_resumed_lesson_is_scored_as_a_whole(data_dir):
    tutor("learn", "hedging", "--plain", stdin="Tokayev\nquit\n", data_dir=data_dir)
    again = tutor("learn", "hedging", "--plain", stdin="2020\n", data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "Question 2 of 2" in again.stdout
    assert "Score: 2 of 2 (100%)" in again.stdout
    stats = tutor("stats", "--json", data_dir=data_dir)
    best = {row["lesson_id"]: row["best_score"] for row in json.loads(stats.stdout)["lessons"]}
    assert best["hedging"] == 1.0


def test_learn_quit(data_dir):
    r = tutor("learn", "hedging", "--plain", stdin="Tokayev\nquit\n", data_dir=data_dir)
    assert r.returncode == 3
    assert "(ended early)" in r.stdout and "Score: 1 of 2 (50%)" in r.stdout


def test_learn_finished_lesson_suggests_next(data_dir):
    r = tutor("learn", "hedging", "--plain", stdin="Tokayev\n2020\n", data_dir=data_dir)
    assert r.returncode == 0
    assert "Score: 1 of 2" not in r.stdout and "Score: 2 of 2 (100%)" in r.stdout
    assert "Test yourself on the whole course with a quiz." in flat(r.stdout)
    assert "Type: tutor quiz" in r.stdout


def test_unknown_lesson_lists_ids(data_dir):
    r = tutor("learn", "neighbors", "--plain", data_dir=data_dir)
    assert r.returncode == 2
    assert r.stdout == ""
    assert "there is no lesson 'neighbors'" in r.stderr and "Did you mean 'neighbours'" in r.stderr
    assert "Lessons: neighbours, hedging" in r.stderr


def test_broken_course_is_reported_not_started(data_dir, tmp_path):
    broken = tmp_path / "course"
    broken.mkdir()
    (broken / "01-bad.yaml").write_text(
        "id: bad\ntitle: Bad\nsteps:\n  - id: q\n    ask: What?\n    answer: x\n    answer: y\n",
        encoding="utf-8",
    )
    r = tutor("learn", "bad", "--plain", stdin="x\n", data_dir=data_dir, course=broken)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "01-bad.yaml:" in r.stderr and "error" in r.stderr
    assert r.stdout == ""


def _quiz_order(data_dir, *extra):
    r = tutor("quiz", "--json", "--seed", "1", *extra, stdin="", data_dir=data_dir)
    return [e for e in events(r.stdout) if e["event"] == "ask"][0], r


def test_quiz_seeded_is_deterministic_and_breaks_down_by_lesson(data_dir):
    order = tutor("quiz", "--json", "--seed", "1", stdin="skip\n" * 8, data_dir=data_dir)
    assert order.returncode == 0, order.stderr
    asks = [e["question"] for e in events(order.stdout) if e["event"] == "ask"]
    assert sorted(asks) == sorted(RIGHT)
    same = tutor("quiz", "--json", "--seed", "1", stdin="skip\n" * 8, data_dir=data_dir)
    assert [e["question"] for e in events(same.stdout) if e["event"] == "ask"] == asks
    answers = "".join(RIGHT[q] + "\n" for q in asks)
    r = tutor("quiz", "--plain", "--seed", "1", stdin=answers, data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.splitlines()[0] == "Quiz: 2 lessons"
    assert "Question 1 of 8" in out and "Question 8 of 8" in out
    assert "Score: 8 of 8 (100%)" in out
    assert "By lesson:" in out and "  Between two giants (neighbours): 6 of 6" in out and "  Hedging (hedging): 2 of 2" in out
    assert "perfect score" in out.lower()


def test_quiz_count_lesson_and_json(data_dir):
    r = tutor("quiz", "--json", "--lesson", "hedging", "--count", "1", "--seed", "3",
              stdin="what is C5+1?\nNazarbayev\n2019\n2021\n", data_dir=data_dir)
    evs = events(r.stdout)
    asks = [e for e in evs if e["event"] == "ask"]
    assert len(asks) == 1 and asks[0]["lesson"] == "hedging" and asks[0]["total"] == 1
    fin = evs[-1]
    assert fin["event"] == "finished" and fin["mode"] == "quiz" and fin["possible"] == 1
    assert fin["by_lesson"] == [{"lesson": "hedging", "earned": 0.0, "possible": 1}]
    assert r.returncode == 0


def test_quiz_bad_arguments(data_dir):
    r = tutor("quiz", "--plain", "--lesson", "hedgin", data_dir=data_dir)
    assert r.returncode == 2 and "Did you mean 'hedging'" in r.stderr
    r = tutor("quiz", "--plain", "--count", "0", data_dir=data_dir)
    assert r.returncode == 2


def test_plain_path_never_imports_textual(data_dir):
    code = (
        "import sys\n"
        "from tutor.cli import main\n"
        f"rc = main(['--lessons', {str(COURSE)!r}, '--data-dir', {str(data_dir)!r}, 'learn', 'hedging', '--plain'])\n"
        "print('TEXTUAL' if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 'CLEAN', rc, file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], input="Tokayev\n2020\n", capture_output=True,
                       text=True, timeout=60, cwd=ROOT)
    assert r.stderr.strip().splitlines()[-1] == "CLEAN 0"


def test_hostile_input_is_calm(data_dir):
    lines = ["", "\x1b[2J\x07", "x" * 10000, "?!?", "[bold]x[/]", "Токаев", "2020"]
    r = tutor("learn", "hedging", "--plain", stdin="\n".join(lines) + "\n", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout


def _big_lesson(folder: Path, n: int) -> None:
    folder.mkdir()
    steps = []
    for i in range(n):
        if i % 10 == 0:
            steps.append(f"  - teach: Part {i // 10} of the long lesson.\n")
        steps.append(
            f"  - id: q{i}\n    ask: What is the code word number {i}?\n    answer: word{i}x\n"
            f"    hints: [It ends in x.]\n    explain: It was word{i}x.\n"
        )
    (folder / "big.yaml").write_text("id: big\ntitle: A long lesson\nsteps:\n" + "".join(steps), encoding="utf-8")


def test_a_thousand_questions_through_a_pipe(data_dir, tmp_path):
    """Its speed is measured by benchmarks/run.py (plain); here, that it all goes through."""
    folder = tmp_path / "big"
    _big_lesson(folder, 1000)
    answers = "".join(f"word{i}x\n" for i in range(1000))
    r = tutor("learn", "big", "--plain", stdin=answers, data_dir=data_dir, course=folder)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Score: 1000 of 1000 (100%)" in r.stdout


@pytest.mark.parametrize("redirect", [">&-", "<&-", ">/dev/full"])
def test_closed_or_full_standard_streams_end_early_without_a_traceback(data_dir, redirect):
    cmd = f'exec "$0" -m tutor --lessons "$1" --data-dir "$2" learn neighbours --plain {redirect}'
    run = subprocess.run(
        ["sh", "-c", cmd, sys.executable, str(COURSE), str(data_dir)],
        input="1991\n", capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert run.returncode == 3, run.stderr
    assert "Traceback" not in run.stderr


def test_sigterm_mid_question_shows_the_summary_and_exits_143(data_dir):
    cmd = [sys.executable, "-m", "tutor", "--lessons", str(COURSE), "--data-dir", str(data_dir)]
    proc = subprocess.Popen(
        [*cmd, "learn", "neighbours", "--plain"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("1991\n")
    proc.stdin.flush()
    while "Question 2 of 6" not in proc.stdout.readline():
        pass
    proc.terminate()
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + 15, err
    assert "Summary: Between two giants (ended early)" in out and "Traceback" not in err


def test_missed_questions_can_be_practised_later_today(data_dir):
    skips = "\n".join(["1991"] + ["skip"] * 5)
    r = tutor("learn", "neighbours", "--plain", stdin=skips + "\nyes\n", data_dir=data_dir)
    assert "Practise the" not in r.stdout  # not a terminal: a script is never asked
    r = tutor("review", "--missed", "--plain", stdin="", data_dir=data_dir)
    assert "Practice: your mistakes" in flat(r.stdout) and "5 questions" in flat(r.stdout)


def test_the_offer_to_practise_reads_a_yes():
    import io

    from tutor.plain import offer_practice

    out = io.StringIO()
    assert offer_practice(3, stdin=io.StringIO("yes\n"), stdout=out)
    assert "Practise the 3 questions you missed, now? (yes / no)" in out.getvalue()
    assert not offer_practice(1, stdin=io.StringIO("no\n"), stdout=io.StringIO())
    assert not offer_practice(1, stdin=io.StringIO(""), stdout=io.StringIO())
