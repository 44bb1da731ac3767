"""A throwaway PostgreSQL cluster for the class-store tests (one per test session).

Without PostgreSQL these tests skip with the reason; with ``TUTOR_REQUIRE_POSTGRES=1`` (``.ci/run``
sets it) a missing PostgreSQL fails them instead.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator

import pytest
from pgcluster import REQUIRE_ENV, Cluster, find_bin, new_class

_names = itertools.count(1)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    bindir = find_bin()
    if bindir is None:
        reason = (
            "PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin): "
            "the class-store tests need it (Debian: apt-get install postgresql)"
        )
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(reason + f"; {REQUIRE_ENV}=1 makes them mandatory", pytrace=False)
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.fail("psycopg is not installed: pip install -e '.[test]'", pytrace=False)
    made = Cluster(bindir)
    try:
        made.init()
        made.start()
        yield made
    finally:
        made.destroy()


@pytest.fixture
def new_db(cluster: Cluster) -> Callable[[], str]:
    """Makes a fresh, uninitialised class database; returns its owner's (the instructor's) URL."""

    def make() -> str:
        return new_class(cluster, f"class{next(_names)}")

    return make


@pytest.fixture
def class_url(new_db: Callable[[], str]) -> str:
    """A fresh class store, initialised; the instructor's URL."""
    from tutor.classroom import schema

    url = new_db()
    schema.init(url)
    return url
