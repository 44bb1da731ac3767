"""Lessons -> GIFT text that Moodle imports: one ``$CATEGORY`` per lesson, one question per step.

Each kind of question names its writer here in its unit (``tutor.kinds``, ``gift=``). What GIFT cannot hold (hints, examples,
sources, tries, a list's items, a number as written, the lesson's title and glossary) goes in a
``// tutor:`` comment before the question: Moodle ignores it, and ``tutor convert`` reads it back,
so a lesson survives the round trip. See docs/gift.md for what Moodle itself keeps.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from tutor.gift.importer import number_text
from tutor.gift.lexer import LESSON_META, META
from tutor.kinds import kind
from tutor.loader.number_fields import parse_number
from tutor.model import Lesson, Question, Teach

_SPECIAL = {c: "\\" + c for c in "\\~=#{}:"}


def escape(text: str) -> str:
    """GIFT's escapes: a backslash before ``~ = # { } :`` and itself; a new line is ``\\n``."""
    out = "".join(_SPECIAL.get(c, c) for c in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _weight(share: float) -> str:
    """A Moodle grade percentage, written as Moodle writes them (33.33333, 50)."""
    return f"{share:.5f}".rstrip("0").rstrip(".")


Note = Callable[[Question, str], None]
Answers = tuple[list[str], dict]  # GIFT answer lines, and what goes in the question's note


def _replies(question: Question, sign: str = "=%0%") -> list[str]:
    return [f"{sign}{escape(w.text)}#{escape(w.reply)}" for w in question.wrong]


def as_text(question: Question, note: Note) -> Answers:
    item = question.items[0]
    lines = [f"={escape(form)}" for form in item.forms]
    return lines + _replies(question), {}


def as_list(question: Question, note: Note) -> Answers:
    note(question, "a list question is written as a short answer: Moodle accepts only"
         f" '{question.answer}' as typed (the items in this order)")  # fmt: skip
    meta: dict = {"type": "list", "answer": [i.text for i in question.items]}
    aliases = {i.text: list(i.accept) for i in question.items if i.accept}
    if aliases:
        meta["accept"] = aliases
    if question.need is not None:
        meta["need"] = question.need
    return [f"={escape(question.answer)}"] + _replies(question), meta


def as_number(question: Question, note: Note) -> Answers:
    spec = question.number
    assert spec is not None  # a number question always has one
    slack = abs(spec.value) * spec.tolerance if spec.relative else spec.tolerance
    meta: dict = {}
    if question.answer != number_text(spec.value):
        meta["answer"] = question.answer
    if spec.unit:
        meta["unit"] = spec.unit
    if spec.relative:
        meta["tolerance"] = f"{spec.tolerance * 100:g}%"
    lines = [f"={escape(number_text(spec.value))}:{escape(number_text(slack))}"]
    wrong = {}
    for w in question.wrong:
        value = parse_number(w.text, spec.unit)
        if value is None or number_text(value) != w.text:
            wrong[w.text] = w.reply
        if value is not None:
            lines.append(f"=%0%{escape(number_text(value))}:0#{escape(w.reply)}")
    if wrong:
        meta["wrong"] = {w.text: w.reply for w in question.wrong}
    return ["#", *lines], meta


def as_choice(question: Question, note: Note) -> Answers:
    replies = {w.text: w.reply for w in question.wrong}
    lines = []
    for i, option in enumerate(question.options):
        sign = "=" if i in question.correct else "~"
        reply = replies.get(option)
        lines.append(f"{sign}{escape(option)}" + (f"#{escape(reply)}" if reply else ""))
    return lines, _option_accept(question)


def _option_accept(question: Question) -> dict:
    """Other spellings of options: GIFT has none, so they travel in the tutor's note."""
    spellings = {
        question.options[i]: list(forms) for i, forms in enumerate(question.option_accept) if forms
    }
    return {"accept": spellings} if spellings else {}


def as_multi(question: Question, note: Note) -> Answers:
    share = _weight(100 / len(question.correct))
    if len(question.correct) > 10:
        note(question, f"{len(question.correct)} right options: Moodle's grades go no finer than"
             " 10%, so it may refuse the weights")  # fmt: skip
    replies = {w.text: w.reply for w in question.wrong}
    lines = []
    for i, option in enumerate(question.options):
        weight = share if i in question.correct else "-100"
        reply = replies.get(option)
        lines.append(f"~%{weight}%{escape(option)}" + (f"#{escape(reply)}" if reply else ""))
    return lines, _option_accept(question)


def as_truefalse(question: Question, note: Note) -> Answers:
    head = "TRUE" if question.truth else "FALSE"
    if len(question.wrong) > 1:
        note(question, "GIFT holds one reply for a wrong true/false answer: the others are kept"
             " only in the tutor's note")  # fmt: skip
    meta = {"wrong": {w.text: w.reply for w in question.wrong}} if len(question.wrong) > 1 else {}
    reply = f"#{escape(question.wrong[0].reply)}" if question.wrong else ""
    return [head + reply], meta


def as_open(question: Question, note: Note) -> Answers:
    """An essay: GIFT cannot grade by key points, so they go in the general feedback for the
    teacher who marks it (and, whole, in the tutor's note)."""
    note(question, "an open question is written as an essay: Moodle leaves it for a teacher to"
         " mark, with the key points in the general feedback")  # fmt: skip
    points = [
        {"point": p.text, "accept": list(p.accept), **({"follow_up": p.follow_up} if p.follow_up else {})}
        for p in question.points
    ]
    meta: dict = {"type": "open", "answer": question.answer, "points": points}
    if question.need is not None:
        meta["need"] = question.need
    if question.wrong:
        meta["wrong"] = {w.text: w.reply for w in question.wrong}
    if question.explain:
        meta["explain"] = question.explain
    shown = "; ".join(f"{n}) {p.text}" for n, p in enumerate(question.points, 1))
    general = f"Key points: {shown}." + (f" {question.explain}" if question.explain else "")
    return [f"####{escape(general)}"], meta


def _question(question: Question, note: Note) -> list[str]:
    lines, meta = kind(question.type).to_gift(question, note)
    if question.hints:
        meta["hints"] = list(question.hints)
    if question.source:
        meta["source"] = question.source
    if question.tries is not None:
        meta["tries"] = question.tries
    examples: dict[str, object] = {
        name: [e.text for e in found]
        for name, found in (("accept", question.accept_examples), ("reject", question.reject_examples))
        if found
    }
    if question.partial_examples:
        examples["partial"] = {e.text: list(e.points) for e in question.partial_examples}
    if examples:
        meta["examples"] = examples
    out = [f"{META} {json.dumps(meta, ensure_ascii=False)}"] if meta else []
    out.append(f"::{question.id}::[plain]{escape(question.ask)} {{")
    out += [f"    {line}" for line in lines]
    if question.explain and "explain" not in meta:
        out.append(f"    ####{escape(question.explain)}")
    out.append("}")
    return out


def _lesson_meta(lesson: Lesson) -> dict:
    meta: dict = {"id": lesson.id, "title": lesson.title}
    if lesson.summary:
        meta["summary"] = lesson.summary
    if lesson.minutes is not None:
        meta["minutes"] = lesson.minutes
    if lesson.tries != 3:
        meta["tries"] = lesson.tries
    if lesson.sources:
        meta["sources"] = dict(lesson.sources)
    if lesson.glossary:
        meta["glossary"] = {e.term: e.definition for e in lesson.glossary}
    return meta


def export_gift(lessons: Sequence[Lesson]) -> tuple[str, list[str]]:
    """The GIFT text of ``lessons``, and notes on what Moodle will not keep as the tutor does."""
    notes: list[str] = []

    def note(question: Question, message: str) -> None:
        notes.append(f"{question.pos}: note: question '{question.id}': {message}")

    out = ["// Written by tutor convert. Import into Moodle: Question bank > Import > GIFT.",
           "// '// tutor:' lines keep what GIFT cannot hold (hints, examples); Moodle ignores"
           " them.", ""]  # fmt: skip
    for lesson in lessons:
        category = lesson.title.replace("/", "-")
        out += [f"$CATEGORY: $course$/{category}", "", f"{LESSON_META} "
                + json.dumps(_lesson_meta(lesson), ensure_ascii=False), ""]  # fmt: skip
        for step in lesson.steps:
            if isinstance(step, Teach):
                out += [f"[markdown]{escape(step.text)}", ""]
            else:
                out += [*_question(step, note), ""]
    return "\n".join(out), notes
