"""A ``truefalse`` question: a statement the student calls true or false."""

from tutor.kinds import Kind
from tutor.model import QuestionType

# typed alone, an answer, never talk ("no" is not small talk here); the grader reads more
# (tutor.grading.truth)
TRUTH_WORDS = frozenset({
    "true", "false", "t", "f", "yes", "no", "y", "n", "yep", "yeah", "yup", "nope", "nah",
    "correct", "incorrect", "right", "wrong",
})

KIND = Kind(
    QuestionType.TRUEFALSE,
    gift="tutor.gift.writer:as_truefalse",
    reader="tutor.loader.answers:read_truefalse",
    rules="tutor.grading.truth:RULES",
    clash="tutor.loader.answers:truth_clash",
    how_to_answer="Answer true or false.",
    note=lambda q: "true or false",
    hint=lambda q: "True or false?",
    right_forms=lambda q: (),  # "true" gives nothing away
    always_answers=TRUTH_WORDS,
)
