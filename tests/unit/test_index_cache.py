"""The conversation's search index is kept beside the course cache: the next session on the same
course reads it back instead of building it, and anything stale, damaged or not safely ours is
ignored and built afresh."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import copied_course

from tutor.loader import cache, load_course
from tutor.loader.cache import CourseCache
from tutor.session.search import CourseIndex, course_index

ASKED = ["what is the sco", "who wrote it", "tell me about hedging", "where is kazakstan",
         "quantum chromodynamics"]


@pytest.fixture
def folder(tmp_path) -> Path:
    return copied_course(tmp_path)


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """How many indexes were built from a course (not read back)."""
    made: list[int] = []
    real = CourseIndex.__init__

    def counting(self, course):
        made.append(1)
        real(self, course)

    monkeypatch.setattr(CourseIndex, "__init__", counting)
    return made


def loaded(folder: Path):
    return load_course([folder], cache=CourseCache.open([str(folder)]))[0]


def kept_files() -> list[Path]:
    return list(Path(os.environ["TUTOR_CACHE_DIR"]).glob("course-*.index.pickle"))


def answers(index: CourseIndex) -> list[list[tuple[str, float, tuple[str, ...]]]]:
    return [[(h.passage.text, h.cover, h.terms) for h in index.search(q)] for q in ASKED]


def test_the_next_session_reads_the_index_back(folder, builds):
    first = course_index(loaded(folder))
    assert builds == [1] and len(kept_files()) == 1
    again = course_index(loaded(folder))
    assert builds == [1]  # read back, not built
    assert again is not first
    assert again.passages == first.passages and again.covers == first.covers
    assert again.titles == first.titles
    assert answers(again) == answers(first)
    assert any(answers(first))  # the questions asked do find passages


def test_an_edited_lesson_builds_the_index_again(folder, builds):
    course_index(loaded(folder))
    lesson = folder / "02-hedging.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    course_index(loaded(folder))
    assert builds == [1, 1]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no file owners here")
def test_a_kept_index_others_could_write_is_not_read(folder, builds):
    course_index(loaded(folder))
    (kept,) = kept_files()
    kept.chmod(0o664)
    course_index(loaded(folder))
    assert builds == [1, 1]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05N."])
def test_a_damaged_kept_index_is_built_afresh(folder, builds, damage):
    course_index(loaded(folder))
    (kept,) = kept_files()
    kept.write_bytes(damage)
    index = course_index(loaded(folder))
    assert builds == [1, 1] and any(answers(index))


def test_a_kept_state_this_code_cannot_use_is_built_afresh(folder, builds, monkeypatch):
    course_index(loaded(folder))
    monkeypatch.setattr(cache, "derived", lambda course, name: ("not", "an", "index"))
    index = course_index(loaded(folder))
    assert builds == [1, 1] and any(answers(index))


def test_a_course_loaded_without_a_cache_keeps_nothing(folder, builds):
    course, _ = load_course([folder])
    course_index(course)
    course_index(load_course([folder])[0])
    assert builds == [1, 1] and kept_files() == []
