"""A value class behaves as the frozen, slotted data class it stands for: same equality, hash,
repr, ordering, frozenness, fields and replace; only the methods are shared instead of generated."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor.values import field, mutable, value


@value
class Pair:
    """Two fields, one left out of comparison and hash."""

    name: str
    count: int = 0
    note: str = field(default="", compare=False)


@dataclasses.dataclass(frozen=True, slots=True)
class PairDC:
    """The same, as a plain frozen data class."""

    name: str
    count: int = 0
    note: str = dataclasses.field(default="", compare=False)


@value(order=True)
class Ranked:
    """Ordered by its fields."""

    rank: int
    label: str


@dataclasses.dataclass(frozen=True, slots=True, order=True)
class RankedDC:
    """The same, as a plain frozen data class."""

    rank: int
    label: str


@value
class One:
    """A single field: its key is still a tuple."""

    only: str


@value
class Nothing:
    """No fields at all."""


@value
class Shown:
    """Writes its own repr, which stays."""

    text: str

    def __repr__(self) -> str:
        return "shown"


pairs = st.tuples(st.text(max_size=5), st.integers(-3, 3), st.text(max_size=3))


@given(pairs, pairs)
def test_equality_and_hash_match_a_dataclass(a: tuple, b: tuple) -> None:
    ours_a, ours_b = Pair(*a), Pair(*b)
    theirs_a, theirs_b = PairDC(*a), PairDC(*b)
    assert (ours_a == ours_b) is (theirs_a == theirs_b)
    assert (ours_a != ours_b) is (theirs_a != theirs_b)
    assert hash(ours_a) == hash(theirs_a)
    assert repr(ours_a) == repr(theirs_a).replace("PairDC", "Pair")


@given(st.tuples(st.integers(-2, 2), st.text(max_size=2)),
       st.tuples(st.integers(-2, 2), st.text(max_size=2)))
def test_ordering_matches_a_dataclass(a: tuple, b: tuple) -> None:
    ours = (Ranked(*a), Ranked(*b))
    theirs = (RankedDC(*a), RankedDC(*b))
    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        assert getattr(ours[0], op)(ours[1]) == getattr(theirs[0], op)(theirs[1])
    assert sorted([Ranked(*b), Ranked(*a)]) == sorted([Ranked(*a), Ranked(*b)])


def test_other_types_are_not_equal_and_not_ordered() -> None:
    assert Pair("a") != PairDC("a")
    assert Pair("a") != ("a", 0)
    assert One("a") != Pair("a")
    with pytest.raises(TypeError):
        _ = Ranked(1, "a") < RankedDC(1, "a")  # type: ignore[operator]


def test_single_field_and_empty_values() -> None:
    assert One("x") == One("x") and One("x") != One("y")
    assert hash(One("x")) == hash(("x",))
    assert Nothing() == Nothing() and hash(Nothing()) == hash(())
    assert repr(One("x")) == "One(only='x')" and repr(Nothing()) == "Nothing()"


def test_frozen_slotted_and_a_dataclass() -> None:
    pair = Pair("a", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        pair.count = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del pair.name  # type: ignore[misc]
    assert not hasattr(pair, "__dict__")
    assert [f.name for f in dataclasses.fields(pair)] == ["name", "count", "note"]
    assert dataclasses.replace(pair, count=5) == Pair("a", 5)
    assert pickle.loads(pickle.dumps(pair)) == pair
    assert Pair.__match_args__ == ("name", "count", "note")


def test_a_method_the_class_writes_stays() -> None:
    assert repr(Shown("x")) == "shown"
    assert Shown("x") == Shown("x")


@mutable
class Box:
    """Mutable, compared by its fields."""

    items: list[int] = field(default_factory=list)
    inside: object = None


@dataclasses.dataclass
class BoxDC:
    """The same, as a plain data class."""

    items: list[int] = dataclasses.field(default_factory=list)
    inside: object = None


@mutable(slots=True, eq=False)
class Handle:
    """Mutable, slotted, and equal only to itself."""

    name: str


def test_mutable_matches_a_dataclass() -> None:
    box = Box([1])
    box.items.append(2)
    box.inside = "x"
    assert box == Box([1, 2], "x") and box != Box([1], "x")
    assert (box == Box([1, 2], "x")) is (BoxDC([1, 2], "x") == BoxDC([1, 2], "x"))
    assert repr(box) == repr(BoxDC([1, 2], "x")).replace("BoxDC", "Box")
    with pytest.raises(TypeError):
        hash(box)


def test_mutable_repr_of_an_object_inside_itself() -> None:
    box, theirs = Box(), BoxDC()
    box.inside, theirs.inside = box, theirs
    assert repr(box) == repr(theirs).replace("BoxDC", "Box") == "Box(items=[], inside=...)"


def test_mutable_without_equality_is_equal_to_itself_only() -> None:
    first = Handle("a")
    assert first == first and first != Handle("a")
    assert hash(first) == object.__hash__(first)
    first.name = "b"
    assert not hasattr(first, "__dict__")
