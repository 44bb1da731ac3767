"""Grading an ``open`` question: an explanation in the student's own words, by key points.

Each point is *made* when one of its ``accept`` groups is found in one sentence of the answer
with the point's own polarity (``tutor.grading.keypoints``). A ``wrong:`` entry is a
misconception, read the same way but as a phrase: its words (little words such as *the*, *is*,
*because* left out, ``/`` for alternatives) one after another in one sentence, at most three
words apart, each the same word or stem (no typos, no near forms: ``denser`` is not ``dense``), so that "China security" catches "China provides the security" and not "Russia
provides security while China trades".

Credit = (points made, at most ``need``, less one point for each misconception asserted; but at
least half a point when any point was made) / ``need``:

- every needed point and no misconception -> ``correct``, full credit;
- some credit -> ``partial``; the points made are named in the tutor's words (the ``point:``
  texts), each misconception gets its reply;
- none: ``misconception`` when one was asserted, else ``wrong``.

The feedback never names a missing point: it asks the first missing point's follow-up question
(``follow_up:``, or one made from the point's text with its key word left blank), and says how
many points are still to make. A point said the other way round ("it does not balance them") is
quoted back to the student.
"""

from __future__ import annotations

from tutor.grading.keypoints import (
    Group,
    Reading,
    Synonyms,
    directions,
    group_of_sentence,
    made,
    negated,
    parse_group,
    word_matches,
)
from tutor.grading.normalise import words
from tutor.grading.pipeline import Answer, GradeRule, Rule
from tutor.grading.result import Grade, Verdict
from tutor.model import Point, Question
from tutor.values import value

MISCONCEPTION_COST = 1.0  # points of credit each asserted misconception takes away
MADE_FLOOR = 0.5  # points of credit an answer that makes a point keeps, whatever else it says
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six")


@value
class CompiledPoint:
    point: Point
    groups: tuple[Group, ...]
    negative: bool
    follow_up: str
    way: frozenset[str] = frozenset()  # which way the point moves something (keypoints.directions)


@value
class CompiledWrong:
    text: str
    reply: str
    group: Group
    negative: bool


@value
class Compiled:
    points: tuple[CompiledPoint, ...]
    wrong: tuple[CompiledWrong, ...]
    need: int


_compiled: dict[tuple[int, int], tuple[Question, Compiled]] = {}


def compile_question(q: Question, synonyms: Synonyms | None = None) -> Compiled:
    """The question's points and misconceptions as word groups (cached per question and
    synonym table)."""
    hit = _compiled.get((id(q), id(synonyms)))
    if hit is not None and hit[0] is q:
        return hit[1]
    points = tuple(
        CompiledPoint(
            p,
            groups := tuple(g for g in (parse_group(a, synonyms) for a in p.accept) if g),
            negated(words(p.text)),
            p.follow_up.strip() if p.follow_up else default_follow_up(p.text, groups),
            directions(words(p.text)),
        )
        for p in q.points
    )
    wrong = tuple(
        CompiledWrong(w.text, w.reply, g, negated(words(w.text)))
        for w in q.wrong
        if (g := group_of_sentence(w.text, synonyms))
    )
    need = max(1, min(q.required, len(points))) if points else 1
    compiled = Compiled(points, wrong, need)
    if len(_compiled) > 10_000:
        _compiled.clear()
    _compiled[(id(q), id(synonyms))] = (q, compiled)
    return compiled


def default_follow_up(text: str, groups: tuple[Group, ...]) -> str:
    """A question that leads to the point without naming it: the point's own words with its key
    word left blank ("so as not to ... on a single power"). The key word is the first word of the
    point that one of its groups asks for."""
    raw = text.strip().rstrip(".")
    tokens = raw.split()
    for group in groups:
        for slot in group:
            wanted = [w for alt in slot.alternatives for w in alt]
            blanked = [
                "..." if (ws := words(t)) and any(word_matches(w, x) for w in ws for x in wanted) else t
                for t in tokens
            ]
            if "..." in blanked and any(t != "..." for t in blanked):
                return f"Can you finish this thought: “{' '.join(blanked)}”?"
    return "What else would you add? There is more to explain."


def grade_open(a: Answer) -> Grade:
    synonyms = a.prep.synonyms
    compiled = compile_question(a.question, synonyms)
    reading = Reading(a.cleaned, synonyms)
    made_points: list[CompiledPoint] = []
    missing: list[CompiledPoint] = []
    turned: list[int] = []  # sentences that say a missing point the other way round
    for cp in compiled.points:
        ok, found = made(reading, cp.groups, cp.negative, cp.way)
        if ok:
            made_points.append(cp)
        else:
            missing.append(cp)
            if found is not None and found.sentence not in turned:
                turned.append(found.sentence)
    asserted = [
        w
        for w in compiled.wrong
        if any(f.negated == w.negative for f in reading.find(w.group, ordered=True))
    ]
    need = compiled.need
    kept = min(len(made_points), need) - MISCONCEPTION_COST * len(asserted)
    score = max(kept, MADE_FLOOR if made_points else 0.0) / need
    if len(made_points) >= need and not asserted:
        verdict, credit = Verdict.CORRECT, 1.0
    elif score > 0:
        verdict, credit = Verdict.PARTIAL, min(score, 0.99)
    elif asserted:
        verdict, credit = Verdict.MISCONCEPTION, 0.0
    elif made_points:  # pragma: no cover - a point made always earns credit without misconceptions
        verdict, credit = Verdict.PARTIAL, 0.0
    else:
        verdict, credit = Verdict.WRONG, 0.0
    feedback = _feedback(verdict, made_points, missing, asserted, turned, reading, need)
    return Grade(
        verdict,
        credit,
        feedback,
        found=tuple(cp.point.text for cp in made_points),
        missing=tuple(cp.point.text for cp in missing),
        extra=tuple(w.text for w in asserted),
    )


def _feedback(
    verdict: Verdict,
    made_points: list[CompiledPoint],
    missing: list[CompiledPoint],
    asserted: list[CompiledWrong],
    turned: list[int],
    reading: Reading,
    need: int,
) -> str:
    lines: list[str] = []
    if verdict is Verdict.CORRECT:
        lines.append("Well explained. You made " + ("this point:" if len(made_points) == 1 else "these points:"))
    elif made_points:
        lines.append("Good - you made " + ("this point:" if len(made_points) == 1 else "these points:"))
    lines += [f"- {_sentence(cp.point.text)}" for cp in made_points]
    lines += [w.reply.strip() for w in asserted]
    for index in turned[:1]:
        lines.append(
            f"You wrote “{reading.sentence_text(index)}”: that turns one of the points the other"
            " way round."
        )
    if verdict is Verdict.CORRECT:
        return "\n".join(lines)
    to_make = max(0, need - len(made_points))
    if not made_points and not asserted and not turned:
        lines.append("That does not make any of the points yet.")
    if to_make and missing:
        count = _NUMBERS[to_make] if to_make < len(_NUMBERS) else str(to_make)
        lines.append(f"{count.capitalize()} more point{'s' if to_make > 1 else ''} to make.")
        lines.append(missing[0].follow_up)
    elif asserted:
        lines.append("Take that part out, and the explanation stands.")
    return "\n".join(lines)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


RULES: list[GradeRule] = [Rule("key-points", grade_open)]
