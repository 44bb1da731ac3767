"""Shared test set-up."""

from __future__ import annotations

import pytest
from support import fixture_course

from tutor.model import Course


@pytest.fixture(autouse=True)
def _own_course_cache(tmp_path_factory, monkeypatch):
    """Each test gets an empty course cache of its own: tests never read or write the real one
    and never see what another test cached (subprocesses inherit it through the environment)."""
    monkeypatch.setenv("TUTOR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("TUTOR_NO_CACHE", raising=False)


@pytest.fixture
def course() -> Course:
    """The fixture course (``tests/data/course``), loaded afresh for each test; modules that need
    another course define their own ``course``."""
    return fixture_course()
