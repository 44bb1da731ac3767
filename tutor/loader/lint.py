"""Warnings: a lesson that loads but would teach or grade worse than its author meant."""

from __future__ import annotations

import re

from tutor.grading.typos import budget, edits
from tutor.kinds import kind
from tutor.loader.normal import normalise, simple_normalise
from tutor.loader.problems import Report
from tutor.model import Lesson, Pos, Question

BUILTIN_SOURCES = frozenset({"background"})


def _close(form: str, other: str, to_answer: int) -> bool:
    """Whether ``form`` is within a typo of ``other`` and no farther from it than the answer."""
    allowed = budget(len(form))
    if allowed == 0:
        return False
    distance = edits(form, other, allowed)
    return 0 < distance <= allowed and distance <= to_answer


def _at(where: Pos) -> tuple[int, int]:
    return (where.line, where.column)


def lint_question(report: Report, question: Question, tries: int | None = None) -> None:
    """``tries``: the lesson's tries per question, when known (a reply is seen before the last
    try only if there is more than one)."""
    where = _at(question.pos)
    if not question.explain:
        report.warning(
            where,
            f"question '{question.id}' has no 'explain': one sentence on why helps the student"
            " who got it wrong",
        )
    if not question.hints:
        report.warning(
            where, f"question '{question.id}' has no 'hints': a nudge before the answer is given"
        )
    kind(question.type).check(report, question)
    if (question.tries or tries or 2) > 1:
        _lint_replies(report, question)


def accepted_forms(question: Question) -> list[str]:
    """What earns credit, as text: every item's forms, or the right options' texts."""
    if kind(question.type).options:
        return [question.options[i] for i in question.correct]
    return [form for item in question.items for form in item.forms]


def _words(text: str) -> str:
    return f" {simple_normalise(text)} "


def _lint_replies(report: Report, question: Question) -> None:
    """A ``wrong:`` reply is shown on a wrong try, before the last one: it must not name what
    is right, or the next try is a copy."""
    if not question.wrong:
        return
    forms = [(form, _words(form)) for form in accepted_forms(question)]
    forms = [(form, words) for form, words in forms if words.strip()]
    for wrong in question.wrong:
        reply = _words(wrong.reply)
        named = next((form for form, words in forms if words in reply), None)
        if named is None and question.number is not None:
            from tutor.grading.number_reader import find_numbers

            spec = question.number
            named = next(
                (f"{n.value:g}" for n in find_numbers(wrong.reply) if spec.accepts(n.value)),
                None,
            )
        if named is not None:
            report.warning(
                _at(wrong.pos),
                f"the reply to '{wrong.text}' names the right answer ('{named}'): it is shown"
                " before the last try, so the next try is a copy; nudge instead (the answer is"
                " shown after the last try)",
            )


def lint_lesson(report: Report, lesson: Lesson) -> None:
    """Problems of a lesson as a whole, once its steps are read."""
    if lesson.steps and not lesson.questions:
        report.warning(
            _at(lesson.pos),
            f"lesson '{lesson.id}' has only teach steps: it asks nothing, so every student ends"
            " with 'Score: 0 of 0'; add a question",
        )
    # "what is X?" about a term the question itself names must not answer the question.
    if not lesson.glossary:
        return
    terms = [(entry, _words(entry.term)) for entry in lesson.glossary]
    for question in lesson.questions:
        asked = _words(question.ask)
        named_terms = [entry for entry, term in terms if term in asked]
        if not named_terms:
            continue
        forms = [(form, _words(form)) for form in accepted_forms(question)]
        for entry in named_terms:
            definition = _words(entry.definition)
            named = next((form for form, words in forms if words.strip() and words in definition), None)
            if named is not None and _words(named) not in asked:
                report.warning(
                    _at(entry.pos),
                    f"the glossary's '{entry.term}', named in question '{question.id}', gives"
                    f" its answer ('{named}'): a student who asks 'what is {entry.term}?' reads"
                    " it; reword the definition",
                )


def lint_forms(report: Report, question: Question) -> None:
    """Accepted forms as close to a wrong answer or another item as to their own answer."""
    wrongs = [(w.text, normalise(w.text)) for w in question.wrong]
    items = [(item, normalise(item.text)) for item in question.items]
    for item, answer in items:
        for form, form_pos in zip(item.accept, item.accept_pos, strict=False):
            norm = normalise(form)
            to_answer = edits(norm, answer)
            rivals = [(f"the wrong answer '{text}'", n) for text, n in wrongs]
            rivals += [(f"the item '{other.text}'", n) for other, n in items if other is not item]
            for label, rival in rivals:
                if _close(norm, rival, to_answer):
                    report.warning(
                        _at(form_pos),
                        f"accepted form '{form}' is as close to {label} as to '{item.text}':"
                        " the grader may confuse them",
                    )
                    break


_OWN_LETTER = re.compile(r"\(?([A-Za-z])[).:]\s")


def _lint_letters(report: Report, question: Question) -> None:
    """``options: ["A) Astana", "B) Almaty"]``: the tutor letters options itself."""
    own = [_OWN_LETTER.match(o) for o in question.options]
    if all(m and m[1].upper() == chr(65 + i) for i, m in enumerate(own)):
        report.warning(
            _at(question.pos),
            f"the options start with their own letters ('{question.options[0]}'): the tutor"
            f" letters options itself, so students would see 'A) {question.options[0]}';"
            " write the texts alone",
        )


def lint_options(report: Report, question: Question) -> None:
    """Options that lettered themselves, and a right option within a typo of a wrong one."""
    _lint_letters(report, question)
    # A cheap first look (casefold, punctuation, spaces) finds the few pairs worth the grader's
    # full normalisation: most options are nowhere near each other.
    simple = [simple_normalise(o).replace(" ", "") for o in question.options]
    for index in question.correct:
        for other in range(len(simple)):
            if other in question.correct:
                continue
            slack = budget(len(simple[index])) + 2
            if edits(simple[index], simple[other], slack) > slack:
                continue
            mine, theirs = normalise(question.options[index]), normalise(question.options[other])
            if _close(mine, theirs, len(mine)):
                report.warning(
                    _at(question.pos),
                    f"the right option '{question.options[index]}' is within a typo of the option"
                    f" '{question.options[other]}': a misspelt answer may be read as either",
                )


def lint_source(
    report: Report, question: Question, where: tuple[int, int], names: set[str]
) -> None:
    """``source: article, paragraph 4`` must name a key of the lesson's ``sources``."""
    if not question.source:
        return
    name = question.source.split(",", 1)[0].strip()
    if name in names or name in BUILTIN_SOURCES:
        return
    known = ", ".join(sorted(names)) if names else "none"
    report.warning(
        where,
        f"source '{name}' is not one of this lesson's sources ({known}); add it under 'sources'"
        " or use 'background'",
    )
