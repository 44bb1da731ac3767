"""A quiz tests what was learnt; it never starts, moves on or resumes a lesson, and its advice fits
where the student really stands in the lesson it names."""

from __future__ import annotations

from pathlib import Path

from support import flat, tutor

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.session import Session
from tutor.store import Store

COURSE = Path(__file__).resolve().parent / "data" / "course"
WRONG_HEDGING = "Putin\n1999\n" * 4  # hedging: two questions in either order, two tries each


def test_a_quiz_leaves_every_lesson_as_it_was(tmp_path):
    course, _ = load_course([COURSE])
    with Store.open(tmp_path, "tester") as store:
        session = Session.quiz(course, Grader(course), observer=store, seed=1)
        session.start()
        while session.awaiting == "answer":
            before = session.progress
            session.submit("Russia")
            if session.awaiting == "answer" and session.progress == before:
                session.command("skip")  # "Russia" is no answer to this one, or a wrong one
        ids = [lesson.id for lesson in course.lessons]
        for lesson_id, progress in store.lesson_progress(ids, course).items():
            assert progress.status == "new", lesson_id
            assert progress.answered == 0 and progress.resume_at is None
            assert store.resume_point(lesson_id) is None
        # the answers are kept all the same (for review and export)
        assert store.due_reviews(course) or store.next_review(course) is not None


def test_quiz_advice_for_a_lesson_never_started_is_to_take_it(tmp_path):
    r = tutor("quiz", "--plain", "--lesson", "hedging", stdin=WRONG_HEDGING, data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    out = flat(r.stdout)
    assert "--restart" not in out
    assert "You have not taken it yet" in out
    assert "Type: tutor learn hedging" in out
    home = flat(tutor("--plain", data_dir=tmp_path).stdout)
    assert "in progress" not in home


def test_quiz_advice_for_a_lesson_done_is_to_go_over_it_again(tmp_path):
    lesson = "Tokayev\n2020\n"
    assert tutor("learn", "hedging", "--plain", stdin=lesson, data_dir=tmp_path).returncode == 0
    r = tutor("quiz", "--plain", "--lesson", "hedging", stdin=WRONG_HEDGING, data_dir=tmp_path)
    out = flat(r.stdout)
    assert "Going over it again would help." in out
    assert "Type: tutor learn hedging --restart" in out


def test_quiz_advice_for_a_lesson_begun_is_to_finish_it(tmp_path):
    assert tutor("learn", "hedging", "--plain", stdin="Tokayev\n", data_dir=tmp_path).returncode == 3
    r = tutor("quiz", "--plain", "--lesson", "hedging", stdin=WRONG_HEDGING, data_dir=tmp_path)
    out = flat(r.stdout)
    assert "Finishing it would help" in out
    assert "Type: tutor learn hedging." in out or out.rstrip().endswith("tutor learn hedging")
    assert "--restart" not in out
