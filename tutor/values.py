"""Value classes: frozen data classes whose comparison, hash and repr are shared functions;
and ``@mutable``, the same for data classes that change.

``@value`` is ``@dataclass(frozen=True, slots=True)`` with the same fields, ``__init__``,
``__post_init__``, ``__match_args__``, ``dataclasses.fields``/``replace`` and frozenness. Only
``__eq__``, ``__hash__``, ``__repr__`` (and the ordering methods, with ``order=True``) differ: they
are the functions below, shared by every value class, reading the fields through one
``operator.attrgetter`` per class. They behave as the generated ones do (the same field tuples
compared and hashed, the same text) but are not generated.

Why: CPython 3.11 compiles each method a data class generates with a separate ``exec``, about
0.1 ms each. A frozen, slotted data class compiles six; the tutor defines some 35 of them before it
can show a first question, and that compiling was most of its import time. A value class compiles
three (``__init__``, and frozenness's ``__setattr__`` and ``__delattr__``); a mutable one, one
(``__init__``). Measured with ``python3 benchmarks/run.py first-question``.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["field", "mutable", "value"]

T = TypeVar("T")

Key = Callable[[Any], tuple[Any, ...]]


def _empty(_obj: Any) -> tuple[Any, ...]:
    return ()


def _getter(names: tuple[str, ...]) -> Key:
    """The fields ``names`` of an object, as one tuple (as the generated methods build it)."""
    if not names:
        return _empty
    get = attrgetter(*names)
    if len(names) > 1:
        return get
    return lambda obj: (get(obj),)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self._value_compared
    return key(self) == key(other)


def _hash(self: Any) -> int:
    return hash(self._value_hashed(self))


@reprlib.recursive_repr()  # "..." for an object met again inside itself, as a data class's
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._value_shown)
    return f"{self.__class__.__qualname__}({shown})"


def _compare(op: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self._value_compared
        return op(key(self), key(other))

    return method


_ORDER = {
    "__lt__": _compare(lambda a, b: a < b),
    "__le__": _compare(lambda a, b: a <= b),
    "__gt__": _compare(lambda a, b: a > b),
    "__ge__": _compare(lambda a, b: a >= b),
}


def _make(cls: type[T], *, frozen: bool, slots: bool, eq: bool, order: bool) -> type[T]:
    made: Any = dataclass(frozen=frozen, slots=slots, eq=False, repr=False)(cls)
    every = fields(made)
    compared = tuple(f.name for f in every if f.compare)
    hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
    made._value_compared = staticmethod(_getter(compared))
    made._value_hashed = staticmethod(_getter(hashed))
    made._value_shown = tuple(f.name for f in every if f.repr)
    shared: dict[str, Callable[..., Any] | None] = {"__repr__": _repr}
    if eq:  # as a data class: a mutable one that compares equal is not hashable
        shared.update({"__eq__": _eq, "__hash__": _hash if frozen else None})
    if order:
        shared.update(_ORDER)
    for name, method in shared.items():
        if name not in cls.__dict__:  # a method the class writes itself stays
            setattr(made, name, method)
    return made


@overload
def value(cls: type[T], /) -> type[T]: ...


@overload
def value(*, slots: bool = True, order: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, eq_default=True, field_specifiers=(field,))
def value(
    cls: type[T] | None = None, /, *, slots: bool = True, order: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make ``cls`` a frozen value class (slotted unless ``slots=False``)."""
    if cls is None:
        return lambda inner: _make(inner, frozen=True, slots=slots, eq=True, order=order)
    return _make(cls, frozen=True, slots=slots, eq=True, order=order)


@overload
def mutable(cls: type[T], /) -> type[T]: ...


@overload
def mutable(*, slots: bool = False, eq: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(eq_default=True, field_specifiers=(field,))
def mutable(
    cls: type[T] | None = None, /, *, slots: bool = False, eq: bool = True
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make ``cls`` a mutable data class (``@dataclass``, ``slots``/``eq`` as there) with the
    shared repr and equality: state that changes, such as a session's or a loaded file's."""
    if cls is None:
        return lambda inner: _make(inner, frozen=False, slots=slots, eq=eq, order=False)
    return _make(cls, frozen=False, slots=slots, eq=eq, order=False)
