"""What the tutor says about one answer. Plain text, kind, and never the answer on a wrong try.

Only ``typo`` feedback shows a right spelling (the student has earned the credit already). Lists
and multi name what the student got right and the extras that are wrong (the student's own
words), but count what is missing rather than naming it.
"""

from __future__ import annotations

from collections.abc import Sequence

EMPTY = "Type an answer first."
TOO_LONG = "That is far too long for an answer. Give a short one, please."
NO_CONTENT = "That doesn't look like an answer. Try words or numbers."
CORRECT = "Correct."
DONT_KNOW = "That's all right. Have a guess, or ask for a hint."
NEGATED = "Tell me what the answer is, rather than what it is not."
HEDGED = "Pick one answer. Hedging between several can't earn credit."
HEDGED_LIST = "Name the items plainly. An \u201cor\u201d or a \u201cmaybe\u201d hedges, and can't earn credit."
PADDED = "Give just one answer. Naming several can't earn credit."
ONLY_ANSWER = "Give only the answer, with nothing added to it."
WRONG = "That's not it."
CLOSE_SPELLING = "Close, but not quite. Check the spelling."
CLOSE_AMBIGUOUS = "Close, but that could be something else too. Check the spelling."
CLOSE_PART = "That's part of it. Can you give the full answer?"
CLOSE_MORE = (
    "The right answer is in there, with words I can't place. Give just the answer, in fewer"
    " words: this try doesn't count."
)
NEED_NUMBER = "I need a number for this one."
ONE_NUMBER = "Give one number. More than one is a hedge."
CLOSE_SCALE = "Close: the digits look right, but check the scale (thousand, million...)."
CLOSE_PERCENT = "Close: check how you wrote the percentage."
NEED_TRUTH = "Answer true or false."
TRUTH_HEDGE = "Choose one: true or false."
CHOICE_AMBIGUOUS = "The letter and the text name different options. Pick one."
CHOICE_SEVERAL = "Pick just one option."
CHOICE_SHARED = "That fits more than one option. Give its letter, or more of its text."
CHOICE_UNKNOWN = "Answer with the letter of an option (or its text)."


def quoted(text: str) -> str:
    return f"\u201c{text}\u201d"


def join(names: Sequence[str]) -> str:
    names = list(names)
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def spelling(forms: Sequence[str]) -> str:
    if len(forms) == 1:
        return f"Accepted \u2014 the spelling is {forms[0]}."
    return f"Accepted \u2014 the spellings are {join(forms)}."


def not_it(text: str) -> str:
    return f"{quoted(text)} is not it."


def other_unit(word: str) -> str:
    return f"Check what the question counts: it is not asking about {word}."


def unit_wanted(unit: str, said: str) -> str:
    """A number in another unit: which unit the question wants (no try used)."""
    return f"This question wants the answer in {unit}, not {said}. Give it in {unit}."


def unit_counted(unit: str) -> str:
    return f"This question counts {unit}: give the number of {unit}, without a unit of measure."


def number_wrong(text: str) -> str:
    return f"{text} is not it."


def accepted_figure(answer: str) -> str:
    return f"Accepted \u2014 the exact figure is {answer}."


def took_as(letter: str, option: str) -> str:
    """An option read from the student's own words: say which one was taken."""
    return f"I took that as {letter}: {option}."


def which_option(options: Sequence[str]) -> str:
    """Two options as close as each other: ask, at no cost."""
    listed = ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else join(options)
    return f"That could be {listed}. Which one do you mean? Give its letter."


def too_many_options(n: int) -> str:
    last = chr(ord("A") + n - 1)
    return f"There are only options A to {last}."


def count_phrase(n: int, what: str = "item") -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def list_feedback(
    found: Sequence[str],
    missing: int,
    extra: Sequence[str],
    replies: Sequence[str],
    typos: Sequence[str],
    what: str = "item",
) -> str:
    """``Mongolia is right; "South Korea" is not one of them. 1 more item is missing.``"""
    parts: list[str] = []
    if found:
        verb = "is" if len(found) == 1 else "are"
        parts.append(_sentence(f"{join(found)} {verb} right."))
    if extra:
        qs = [quoted(e) for e in extra]
        verb = "is not one of them" if len(extra) == 1 else "are not among them"
        parts.append(f"{join(qs)} {verb}.")
    if missing:
        noun = what if missing == 1 else what + "s"
        if found:
            verb = "is" if missing == 1 else "are"
            parts.append(f"{missing} more {noun} {verb} missing.")
        elif missing > 1:
            parts.append(f"You have none of the {missing} {noun} yet.")
    if typos:
        parts.append(f"(Spelling: {join(typos)}.)")
    parts.extend(replies)
    return " ".join(parts) if parts else WRONG


def _sentence(text: str) -> str:
    """A sentence that starts with a lesson's lower-case item ("nuclear umbrella is right.")
    starts with a capital, as a sentence should."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text
