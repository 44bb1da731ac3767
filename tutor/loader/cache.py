"""The course cache: what loading and checking each lesson file found, kept between runs.

Start-up and ``tutor check`` skip every lesson file whose bytes have not changed since the last
run. One cache file per course folder lives in the user cache directory
(``$TUTOR_CACHE_DIR``, else platformdirs' ``user_cache_dir("tutor")``). Each entry is keyed by
a checksum of the file's bytes; the whole cache by a fingerprint of the tutor code that made it,
so another version (or an edited checkout) never reads an older one. The results of running the
examples (``tutor check``) are kept under a key made of every lesson's digest, since a question's
competitors come from the whole course.

A cache is a pickle, so it is only ever read when it cannot have been written by someone else:
the file and its folder must belong to the user running the tutor and be writable by nobody else,
the file must be a regular file (not a link), and the unpickler only builds the tutor's own data
classes and plain containers, never calls anything else. A cache that fails any check, is from
another tutor, or cannot be read is ignored and rebuilt; one that cannot be written is skipped.
Nothing here ever raises: a cache is an optimisation, never a reason for the tutor to fail.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import enum
import io
import operator
import os
import pickle
import stat
import tempfile
import zlib
from pathlib import Path
from typing import Any

from tutor.values import field, mutable

ENV_CACHE_DIR = "TUTOR_CACHE_DIR"
ENV_NO_CACHE = "TUTOR_NO_CACHE"
FORMAT = 1  # bump when the layout of this file's contents changes

_BUILTINS = frozenset({"tuple", "list", "dict", "set", "frozenset", "str", "bytes", "int",
                       "float", "bool", "complex"})


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


class _Unpickler(pickle.Unpickler):
    """Builds the tutor's own frozen data classes and enums and plain containers; nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _BUILTINS:
            return super().find_class(module, name)
        if module == "tutor" or module.startswith("tutor."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (
                dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)
            ):
                return found
        raise pickle.UnpicklingError(f"the cache may not name {module}.{name}")


def _loads(data: bytes) -> Any:
    return _Unpickler(io.BytesIO(data)).load()


class _Reducers(dict):
    """The pickler's dispatch table: a tutor data class whose fields are exactly its
    constructor's arguments is pickled as a call of that constructor with its field values, in
    one step. (A frozen data class with slots otherwise pickles through ``__getstate__``, which
    looks its fields up again for every object: most of the time of writing a large course.)
    Anything else pickles the ordinary way."""

    def __missing__(self, cls: type) -> Any:
        if not (
            cls.__module__.startswith("tutor.")
            and dataclasses.is_dataclass(cls)
            and not hasattr(cls, "__post_init__")
            and all(f.init and not f.kw_only for f in dataclasses.fields(cls))
        ):
            found = copyreg.dispatch_table.get(cls)
            if found is None:
                raise KeyError(cls)
            self[cls] = found
            return found
        names = [f.name for f in dataclasses.fields(cls)]
        if len(names) == 1:
            get = operator.attrgetter(names[0])

            def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
                return cls, (get(obj),)
        else:
            values = operator.attrgetter(*names)

            def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
                return cls, values(obj)

        self[cls] = reduce
        return reduce


_REDUCERS = _Reducers()


def _dumps(value: Any) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(value)
    return out.getvalue()


def _owned_by_me(info: os.stat_result) -> bool:
    """Ours and writable by no one else (always true where there are no user ids)."""
    if not hasattr(os, "geteuid"):
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


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
        return None if self.blob is None else _loads(self.blob)


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
            stored = cache._read()
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

    def _read(self) -> Any:
        assert self.path is not None
        folder = os.stat(self.path.parent)
        if not _owned_by_me(folder):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(self.path, flags)
        except FileNotFoundError:
            return None
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _owned_by_me(info):
                return None
            return _loads(handle.read())

    def lookup(self, file: str, digest: bytes) -> Entry | None:
        entry = self.entries.get(file)
        return entry if entry is not None and entry.digest == digest else None

    def remember(self, file: str, digest: bytes, lesson: Any, problems: list[Any]) -> Entry:
        blob = None if lesson is None else _dumps(lesson)
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
        blob = None if value is None else _dumps(value)
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
        """Write the cache if anything changed: atomically, readable and writable by the user
        only. A folder that cannot be written is simply skipped."""
        if not self.changed or self.path is None:
            return
        try:
            folder = self.path.parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _owned_by_me(os.stat(folder)):
                return
            data = _dumps({"code": self.code, "entries": self.entries, "examples": self.examples})
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".course-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            self.changed = False
        except (OSError, pickle.PicklingError, RecursionError):
            pass

