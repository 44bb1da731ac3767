"""A ``text`` question: one answer in words, with other accepted forms (``accept``)."""

from tutor.kinds import Kind, one_item
from tutor.model import QuestionType

KIND = Kind(
    QuestionType.TEXT,
    gift="tutor.gift.writer:as_text",
    reader="tutor.loader.answers:read_text",
    typed="tutor.grading.number_notation:dates_in_words",  # 14/07/1789 is 14 July 1789
    rules="tutor.grading.text:RULES",
    keys=("accept",),
    clash="tutor.loader.answers:accepted_clash",
    lint="tutor.loader.lint:lint_forms",
    items_from_answer=one_item,
)
