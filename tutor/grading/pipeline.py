"""The grading pipeline: normalise -> candidate forms -> an ordered list of named rules.

Every answer goes the same way (``Grader.grade``):

1. **Normalise**: the typed text is cleaned (``normalise.clean``) and cut into tokens; the
   ``INPUT_RULES`` refuse what is no answer at all (empty, too long, no content).
2. **Candidate forms**: the question's forms, ``wrong:`` entries and options as match keys
   (``prepared.Prepared``, cached per question), held with the tokens in an ``Answer``.
3. **Rules**: the question type's ordered list of ``Rule``s. Each looks at the ``Answer`` and
   returns a ``Grade`` (the decision) or ``None`` (pass to the next rule); the first decision wins.
   Every type's list ends with a rule that always decides.

The decision carries the name of the rule that made it (``Grade.rule``): a rule that delegates to
a finer one (the matcher's ``typo-within-budget``, ``hedged``) keeps the finer name. ``tutor try
--json`` shows it. A new rule is one ``Rule(name, function)`` put at its place in a list.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Generic, TypeVar

from tutor.grading.normalise import SEPARATORS
from tutor.grading.prepared import Hit, Prepared
from tutor.grading.result import Grade
from tutor.grading.textmatch import Key, key_from_words
from tutor.model import Question
from tutor.values import mutable, value

if TYPE_CHECKING:
    from tutor.grading.matching import Matcher

S = TypeVar("S")  # what the rules look at
D = TypeVar("D")  # what a rule decides


@mutable
class Answer:
    """One typed answer ready for the rules: the text as typed and cleaned, its tokens, the
    question's candidate forms (``prep``) and the matcher that knows the course's names."""

    question: Question
    cleaned: str
    toks: list[str]
    prep: Prepared
    matcher: Matcher
    units: frozenset[str] = frozenset()  # what the course's number questions count

    @cached_property
    def words(self) -> list[str]:
        """The tokens without separators."""
        return [t for t in self.toks if t not in SEPARATORS]

    @cached_property
    def whole(self) -> Key:
        """All the words as one match key."""
        return key_from_words(" ".join(self.words), self.words)

    @cached_property
    def hit(self) -> Hit:
        """What the whole answer names among the question's forms."""
        return self.matcher.match(self.prep, self.whole, self.prep.forms)

    def with_text(self, cleaned: str, toks: list[str]) -> Answer:
        """The same answer read from other text (``1. Mongolia 2. ...`` with the numbering cut)."""
        return Answer(self.question, cleaned, toks, self.prep, self.matcher, self.units)


@value
class Rule(Generic[S, D]):
    """A named step of a pipeline: a decision about ``S``, or ``None`` to pass."""

    name: str
    decide: Callable[[S], D | None]


def first(rules: Sequence[Rule[S, D]], subject: S) -> tuple[str, D] | None:
    """The first decision of ``rules`` and the name of the rule that made it."""
    for rule in rules:
        decision = rule.decide(subject)
        if decision is not None:
            return rule.name, decision
    return None


def decide(rules: Sequence[Rule[S, Grade]], subject: S) -> Grade | None:
    """The first grade ``rules`` decide, named after the rule that made it (a grade that already
    names a finer rule keeps that name)."""
    found = first(rules, subject)
    if found is None:
        return None
    name, grade = found
    return grade if grade.rule else dataclasses.replace(grade, rule=name)


GradeRule = Rule[Answer, Grade]
