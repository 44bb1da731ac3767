"""Class store URLs: a student's URL keeps the server, database and TLS settings; no password is
ever shown in a message. (No server needed.)"""

from __future__ import annotations

import pytest
from psycopg.conninfo import conninfo_to_dict

from tutor.classroom.server import check_name, describe, student_url, target


def test_a_students_url_keeps_the_server_the_database_and_tls():
    owner = "postgresql://teacher:t0p@db.school.example:6432/class7b?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    url = student_url(owner, "Ann O'Lee; --", "p@ss/w:rd")
    assert url.startswith(
        "postgresql://Ann%20O%27Lee%3B%20--:p%40ss%2Fw%3Ard@db.school.example:6432/"
    )
    params = conninfo_to_dict(url)
    assert params == {
        "user": "Ann O'Lee; --", "password": "p@ss/w:rd", "host": "db.school.example",
        "port": "6432", "dbname": "class7b", "sslmode": "verify-full",
        "sslrootcert": "/etc/ca.pem",
    }  # fmt: skip


def test_a_socket_folder_goes_in_the_query():
    url = student_url("postgresql:///class?host=/run/pg&port=5433", "ann", "pw")
    assert conninfo_to_dict(url) == {
        "user": "ann", "password": "pw", "host": "/run/pg", "port": "5433", "dbname": "class",
    }  # fmt: skip


def test_messages_and_queue_keys_never_hold_the_password():
    url = "postgresql://ann:hunter2@db:5432/class"
    assert "hunter2" not in describe(url) and describe(url) == "ann@db:5432/class"
    assert target(url) == target("postgresql://ann:new-password@db/class") == "db:5432/class"
    assert "hunter2" not in describe("postgresql://ann:hunter2@db:notaport/x")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("a\x00b", "NUL"),
        ("é" * 32, "63 bytes"),
        ("pg_x", "reserved"),
    ],
)
def test_names_postgresql_cannot_keep_are_refused(name, problem):
    assert problem in (check_name(name) or "")
    assert check_name('Аня "the best" 🙂; DROP --') is None
