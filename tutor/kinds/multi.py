"""A ``multi`` question: every right option among ``options``; credit per right pick."""

from tutor.kinds import Kind
from tutor.kinds.choice import picked, right_options
from tutor.model import Question, QuestionType


def _letter(q: Question, found: str) -> str | None:
    """A found option is typed again by its letter: its text may hold commas."""
    return chr(ord("A") + q.options.index(found)) if found in q.options else None


KIND = Kind(
    QuestionType.MULTI,
    gift="tutor.gift.writer:as_multi",
    reader="tutor.loader.options:read_multi",
    rules="tutor.grading.choices:MULTI",
    keys=("options", "accept"),
    options=True,
    lint="tutor.loader.lint:lint_options",
    how_to_answer="Give the letters of every right option, e.g. 'A, C'.",
    note=lambda q: "choose every right option, e.g. A, C",
    hint=lambda q: "Type every right letter, e.g. A, C",
    shown_answer=picked,
    right_forms=right_options,
    keeps_found=_letter,
)
