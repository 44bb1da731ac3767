"""``tutor class init | add-student | remove-student`` as an instructor uses them."""

from __future__ import annotations

from tutor.classroom.server import connect
from tutor.cli import main


def test_init_add_and_remove_from_the_command_line(new_db, capsys, monkeypatch):
    url = new_db()
    assert main(["class", "init", url]) == 0
    out = capsys.readouterr().out
    assert "is ready" in out and "s3cret" not in out  # never the password
    assert main(["class", "init", url]) == 0
    assert "up to date" in capsys.readouterr().out

    assert main(["class", "add-student", "zoë-cli", "--store", url]) == 0
    captured = capsys.readouterr()
    student_url = captured.out.strip()
    assert student_url.startswith("postgresql://zo%C3%AB-cli:")
    with connect(student_url) as conn:
        assert conn.execute("SELECT session_user").fetchone()[0] == "zoë-cli"

    monkeypatch.setenv("TUTOR_STORE", url)
    assert main(["class", "remove-student", "zoë-cli"]) == 0
    assert main(["class", "remove-student", "zoë-cli"]) == 1
    assert "not a student" in capsys.readouterr().err


def test_errors_are_one_clear_line(new_db, capsys, monkeypatch):
    monkeypatch.delenv("TUTOR_STORE", raising=False)
    assert main(["class", "add-student", "x"]) == 2
    assert "--store URL" in capsys.readouterr().err
    url = new_db()
    assert main(["class", "add-student", "x", "--store", url]) == 1
    assert "class init" in capsys.readouterr().err  # not initialised yet
    dead = url.replace("port=5433", "port=1")
    assert main(["class", "init", dead]) == 1
    err = capsys.readouterr().err
    assert "cannot reach the class store" in err and "s3cret" not in err
