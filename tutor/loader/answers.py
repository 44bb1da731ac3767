"""The answer part of a question, one reader per type: what the student must give, and how."""

from __future__ import annotations

import re

from tutor.loader import fields as f
from tutor.loader.normal import normalise, simple_normalise
from tutor.loader.number_fields import answer_number, parse_number, parse_tolerance
from tutor.loader.problems import Report
from tutor.loader.safeyaml import Map, Scalar, Seq
from tutor.model import Item, NumberSpec, Point
from tutor.values import mutable

_SEPARATORS = re.compile(r",|;|\s+and\s+|\s+&\s+")
TRUE_WORDS = {"true": True, "yes": True, "false": False, "no": False}
# What else YAML 1.1 (and so many editors' schema checks) reads as a boolean.
YAML11_TRUTH = {"on": True, "off": False, "y": True, "n": False}


@mutable(slots=True)
class Answer:
    """What the reader of one type produced: the display answer and the type's own fields."""

    answer: str
    items: tuple[Item, ...] = ()
    options: tuple[str, ...] = ()
    option_accept: tuple[tuple[str, ...], ...] = ()
    correct: tuple[int, ...] = ()
    number: NumberSpec | None = None
    truth: bool | None = None
    need: int | None = None
    points: tuple[Point, ...] = ()


def truth_of(value: str) -> bool | None:
    return TRUE_WORDS.get(value.strip().casefold())


def read_text(report: Report, pairs: dict, label: str) -> Answer | None:
    node = pairs["answer"][1]
    if node.__class__ is Seq:
        report.error(
            node,
            "a text question has one answer: for several, use 'type: list', or put other"
            " accepted forms under 'accept'",
        )
        return None
    answer = f.text(report, node, "'answer'")
    accept: list[tuple[str, Scalar]] = []
    if "accept" in pairs:
        anode = pairs["accept"][1]
        if anode.__class__ is Map:
            report.error(
                anode,
                "'accept' of a text question is a list of other accepted forms;"
                " a mapping of aliases is for list questions",
            )
        else:
            accept = f.texts(report, anode, "'accept'")
    if answer is None:
        return None
    truth = truth_of(answer)
    if truth is not None:
        kind = "has no 'type', so it is" if "type" not in pairs else "is"
        others = [w for w in (("true", "yes", "t") if truth else ("false", "no", "f"))
                  if w != answer.casefold()]  # fmt: skip
        report.warning(
            node,
            f"{label} {kind} a text question whose answer is '{answer}': a student who types"
            f" '{others[0]}' or '{others[1]}' is refused; for a true/false question add"
            " 'type: truefalse'",
        )
    item = Item(
        answer,
        tuple(a for a, _ in accept),
        f.pos(report, node),
        tuple(f.pos(report, n) for _, n in accept),
    )
    return Answer(answer, items=(item,))


def read_list(report: Report, pairs: dict, label: str) -> Answer | None:
    node = pairs["answer"][1]
    if node.__class__ is not Seq:
        report.error(node, _list_answer_problem(node))
        return None
    entries = f.texts(report, node, "'answer'")
    if not entries:
        if not node.items:
            report.error(node, "'answer' lists no items")
        return None
    seen: dict[str, str] = {}
    for value, vnode in entries:
        key = simple_normalise(value).replace(" ", "")
        if key in seen:
            report.error(vnode, f"item '{value}' is listed twice in 'answer'")
        seen.setdefault(key, value)
    aliases: dict[str, list[tuple[str, Scalar]]] = {}
    if "accept" in pairs:
        anode = pairs["accept"][1]
        if anode.__class__ is not Map:
            report.error(
                anode,
                "'accept' of a list question maps an item to its other forms,"
                " e.g. accept: {North Korea: [DPRK]}",
            )
        else:
            names = [v for v, _ in entries]
            for key, (knode, forms_node) in anode.pairs.items():
                target = key.strip()
                if target not in names:
                    match = [n for n in names if n.casefold() == target.casefold()]
                    if not match:
                        report.error(
                            knode,
                            f"'accept' names '{key}', which is not an item of the answer"
                            f"{f.did_you_mean(key, names)}",
                        )
                        continue
                    target = match[0]
                aliases[target] = f.texts(report, forms_node, f"'accept' for '{target}'")
    need = None
    if "need" in pairs:
        nnode = pairs["need"][1]
        need = f.count(report, nnode, "'need'", 1, 10_000)
        if need is not None and need > len(entries):
            report.error(
                nnode, f"'need' is {need}, but the answer lists only {len(entries)} items"
            )
            need = None
    items = tuple(
        Item(
            value,
            tuple(a for a, _ in aliases.get(value, ())),
            f.pos(report, vnode),
            tuple(f.pos(report, n) for _, n in aliases.get(value, ())),
        )
        for value, vnode in entries
    )
    return Answer(", ".join(i.text for i in items), items=items, need=need)


def read_number(report: Report, pairs: dict, label: str) -> Answer | None:
    node = pairs["answer"][1]
    answer = f.text(report, node, "'answer'")
    unit = f.text(report, pairs["unit"][1], "'unit'") if "unit" in pairs else None
    value, stray = answer_number(answer, unit) if answer is not None else (None, [])
    if answer is not None and value is None:
        report.error(
            node,
            f"'answer' '{answer}' is not a number: write one number, like 1991, 18000000,"
            " 18,000,000, 18 million or 2.5",
        )
    elif stray:
        words = ", ".join(f"'{w}'" for w in stray)
        report.error(
            node,
            f"'answer' '{answer}' holds more than a number ({words}): write only the number,"
            " and put a unit under 'unit'",
        )
        value = None
    if value is not None and answer is not None:
        _decimal_traps(report, node, answer, "tolerance" in pairs)
    tolerance, relative = 0.0, False
    if "tolerance" in pairs:
        tnode = pairs["tolerance"][1]
        raw = f.text(report, tnode, "'tolerance'")
        parsed = parse_tolerance(raw, unit) if raw is not None else None
        if raw is not None and parsed is None:
            report.error(tnode, _tolerance_problem(raw))
        elif parsed is not None:
            tolerance, relative = parsed
    if answer is None or value is None:
        return None
    return Answer(answer, number=NumberSpec(value, tolerance, relative, unit))


def read_truefalse(report: Report, pairs: dict, label: str) -> Answer | None:
    node = pairs["answer"][1]
    answer = f.text(report, node, "'answer'")
    if answer is None:
        return None
    truth = truth_of(answer)
    if truth is None and answer.casefold() in YAML11_TRUTH:
        truth = YAML11_TRUTH[answer.casefold()]
        report.warning(
            node,
            f"'answer' '{answer}' is read as {'true' if truth else 'false'} (as editors reading"
            f" YAML 1.1 read it): write {'true' if truth else 'false'}",
        )
    if truth is None:
        report.error(node, f"a true/false answer is true or false (or yes or no), not '{answer}'")
        return None
    return Answer("True" if truth else "False", truth=truth)


_DECIMAL_COMMA = re.compile(r"\s*[-+]?\d+,(\d{1,2}|\d{4,})\s*")
_DOT_THOUSANDS = re.compile(r"\s*[-+]?\d{1,3}\.\d{3}\s*")


def _decimal_traps(report: Report, node: Scalar, answer: str, tolerance: bool) -> None:
    """European number writing: ``7,5`` (seven and a half) and ``7.644`` (seven thousand...)."""
    if _DECIMAL_COMMA.fullmatch(answer):
        dotted = answer.strip().replace(",", ".")
        report.warning(
            node,
            f"'answer' '{answer}' has a decimal comma: it is read as {dotted}; write {dotted},"
            " since a comma in a number usually separates thousands",
        )
    elif _DOT_THOUSANDS.fullmatch(answer) and not tolerance:
        whole = answer.strip().replace(".", "")
        report.warning(
            node,
            f"'answer' '{answer}' is read as a decimal ({answer.strip()}, exactly): if the dot"
            f" separates thousands, write {whole} or {answer.strip().replace('.', ',')}; if it is"
            " a decimal, give a 'tolerance' (or write it as a fraction) to say so",
        )


def _tolerance_problem(raw: str) -> str:
    if raw.lstrip().startswith("-"):
        return (
            f"'tolerance' '{raw}' is negative: write how far off still counts, like"
            f" {raw.lstrip()[1:].strip()} (it applies both ways)"
        )
    return (
        f"'tolerance' '{raw}' is not a number: write an amount like 0.5 or 1000,"
        " or a percentage like 5%"
    )


def _list_answer_problem(node) -> str:
    """A list answer written as one text: show the list the instructor probably meant. The text
    is not split for them: an item may hold a comma itself (``Washington, D.C.``)."""
    what = "a list question's answer is a list of items"
    if node.__class__ is not Scalar or node.is_null or not node.value.strip():
        return f"{what}, e.g. answer: [Mongolia, North Korea]"
    parts = [p.strip() for p in _SEPARATORS.split(node.value) if p.strip()]
    return f"{what}, not one text: write each item apart, e.g. answer: [{', '.join(parts)}]"


def accepted_clash(built: Answer, key: str) -> str | None:
    """A ``wrong:`` key of a text or list question that is one of its accepted forms."""
    target = normalise(key)
    for item in built.items:
        if any(normalise(form) == target for form in item.forms):
            return f"which is also accepted (as '{item.text}')"
    return None


def number_clash(built: Answer, key: str) -> str | None:
    """A ``wrong:`` key of a number question that is within the tolerance."""
    if built.number is None:
        return None
    value = parse_number(key, built.number.unit)
    if value is not None and built.number.accepts(value):
        return "which counts as right (within the tolerance)"
    return None


def truth_clash(built: Answer, key: str) -> str | None:
    """A ``wrong:`` key of a true/false question that is its right answer."""
    return "which is the right answer" if truth_of(key) is built.truth else None
