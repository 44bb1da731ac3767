"""The cycle collector rests while the tutor starts and is back on once the student sees the first
question (tutor.startup); a command hands it back as it found it."""

from __future__ import annotations

import gc
import io

import pytest
from support import COURSE

from tutor import plain, startup
from tutor.cli import main


@pytest.fixture
def collector():
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_hands_the_collector_back_as_it_found_it(collector, enabled):
    (gc.enable if enabled else gc.disable)()
    with startup.paused():
        assert not gc.isenabled()
        startup.ready()
        assert gc.isenabled() is enabled  # on again only if it was on to begin with
    assert gc.isenabled() is enabled


def test_ready_outside_a_start_changes_nothing(collector):
    gc.disable()
    startup.ready()
    assert not gc.isenabled()


def test_plain_lesson_collects_again_once_the_first_question_is_shown(collector, monkeypatch, tmp_path):
    gc.enable()
    seen: list[bool] = []
    real = plain._read_line

    def reading(stdin):
        seen.append(gc.isenabled())
        return real(stdin)

    monkeypatch.setattr(plain, "_read_line", reading)
    monkeypatch.setattr("sys.stdin", io.StringIO("hint\n"))
    monkeypatch.setattr("sys.stdout", io.StringIO())
    code = main(["--lessons", str(COURSE), "--data-dir", str(tmp_path), "--no-cache",
                 "learn", "neighbours", "--plain"])
    assert code == 3  # input ended early
    assert seen and all(seen)  # on while the student types
    assert gc.isenabled()
