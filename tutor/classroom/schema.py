"""The class store's schema, its migrations and row-level security; adding and removing students.

Run by the instructor as the database's owner (who needs CREATEROLE to make students' roles).
Security is the database's, not the client's:

- every table has row-level security; the students' group role may ``INSERT`` and ``SELECT``
  only, and its policies let a login role see and add only rows whose ``student`` is its own
  ``session_user`` (``SET ROLE`` cannot change that); there is no ``UPDATE`` or ``DELETE`` grant
  and no policy for them, so nobody but the owner can change or remove an answer;
- the owner (the instructor) owns the tables and so reads everything (owners bypass RLS);
- ``CONNECT`` on the database is revoked from ``PUBLIC`` and granted to the group only.

Only parameters go into SQL; the names of roles are composed with ``psycopg.sql.Identifier``.
``MIGRATIONS[n]`` takes the schema from version n to n + 1 (``tutor.meta``); never edit a released
step, append one. Each step runs in its own transaction under an advisory lock.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tutor.classroom.server import ClassStoreError, check_name, connect, describe, student_url

if TYPE_CHECKING:
    import psycopg

SCHEMA = "tutor"
LOCK_KEY = 0x54555452  # "TUTR": the advisory lock taken while migrating


def _v1(cur: psycopg.Cursor[Any], group: str) -> None:
    from psycopg import sql

    g = sql.Identifier(group)
    statements = [
        "CREATE SCHEMA tutor",
        "CREATE TABLE tutor.meta (key text PRIMARY KEY, value text NOT NULL)",
        """CREATE TABLE tutor.attempts (
            uid          text NOT NULL,
            student      text NOT NULL DEFAULT session_user,
            at           timestamptz NOT NULL,
            received_at  timestamptz NOT NULL DEFAULT now(),
            lesson_id    text NOT NULL,
            question_id  text NOT NULL,
            mode         text NOT NULL,
            try_no       integer NOT NULL,
            hints_used   integer NOT NULL,
            verdict      text NOT NULL,
            credit       double precision NOT NULL,
            final        boolean NOT NULL,
            awarded      double precision NOT NULL,
            text         text NOT NULL,
            PRIMARY KEY (student, uid))""",
        "CREATE INDEX attempts_by_question ON tutor.attempts (lesson_id, question_id)",
        """CREATE TABLE tutor.finishes (
            uid          text NOT NULL,
            student      text NOT NULL DEFAULT session_user,
            at           timestamptz NOT NULL,
            received_at  timestamptz NOT NULL DEFAULT now(),
            lesson_id    text,
            mode         text NOT NULL,
            score        double precision NOT NULL,
            PRIMARY KEY (student, uid))""",
        # How many answers a student's tutor still had waiting when it last sent: insert-only.
        """CREATE TABLE tutor.syncs (
            student      text NOT NULL DEFAULT session_user,
            at           timestamptz NOT NULL DEFAULT now(),
            waiting      integer NOT NULL)""",
        "CREATE INDEX syncs_by_student ON tutor.syncs (student, at)",
        # The students the instructor added (the owner's alone: no grant to the group).
        """CREATE TABLE tutor.students (
            name         text PRIMARY KEY,
            added_at     timestamptz NOT NULL DEFAULT now(),
            removed_at   timestamptz)""",
    ]
    for statement in statements:
        cur.execute(statement)
    cur.execute(sql.SQL("GRANT USAGE ON SCHEMA tutor TO {}").format(g))
    cur.execute(sql.SQL("GRANT SELECT ON tutor.meta TO {}").format(g))
    for table in ("attempts", "finishes", "syncs"):
        t = sql.Identifier(SCHEMA, table)
        cur.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(t))
        cur.execute(sql.SQL("GRANT SELECT, INSERT ON {} TO {}").format(t, g))
        cur.execute(
            sql.SQL(
                "CREATE POLICY own_rows_read ON {} FOR SELECT TO {} USING (student = session_user)"
            ).format(t, g)
        )
        cur.execute(
            sql.SQL(
                "CREATE POLICY own_rows_add ON {} FOR INSERT TO {}"
                " WITH CHECK (student = session_user)"
            ).format(t, g)
        )


MIGRATIONS: list[Callable[[psycopg.Cursor[Any], str], None]] = [_v1]
SCHEMA_VERSION = len(MIGRATIONS)


def default_group(dbname: str) -> str:
    """``<database>_students``, cut to PostgreSQL's 63 bytes: one group per class database."""
    name = f"{dbname}_students"
    while len(name.encode("utf-8")) > 63:
        name = name[:-1]
    return name


def version(cur: psycopg.Cursor[Any]) -> int:
    """The schema version, 0 when the class store was never initialised."""
    cur.execute("SELECT to_regclass('tutor.meta') IS NOT NULL")
    row = cur.fetchone()
    if not row or not row[0]:
        return 0
    cur.execute("SELECT value FROM tutor.meta WHERE key = 'schema_version'")
    found = cur.fetchone()
    return int(found[0]) if found else 0


def group_of(cur: psycopg.Cursor[Any]) -> str:
    cur.execute("SELECT value FROM tutor.meta WHERE key = 'group'")
    row = cur.fetchone()
    if row is None:
        raise ClassStoreError("the class store is not initialised: run 'tutor class init URL'")
    return str(row[0])


def check_version(cur: psycopg.Cursor[Any], url: str) -> None:
    found = version(cur)
    if found == 0:
        raise ClassStoreError(
            f"{describe(url)} is not a tutor class store yet: the instructor runs "
            "'tutor class init URL' first"
        )
    if found > SCHEMA_VERSION:
        raise ClassStoreError(
            f"{describe(url)} was set up by a newer tutor (schema {found}, this tutor knows up "
            f"to {SCHEMA_VERSION}): upgrade tutor"
        )


def init(url: str, group: str | None = None) -> tuple[int, int, str]:
    """Create or migrate the class store at ``url``. Returns (old version, new version, group)."""
    from psycopg import errors, sql

    with connect(url) as conn:
        cur = conn.cursor()
        cur.execute(
            "SELECT current_database(), current_user, pg_has_role(current_user, datdba, 'MEMBER')"
            " FROM pg_database WHERE datname = current_database()"
        )
        row = cur.fetchone()
        assert row is not None
        dbname, owner, owns = str(row[0]), str(row[1]), bool(row[2])
        if not owns:
            raise ClassStoreError(
                f"{owner} does not own the database {dbname}: run 'tutor class init' as its owner"
            )
        old = version(cur)
        if old:
            group = group_of(cur)
        group = group or default_group(dbname)
        if problem := check_name(group):
            raise ClassStoreError(f"cannot use {group!r} as the students' group: {problem}")
        conn.commit()
        if old > SCHEMA_VERSION:
            check_version(cur, url)
        g = sql.Identifier(group)
        try:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,))
            if cur.fetchone() is None:
                cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(g))
            db = sql.Identifier(dbname)
            cur.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(db))
            cur.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db, g))
            conn.commit()
            while True:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                now = version(cur)
                if now >= SCHEMA_VERSION:
                    conn.commit()
                    break
                MIGRATIONS[now](cur, group)
                cur.execute(
                    "INSERT INTO tutor.meta (key, value) VALUES ('schema_version', %s), "
                    "('group', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(now + 1), group),
                )
                conn.commit()
        except errors.InsufficientPrivilege as exc:
            raise ClassStoreError(
                f"{owner} may not set up the class store in {dbname}: {exc.diag.message_primary}. "
                "Run 'tutor class init' as the database's owner, a role with CREATEROLE."
            ) from None
    return old, SCHEMA_VERSION, group


def new_password() -> str:
    return secrets.token_urlsafe(18)


def add_student(url: str, name: str) -> str:
    """Create ``name``'s login role in the class's group; returns the student's URL.

    The password is generated here and sent to the server already hashed (SCRAM-SHA-256, by
    libpq), so it appears in no server log. Adding a student again gives a new password.
    """
    from psycopg import errors, sql

    if problem := check_name(name):
        raise ClassStoreError(problem)
    password = new_password()
    with connect(url) as conn:
        cur = conn.cursor()
        check_version(cur, url)
        group = group_of(cur)
        if name == group:
            raise ClassStoreError(f"{name!r} is the students' group, not a student's name")
        hashed = conn.pgconn.encrypt_password(
            password.encode(), name.encode(), b"scram-sha-256"
        ).decode()
        role = sql.Identifier(name)
        try:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
            exists = cur.fetchone() is not None
            cur.execute("SELECT 1 FROM tutor.students WHERE name = %s", (name,))
            ours = cur.fetchone() is not None
            if exists and not ours:
                # Someone else's role (the instructor's own, another class's): never touched.
                raise ClassStoreError(
                    f"a database role named {name!r} already exists and is not a student of this "
                    "class: choose another name"
                )
            statement = (
                "ALTER ROLE {} LOGIN PASSWORD {}"
                if exists
                else "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {}"
            )
            cur.execute(sql.SQL(statement).format(role, sql.Literal(hashed)))
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), role))
            cur.execute(
                "INSERT INTO tutor.students (name) VALUES (%s) ON CONFLICT (name)"
                " DO UPDATE SET removed_at = NULL",
                (name,),
            )
            conn.commit()
        except errors.InsufficientPrivilege as exc:
            raise ClassStoreError(
                f"cannot add {name!r}: {exc.diag.message_primary} (the instructor's role needs "
                "CREATEROLE)"
            ) from None
    return student_url(url, name, password)


def remove_student(url: str, name: str) -> bool:
    """Take ``name`` out of the class: no login, no group. Their answers stay. False if unknown."""
    from psycopg import errors, sql

    with connect(url) as conn:
        cur = conn.cursor()
        check_version(cur, url)
        group = group_of(cur)
        cur.execute(
            "SELECT 1 FROM tutor.students s JOIN pg_roles r ON r.rolname = s.name"
            " WHERE s.name = %s AND s.removed_at IS NULL",
            (name,),
        )
        if cur.fetchone() is None:
            return False
        role = sql.Identifier(name)
        try:
            cur.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), role))
            cur.execute(sql.SQL("ALTER ROLE {} NOLOGIN PASSWORD NULL").format(role))
            cur.execute("UPDATE tutor.students SET removed_at = now() WHERE name = %s", (name,))
            conn.commit()
        except errors.InsufficientPrivilege as exc:
            raise ClassStoreError(f"cannot remove {name!r}: {exc.diag.message_primary}") from None
    return True
