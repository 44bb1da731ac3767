"""Question kinds, one unit each, and the registry that maps a kind's name to it.

A ``Kind`` holds everything that is specific to one question type: the YAML keys it reads and how
its answer is read and checked (``reader``, ``clash``, ``lint``), how an answer is graded
(``rules``: its ordered grading rules, see ``tutor.grading.pipeline``), what a student is told
about the expected form (``how_to_answer``, ``note`` in plain mode, ``hint`` in the TUI), how
its right answer is shown (``shown_answer``) and what the session and grader ask of it instead of
branching on the type (``right_forms``, ``always_answers``, ``keeps_found``,
``items_from_answer``, ``numeric``). The heavy parts (reading YAML, grading) are named
as ``"module:attribute"`` and imported when first used, so that showing a question never loads
the loader or the matcher.

``kind(name)`` returns the kind of a ``QuestionType`` or a type name and raises ``UnknownKind``
for any other: nothing is silently graded as text. Adding a kind: one module here (listed in
``_MODULES``), its reader and its grading rules, its entry in ``docs/lesson.schema.json``, its
section in ``docs/lesson-format.md`` and its tests (``docs/architecture.md``, "Where a new kind
goes").
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

from tutor.model import Item, Question, QuestionType
from tutor.values import value


class UnknownKind(ValueError):
    """A question type no kind module declares."""


@functools.cache  # called for every question read and every answer graded
def _resolve(ref: str) -> Any:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def _nothing(_q: Question) -> str:
    return ""


def _as_written(q: Question) -> str:
    return q.answer.strip()


def _item_forms(q: Question) -> tuple[str, ...]:
    if q.items:
        return tuple(f for item in q.items for f in item.forms)
    return (q.answer,)


def _no_items(_answer: str) -> tuple[Item, ...]:
    return ()


def one_item(answer: str) -> tuple[Item, ...]:
    """The answer as written is the one item (text; a number's answer is its form in words)."""
    return (Item(answer),)


@value
class Kind:
    """What one question type is: how its YAML is read, how it is graded, and how the
    session and the search treat its answers."""

    type: QuestionType
    reader: str  # "module:function": (report, pairs, label) -> loader Answer | None
    rules: str  # "module:NAME": the grading rules, in order
    keys: tuple[str, ...] = ()  # the type-specific YAML keys it reads (options, unit, ...)
    options: bool = False  # the student picks among options (shown lettered)
    clash: str | None = None  # "module:function": (answer, wrong key) -> why it cannot be wrong
    typed: str | None = None  # "module:function": what was typed, rewritten before cleaning
    lint: str | None = None  # "module:function": (report, question) -> warnings
    how_to_answer: str = ""  # told after "help" while a question of this kind is open
    note: Callable[[Question], str] = _nothing  # plain mode: "(name 2, in any order)"
    hint: Callable[[Question], str] = _nothing  # TUI: the line under the question
    shown_answer: Callable[[Question], str] = _as_written  # the right answer, as shown
    answer_optional: bool = False  # 'answer:' may be left out (open: the points say it)
    partial: str | None = None  # "module:function": reads 'examples: partial' (report, node, q)
    builds_up: bool = False  # each try is graded with what was said on the earlier ones
    long_answers: bool = False  # answers of a paragraph or two (the input limits are wider)
    names: bool = True  # its answers and wrong: entries are names other answers may be taken for
    gift: str = ""  # "module:function": (question, note) -> its GIFT answer lines and tutor note
    # the right answer's forms as written: what a reply must not give away while it is open
    right_forms: Callable[[Question], tuple[str, ...]] = _item_forms
    always_answers: frozenset[str] = frozenset()  # words that, typed alone, are always an answer
    # a retry adds to what earlier tries found: how one found item is typed again (None: it
    # cannot be); None: each try stands alone
    keeps_found: Callable[[Question, str], str | None] | None = None
    # the items of a question that has none (a number's; one built by hand, not by the loader)
    items_from_answer: Callable[[str], tuple[Item, ...]] = _no_items
    numeric: bool = False  # its answer is a value (``Question.number``), compared as a number

    @property
    def name(self) -> str:
        return self.type.value

    def read(self, *args: Any) -> Any:
        return _resolve(self.reader)(*args)

    def grading_rules(self) -> Any:
        return _resolve(self.rules)

    def rewrite(self, text: str) -> str:
        return _resolve(self.typed)(text) if self.typed else text

    def clash_of(self, built: Any, key: str) -> str | None:
        return _resolve(self.clash)(built, key) if self.clash else None

    def read_partial(self, *args: Any) -> Any:
        return _resolve(self.partial)(*args) if self.partial else ()

    def to_gift(self, question: Question, note: Callable[[Question, str], None]) -> Any:
        return _resolve(self.gift)(question, note)

    def items_of(self, q: Question) -> tuple[Item, ...]:
        """The items an answer to ``q`` is matched against: its own, else read from its answer."""
        return q.items or (self.items_from_answer(q.answer) if q.answer else ())

    def check(self, report: Any, question: Question) -> None:
        if self.lint:
            _resolve(self.lint)(report, question)


# Each kind's module is named as the kind, and imported when that kind is first asked for: a
# lesson shows its first question without loading the six kinds it may never use.
_MODULES = ("text", "number", "list", "choice", "multi", "truefalse", "open")
_KINDS: dict[str, Kind] = {}


def _declared(module: str) -> Kind:
    found = _KINDS.get(module)
    if found is None:
        found = importlib.import_module(f"tutor.kinds.{module}").KIND
        if found.name != module:
            raise UnknownKind(f"tutor.kinds.{module} declares the kind {found.name!r}")
        _KINDS[module] = found
    return found


def kind(name: QuestionType | str) -> Kind:
    """The kind named ``name``; ``UnknownKind`` for a name no kind module declares."""
    key = str(name)
    if key not in _MODULES:
        raise UnknownKind(f"unknown question kind {key!r}; the kinds are {', '.join(_MODULES)}")
    return _declared(key)


def kinds() -> tuple[Kind, ...]:
    return tuple(_declared(name) for name in _MODULES)
