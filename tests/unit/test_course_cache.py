"""The course cache: unchanged lesson files are not read again; anything stale, damaged or not
safely ours is ignored and rebuilt, never trusted."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from support import copied_course, examples_lesson

import tutor.loader.lesson as lesson_module
from tutor.cli import main
from tutor.loader import cache as cache_module
from tutor.loader import load_course
from tutor.loader.cache import CourseCache


@pytest.fixture
def course(tmp_path) -> Path:
    return copied_course(tmp_path)


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The files parsed afresh (not taken from the cache)."""
    seen: list[str] = []
    real = lesson_module.load_lesson

    def counting(path, data=None):
        seen.append(Path(path).name)
        return real(path, data)

    monkeypatch.setattr(lesson_module, "load_lesson", counting)
    return seen


def load(folder: Path, directory: Path | None = None):
    return load_course([folder], cache=CourseCache.open([str(folder)], directory))


def cache_files() -> list[Path]:
    return list(Path(os.environ["TUTOR_CACHE_DIR"]).glob("course-*.pickle"))


def test_a_warm_load_gives_the_same_course_without_parsing(course, parses):
    cold, cold_problems = load(course)
    assert sorted(parses) == ["01-neighbours.yaml", "02-hedging.yaml"]
    parses.clear()
    warm, warm_problems = load(course)
    assert parses == []
    assert warm.lessons == cold.lessons and warm_problems == cold_problems
    assert warm.lessons == load_course([course])[0].lessons  # and the same as no cache at all


def test_editing_one_lesson_reads_only_that_lesson(course, parses):
    load(course)
    parses.clear()
    path = course / "02-hedging.yaml"
    path.write_text(path.read_text().replace("title:", "title: Edited", 1))
    warm, _ = load(course)
    assert parses == ["02-hedging.yaml"]
    assert warm.lessons[1].title.startswith("Edited")


def test_problems_are_cached_too(course, parses):
    broken = course / "03-broken.yaml"
    broken.write_text("id: broken\ntitle: Broken\nsteps: nope\n")
    _, first = load(course)
    parses.clear()
    _, second = load(course)
    assert parses == [] and first == second and any(p.is_error for p in second)


def test_another_tutor_version_never_reads_the_cache(course, parses, monkeypatch):
    load(course)
    parses.clear()
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another version")
    load(course)
    assert len(parses) == 2


@pytest.mark.parametrize(
    "damage", [b"", b"not a pickle at all", pickle.dumps({"code": 1}), pickle.dumps([1, 2])]
)
def test_a_damaged_cache_is_rebuilt(course, parses, damage):
    load(course)
    (target,) = cache_files()
    target.write_bytes(damage)
    parses.clear()
    warm, problems = load(course)
    assert len(parses) == 2 and len(warm.lessons) == 2 and not problems
    parses.clear()
    load(course)
    assert parses == []  # rebuilt and saved again


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_a_cache_that_names_anything_but_tutor_data_is_never_run(course, parses, tmp_path, monkeypatch):
    load(course)
    (target,) = cache_files()
    real = cache_module.code_fingerprint()
    target.write_bytes(pickle.dumps({"code": real, "entries": {"x": _Boom()}, "examples": {}}))
    parses.clear()
    monkeypatch.chdir(tmp_path)
    load(course)
    assert not (tmp_path / "pwned").exists()
    assert len(parses) == 2


def test_a_cache_others_may_write_is_not_read(course, parses):
    load(course)
    (target,) = cache_files()
    target.chmod(0o666)
    parses.clear()
    load(course)
    assert len(parses) == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_cache_owned_by_another_user_is_not_read(course, parses):
    load(course)
    (target,) = cache_files()
    os.chown(target, 65534, 65534)
    parses.clear()
    load(course)
    assert len(parses) == 2


def test_a_link_in_place_of_the_cache_is_not_followed(course, parses, tmp_path):
    load(course)
    (target,) = cache_files()
    elsewhere = tmp_path / "elsewhere.pickle"
    target.rename(elsewhere)
    target.symlink_to(elsewhere)
    parses.clear()
    load(course)
    assert len(parses) == 2


def test_an_unwritable_cache_folder_only_costs_speed(course, parses, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    for _ in range(2):
        found, problems = load(course, blocked / "cache")
        assert len(found.lessons) == 2 and not problems
    assert len(parses) == 4


def test_no_cache_writes_nothing(course, capsys, monkeypatch):
    assert main(["--lessons", str(course), "--no-cache", "check"]) == 0
    assert cache_files() == []
    monkeypatch.setenv("TUTOR_NO_CACHE", "1")
    assert main(["--lessons", str(course), "check"]) == 0
    assert cache_files() == []
    monkeypatch.delenv("TUTOR_NO_CACHE")
    assert main(["--lessons", str(course), "check"]) == 0
    assert len(cache_files()) == 1


EXAMPLE_LESSON = examples_lesson(["astana"], ["Shymkent"])


def test_check_runs_examples_again_when_any_lesson_changes(course, capsys, monkeypatch):
    import tutor.loader.examples as examples

    runs: list[int] = []
    real = examples.run_examples
    monkeypatch.setattr(examples, "run_examples", lambda c: runs.append(1) or real(c))
    lesson = course / "03-examples.yaml"
    lesson.write_text(EXAMPLE_LESSON)
    argv = ["check", str(course)]
    assert main(argv) == 0 and main(argv) == 0
    assert len(runs) == 1  # the second check took the examples' results from the cache
    lesson.write_text(EXAMPLE_LESSON.replace("reject: [Shymkent]", "reject: [Astana]"))
    assert main(argv) == 1
    assert "example 'Astana' should be rejected" in capsys.readouterr().out
    assert len(runs) == 2
    assert main(argv) == 1  # a failing result is cached as faithfully as a passing one
    assert "example 'Astana' should be rejected" in capsys.readouterr().out
    assert len(runs) == 2


def test_a_cached_lesson_that_cannot_be_read_back_is_read_from_its_file(course, parses):
    """The cache checks out as a whole but one lesson inside it does not (a change in the code
    that the fingerprint missed): that lesson comes from its file, nothing crashes."""
    cold, _ = load(course)
    cache = CourseCache.open([str(course)])
    for entry in cache.entries.values():
        entry.blob = b"garbage"
    cache.changed = True
    cache.save()
    parses.clear()
    warm, problems = load(course)
    assert warm.lessons == cold.lessons and not problems
    assert sorted(parses) == ["01-neighbours.yaml", "02-hedging.yaml"]
