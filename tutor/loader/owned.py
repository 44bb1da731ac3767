"""The user's own pickles: the course cache and what is kept beside it.

A pickle can run code, so one is only ever read when it cannot have been written by someone else:
the file and its folder must belong to the user running the tutor and be writable by nobody
else, and the file must be a regular file (not a link). The unpickler then builds only the
tutor's own data classes, enums and plain containers, and calls nothing else. Files are written
atomically, readable and writable by the user only.
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
from pathlib import Path
from typing import Any

_BUILTINS = frozenset({"tuple", "list", "dict", "set", "frozenset", "str", "bytes", "int",
                       "float", "bool", "complex"})


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


def loads(data: bytes) -> Any:
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


def dumps(value: Any) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(value)
    return out.getvalue()


def owned_by_me(info: os.stat_result) -> bool:
    """Ours and writable by no one else (always true where there are no user ids)."""
    if not hasattr(os, "geteuid"):
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_owned(path: Path) -> Any:
    """The pickle at ``path``, or None when there is none or it cannot be trusted: it and its
    folder must be the user's own and writable by nobody else, and it must be a regular file,
    not a link. Only the tutor's data classes and plain containers are built from it."""
    folder = os.stat(path.parent)
    if not owned_by_me(folder):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or not owned_by_me(info):
            return None
        return loads(handle.read())


def write_owned(path: Path, value: Any) -> bool:
    """Pickle ``value`` to ``path`` atomically, readable and writable by the user only; False
    when it could not be written (a folder that cannot be written is simply skipped)."""
    try:
        folder = path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not owned_by_me(os.stat(folder)):
            return False
        data = dumps(value)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".course-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return True
    except (OSError, pickle.PicklingError, RecursionError):
        return False
