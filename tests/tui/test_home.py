"""Plain ``tutor`` without a terminal: a course listing, never the full-screen app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tutor.cli import main

COURSE = Path(__file__).resolve().parents[1] / "data" / "course"


def test_plain_lists_the_course_with_progress(tmp_path, capsys):
    code = main(["--lessons", str(COURSE), "--data-dir", str(tmp_path), "--plain"])
    out = capsys.readouterr().out
    assert code == 0
    assert "1. neighbours  Between two giants" in out
    assert "new" in out
    assert "tutor learn neighbours" in out
    assert "Review (0 due):" in out


def test_not_a_terminal_lists_instead_of_starting_the_app(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "tutor", "--lessons", str(COURSE), "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Hedging" in done.stdout
    assert "\x1b[?1049h" not in done.stdout  # never switched to the alternate screen


def test_lesson_errors_are_plain_text_and_exit_1(tmp_path, capsys):
    bad = tmp_path / "lessons"
    bad.mkdir()
    (bad / "a.yaml").write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    code = main(["--lessons", str(bad), "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    assert code == 1
    assert "a.yaml:" in err and "error" in err


def test_the_listing_never_imports_textual(tmp_path):
    code = (
        "import sys\n"
        "from tutor.cli import main\n"
        f"main(['--lessons', {str(COURSE)!r}, '--data-dir', {str(tmp_path)!r}, '--plain'])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
