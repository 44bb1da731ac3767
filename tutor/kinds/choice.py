"""A ``choice`` question: one right option among ``options``, named by letter, number or text."""

from tutor.kinds import Kind
from tutor.model import Question, QuestionType


def picked(q: Question) -> str:
    """The right options with their letters (``B) Russia``); the answer as written without."""
    shown = [f"{chr(ord('A') + i)}) {q.options[i]}" for i in q.correct if 0 <= i < len(q.options)]
    return "; ".join(shown) if shown else q.answer.strip()


def right_options(q: Question) -> tuple[str, ...]:
    """The texts of the right options."""
    return tuple(q.options[i] for i in q.correct if 0 <= i < len(q.options))


KIND = Kind(
    QuestionType.CHOICE,
    gift="tutor.gift.writer:as_choice",
    reader="tutor.loader.options:read_choice",
    typed="tutor.grading.number_notation:dates_in_words",  # 14/07/1789 is 14 July 1789
    rules="tutor.grading.choices:CHOICE",
    keys=("options", "accept"),
    options=True,
    lint="tutor.loader.lint:lint_options",
    how_to_answer="Answer with the letter, the number or the text of an option.",
    note=lambda q: "the letter or the option",
    hint=lambda q: "Type the letter, the number or the words of one option",
    shown_answer=picked,
    right_forms=right_options,
)
