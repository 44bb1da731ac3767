"""A ``list`` question: several items in any order; ``need`` of them earn full credit."""

import re

from tutor.kinds import Kind
from tutor.model import Item, Question, QuestionType

_SEPARATOR = re.compile(r"[,;\n]")


def _note(q: Question) -> str:
    n = q.required
    return f"name {n}, in any order" if n > 1 else "name them, in any order"


def _hint(q: Question) -> str:
    return f"Name {q.required}, in any order, separated by commas or 'and'"


def _listed(answer: str) -> tuple[Item, ...]:
    """The items of a list question built without them: its answer's comma-separated parts."""
    return tuple(Item(t.strip()) for t in _SEPARATOR.split(answer) if t.strip())


def _as_found(_q: Question, found: str) -> str:
    return found


KIND = Kind(
    QuestionType.LIST,
    gift="tutor.gift.writer:as_list",
    reader="tutor.loader.answers:read_list",
    typed="tutor.grading.number_notation:dates_in_words",  # 14/07/1789 is 14 July 1789
    rules="tutor.grading.lists:RULES",
    keys=("accept", "need"),
    clash="tutor.loader.answers:accepted_clash",
    lint="tutor.loader.lint:lint_forms",
    how_to_answer="Name the items in any order, separated by commas or 'and'.",
    note=_note,
    hint=_hint,
    keeps_found=_as_found,
    items_from_answer=_listed,
)
