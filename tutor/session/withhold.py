"""What a reply may not show while a question is open: the accepted forms of its answer, unless
the student typed them or the question shows them (:func:`reveals`); and whether a line is about
the open question itself (:func:`asks_about`) or names what the course speaks of (:func:`knows`).
The session asks these of every passage, glossary entry and help line before it is shown."""

from __future__ import annotations

from tutor.grading import find_numbers
from tutor.kinds import kind
from tutor.model import Course, Question
from tutor.session.commands import form_key
from tutor.session.search import STOP, TUTORING, course_index, words


def asks_about(question: str, ask: str) -> bool:
    """Whether ``question`` (the student's) is mostly about what ``ask`` (the open question) asks:
    at least half of its content words, and one at least, are words of ``ask`` (or their plural or
    singular). "what's the magazine name?" at "In which magazine did the article appear?"."""
    asked = {w for w in words(question) if w not in STOP and w not in TUTORING and len(w) > 1}
    there = set(words(ask))
    shared = {w for w in asked if w in there or f"{w}s" in there or w[:-1] in there}
    return bool(shared) and 2 * len(shared) >= len(asked)


def knows(course: Course, q: Question, text: str) -> bool:
    """Whether ``text``, typed at ``q``, names something the course or the question speaks of
    (:meth:`CourseIndex.knows` over the question's own texts: its wording, answers, options and
    anticipated wrong answers)."""
    also = [q.ask, q.answer, *q.options, *(w.text for w in q.wrong)]
    also += [f for item in q.items for f in item.forms]
    return course_index(course).knows(text, also)


def answer_forms(q: Question) -> list[str]:
    """The accepted forms of the question's answer, as words (its kind's ``right_forms``)."""
    keys = [form_key(f) for f in kind(q.type).right_forms(q)]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def reveals(text: str, q: Question, said: str = "") -> bool:
    """Whether ``text`` holds an accepted form of the answer to ``q`` that is news to a student
    who wrote ``said`` (a form they typed themselves, or that the question itself shows, is not).
    """
    known = f" {form_key(q.ask)} {form_key(said)} "
    if kind(q.type).numeric and q.number is not None:
        spec = q.number
        shown = [n.value for n in find_numbers(f"{q.ask} {said}")]
        return any(spec.accepts(n.value) and n.value not in shown for n in find_numbers(text))
    hay = f" {form_key(text)} "
    return any(f" {form} " in hay and f" {form} " not in known for form in answer_forms(q))
