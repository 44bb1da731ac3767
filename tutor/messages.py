"""What the session engine says: the tutor's side of the conversation, as plain data.

Front ends (the plain line mode and the Textual app) render these and nothing else; neither
decides what the tutor says. All text fields are literal text, never markup; ``Teach.text`` and
``Info.markdown`` may be rendered as Markdown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.model import Question
from tutor.records import Ending
from tutor.values import field, value

if TYPE_CHECKING:  # a Feedback only ever holds a Grade the grader made: no need to load it first
    from tutor.grading.result import Grade


@value
class Teach:
    """A teach step (Markdown). ``recap``: shown again when a lesson is resumed at a question,
    as the teaching that question rests on (the front ends mark it as from last time)."""

    text: str
    lesson_id: str
    step_index: int
    recap: bool = False


@value
class Ask:
    """A question is open; ``try_no`` counts from 1 and is at most ``tries``."""

    question: Question
    lesson_id: str
    number: int  # 1-based position among the session's questions
    total: int
    try_no: int
    tries: int
    hints_left: int
    repeated: bool = False  # True when asked again ('repeat'), not a new question


@value
class Feedback:
    """The verdict on an answer, in the tutor's words.

    ``final`` means the question is closed (answered right, or no tries left): the right answer
    and the explanation are then given in ``answer`` and ``explain`` unless the student got it.
    """

    grade: Grade
    text: str  # the whole reply, ready to show
    final: bool
    tries_left: int
    awarded: float | None = None  # credit earned for the question once final
    answer: str | None = None  # revealed answer (final and not right)
    explain: str | None = None  # explanation (final)
    note: str = ""  # why a closed question counts less than in full ("second try, after 1 hint")
    understood: str = "answer"  # "answer", or "tentative" for a hedge graded as its candidate
    graded_text: str | None = None  # what was graded, when not the whole line ("Astana")


@value
class Hint:
    """One of the question's hints, numbered."""

    text: str
    number: int  # 1-based
    total: int


@value
class Info:
    """Anything else the tutor says: help, a glossary answer, an explanation, a gentle notice."""

    text: str
    kind: str  # "help" | "define" | "explain" | "notice" | "skip" | "course" | "withheld" |
    # "reteach" | "progress" | "social" | "confirm" | "reveal" | "encourage"
    markdown: bool = False
    understood: str = ""  # how the line it answers was understood: "question", "define",
    # "request", "social" or "command"; "" when not a reply to a line
    act: str = ""  # the request or social act ("reteach", "progress", "greet", ...)
    lesson_ref: str | None = None  # course replies: the lesson the passage comes from


@value
class QuestionResult:
    """How one question ended, for the summary."""

    lesson_id: str
    question_id: str
    ask: str
    result: Ending
    awarded: float  # 0..1
    tries: int
    hints_used: int
    answer: str  # the right answer, for the "what you missed" list
    explain: str | None
    given: str | None  # the student's last graded answer, if any

    def __post_init__(self) -> None:
        object.__setattr__(self, "result", Ending.read(self.result))  # "correct" is CORRECT


@value
class Summary:
    """The end of a session: every question's result, the score and what to do next."""

    mode: str  # "learn" | "quiz" | "review"
    title: str
    lesson_id: str | None  # learn mode: the lesson; quiz / review: None
    results: tuple[QuestionResult, ...]
    earned: float
    possible: int
    by_lesson: tuple[tuple[str, float, int], ...] = ()  # (lesson_id, earned, possible)
    suggestion: str = ""  # what to do next, in words (names no commands)
    suggested_command: str = ""  # the command line that does it, for the plain front end
    completed: bool = True  # False when the student quit or input ended early
    next_lesson_id: str | None = None

    @property
    def score(self) -> float:
        return self.earned / self.possible if self.possible else 0.0

    @property
    def missed(self) -> tuple[QuestionResult, ...]:
        """The questions reached and not answered right (``Ending.missed``)."""
        return tuple(r for r in self.results if r.result.missed)


@value
class Finished:
    """The session is over; the summary follows the student's last reply."""

    summary: Summary
    extra: dict[str, object] = field(default_factory=dict)


Message = Teach | Ask | Feedback | Hint | Info | Finished
