"""The answer part of a question, one reader per type: what the student must give, and how."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tutor.loader import fields as f
from tutor.loader.normal import simple_normalise
from tutor.loader.numbers import answer_number, parse_tolerance
from tutor.loader.problems import Report
from tutor.loader.safeyaml import Map, Node, Scalar, Seq
from tutor.model import Item, NumberSpec, QuestionType

MAX_OPTIONS = 26
TRUE_WORDS = {"true": True, "yes": True, "false": False, "no": False}
_LETTER = re.compile(r"([A-Za-z])[).]?")


@dataclass(slots=True)
class Answer:
    """What the reader of one type produced: the display answer and the type's own fields."""

    answer: str
    items: tuple[Item, ...] = ()
    options: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()
    number: NumberSpec | None = None
    truth: bool | None = None
    need: int | None = None


def letter(index: int) -> str:
    return chr(ord("A") + index)


def truth_of(value: str) -> bool | None:
    return TRUE_WORDS.get(value.strip().casefold())


def resolve_option(options: tuple[str, ...], value: str) -> int | None:
    """The index of the option named by its text (any case) or its letter, else None."""
    for index, option in enumerate(options):
        if option == value:
            return index
    folded = value.casefold()
    for index, option in enumerate(options):
        if option.casefold() == folded:
            return index
    match = _LETTER.fullmatch(value)
    if match:
        index = ord(match[1].upper()) - ord("A")
        if index < len(options):
            return index
    return None


def _option_error(report: Report, node: Node, value: str, options: tuple[str, ...]) -> None:
    if _LETTER.fullmatch(value):
        report.error(
            node,
            f"'answer' '{value}' is not an option letter: there are {len(options)} options,"
            f" A to {letter(len(options) - 1)}",
        )
    else:
        report.error(
            node,
            f"'answer' '{value}' is not one of the options{f.did_you_mean(value, options)};"
            " give an option's text or its letter",
        )


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
        report.error(
            node, "a list question's answer is a list of items, e.g. answer: [Mongolia, North Korea]"
        )
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
            for key, (knode, vnode) in anode.pairs.items():
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
                aliases[target] = f.texts(report, vnode, f"'accept' for '{target}'")
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


def _options(report: Report, pairs: dict, label: str, qtype: str) -> tuple[str, ...] | None:
    if "options" not in pairs:
        where = pairs["type"][0] if "type" in pairs else pairs["answer"][0]
        report.error(where, f"{label} is a {qtype} question but has no 'options'")
        return None
    node = pairs["options"][1]
    if node.__class__ is not Seq:
        report.error(node, f"'options' must be a list, not {f.kind_of(node)}")
        return None
    entries = f.texts(report, node, "'options'")
    if len(entries) != len(node.items):
        return None
    if len(entries) < 2:
        report.error(node, f"a {qtype} question needs at least 2 options")
        return None
    if len(entries) > MAX_OPTIONS:
        report.error(node, f"at most {MAX_OPTIONS} options (A to Z), not {len(entries)}")
        return None
    seen: set[str] = set()
    for value, vnode in entries:
        if value.casefold() in seen:
            report.error(vnode, f"option '{value}' is listed twice")
            return None
        seen.add(value.casefold())
    return tuple(v for v, _ in entries)


def read_choice(report: Report, pairs: dict, label: str) -> Answer | None:
    options = _options(report, pairs, label, "choice")
    node = pairs["answer"][1]
    if node.__class__ is Seq:
        report.error(node, "a choice question has one answer: for several, use 'type: multi'")
        return None
    value = f.text(report, node, "'answer'")
    if options is None or value is None:
        return None
    index = resolve_option(options, value)
    if index is None:
        _option_error(report, node, value, options)
        return None
    return Answer(f"{letter(index)}) {options[index]}", options=options, correct=(index,))


def read_multi(report: Report, pairs: dict, label: str) -> Answer | None:
    options = _options(report, pairs, label, "multi")
    node = pairs["answer"][1]
    entries = f.texts(report, node, "'answer'")
    if options is None or not entries:
        return None
    correct: list[int] = []
    for value, vnode in entries:
        index = resolve_option(options, value)
        if index is None:
            _option_error(report, vnode, value, options)
        elif index in correct:
            report.error(vnode, f"'answer' names option {letter(index)} twice")
        else:
            correct.append(index)
    if len(correct) != len(entries):
        return None
    correct.sort()
    shown = ", ".join(f"{letter(i)}) {options[i]}" for i in correct)
    return Answer(shown, options=options, correct=tuple(correct))


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
    tolerance, relative = 0.0, False
    if "tolerance" in pairs:
        tnode = pairs["tolerance"][1]
        raw = f.text(report, tnode, "'tolerance'")
        parsed = parse_tolerance(raw) if raw is not None else None
        if raw is not None and parsed is None:
            report.error(
                tnode,
                f"'tolerance' '{raw}' is not a number: write an amount like 0.5 or 1000,"
                " or a percentage like 5%",
            )
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
    if truth is None:
        report.error(node, f"a true/false answer is true or false (or yes or no), not '{answer}'")
        return None
    return Answer("True" if truth else "False", truth=truth)


READERS = {
    QuestionType.TEXT: read_text,
    QuestionType.LIST: read_list,
    QuestionType.CHOICE: read_choice,
    QuestionType.MULTI: read_multi,
    QuestionType.NUMBER: read_number,
    QuestionType.TRUEFALSE: read_truefalse,
}
