"""A ``number`` question: one value, with a ``tolerance`` and a ``unit`` (``tutor.grading.units``)."""

from tutor.figures import number_answer
from tutor.kinds import Kind, one_item
from tutor.model import Question, QuestionType


def _unit(q: Question) -> str | None:
    return q.number.unit if q.number is not None and q.number.unit else None


def _note(q: Question) -> str:
    unit = _unit(q)
    return f"a number, in {unit}" if unit else ""


def _hint(q: Question) -> str:
    unit = _unit(q)
    return f"Answer with a number ({unit})" if unit else "Answer with a number"


def _shown(q: Question) -> str:
    if q.number is None:
        return q.answer.strip()
    return number_answer(q.answer, q.number.value, q.number.unit)


KIND = Kind(
    QuestionType.NUMBER,
    gift="tutor.gift.writer:as_number",
    reader="tutor.loader.answers:read_number",
    rules="tutor.grading.number:RULES",
    keys=("tolerance", "unit"),
    clash="tutor.loader.answers:number_clash",
    typed="tutor.grading.number_notation:powers_of_ten",  # 6.02 x 10^23 before ^ is dropped
    how_to_answer="Answer with a number; words like 'eighteen million' work too.",
    note=_note,
    hint=_hint,
    shown_answer=_shown,
    items_from_answer=one_item,  # its answer as written is its one form in words
    numeric=True,
)
