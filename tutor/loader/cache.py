"""The course cache: what loading and checking each lesson file found, kept between runs.

Start-up and ``tutor check`` skip every lesson file whose bytes have not changed since the last
run. One cache file per course folder lives in the user cache directory
(``$TUTOR_CACHE_DIR``, else platformdirs' ``user_cache_dir("tutor")``). Each entry is keyed by
a checksum of the file's bytes; the whole cache by a fingerprint of the tutor code that made it,
so another version (or an edited checkout) never reads an older one. The results of running the
examples (``tutor check``) are kept under a key made of every lesson's digest, since a question's
competitors come from the whole course.

What is made from a whole course and costs time to make (the conversation's search index) is
kept in a file beside the course's cache (:func:`derived`, :func:`keep_derived`), stamped with
the code and the exact course it was made from.

Each is a pickle, read only when it is safely the user's own (:mod:`tutor.loader.owned`). A
cache that fails any check, is from another tutor, or cannot be read is ignored and rebuilt; one
that cannot be written is skipped. Nothing here ever raises: a cache is an optimisation, never a
reason for the tutor to fail.
"""

from __future__ import annotations

import os
import weakref
import zlib
from pathlib import Path
from typing import Any

from tutor.loader.owned import dumps, loads, read_owned, write_owned
from tutor.values import field, mutable

ENV_CACHE_DIR = "TUTOR_CACHE_DIR"
ENV_NO_CACHE = "TUTOR_NO_CACHE"
FORMAT = 1  # bump when the layout of this file's contents changes


def cache_dir() -> Path:
    chosen = os.environ.get(ENV_CACHE_DIR)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tutor", appauthor=False))


def disabled() -> bool:
    return os.environ.get(ENV_NO_CACHE, "").strip().lower() not in ("", "0", "no", "false")


def digest(data: bytes) -> bytes:
    """A 64-bit checksum and the length of ``data``: it tells an edited file from the one cached.
    Not a cryptographic hash, and it need not be: only the user can write their own cache, and a
    lesson file crafted to match another's checksum would only bring back that other file's
    lessons. (zlib is loaded anyway; hashlib would cost start-up time for nothing.)"""
    return (
        zlib.crc32(data).to_bytes(4, "big")
        + zlib.adler32(data).to_bytes(4, "big")
        + len(data).to_bytes(8, "big")
    )


def code_fingerprint() -> str:
    """The tutor's version and the size and time of every module in the package: an upgrade or an
    edited checkout makes every older cache stale."""
    import tutor

    parts = [f"{tutor.__version__}|{FORMAT}"]
    _fingerprint_folder(os.path.dirname(tutor.__file__), "", parts)
    return digest("\n".join(parts).encode("utf-8", "surrogateescape")).hex()


def _fingerprint_folder(folder: str, rel: str, parts: list[str]) -> None:
    """Each module's path under the package, size and time, in name order (one scandir per
    folder: this runs at every start)."""
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        if entry.name.endswith(".py") and entry.is_file():
            info = entry.stat()
            parts.append(f"{rel}{entry.name}|{info.st_size}|{info.st_mtime_ns}")
        elif entry.is_dir() and entry.name not in ("__pycache__", "_course"):
            _fingerprint_folder(entry.path, f"{rel}{entry.name}/", parts)


@mutable(slots=True)
class Entry:
    """What loading one lesson file found. The lesson itself stays pickled until it is needed."""

    digest: bytes
    problems: tuple[Any, ...]  # tutor.loader.problems.Problem
    lesson_id: str | None
    lesson_line: int
    lesson_column: int
    questions: int
    blob: bytes | None  # the pickled Lesson, None when the file has errors

    def lesson(self) -> Any:
        return None if self.blob is None else loads(self.blob)


@mutable
class CourseCache:
    """The cache of one course (the lesson paths it was loaded from)."""

    path: Path | None  # where it is saved; None: kept in memory only
    code: str
    entries: dict[str, Entry] = field(default_factory=dict)
    examples: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls, sources: list[str], directory: Path | None = None) -> CourseCache:
        """The cache for a course read from ``sources`` (folders or files); empty when there is
        none yet, or when the one there cannot be trusted."""
        code = code_fingerprint()
        key = digest("\n".join(os.path.abspath(s) for s in sources).encode("utf-8", "surrogateescape"))
        try:
            path = (directory or cache_dir()) / f"course-{key.hex()}.pickle"
        except Exception:  # no home folder to put a cache in: load without one
            return cls(None, code)
        cache = cls(path, code)
        try:
            stored = read_owned(path)
        except Exception:
            stored = None
        if (
            isinstance(stored, dict)
            and stored.get("code") == code
            and isinstance(stored.get("entries"), dict)
            and isinstance(stored.get("examples"), dict)
        ):
            cache.entries = {
                k: v for k, v in stored["entries"].items()
                if isinstance(k, str) and isinstance(v, Entry)
            }
            cache.examples = stored["examples"]
        return cache

    def lookup(self, file: str, digest: bytes) -> Entry | None:
        entry = self.entries.get(file)
        return entry if entry is not None and entry.digest == digest else None

    def remember(self, file: str, digest: bytes, lesson: Any, problems: list[Any]) -> Entry:
        blob = None if lesson is None else dumps(lesson)
        entry = Entry(
            digest,
            tuple(problems),
            None if lesson is None else lesson.id,
            0 if lesson is None else lesson.pos.line,
            0 if lesson is None else lesson.pos.column,
            0 if lesson is None else len(lesson.questions),
            blob,
        )
        self.entries[file] = entry
        self.changed = True
        return entry

    def remember_value(self, file: str, digest: bytes, value: Any, problems: list[Any]) -> Entry:
        """A file that is not a lesson (the course file): its contents and its problems."""
        blob = None if value is None else dumps(value)
        entry = Entry(digest, tuple(problems), None, 0, 0, 0, blob)
        self.entries[file] = entry
        self.changed = True
        return entry

    def examples_for(self, key: str) -> tuple[Any, ...] | None:
        return self.examples.get(key)

    def remember_examples(self, key: str, problems: list[Any]) -> None:
        self.examples = {key: tuple(problems)}  # only the latest course state is worth keeping
        self.changed = True

    def forget_except(self, files: set[str]) -> None:
        """Drop entries of files that are no longer part of the course."""
        gone = self.entries.keys() - files
        for file in gone:
            del self.entries[file]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        """Write the cache if anything changed (see :func:`tutor.loader.owned.write_owned`)."""
        if not self.changed or self.path is None:
            return
        if write_owned(
            self.path, {"code": self.code, "entries": self.entries, "examples": self.examples}
        ):
            self.changed = False

    def adopt(self, course: Any, key: str) -> None:
        """Remember that ``course`` was loaded through this cache and is exactly the course
        ``key`` names (:meth:`tutor.loader.course.CourseScan.key`), so that what is made from the
        whole course can be kept beside the cache (:func:`derived`, :func:`keep_derived`)."""
        if self.path is None:
            return
        ref_id = id(course)

        def forget(_ref: object) -> None:
            _HOMES.pop(ref_id, None)

        _HOMES[ref_id] = (weakref.ref(course, forget), self.path, f"{self.code}|{key}")


# What is made from a whole course (the conversation's search index) is kept in a file beside
# the course's cache, stamped with the code and the course it was made from. A course object
# knows its cache only through this table (id -> the course, its cache file, its stamp).
_HOMES: dict[int, tuple[weakref.ref[Any], Path, str]] = {}


def _home(course: Any, name: str) -> tuple[Path, str] | None:
    held = _HOMES.get(id(course))
    if held is None or held[0]() is not course:
        return None
    _ref, path, stamp = held
    return path.with_name(f"{path.stem}.{name}.pickle"), stamp


def derived(course: Any, name: str) -> Any:
    """What :func:`keep_derived` kept under ``name`` for this very course (the same lesson files,
    the same tutor), or None: a course loaded without a cache, another course's, or a file that
    cannot be trusted or read."""
    home = _home(course, name)
    if home is None:
        return None
    path, stamp = home
    try:
        stored = read_owned(path)
    except Exception:
        return None
    if isinstance(stored, dict) and stored.get("stamp") == stamp:
        return stored.get("value")
    return None


def keep_derived(course: Any, name: str, value: Any) -> None:
    """Keep ``value``, made from the whole of ``course``, for the next time this very course is
    loaded through the cache (nothing when it was loaded without one)."""
    home = _home(course, name)
    if home is not None:
        write_owned(home[0], {"stamp": home[1], "value": value})
