"""Security by the database: what a student's URL can do, tried with SQL through that role."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import psycopg
import pytest

from tutor.classroom import schema
from tutor.classroom.server import ClassStoreError, ClassStoreUnavailable, connect

HOSTILE_NAMES = [
    "o'brien; DROP TABLE tutor.attempts; --",
    'Аня "the best" 🙂',
    "robert'); DELETE FROM tutor.attempts WHERE ('1'='1",
    "x\\y%s{}",
]
HOSTILE_TEXT = 'Western nations\'; DROP TABLE tutor.attempts; -- "quoted" ; Назарбаев 🙂 %s {0}'


_serial = itertools.count(1)


def _name(base: str) -> str:
    """Roles belong to the whole cluster: every test uses names of its own."""
    return f"{base}-{next(_serial)}"


def _insert(conn: psycopg.Connection, uid: str, text: str = "Russia", **extra: object) -> None:
    columns = {
        "uid": uid,
        "at": datetime.now(UTC),
        "lesson_id": "two-giants",
        "question_id": "q1",
        "mode": "learn",
        "try_no": 1,
        "hints_used": 0,
        "verdict": "correct",
        "credit": 1.0,
        "final": True,
        "awarded": 1.0,
        "text": text,
        **extra,
    }
    names = ", ".join(columns)
    marks = ", ".join(["%s"] * len(columns))
    conn.execute(f"INSERT INTO tutor.attempts ({names}) VALUES ({marks})", list(columns.values()))


def test_init_is_idempotent_and_reports_versions(new_db):
    url = new_db()
    assert schema.init(url)[:2] == (0, schema.SCHEMA_VERSION)
    assert schema.init(url)[:2] == (schema.SCHEMA_VERSION, schema.SCHEMA_VERSION)


def test_a_student_reads_and_adds_only_their_own_rows(class_url):
    ann, bob = _name("ann"), _name("bob")
    ann_url, bob_url = schema.add_student(class_url, ann), schema.add_student(class_url, bob)
    with connect(ann_url) as a:
        _insert(a, "a1")
        a.commit()
    with connect(bob_url) as b:
        _insert(b, "b1")
        b.commit()
        rows = b.execute("SELECT student, uid FROM tutor.attempts").fetchall()
        assert rows == [(bob, "b1")]
        # Writing a row in another student's name is refused by the policy.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _insert(b, "b2", student=ann)
        b.rollback()
        for statement in (
            "UPDATE tutor.attempts SET text = 'changed'",
            "DELETE FROM tutor.attempts",
            "TRUNCATE tutor.attempts",
            "UPDATE tutor.attempts SET awarded = 1 WHERE student = 'ann'",
            "DELETE FROM tutor.finishes",
            "DROP TABLE tutor.attempts",
            "ALTER TABLE tutor.attempts DISABLE ROW LEVEL SECURITY",
            "SELECT * FROM tutor.students",
            "CREATE TABLE tutor.mine (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                b.execute(statement)
            b.rollback()
        # SET ROLE to the group cannot make bob someone else: policies check session_user.
        group = b.execute("SELECT value FROM tutor.meta WHERE key = 'group'").fetchone()[0]
        b.execute(psycopg.sql.SQL("SET ROLE {}").format(psycopg.sql.Identifier(group)))
        assert b.execute("SELECT count(*) FROM tutor.attempts").fetchone()[0] == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _insert(b, "b3", student=group)
        b.rollback()
    with connect(class_url) as owner:
        rows = owner.execute("SELECT student, uid FROM tutor.attempts ORDER BY uid").fetchall()
    assert rows == [(ann, "a1"), (bob, "b1")]


def test_a_duplicate_uid_is_ignored_and_cannot_shadow_another_students_row(class_url):
    ann, bob = _name("ann"), _name("bob")
    ann_url, bob_url = schema.add_student(class_url, ann), schema.add_student(class_url, bob)
    with connect(ann_url) as a:
        _insert(a, "same")
        a.commit()
    with connect(bob_url) as b:  # the same uid from bob is bob's row, not a conflict with ann's
        _insert(b, "same", text="bob's")
        b.commit()
        b.execute(
            "INSERT INTO tutor.attempts (uid, at, lesson_id, question_id, mode, try_no,"
            " hints_used, verdict, credit, final, awarded, text) SELECT uid, at, lesson_id,"
            " question_id, mode, try_no, hints_used, verdict, credit, final, awarded, 'again'"
            " FROM tutor.attempts ON CONFLICT DO NOTHING"
        )
        b.commit()
    with connect(class_url) as owner:
        rows = owner.execute("SELECT student, text FROM tutor.attempts ORDER BY student").fetchall()
    assert rows == [(ann, "Russia"), (bob, "bob's")]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_and_answers_are_stored_exactly(class_url, name):
    name = _name(name)
    url = schema.add_student(class_url, name)
    with connect(url) as conn:
        _insert(conn, "h1", text=HOSTILE_TEXT, lesson_id="l'1;--", question_id='q"1')
        conn.commit()
        assert conn.execute("SELECT session_user").fetchone()[0] == name
    with connect(class_url) as owner:
        rows = owner.execute("SELECT student, text, lesson_id, question_id FROM tutor.attempts")
        assert rows.fetchall() == [(name, HOSTILE_TEXT, "l'1;--", 'q"1')]
        assert owner.execute("SELECT count(*) FROM tutor.attempts").fetchone()[0] == 1


def test_removed_student_cannot_log_in_and_their_answers_stay(class_url):
    url = schema.add_student(class_url, carl := _name("carl"))
    with connect(url) as conn:
        _insert(conn, "c1")
        conn.commit()
    assert schema.remove_student(class_url, carl) is True
    assert schema.remove_student(class_url, carl) is False
    with pytest.raises(ClassStoreUnavailable):
        connect(url)
    with connect(class_url) as owner:
        assert owner.execute("SELECT count(*) FROM tutor.attempts").fetchone()[0] == 1
    again = schema.add_student(class_url, carl)  # back in the class, with a new password
    assert again != url
    with connect(again) as conn:
        assert conn.execute("SELECT count(*) FROM tutor.attempts").fetchone()[0] == 1


def test_wrong_password_and_someone_elses_role_are_refused(class_url, cluster):
    url = schema.add_student(class_url, _name("dora"))
    bad = url.replace(url.split(":")[2].split("@")[0], "not-the-password")
    with pytest.raises(ClassStoreUnavailable) as caught:
        connect(bad)
    assert "not-the-password" not in str(caught.value)
    teacher = connect(class_url).execute("SELECT current_user").fetchone()[0]
    with pytest.raises(ClassStoreError, match="already exists"):
        schema.add_student(class_url, teacher)  # never resets the instructor's password
    with pytest.raises(ClassStoreError, match="63 bytes"):
        schema.add_student(class_url, "é" * 40)


def test_a_student_of_one_class_cannot_connect_to_another(class_url, new_db):
    other = new_db()
    schema.init(other)
    url = schema.add_student(class_url, _name("eve"))
    # eve's URL, pointed at the other class's database
    elsewhere = url.replace(
        "/" + url.split("/")[3].split("?")[0], "/" + other.split("/")[3].split("?")[0]
    )
    with pytest.raises(ClassStoreUnavailable, match="permission denied"):
        connect(elsewhere)


def test_a_student_cannot_init_or_add_students(class_url):
    url = schema.add_student(class_url, _name("fay"))
    with pytest.raises(ClassStoreError):
        schema.add_student(url, _name("mallory"))
    with pytest.raises(ClassStoreError):
        schema.init(url)
