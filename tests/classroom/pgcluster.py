"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl, a Unix socket in a
temporary folder, no TCP port, password authentication, run as an unprivileged OS user (``nobody``)
when we are root (PostgreSQL refuses to run as root).

``find_bin()`` is None on a machine without PostgreSQL; the tests then skip, unless
``TUTOR_REQUIRE_POSTGRES=1`` (set by ``.ci/run``) makes that a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

REQUIRE_ENV = "TUTOR_REQUIRE_POSTGRES"
SUPERUSER = "postgres"
SUPERPASS = "super-secret"
PORT = 5433
TEACHER_PASS = "s3cret-pw"


def find_bin() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(found[0]).parent if found else None


class Cluster:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="tutor-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "run"
        self.user: str | None = None
        if os.geteuid() == 0:
            self.user = "nobody"
            entry = pwd.getpwnam(self.user)
            os.chmod(self.root, 0o755)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.sockets.mkdir()
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.sockets, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            user=self.user,
            cwd=self.root,
            capture_output=True,
            text=True,
            check=check,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        )

    def init(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(SUPERPASS + "\n")
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--pwfile",
            str(pwfile),
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        pwfile.unlink()

    def start(self) -> None:
        options = (
            f"-k {self.sockets} -c listen_addresses='' -p {PORT} -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "log"),
            "-w",
            "-o",
            options,
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def url(self, user: str = SUPERUSER, password: str = SUPERPASS, db: str = "postgres") -> str:
        return (
            f"postgresql://{quote(user, safe='')}:{quote(password, safe='')}@/{quote(db, safe='')}"
            f"?host={quote(str(self.sockets))}&port={PORT}"
        )

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def new_class(cluster: Cluster, name: str) -> str:
    """A database ``name`` owned by an instructor role ``<name>_teacher`` (CREATEROLE, not a
    superuser), its URL returned; not yet initialised."""
    import psycopg
    from psycopg import sql

    teacher = f"{name}_teacher"
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                sql.Identifier(teacher), sql.Literal(TEACHER_PASS)
            )
        )
        conn.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(teacher)
            )
        )
    return cluster.url(teacher, TEACHER_PASS, name)
