"""Shared test set-up."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_course_cache(tmp_path_factory, monkeypatch):
    """Each test gets an empty course cache of its own: tests never read or write the real one
    and never see what another test cached (subprocesses inherit it through the environment)."""
    monkeypatch.setenv("TUTOR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("TUTOR_NO_CACHE", raising=False)
