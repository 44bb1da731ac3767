"""A ``multi`` question: every right option among ``options``; credit per right pick."""

from tutor.kinds import Kind
from tutor.kinds.choice import picked
from tutor.model import QuestionType

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
)
