"""A course's lessons are built when first read: a course from the cache builds none until asked,
and a plain lesson, start to summary, builds only the lesson it teaches."""

from __future__ import annotations

import io

import pytest
from session_support import FakeGrader
from support import copied_course

from tutor.loader import load_course
from tutor.loader.cache import CourseCache
from tutor.model import Course, LazyLessons
from tutor.plain import run_plain_session
from tutor.session import Session


def counting(course: Course) -> tuple[Course, list[str]]:
    """The same course, its lessons built on first read; the ids built, in order."""
    built: list[str] = []
    lessons = tuple(course.lessons)

    def build(n: int):
        built.append(lessons[n].id)
        return lessons[n]

    lazy = Course(LazyLessons([x.id for x in lessons], build), course.title, course.description,
                  course.synonyms)
    return lazy, built


def test_reads_as_the_tuple_of_its_lessons(course):
    lazy, built = counting(course)
    whole = tuple(course.lessons)
    assert len(lazy.lessons) == len(whole) == 2 and built == []
    assert lazy.lesson_ids == tuple(x.id for x in whole) and built == []
    assert lazy.lessons[-1] is whole[-1] and built == [whole[-1].id]
    assert lazy.lessons[:1] == whole[:1] and lazy.lessons[5:] == ()
    with pytest.raises(IndexError):
        lazy.lessons[2]
    assert lazy.lessons == whole and whole == lazy.lessons and lazy == course
    assert hash(lazy.lessons) == hash(whole)
    assert list(lazy.lessons) == list(whole) and whole[0] in lazy.lessons
    assert sorted(built) == sorted(x.id for x in whole)  # each built once, however often read
    assert lazy.lesson("neighbours") is whole[0] and lazy.lesson("nope") is None


def test_a_course_from_the_cache_builds_a_lesson_when_it_is_read(tmp_path):
    folder = copied_course(tmp_path)
    fresh, _ = load_course([folder], cache=CourseCache.open([str(folder)]))
    warm, _ = load_course([folder], cache=CourseCache.open([str(folder)]))
    assert isinstance(warm.lessons, LazyLessons)
    assert warm.lesson_ids == ("neighbours", "hedging")
    assert warm.lessons._built == [None, None]  # nothing unpickled yet
    assert warm.lesson("hedging") == fresh.lesson("hedging")
    assert warm.lessons._built[0] is None
    assert warm == fresh


def test_a_plain_lesson_builds_only_the_lesson_it_teaches(course):
    lazy, built = counting(course)
    session = Session.learn(lazy, "hedging", FakeGrader())
    out = io.StringIO()
    run_plain_session(session, stdin=io.StringIO(""), stdout=out, width=80)
    assert "Summary" in out.getvalue()
    assert built == ["hedging"]
