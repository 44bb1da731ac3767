"""Connecting to the class store: URLs, timeouts and errors.

psycopg is imported inside the functions here, so ``python3 -m tutor`` never loads it unless a
class store URL is set. A URL's password is never printed: messages name ``describe(url)``.
TLS settings in the URL (``sslmode``, ``sslrootcert``...) are passed to libpq untouched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT = 5  # seconds: a class store that does not answer must not hold anyone up
APPLICATION = "tutor"
# PostgreSQL keeps at most 63 bytes of a name (NAMEDATALEN - 1) and would cut a longer one.
MAX_NAME_BYTES = 63


class ClassStoreError(Exception):
    """The class store cannot be used; ``str(error)`` is a complete sentence for the user."""


class ClassStoreUnavailable(ClassStoreError):
    """It cannot be reached now (network, server stopped, timeout): worth trying again later."""


def _params(url: str) -> dict[str, Any]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return dict(conninfo_to_dict(url))
    except Exception as exc:  # psycopg.ProgrammingError: a malformed URL
        raise ClassStoreError(f"the class store URL is not valid: {_without_secret(exc)}") from None


def _without_secret(exc: BaseException) -> str:
    return re.sub(r"(password=)\S+", r"\1***", str(exc)).strip()


def describe(url: str) -> str:
    """``user@host:port/db`` without the password, for messages."""
    try:
        p = _params(url)
    except ClassStoreError:
        return "the class store"
    user = p.get("user") or "(you)"
    host = p.get("host") or "localhost"
    port = f":{p['port']}" if p.get("port") else ""
    return f"{user}@{host}{port}/{p.get('dbname') or user}"


def target(url: str) -> str:
    """What identifies a class store whoever connects to it: ``host:port/db`` (no user, no
    password), so the local send queue survives a student's new password."""
    p = _params(url)
    return f"{p.get('host') or 'localhost'}:{p.get('port') or 5432}/{p.get('dbname') or ''}"


def connect(
    url: str, *, timeout: float = CONNECT_TIMEOUT, autocommit: bool = False
) -> psycopg.Connection[Any]:
    """A connection, or ``ClassStoreUnavailable`` saying why not (never with the password)."""
    import psycopg

    params = _params(url)
    params.setdefault("connect_timeout", max(1, round(timeout)))
    params.setdefault("application_name", APPLICATION)
    # A network that drops mid-send fails within the timeout, not after TCP's minutes.
    params.setdefault("tcp_user_timeout", int(timeout * 1000))
    params.setdefault("keepalives_idle", max(1, round(timeout)))
    try:
        return psycopg.connect(**params, autocommit=autocommit)
    except psycopg.OperationalError as exc:
        raise ClassStoreUnavailable(
            f"cannot reach the class store {describe(url)}: {_one_line(exc)}"
        ) from None


def _one_line(exc: BaseException) -> str:
    lines = [" ".join(line.split()) for line in _without_secret(exc).splitlines() if line.strip()]
    return " ".join(lines) or type(exc).__name__


def student_url(owner_url: str, name: str, password: str) -> str:
    """The URL a student uses: the instructor's server, database and TLS settings, the student's
    login role and password."""
    p = _params(owner_url)
    p.pop("user", None)
    p.pop("password", None)
    dbname = p.pop("dbname", None) or ""
    host = str(p.get("host") or "")
    netloc = ""
    if re.fullmatch(r"[A-Za-z0-9.-]+", host):  # a plain host name goes where people expect it
        netloc = host + (f":{p.pop('port')}" if p.get("port") else "")
        p.pop("host")
    query = urlencode({k: v for k, v in p.items() if v is not None and v != ""})
    auth = f"{quote(name, safe='')}:{quote(password, safe='')}"
    return f"postgresql://{auth}@{netloc}/{quote(dbname, safe='')}" + (f"?{query}" if query else "")


def check_name(name: str) -> str | None:
    """Why ``name`` cannot be a student's login role, or None. Any character is fine (names are
    always quoted); PostgreSQL's limits are not."""
    if not name or not name.strip():
        return "a student's name cannot be empty"
    if "\x00" in name:
        return "a student's name cannot hold a NUL character"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return f"a student's name is at most {MAX_NAME_BYTES} bytes in UTF-8 (PostgreSQL's limit)"
    if name.lower().startswith("pg_"):
        return "names starting with pg_ are reserved by PostgreSQL"
    return None
