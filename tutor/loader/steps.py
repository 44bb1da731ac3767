"""Steps: a ``teach`` message or a question, with every key checked and every mistake reported."""

from __future__ import annotations

from tutor.kinds import kind, kinds
from tutor.loader import fields as f
from tutor.loader.answers import Answer
from tutor.loader.options import letter, option_error, read_options, resolve_option
from tutor.loader.points import partial_count
from tutor.loader.problems import Report
from tutor.loader.safeyaml import Map, Node, Scalar
from tutor.model import Example, Question, QuestionType, Teach, Wrong

QUESTION_KEYS = (
    "id", "ask", "type", "answer", "accept", "wrong", "hints", "explain", "source", "tries",
    "examples", "options", "tolerance", "unit", "need", "points",
)  # fmt: skip
LESSON_KEYS = ("id", "title", "summary", "minutes", "tries", "sources", "glossary", "synonyms", "steps")
EXAMPLE_KEYS = ("accept", "reject", "partial")
TYPES = tuple(t.value for t in QuestionType)
_BY_NAME = {t.value: t for t in QuestionType}
T = QuestionType
MAX_TRIES = 20
_QUESTION_SET = frozenset(QUESTION_KEYS)
_TYPE_KEYS = ("options", "tolerance", "unit", "need", "accept", "points")  # some kinds only
# What other tools (Moodle, Google Forms, spreadsheets) call our types: no misspelling of them.
TYPE_SYNONYMS = {
    "multiple choice": "choice", "multiplechoice": "choice", "mcq": "choice", "mc": "choice",
    "single choice": "choice", "radio": "choice", "multiple answer": "multi",
    "multiple answers": "multi", "multiple response": "multi", "checkbox": "multi",
    "checkboxes": "multi", "select all": "multi", "true false": "truefalse", "tf": "truefalse",
    "boolean": "truefalse", "bool": "truefalse", "yes no": "truefalse", "numeric": "number",
    "numerical": "number", "integer": "number", "short answer": "text", "short": "text",
    "string": "text", "fill in": "text", "fill in the blank": "text", "cloze": "text",
    "essay": "open", "explain": "open", "explanation": "open", "free text": "open",
    "long answer": "open", "open ended": "open",
}  # fmt: skip


def _type_hint(raw: str) -> str:
    key = " ".join(raw.casefold().replace("-", " ").replace("/", " ").replace("_", " ").split())
    meant = TYPE_SYNONYMS.get(key) or TYPE_SYNONYMS.get(key.replace(" ", ""))
    return f" (did you mean '{meant}'?)" if meant else f.did_you_mean(raw, TYPES)


def convert_step(report: Report, node: Node, seen: dict[str, Scalar]) -> Teach | Question | None:
    if node.__class__ is not Map:
        report.error(
            node,
            "each step is a mapping: 'teach: ...' for a message, or a question with id, ask"
            f" and answer; this step is {f.kind_of(node)}",
        )
        return None
    pairs = node.pairs
    if "teach" in pairs:
        return _teach(report, pairs)
    if not pairs.keys() & _QUESTION_SET:
        for knode, _ in pairs.values():
            f.unknown_key(report, knode, "a step", ("teach", *QUESTION_KEYS))
        if not pairs:
            report.error(node, "an empty step: write 'teach: ...' or a question")
        return None
    return convert_question(report, node, seen)


def _teach(report: Report, pairs: dict) -> Teach | None:
    extra = [name for name in pairs if name != "teach"]
    if extra:
        names = ", ".join(f"'{n}'" for n in extra)
        belong = "belongs" if len(extra) == 1 else "belong"
        if extra[0] in _QUESTION_SET:
            advice = f"{names} {belong} to a question: make the question a step of its own"
            if "id" in extra or "ask" in extra:
                advice += " (is a '- ' missing before its first key?)"
        else:
            advice = f"{names} {belong} to no step"
        report.error(pairs[extra[0]][0], f"a teach step holds only 'teach'; {advice}")
    knode, vnode = pairs["teach"]
    value = f.text(report, vnode, "'teach'")
    return Teach(value, f.pos(report, knode)) if value is not None else None


def convert_question(report: Report, node: Map, seen: dict[str, Scalar]) -> Question | None:
    errors_before = report.errors
    pairs = node.pairs
    meant = set()  # known keys that unknown ones probably misspell: not reported missing too
    for name, (knode, _) in () if _QUESTION_SET.issuperset(pairs) else pairs.items():
        if name in _QUESTION_SET:
            continue
        if name in LESSON_KEYS:
            report.error(knode, f"'{name}' belongs at the top of the lesson, not in a question")
        else:
            meant.add(f.unknown_key(report, knode, "a question", QUESTION_KEYS))

    qid = None
    if "id" in pairs:
        id_node = pairs["id"][1]
        qid = f.slug(report, id_node, "question id")
        if qid is not None:
            first = seen.get(qid)
            if first is not None:
                report.error(id_node, f"duplicate question id '{qid}' (first at line {first.line})")
            else:
                seen[qid] = id_node  # type: ignore[assignment]
    elif "id" not in meant:
        report.error(
            node, "this question has no 'id': give it a short unique one, e.g. id: capital"
        )
    label = f"question '{qid}'" if qid else "this question"

    qtype: QuestionType | None = T.TEXT
    if "type" in pairs:
        tnode = pairs["type"][1]
        raw = f.text(report, tnode, "'type'")
        qtype = None
        if raw is not None:
            qtype = _BY_NAME.get(raw.lower())
            if qtype is None:
                report.error(
                    tnode,
                    f"unknown question type '{raw}'{_type_hint(raw)};"
                    f" the types are {', '.join(TYPES)}",
                )
    unit = kind(qtype) if qtype is not None else None
    for key in ("ask", "answer"):
        if key == "answer" and unit is not None and unit.answer_optional:
            continue
        if key not in pairs and key not in meant:
            report.error(node, f"{label} has no '{key}'")
    if unit is not None:
        for key in _TYPE_KEYS:
            if key in pairs and key not in unit.keys:
                _misplaced(report, pairs, key, unit.type)

    ask = f.text(report, pairs["ask"][1], "'ask'") if "ask" in pairs else None
    built: Answer | None = None
    if (
        unit is not None
        and ("answer" in pairs or unit.answer_optional)
        and not ("options" in meant and unit.options)
    ):  # 'option:' (misspelt) was reported already; "has no 'options'" would say it twice
        built = unit.read(report, pairs, label)
    wrong: tuple[Wrong, ...] = ()
    if "wrong" in pairs:
        wrong = _wrong(
            report, pairs["wrong"][1], qtype, built or _options_only(report, pairs, qtype)
        )
    hints: tuple[str, ...] = ()
    if "hints" in pairs:
        read = f.texts(report, pairs["hints"][1], "'hints'")
        hints = tuple(v for v, _ in read)
        _split_hints(report, read)
    explain = f.text(report, pairs["explain"][1], "'explain'") if "explain" in pairs else None
    source = f.text(report, pairs["source"][1], "'source'") if "source" in pairs else None
    tries = None
    if "tries" in pairs:
        tries = f.count(report, pairs["tries"][1], "'tries'", 1, MAX_TRIES)
    accept_ex: tuple[Example, ...] = ()
    reject_ex: tuple[Example, ...] = ()
    partial_ex: tuple[Example, ...] = ()
    if "examples" in pairs:
        accept_ex, reject_ex, partial_ex = _examples(report, pairs["examples"][1], qtype, built)

    if report.errors > errors_before or built is None or qid is None or ask is None:
        return None
    return Question(
        id=qid,
        ask=ask,
        type=qtype,  # type: ignore[arg-type]
        answer=built.answer,
        items=built.items,
        options=built.options,
        option_accept=built.option_accept,
        correct=built.correct,
        number=built.number,
        truth=built.truth,
        need=built.need,
        points=built.points,
        wrong=wrong,
        hints=hints,
        explain=explain,
        source=source,
        tries=tries,
        accept_examples=accept_ex,
        reject_examples=reject_ex,
        partial_examples=partial_ex,
        pos=f.pos(report, node),
    )


def _options_only(report: Report, pairs: dict, qtype: QuestionType | None) -> Answer | None:
    """A choice question whose answer is wrong still has options: its ``wrong:`` keys are
    checked against them in the same run (the options' own problems are reported once, by the
    answer's reader)."""
    if qtype is None or not kind(qtype).options or "options" not in pairs:
        return None
    options = read_options(Report(report.path), pairs, "", qtype.value)
    return Answer("", options=options) if options else None


def _split_hints(report: Report, read: list[tuple[str, Scalar]]) -> None:
    """Warn about ``hints: [Think of it, on the map.]``: in a ``[...]`` list a comma ends a
    hint, so an unquoted hint that starts in lower case right after another one on the same line
    is most likely the second half of a sentence."""
    for (_, before), (value, node) in zip(read, read[1:], strict=False):
        if node.plain and node.line == before.line and value[:1].islower():
            report.warning(
                node,
                f"hint '{value}' starts in lower case right after another on the same line: a "
                "comma inside [ ] splits a hint in two; put the hint in quotes",
            )


def _misplaced(report: Report, pairs: dict, key: str, qtype: QuestionType) -> None:
    types = [k.type for k in kinds() if key in k.keys]
    names = " and ".join(t.value for t in types)
    if "type" in pairs:
        message = f"'{key}' is only for {names} questions, not {qtype.value} questions"
    else:
        wanted = " or ".join(f"'type: {t.value}'" for t in types)
        message = (
            f"'{key}' is only for {names} questions; without a 'type' this is a text question:"
            f" add {wanted}"
        )
    report.error(pairs[key][0], message)


def _wrong(report: Report, node: Node, qtype, built: Answer | None) -> tuple[Wrong, ...]:
    out = []
    named: dict[int, Scalar] = {}  # choice and multi: option index -> the key that named it
    unit = kind(qtype) if built is not None else None  # an answer was read: qtype is a kind
    for key, reply, knode in f.text_pairs(report, node, "'wrong'"):
        shown = key
        clash = None
        if unit is not None and built is not None:
            if unit.options:
                index = resolve_option(built.options, key)
                if index is None:  # the grader only ever matches options: the reply would be lost
                    option_error(report, knode, key, built.options, "'wrong' key")
                    continue
                shown = built.options[index]
                if index in built.correct:
                    clash = "which is a right answer"
                elif index in named:
                    clash = (
                        f"which names option {letter(index)} again (first at line"
                        f" {named[index].line}): one reply per option"
                    )
                named.setdefault(index, knode)
            else:
                clash = unit.clash_of(built, key)
        if clash:
            report.error(knode, f"'wrong' lists '{key}', {clash}")
            continue
        out.append(Wrong(shown, reply, f.pos(report, knode)))
    return tuple(out)


def _examples(
    report: Report, node: Node, qtype: QuestionType | None, built: Answer | None
) -> tuple[tuple[Example, ...], tuple[Example, ...], tuple[Example, ...]]:
    table = f.mapping(report, node, "'examples'")
    if table is None:
        return (), (), ()
    found: dict[str, tuple[Example, ...]] = {"accept": (), "reject": (), "partial": ()}
    for name, (knode, vnode) in table.pairs.items():
        if name not in EXAMPLE_KEYS:
            f.unknown_key(report, knode, "'examples'", EXAMPLE_KEYS)
            continue
        if name == "partial":
            if qtype is not None and kind(qtype).partial:
                found[name] = kind(qtype).read_partial(report, vnode, partial_count(built))
            elif qtype is not None:
                report.error(
                    knode,
                    "'partial' examples (answer: the points it makes) are for open questions;"
                    " a list question's partial answers go under 'reject'",
                )
            continue
        found[name] = tuple(
            Example(value, f.pos(report, n))
            for value, n in f.texts(report, vnode, f"'examples: {name}'")
        )
    return found["accept"], found["reject"], found["partial"]
