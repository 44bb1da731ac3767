"""Choice and multi questions: the options, and answers and ``wrong:`` keys that name them.

An option is named by its text (any case, any spacing), its letter (``B``, ``b``, ``B)``) or both
as students see it (``B) Economic networks``); a multi answer may also be one text listing
letters or options with commas (``A, C``), since every part must then name an option.
"""

from __future__ import annotations

import re

from tutor.loader import fields as f
from tutor.loader.answers import Answer
from tutor.loader.problems import Report
from tutor.loader.safeyaml import Map, Node, Seq

MAX_OPTIONS = 26
_LETTER = re.compile(r"\(?([A-Za-z])[).:]?")
_JOINED = re.compile(r",|;|\s+and\s+|\s*&\s*|\s+\+\s+", re.IGNORECASE)
_LETTERED = re.compile(r"\(?([A-Za-z])[).:]\s+(\S.*)")


def letter(index: int) -> str:
    return chr(ord("A") + index)


def same_text(text: str) -> str:
    """The form two option texts are compared in: any case, any spacing."""
    return " ".join(text.split()).casefold()


def _by_text(options: tuple[str, ...], value: str) -> int | None:
    for index, option in enumerate(options):
        if option == value:
            return index
    wanted = same_text(value)
    for index, option in enumerate(options):
        if same_text(option) == wanted:
            return index
    return None


def _by_letter(options: tuple[str, ...], value: str) -> int | None:
    match = _LETTER.fullmatch(value.strip())
    if match:
        index = ord(match[1].upper()) - ord("A")
        if index < len(options):
            return index
    return None


def resolve_option(options: tuple[str, ...], value: str) -> int | None:
    """The index of the option named by ``value`` (text, letter, or ``B) text``), else None."""
    index = _by_text(options, value)
    if index is not None:
        return index
    index = _by_letter(options, value)
    if index is not None:
        return index
    match = _LETTERED.fullmatch(value.strip())
    if match:
        index = _by_letter(options, match[1])
        if index is not None and _by_text(options, match[2]) == index:
            return index
    return None


def option_error(report: Report, node: Node, value: str, options: tuple[str, ...], what: str) -> None:
    """Why ``value`` names no option, in words that say what to write instead."""
    last = letter(len(options) - 1)
    lettered = _LETTERED.fullmatch(value.strip())
    if _LETTER.fullmatch(value.strip()):
        message = f"'{value}' is not an option letter: there are {len(options)} options, A to {last}"
    elif value.strip().isdigit() and 1 <= int(value) <= len(options):
        n = int(value)
        message = (
            f"'{value}' is not one of the options: to name option {n} by its place, write its"
            f" letter, {letter(n - 1)}"
        )
    elif lettered and _by_text(options, lettered[2]) is not None:
        index = _by_text(options, lettered[2])
        message = (
            f"'{value}' gives the text of option {letter(index)}, not of {lettered[1].upper()}:"  # type: ignore[arg-type]
            f" write {letter(index)} or the text alone"  # type: ignore[arg-type]
        )
    else:
        message = (
            f"'{value}' is not one of the options{f.did_you_mean(value, options)};"
            " give an option's text or its letter"
        )
    report.error(node, f"{what} {message}")


def read_options(report: Report, pairs: dict, label: str, qtype: str) -> tuple[str, ...] | None:
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
        if same_text(value) in seen:
            report.error(vnode, f"option '{value}' is listed twice")
            return None
        seen.add(same_text(value))
    return tuple(v for v, _ in entries)


def read_option_accept(
    report: Report, pairs: dict, options: tuple[str, ...]
) -> tuple[tuple[str, ...], ...] | None:
    """``accept: {Nur-Sultan: [Nursultan]}``: other spellings of an option's text, keyed by the
    option's text or letter; ``()`` without the key, None after an error."""
    if "accept" not in pairs:
        return ()
    node = pairs["accept"][1]
    if node.__class__ is not Map:
        report.error(
            node,
            "'accept' of a choice or multi question maps an option to its other spellings,"
            f" e.g. accept: {{{options[0]}: [...]}}",
        )
        return None
    found: list[list[str]] = [[] for _ in options]
    taken = {same_text(o): i for i, o in enumerate(options)}
    ok = True
    for name, (knode, vnode) in node.pairs.items():
        index = resolve_option(options, name)
        if index is None:
            option_error(report, knode, name, options, "'accept' key")
            ok = False
            continue
        for value, n in f.texts(report, vnode, f"'accept' for '{options[index]}'"):
            other = taken.get(same_text(value))
            if other is not None and other != index:
                report.error(n, f"'{value}' is the text of option {letter(other)}, not another"
                             f" spelling of option {letter(index)}")  # fmt: skip
                ok = False
            elif other is None:
                taken[same_text(value)] = index
                found[index].append(value)
    return tuple(tuple(forms) for forms in found) if ok else None


def read_choice(report: Report, pairs: dict, label: str) -> Answer | None:
    options = read_options(report, pairs, label, "choice")
    node = pairs["answer"][1]
    if node.__class__ is Seq:
        report.error(node, "a choice question has one answer: for several, use 'type: multi'")
        return None
    value = f.text(report, node, "'answer'")
    if options is None or value is None:
        return None
    index = resolve_option(options, value)
    accept = read_option_accept(report, pairs, options)
    if index is None:
        option_error(report, node, value, options, "'answer'")
        return None
    if accept is None:
        return None
    return Answer(
        f"{letter(index)}) {options[index]}", options=options, option_accept=accept, correct=(index,)
    )


def _multi_entries(node: Node, entries: list, options: tuple[str, ...]) -> list:
    """``answer: A, C`` (one text) -> the entries ``A`` and ``C``, unless the whole text is an
    option (``Washington, D.C.``) or no part of it is."""
    if node.__class__ is Seq or len(entries) != 1:
        return entries
    value, vnode = entries[0]
    if "," not in value or resolve_option(options, value) is not None:
        return entries
    parts = [p.strip() for p in value.split(",")]
    if all(parts) and any(resolve_option(options, p) is not None for p in parts):
        return [(p, vnode) for p in parts]
    return entries


def read_multi(report: Report, pairs: dict, label: str) -> Answer | None:
    options = read_options(report, pairs, label, "multi")
    node = pairs["answer"][1]
    entries = f.texts(report, node, "'answer'")
    if options is None or not entries:
        return None
    entries = _multi_entries(node, entries, options)
    correct: list[int] = []
    for value, vnode in entries:
        index = resolve_option(options, value)
        parts = [p.strip() for p in _JOINED.split(value) if p.strip()]
        if index is None and len(parts) > 1 and all(
            resolve_option(options, p) is not None for p in parts
        ):
            report.error(
                vnode,
                f"'answer' '{value}' is one text: write each option apart,"
                f" e.g. answer: [{', '.join(parts)}]",
            )
        elif index is None:
            option_error(report, vnode, value, options, "'answer'")
        elif index in correct:
            report.error(vnode, f"'answer' names option {letter(index)} twice")
        else:
            correct.append(index)
    accept = read_option_accept(report, pairs, options)
    if len(correct) != len(entries) or accept is None:
        return None
    correct.sort()
    shown = ", ".join(f"{letter(i)}) {options[i]}" for i in correct)
    return Answer(shown, options=options, option_accept=accept, correct=tuple(correct))
