"""GIFT questions -> lesson mappings (what a lesson YAML file holds), one lesson per category.

Each GIFT kind has its converter in ``KINDS``. What a lesson cannot hold is converted as closely
as possible or left out, with a warning naming the line it was on.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from anyascii import anyascii

from tutor.gift.lexer import lex
from tutor.gift.parser import GiftAnswer, GiftError, GiftQuestion, parse_block
from tutor.gift.text import quoted
from tutor.loader.fields import MAX_SLUG, slugify
from tutor.loader.options import MAX_OPTIONS
from tutor.loader.problems import ERROR, WARNING, Problem
from tutor.values import field, mutable

# What GIFT cannot hold, carried in '// tutor:' notes (Moodle ignores comments).
QUESTION_META = ("type", "answer", "accept", "hints", "examples", "source", "tries", "need", "unit",
                 "tolerance", "points", "wrong", "explain")  # fmt: skip
LESSON_META = ("id", "title", "summary", "minutes", "tries", "sources", "glossary")


@mutable(slots=True)
class Draft:
    """One lesson being built: its mapping and the ids its questions already use."""

    category: str | None
    data: dict
    ids: set[str] = field(default_factory=set)
    next_suffix: dict[str, int] = field(default_factory=dict)  # base id -> the next -N to try


Warn = Callable[[int, str], None]


def _slug(text: str) -> str:
    """An id from any text: letters of other scripts transliterated (``Été`` -> ``ete``,
    ``Вопрос 1`` -> ``vopros-1``), not dropped."""
    return slugify(anyascii(text[: MAX_SLUG * 4]))


def number_text(x: float) -> str:
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def _explain(q: GiftQuestion, *right: str) -> str:
    """The right answer's feedback, then the general feedback, as Moodle shows them."""
    parts = [p for p in (*right, q.general) if p]
    return " ".join(dict.fromkeys(parts))


def _options(q: GiftQuestion, warn: Warn) -> list[GiftAnswer] | None:
    """The options, each once; None (with a warning) when there are more than a lesson holds."""
    seen: dict[str, GiftAnswer] = {}
    for a in q.answers:
        key = " ".join(a.text.split()).casefold()
        if not key:
            warn(a.line, "an empty option: left out")
        elif key in seen:
            warn(a.line, f"option {quoted(a.text)} is listed twice: the second is left out")
        else:
            seen[key] = a
    if not _fits(len(seen), q, warn):
        return None
    return list(seen.values())


def _fits(options: int, q: GiftQuestion, warn: Warn) -> bool:
    if options <= MAX_OPTIONS:
        return True
    warn(q.line, f"{options} options: a question has at most {MAX_OPTIONS} (A to Z), so this"
         " one is left out")  # fmt: skip
    return False


def _choice(q: GiftQuestion, warn: Warn) -> dict | None:
    options = _options(q, warn)
    if options is None:
        return None
    right = [a for a in options if a.right]
    if not right:
        warn(q.line, "no option is marked right ('='): left out")
        return None
    for extra in right[1:]:
        warn(extra.line, f"a second right option {quoted(extra.text)}: a choice question has one right"
             " option, so it counts as wrong here")  # fmt: skip
    for a in options:
        if a.weight is not None and 0 < a.weight < 100:
            warn(a.line, f"partial credit ({a.weight:g}%) for {quoted(a.text)} has no equivalent in a"
                 " choice question: it counts as wrong")  # fmt: skip
    if len(options) < 2:
        warn(q.line, "a choice question needs at least 2 options: left out")
        return None
    wrong = {a.text: a.feedback for a in options if a is not right[0] and a.feedback}
    out = {"type": "choice", "options": [a.text for a in options], "answer": right[0].text}
    return _with(out, wrong=wrong, explain=_explain(q, right[0].feedback))


def _multi(q: GiftQuestion, warn: Warn) -> dict | None:
    options = _options(q, warn)
    if options is None:
        return None
    right = [a for a in options if (a.weight or 0) > 0]
    if not right or len(options) < 2:
        warn(q.line, "a multiple-answer question needs 2 options and one with a positive weight:"
             " left out")  # fmt: skip
        return None
    total = sum(a.weight or 0 for a in right)
    if abs(total - 100) > 1:
        warn(q.line, f"the positive weights add up to {total:g}%, not 100%: here a student names"
             " every option with a positive weight for full credit")  # fmt: skip
    wrong = {a.text: a.feedback for a in options if (a.weight or 0) <= 0 and a.feedback}
    out = {"type": "multi", "options": [a.text for a in options], "answer": [a.text for a in right]}
    return _with(out, wrong=wrong, explain=_explain(q, *(a.feedback for a in right)))


def _truefalse(q: GiftQuestion, warn: Warn) -> dict:
    wrong_fb, right_fb = q.truth_feedback
    out = {"type": "truefalse", "answer": "true" if q.truth else "false"}
    wrong = {("false" if q.truth else "true"): wrong_fb} if wrong_fb else {}
    return _with(out, wrong=wrong, explain=_explain(q, right_fb))


def _short(q: GiftQuestion, warn: Warn) -> dict | None:
    right, wrong = [], {}
    for a in q.answers:
        if not a.text:
            warn(a.line, "an empty answer: left out")
        elif a.right:
            right.append(a)
        elif a.weight is not None and a.weight > 0:
            warn(a.line, f"partial credit ({a.weight:g}%) for {quoted(a.text)} has no equivalent: left"
                 " out (the tutor forgives spelling slips by itself)")  # fmt: skip
        elif a.feedback:
            wrong[a.text] = a.feedback
        else:
            warn(a.line, f"{quoted(a.text)} earns nothing and has no feedback: left out")
    if not right:
        warn(q.line, "no answer earns full credit: left out")
        return None
    accept = list(dict.fromkeys(a.text for a in right[1:] if a.text != right[0].text))
    out: dict = {"answer": right[0].text}
    if accept:
        out["accept"] = accept
    return _with(out, wrong=wrong, explain=_explain(q, *(a.feedback for a in right)))


def _numerical(q: GiftQuestion, warn: Warn) -> dict | None:
    right = [a for a in q.answers if a.right]
    if not right:
        warn(q.line, "no numeric answer earns full credit: left out")
        return None
    first = right[0]
    assert first.value is not None  # the parser sets it for every numeric answer
    for extra in right[1:]:
        warn(extra.line, f"a second accepted number {quoted(extra.text)} has no equivalent: a number"
             " question has one value and tolerance, so it is left out")  # fmt: skip
    wrong = {}
    for a in q.answers:
        if a.right:
            continue
        if a.weight is not None and a.weight > 0:
            warn(a.line, f"partial credit ({a.weight:g}%) for {quoted(a.text)} has no equivalent: left out")
        elif a.feedback and not a.tolerance and a.value is not None:
            wrong[number_text(a.value)] = a.feedback
        elif a.feedback:
            warn(a.line, f"feedback for the range {quoted(a.text)} has no equivalent (a reply is for one"
                 " number): left out")  # fmt: skip
    out: dict = {"type": "number", "answer": number_text(first.value)}
    if first.tolerance:
        out["tolerance"] = number_text(first.tolerance)
    return _with(out, wrong=wrong, explain=_explain(q, first.feedback))


def _with(out: dict, *, wrong: dict, explain: str) -> dict:
    if wrong:
        out["wrong"] = wrong
    if explain:
        out["explain"] = explain
    return out


KINDS: dict[str, Callable[[GiftQuestion, Warn], dict | None]] = {
    "multichoice": _choice,
    "multianswer": _multi,
    "truefalse": _truefalse,
    "shortanswer": _short,
    "numerical": _numerical,
}


def _question_id(draft: Draft, q: GiftQuestion, n: int) -> str:
    """Moodle's idnumber, else the title, else the text's first words, made a unique id."""
    base = _slug(q.idnumber) or _slug(q.title) or _slug(" ".join(q.text.split()[:6]))
    base = (base or f"q{n}")[: MAX_SLUG - 8].strip("-")
    qid, k = base, draft.next_suffix.get(base, 2)
    while qid in draft.ids:  # each base remembers its last suffix: a thousand 'Q1's stay linear
        qid, k = f"{base}-{k}", k + 1
    draft.next_suffix[base] = k
    draft.ids.add(qid)
    return qid


def _left_out(q: GiftQuestion, warn: Warn) -> None:
    """What Moodle keeps of a question and a lesson has no place for."""
    if q.tags:
        shown = ", ".join(q.tags[:5]) + (f" and {len(q.tags) - 5} more" if len(q.tags) > 5 else "")
        warn(q.line, f"tags ({shown}) have no equivalent in a lesson: left out")
    if q.others:
        warn(q.line, f"the feedback for any other answer ({quoted(q.others)}) has no equivalent (the"
             " tutor answers a wrong try itself): left out")  # fmt: skip


def _steps(draft: Draft, q: GiftQuestion, n: int, warn: Warn) -> list[dict]:
    meta = {k: v for k, v in q.meta.items() if k in QUESTION_META}
    _left_out(q, warn)
    if q.kind == "description":
        return [{"teach": q.text}] if q.text else []
    if q.kind == "essay" and meta.get("type") == "open" and q.text:
        # The tutor's own open question, written as an essay: its points come back from the note
        # (the general feedback shows them to a Moodle teacher, with the explanation).
        step = {"id": _question_id(draft, q, n), "ask": q.text, **meta}
        if q.general and "explain" not in meta:
            step["explain"] = q.general
        return [_ordered(step)]
    if q.kind == "essay":
        warn(q.line, "an essay question has no equivalent (the tutor does not grade free"
             " writing): kept as a teach step")  # fmt: skip
        text = q.text + (f"\n\n{q.general}" if q.general else "")
        return [{"teach": text}] if text.strip() else []
    if q.kind == "matching":
        return _matching(draft, q, n, warn)
    if not q.text:
        warn(q.line, "a question with no text: left out")
        return []
    built = KINDS[q.kind](q, warn)
    if built is None:
        return []
    step = {"id": _question_id(draft, q, n), "ask": q.text, **built}
    step.update(meta)  # what GIFT could not hold, as the tutor wrote it
    return [_ordered(step)]


_ORDER = ("id", "ask", "type", "options", "answer", "accept", "points", "need", "unit",
          "tolerance", "wrong", "hints", "explain", "source", "tries", "examples")  # fmt: skip


def _ordered(step: dict) -> dict:
    """A question's keys in the order lessons write them, empty ones left out."""
    return {k: step[k] for k in _ORDER if k in step and step[k] not in (None, "", [], {})}


def _matching(draft: Draft, q: GiftQuestion, n: int, warn: Warn) -> list[dict]:
    pairs = [a for a in q.answers if a.match is not None and a.text]
    options = list(dict.fromkeys(a.match for a in q.answers if a.match))
    if not pairs or len(options) < 2:
        warn(q.line, "a matching question needs two pairs or more: left out")
        return []
    if not _fits(len(options), q, warn):
        return []
    warn(q.line, "a matching question has no equivalent: each pair becomes a choice question"
         " among the right-hand sides")  # fmt: skip
    steps = []
    for a in pairs:
        sub = GiftQuestion("", f"{q.title or q.text[:40]} {a.text}", "", a.line, q.category, {})
        step = {"id": _question_id(draft, sub, n), "ask": f"{q.text}\n\n{a.text}", "type": "choice",
                "options": options, "answer": a.match}  # fmt: skip
        if q.general:
            step["explain"] = q.general
        steps.append(step)
    return steps


def _lesson_name(category: str | None, stem: str) -> tuple[str, str]:
    if category is None:
        return _slug(stem) or "imported", " ".join(re.split(r"[-_ ]+", stem)).strip().capitalize() or "Imported"
    last = [part for part in category.split("/") if part and not part.startswith("$")]
    title = last[-1].strip() if last else category
    return _slug(title) or "imported", title


def import_gift(text: str, path: str, stem: str = "imported") -> tuple[list[dict], list[Problem]]:
    """The lessons in a GIFT file (in the order their categories first appear) and every
    warning, each naming its line; an error if there is no question at all."""
    problems: list[Problem] = []
    lexed = lex(text)
    for line in lexed.bad_meta:
        problems.append(Problem(path, line, 1, "a '// tutor:' note that is not a JSON object:"
                                " ignored", WARNING))  # fmt: skip
    for line, message in lexed.problems:
        problems.append(Problem(path, line, 1, message, WARNING))
    drafts: dict[str | None, Draft] = {}
    for n, block in enumerate(lexed.blocks, 1):
        def warn(line: int, message: str, _b=block) -> None:
            problems.append(Problem(path, line, 1, message, WARNING))

        try:
            q = parse_block(block)
        except GiftError as exc:
            warn(exc.line, f"{exc}: this question is left out")
            continue
        for line, message in q.problems:
            warn(line, message)
        draft = drafts.get(q.category)
        if draft is None:
            lesson_id, title = _lesson_name(q.category, stem)
            data: dict = {"id": lesson_id, "title": title}
            data.update({k: v for k, v in lexed.lesson_meta.get(q.category, {}).items()
                         if k in LESSON_META})  # fmt: skip
            draft = drafts[q.category] = Draft(q.category, {**data, "steps": []})
        draft.data["steps"].extend(_steps(draft, q, n, warn))
    lessons = [d.data for d in drafts.values() if d.data["steps"]]
    taken: set[str] = set()
    for lesson in lessons:  # two categories ending in the same name: make the ids unique
        base, k = lesson["id"], 2
        while lesson["id"] in taken:
            lesson["id"], k = f"{base}-{k}", k + 1
        taken.add(lesson["id"])
    if not lessons:
        problems.append(Problem(path, 1, 1, "no questions found: GIFT questions are separated by"
                                " blank lines, with answers in { }", ERROR))  # fmt: skip
    problems.sort(key=lambda p: p.line)  # in the file's order (stable: a line's own order kept)
    return lessons, problems
