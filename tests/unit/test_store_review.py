"""Spaced review: the rating mapping and FSRS scheduling with fuzzing off and a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating
from support import Clock

from tutor.model import Course, Lesson, Question, QuestionType
from tutor.records import Outcome
from tutor.store import Store, rating_for

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def out(result, tries=1, hints=0, q="a", lesson="l1", awarded=None):
    if awarded is None:
        awarded = {"correct": 1.0, "typo": 1.0, "partial": 0.5}.get(result, 0.0)
    return Outcome(lesson, q, result, awarded, tries, hints, "learn")


@pytest.mark.parametrize(
    ("outcome", "rating"),
    [
        (out("correct"), Rating.Good),
        (out("correct", tries=2), Rating.Hard),
        (out("correct", hints=1), Rating.Hard),
        (out("typo"), Rating.Hard),
        (out("partial"), Rating.Hard),
        (out("wrong", tries=3), Rating.Again),
        (out("skipped", tries=0), Rating.Again),
        (out("revealed", tries=1), Rating.Again),
        (out("something new"), Rating.Again),
    ],
)
def test_rating_mapping(outcome, rating):
    assert rating_for(outcome) == rating


def make_course(*lessons: tuple[str, tuple[str, ...]]) -> Course:
    return Course(
        tuple(
            Lesson(
                lid,
                lid,
                tuple(Question(id=q, ask=q, type=QuestionType.TEXT, answer="x") for q in qs),
            )
            for lid, qs in lessons
        )
    )


COURSE = make_course(("l1", ("a", "b", "c")), ("l2", ("d",)))


@pytest.fixture
def clock():
    return Clock(T0)


@pytest.fixture
def store(tmp_path, clock):
    with Store.open(tmp_path, "ann", clock=clock, fuzz=False) as s:
        yield s


def test_nothing_due_before_any_answer(store):
    assert store.due_reviews(COURSE) == []
    assert store.review_count(COURSE) == 0
    assert store.next_review(COURSE) is None


def test_first_outcomes_schedule_one_and_two_days_out(store):
    store.outcome(out("correct", q="a"))  # Good
    store.outcome(out("typo", q="b"))  # Hard
    store.outcome(out("wrong", q="c", tries=3))  # Again
    assert store.card("l1", "a").due == T0 + 2 * DAY
    assert store.card("l1", "b").due == T0 + DAY
    assert store.card("l1", "c").due == T0 + DAY
    assert store.due_reviews(COURSE, now=T0 + DAY - timedelta(seconds=1)) == []
    assert store.due_reviews(COURSE, now=T0 + DAY) == [("l1", "b"), ("l1", "c")]
    assert store.due_reviews(COURSE, now=T0 + 2 * DAY) == [("l1", "b"), ("l1", "c"), ("l1", "a")]
    assert store.due_reviews(COURSE, now=T0 + 2 * DAY, limit=1) == [("l1", "b")]
    assert store.review_count(COURSE, now=T0 + 2 * DAY) == 3
    assert store.next_review(COURSE) == T0 + DAY


def test_default_now_is_the_store_clock(store, clock):
    store.outcome(out("correct", q="a"))
    assert store.due_reviews(COURSE) == []
    clock.now = T0 + 3 * DAY
    assert store.due_reviews(COURSE) == [("l1", "a")]


def test_intervals_grow_with_good_and_shrink_with_again(store, clock):
    store.outcome(out("correct"))
    due = []
    for result in ("correct", "correct", "wrong", "correct"):
        clock.now = store.card("l1", "a").due
        store.outcome(out(result, tries=1 if result == "correct" else 3))
        due.append(store.card("l1", "a").due - clock.now)
    assert due[0] > 2 * DAY
    assert due[1] > due[0]
    assert due[2] < due[1]  # a lapse brings it back sooner
    row = store.connection.execute("SELECT reviews, lapses, last_rating FROM cards").fetchone()
    assert row == (5, 1, int(Rating.Good))


def test_review_outcomes_update_the_same_card(store, clock):
    store.outcome(out("wrong", tries=3))
    clock.now = T0 + DAY
    store.outcome(Outcome("l1", "a", "correct", 1.0, 1, 0, "review"))
    assert store.card("l1", "a").due > clock.now + DAY
    assert store.connection.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 1


def test_questions_gone_from_the_course_are_not_due(store):
    store.outcome(out("wrong", q="a", tries=3))
    store.outcome(out("wrong", q="gone", tries=3))
    store.outcome(out("wrong", q="d", lesson="removed-lesson", tries=3))
    assert store.due_reviews(COURSE, now=T0 + 5 * DAY) == [("l1", "a")]
    smaller = make_course(("l2", ("d",)))
    assert store.due_reviews(smaller, now=T0 + 5 * DAY) == []
    assert store.next_review(smaller) is None


def test_cards_are_per_student(tmp_path, clock):
    with (
        Store.open(tmp_path, "ann", clock=clock, fuzz=False) as ann,
        Store.open(tmp_path, "bob", clock=clock, fuzz=False) as bob,
    ):
        ann.outcome(out("wrong", tries=3))
        assert ann.review_count(COURSE, now=T0 + DAY) == 1
        assert bob.review_count(COURSE, now=T0 + DAY) == 0


def test_best_awarded_is_kept(store, clock):
    store.outcome(out("partial", awarded=0.5))
    clock.now += DAY
    store.outcome(out("wrong", tries=3))
    best = store.connection.execute("SELECT best_awarded FROM cards").fetchone()[0]
    assert best == 0.5
