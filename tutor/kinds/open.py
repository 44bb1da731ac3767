"""An ``open`` question: an explanation in the student's own words, graded by key points
(``points:``, ``need``; ``tutor.grading.explanations`` and ``tutor.grading.keypoints``)."""

from tutor.kinds import Kind
from tutor.model import Question, QuestionType

NOTE = "explain in your own words, in a sentence or two"


def _note(_q: Question) -> str:
    return NOTE


def _hint(_q: Question) -> str:
    return NOTE[:1].upper() + NOTE[1:]


KIND = Kind(
    QuestionType.OPEN,
    gift="tutor.gift.writer:as_open",
    reader="tutor.loader.points:read_open",
    rules="tutor.grading.explanations:RULES",
    keys=("points", "need"),
    how_to_answer=(
        "Explain in your own words, in a sentence or two. Each try adds to what you said"
        " before, so a later try need only add what was missing."
    ),
    note=_note,
    hint=_hint,
    answer_optional=True,
    partial="tutor.loader.points:read_partial",
    builds_up=True,
    long_answers=True,
    names=False,
)
