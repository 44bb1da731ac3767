"""The lesson model: frozen value classes (``tutor.values``), no parsing and no I/O.

The loader (``tutor.loader``) builds these from YAML; grading, the session engine and both front
ends only read them. Every string that came from a lesson file is kept exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from typing import overload

from tutor.values import field, value


class QuestionType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    LIST = "list"
    CHOICE = "choice"
    MULTI = "multi"
    TRUEFALSE = "truefalse"
    OPEN = "open"


@value
class Pos:
    """Where something stands in a lesson file: 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


NOWHERE = Pos("<memory>", 0, 0)


@value
class Item:
    """One expected answer and the other forms that earn full credit for it.

    A text question has one item; a list question has one per expected element.
    """

    text: str
    accept: tuple[str, ...] = ()
    pos: Pos = NOWHERE
    accept_pos: tuple[Pos, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The answer first, then every accepted alternative."""
        return (self.text, *self.accept)


@value
class Wrong:
    """An anticipated wrong answer and the tutor's reply to it."""

    text: str
    reply: str
    pos: Pos = NOWHERE


@value
class Example:
    """An instructor's own test case: a typed answer that must be accepted or rejected; for an
    open question's ``partial:`` examples, ``points`` are the 1-based numbers of the points the
    answer must be found to cover (no more, no fewer)."""

    text: str
    pos: Pos = NOWHERE
    points: tuple[int, ...] = ()


@value
class Point:
    """One key point of an open question: the tutor's words for it, and the word groups that
    show an answer makes it (``accept``: each a group of words that must all appear in one
    sentence; ``/`` between alternatives for one word). ``follow_up`` is the question the tutor
    asks when the point is missing (None: one is made from the point's own words)."""

    text: str
    accept: tuple[str, ...]
    follow_up: str | None = None
    pos: Pos = NOWHERE
    accept_pos: tuple[Pos, ...] = ()


@value
class NumberSpec:
    """The expected value of a number question.

    ``tolerance`` is absolute unless ``relative`` is set, in which case it is a fraction of the
    value (``5%`` in the file is ``tolerance=0.05, relative=True``).
    """

    value: float
    tolerance: float = 0.0
    relative: bool = False
    unit: str | None = None

    def accepts(self, x: float) -> bool:
        slack = abs(self.value) * self.tolerance if self.relative else self.tolerance
        # A hair of float slack so that 0.1 + 0.2 style representation errors never fail.
        return abs(x - self.value) <= slack + 1e-9 * max(1.0, abs(self.value))


@value
class Question:
    """One question of a lesson: what it asks, its answer in every accepted form, and the
    help the tutor gives along the way."""

    id: str
    ask: str
    type: QuestionType
    answer: str  # the right answer as a student should read it ("Mongolia, North Korea", "B")
    items: tuple[Item, ...] = ()  # text: one item; list: one per element
    options: tuple[str, ...] = ()  # choice / multi
    option_accept: tuple[tuple[str, ...], ...] = ()  # choice / multi: other spellings per option
    correct: tuple[int, ...] = ()  # choice / multi: indices into options
    number: NumberSpec | None = None  # number
    truth: bool | None = None  # truefalse
    need: int | None = None  # list/open: how many items/points are required (None: all)
    points: tuple[Point, ...] = ()  # open: the key points an explanation should make
    wrong: tuple[Wrong, ...] = ()
    hints: tuple[str, ...] = ()
    explain: str | None = None
    source: str | None = None
    tries: int | None = None  # None: the lesson's default
    accept_examples: tuple[Example, ...] = ()
    reject_examples: tuple[Example, ...] = ()
    partial_examples: tuple[Example, ...] = ()  # open: answers covering some of the points
    pos: Pos = NOWHERE

    @property
    def required(self) -> int:
        """How many parts a full answer names: its key points (only an explanation has any),
        else its items."""
        if self.need is not None:
            return self.need
        return len(self.points or self.items)


@value
class Teach:
    """A tutor message: Markdown text shown before the questions it prepares."""

    text: str
    pos: Pos = NOWHERE


Step = Teach | Question


@value
class Synonym:
    """Words an instructor declares to count as the same in answers (``nations: [countries,
    states]``): any of ``others`` typed where ``word`` is expected, or the other way round."""

    word: str
    others: tuple[str, ...]
    pos: Pos = NOWHERE


@value
class GlossaryEntry:
    """A term of the lesson's glossary and its definition."""

    term: str
    definition: str
    pos: Pos = NOWHERE

    @property
    def expansion(self) -> str | None:
        """The name the definition opens with, when it opens with one: ``SCO: Shanghai
        Cooperation Organisation, a China-initiated forum`` -> ``Shanghai Cooperation
        Organisation``. Two to six words before the first ``,`` ``;`` ``:`` ``.`` ``(`` or dash,
        capitalised, not a description (``A politics journal``). The grader takes it for the
        term and the session's look-up finds the term by it."""
        head = _HEAD_END.split(self.definition, maxsplit=1)[0].strip()
        words = head.split()
        if 1 < len(words) <= 6 and head[:1].isupper() and words[0].casefold() not in _ARTICLES:
            return head
        return None


_HEAD_END = re.compile(r"[,;:.(\u2014\u2013]| - ")
_ARTICLES = frozenset({"the", "a", "an"})


DEFAULT_TRIES = 3


@value
class Lesson:
    """One lesson file: its steps (teaching and questions) in order, and what describes it."""

    id: str
    title: str
    steps: tuple[Step, ...]
    summary: str = ""
    minutes: int | None = None
    sources: tuple[tuple[str, str], ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    synonyms: tuple[Synonym, ...] = ()  # words that count as the same in this lesson's answers
    tries: int = DEFAULT_TRIES
    path: str = "<memory>"
    pos: Pos = NOWHERE

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(s for s in self.steps if isinstance(s, Question))

    def question(self, question_id: str) -> Question | None:
        for q in self.questions:
            if q.id == question_id:
                return q
        return None

    def tries_for(self, question: Question) -> int:
        return question.tries if question.tries is not None else self.tries


class LazyLessons(Sequence["Lesson"]):
    """A course's lessons, each built the first time it is read (from the course cache: a
    student who opens one lesson waits for that one only). Reads as a tuple of the lessons, and
    equals the tuple of the same lessons."""

    __slots__ = ("ids", "_build", "_built")

    def __init__(self, ids: Sequence[str], build: Callable[[int], Lesson]) -> None:
        self.ids = tuple(ids)  # each lesson's id, known without building it
        self._build = build  # the lesson at an index; it must have that index's id
        self._built: list[Lesson | None] = [None] * len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Lesson: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Lesson, ...]: ...

    def __getitem__(self, index: int | slice) -> Lesson | tuple[Lesson, ...]:
        if isinstance(index, slice):
            return tuple(self[n] for n in range(len(self))[index])
        n = range(len(self))[index]  # IndexError as a tuple raises it
        lesson = self._built[n]
        if lesson is None:
            built = self._build(n)
            lesson = self._built[n]
            if lesson is None:  # (another thread may have built it meanwhile: keep one)
                lesson = self._built[n] = built
        return lesson

    def __iter__(self) -> Iterator[Lesson]:
        return (self[n] for n in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LazyLessons, tuple)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


@value(slots=False)
class Course:
    """The lessons in teaching order (the course file's order, then by file name)."""

    lessons: Sequence[Lesson] = ()  # a tuple, or LazyLessons from the loader
    title: str | None = None  # from the folder's course.yaml, if it has one
    description: str = ""
    synonyms: tuple[Synonym, ...] = ()  # course-wide: count as the same in every lesson
    _by_id: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for n, lesson_id in enumerate(self.lesson_ids):
            self._by_id.setdefault(lesson_id, n)

    def lesson(self, lesson_id: str) -> Lesson | None:
        n = self._by_id.get(lesson_id)
        return None if n is None else self.lessons[n]

    @property
    def lesson_ids(self) -> tuple[str, ...]:
        """Every lesson's id, in order (without building a lazy lesson)."""
        lessons = self.lessons
        return lessons.ids if isinstance(lessons, LazyLessons) else tuple(x.id for x in lessons)

    @property
    def glossary(self) -> tuple[GlossaryEntry, ...]:
        """Every lesson's glossary, in lesson order; a term may appear more than once."""
        return tuple(entry for lesson in self.lessons for entry in lesson.glossary)

    @property
    def question_count(self) -> int:
        return sum(len(lesson.questions) for lesson in self.lessons)
