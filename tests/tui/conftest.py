"""Fixtures for the Textual app: the fixture course, its grader, and app factories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import Clock, fixture_course

from tutor.grading import Grader
from tutor.model import Course


@pytest.fixture(scope="session")
def course() -> Course:
    return fixture_course()


@pytest.fixture(scope="session")
def grader(course: Course) -> Grader:
    return Grader(course)


@pytest.fixture
def make_app(course: Course, grader: Grader) -> Callable[..., Any]:
    """A TutorApp for the fixture course; no store and no settings file unless given."""
    from tutor.tui.app import TutorApp

    def factory(**kwargs: Any) -> TutorApp:
        kwargs.setdefault("settings_path", None)
        return TutorApp(course, grader, **kwargs)

    return factory


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Any:
    from tutor.store import Store

    opened = Store.open(tmp_path / "data", "tester", fuzz=False, clock=clock)
    yield opened
    opened.close()
