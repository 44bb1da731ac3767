"""A ``list`` question: several items in any order; ``need`` of them earn full credit."""

from tutor.kinds import Kind
from tutor.model import Question, QuestionType


def _note(q: Question) -> str:
    n = q.required
    return f"name {n}, in any order" if n > 1 else "name them, in any order"


def _hint(q: Question) -> str:
    return f"Name {q.required}, in any order, separated by commas or 'and'"


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
)
