"""Grading: typo-tolerant, explainable answer checking that never credits a wrong answer.

Public API
----------
- ``Grader(course=None)`` indexes every answer, accepted form, ``wrong:`` entry, option and
  glossary term (and the glossary's short expansions) of the course as *competitors*, beside a
  built-in list of countries, places and organisations (``gazetteer``). A course competitor as
  close to the typed text as the answer refuses a typo; a built-in name refuses it only when it is
  strictly closer or typed exactly (so ``Chine`` is a typo of ``China`` unless ``Chile`` is in the
  course). A glossary term and its expansion (``SCO`` / ``Shanghai Cooperation Organisation``)
  count as the same answer, and so do an abbreviation and its expansion or official name
  (``gazetteer.same_names``: ``USA`` / ``United States``, ``RF`` / ``Russia``), for answers and
  options alike, except when the question shows one of those names itself (``What does EAEU
  stand for?`` is answered neither by ``EAEU`` nor by ``EEU``). So do a place or body and its
  Russian or Kazakh name
  (``gazetteer.equivalents``: ``Россия`` for ``Russia``, ``ШОС`` for ``SCO``) when the answer is
  typed in Cyrillic. Spellings the course accepts for the same name in other questions
  (``Tadjikistan``) never refuse a typo of it. ``Grader.grade(question, text) -> Grade`` never
  raises.
- ``grade(question, text)``: the same without a course (built-in competitors only).
- ``Grade`` and ``Verdict`` (``tutor.grading.result``).
- ``normalise(text) -> str``: NFKC, control characters dropped, Cyrillic look-alike letters inside
  a Latin token made Latin (``С5+1`` typed with a Cyrillic ``С``; a wholly Cyrillic word is left
  alone), transliterated to ASCII, casefolded,
  punctuation and hyphens to spaces (a minus sign before a digit to ``minus``: ``x = -4`` is not
  ``x = 4``), ``&`` to ``and``, leading filler (``the``, ``I think it's``)
  removed. Stable.
- ``parse_number(text) -> float | None``: the value when ``text`` holds exactly one number, in any
  form the grader understands (``18 million``, ``18m``, ``1,5``, ``ninth``, ``$3.2M``). Stable.
- ``confusable(a, b) -> bool``: whether the grader could take one text for the other (equal once
  normalised, or within the typo budget of each other). For the loader's warning when an
  accepted form is as close to a ``wrong:`` entry or an option as to the answer.
  ``similarity(a, b) -> int`` is the raw edit distance between the normalised forms.

Verdicts
--------
``correct`` (full credit, exactly or an accepted form); ``typo`` (full credit, the feedback shows
the spelling); ``partial`` (lists and multi); ``misconception`` (a ``wrong:`` entry or a typo of
one: its own reply); ``close`` (no credit, invite another try without giving the answer away);
``wrong``; ``invalid`` (empty, too long, not an answer: not counted as a try).

Rules
-----
Text
    Exact match of a normalised form -> correct. A ``wrong:`` entry (or a typo of one) ->
    misconception. Negated (``not Russia``) -> wrong; hedged (``Russia or China``, ``maybe
    Russia``, ``Russia/China``) -> wrong; padded (``China and Russia and USA``, ``Russia,
    China``) -> wrong, unless every piece is a form of the answer (``Russia (Russian
    Federation)``, ``Astana (now Nur-Sultan)``) or, after the answer, names the place around it
    (``Paris, France``, ``Urumqi in Xinjiang``: ``gazetteer.within``, or a glossary entry that
    locates the answer, or the place the question puts it in: ``Louis XVI of France`` for
    "Which king of France ...?"); the answer and one other thing (``Paris, Germany``) -> wrong, "give only
    the answer"; the answer plus unknown words (``Russia, because of its army``) -> close, at
    no cost (``Grade.free``: no try used).
    The answer in other words (``ownwords``: carrier words and echoes of the question, generic
    heads of the same kind, titles, a surname alone or with middle names, a name with its
    abbreviation, plurals, possessives, demonyms, ordinals, dates in figures, synonyms of the
    lesson, the course and ``synonyms.DEFAULTS``) -> correct, for forms and ``wrong:`` entries
    alike. A typed word that is itself another thing is never a slip: a GeoNames place
    (``world``), a common English word (``golf``), another roman numeral, a feminine or
    patronymic surname (``Tokayeva``).
    A typo (see ``textmatch``: digits exact, first letter the same, no month or weekday swapped
    for another (``14 June`` is not ``14 July``), 0/1/2/3 edits
    for up to 3/7/14/more letters, per word when the word counts agree) -> typo, unless a
    competitor is as close or closer: then ``close`` (or ``wrong`` when the text *is* that
    competitor, e.g. ``Iraq`` for ``Iran``). Close also covers: part of a multi-word answer
    (``Tokayev`` for ``Kassym-Jomart Tokayev`` when it is not an accepted form), and one edit more
    than the budget. A name typed in another order (``Tokayev Kassym-Jomart``: the same words,
    each within its budget) or with initials for its given names (``K. Tokayev``, ``Tokayev
    K.``) -> typo (``names``); the surname with another given name or initial (``Nursultan
    Tokayev``, ``N. Tokayev``) -> wrong. ``I don't know`` -> wrong, kindly.
Number
    Every number in the text is found (``number_reader``). None -> invalid (``I need a number``) unless
    it is a ``wrong:`` entry. Several different ones -> wrong (hedge). One -> compared with the
    tolerance (``NumberSpec.accepts``); a unit with a scale word (``million``) accepts both
    ``18`` and ``18 million``. A ``wrong:`` entry of the same value -> misconception. Right digits
    at the wrong scale (``18`` for 18,000,000) -> close. The right value of what another
    question of the course counts (``30 planes`` when this one counts trucks) -> close.
    A unit named after the number must be the lesson's or convert to it within the tolerance
    (``units``: ``8.849 km`` for 8849 m, ``2.3 kW`` for 2300 W; lengths, areas, volumes, speeds,
    temperatures, masses, times, volts, amperes, ohms (``Ω``), watts, joules, hertz, newtons,
    pascals, currencies); another -> invalid, "give it in km²" (no try used). A number of
    ``pairs`` counts two each when the question counts single things (``23 pairs`` = 46).
    ``twelvefold``, ``x12``, ``a dozen`` are numbers. Otherwise wrong. Dates are fine (``February 2020``, ``04.05.2021``, ``2015-01-01``), ``in
    1991`` is fine, ``one and a half`` is 1.5, working before ``=`` is ignored (``30+30+8=68``),
    words around the number are ignored. Scientific notation (``6.02e23``, ``6.02 x 10^23``,
    ``6.02 × 10²³``) and fractions (``1/2``, ``½``, ``a half``, ``three quarters``) are one number;
    digits attached to a letter are part of a unit or formula, not a number (``m/s2``, ``ms-2``,
    ``CO2``), and a unit starting with ``m`` (``m/s²``) makes ``m`` metres, not million.
List
    Items in any order, separated by ``,`` ``;`` ``/`` ``and`` ``&``, a ``+`` between words,
    line breaks or numbering (``1. Mongolia 2. North Korea``); names with
    ``and`` in them (``Belt and Road Initiative``) stay whole when they are a known form; items
    typed without separators (``Mongolia North Korea``) are split on known names. Each piece is
    matched like a text answer against all items (two items equally close: neither). Credit = (items found, at most
    ``need``, minus half an item per wrong extra) / ``need``. All found and no extras -> correct
    (typo if any was misspelled); nothing found -> wrong (misconception if an extra was a
    ``wrong:`` entry; close if an extra was nearly an item); else partial. Feedback names the
    found items and the wrong extras, and *counts* the missing ones. Hedge words -> wrong.
Choice
    A letter (``b``, ``B``, ``(b)``, ``b)``, ``b.``, ``option b``), an option number 1-based
    (``2``; only when no option is itself a number), a position in words (``the second one``,
    ``option two``, ``the last``; only when no option is a number or uses those words), the
    option text with typos, or words (typos allowed) that only one option's text has
    (``gift`` for ``A gift from China``; at least one word of 3 letters or digits; words
    several options share -> invalid, no try used), or the option's meaning in other words
    (``optionwords``: the option that takes clearly more of the answer's words; the feedback says
    "I took that as B: ..."; two options as close -> invalid, asked which). A letter
    and a text naming different options -> invalid (``a`` before a text is read as an article).
    A letter beyond the options, or text that names no option -> invalid (no try used). Another
    option -> wrong, or misconception when it has a ``wrong:`` entry. Several pieces naming
    several options -> wrong.
Multi
    Letters (``A, C``, ``ca``, ``a and c``, ``C,A``), numbers, or option texts, mixed freely,
    with or without separators (``rubber glass plastic``: split on the options' texts).
    Credit = (right picks - wrong picks - half an unknown piece) / right options, at least 0;
    exactly the right set -> correct; some credit -> partial; none -> wrong; nothing that names
    an option -> invalid.
Truefalse
    ``true/false/t/f/yes/no/y/n/correct/incorrect/right/wrong`` in any case with punctuation and
    filler (``it's true``), a slip of ``true``, ``false``, ``correct`` or ``incorrect`` within the
    typo budget that is no ordinary word (``ture``, ``flase``; not ``tree``), and the question's
    verb echoed after the value (``yes it does``, ``no they don't``; ``yes it doesn't`` says
    both). One ``not`` flips: ``not true`` is *false* (``not false`` is true).
    Both values or a hedge (``maybe true``, ``true or false``) -> invalid (pick one). A value,
    punctuation, then a reason that names no other value (``No, it is landlocked``; or
    ``true``/``false`` itself without punctuation and a reason with no negation: ``false it's
    fresh``, never ``no idea``) -> the value.
    Russian and Kazakh (``да``, ``нет``, ``неверно``) and French/German/Spanish words count.
    Anything else -> invalid (answer true or false).
Invalid
    Empty, white space, control characters or punctuation only, more than 1,000 characters or
    120 words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# ``normalise`` is also a submodule's name: importing the submodule anywhere would replace a lazy
# attribute with the module, so the function is bound here (the module is light: anyascii only).
from tutor.grading.normalise import normalise
from tutor.grading.result import Grade, Verdict

if TYPE_CHECKING:
    from tutor.grading.grader import Grader

__all__ = [
    "Grade",
    "Grader",
    "Verdict",
    "confusable",
    "find_numbers",
    "grade",
    "normalise",
    "parse_number",
    "similarity",
]

# The rest is imported on first use: the loader needs only the normaliser and the number reader,
# and loading the whole matcher (rapidfuzz's process module, the gazetteer) for them slowed the
# start of every command.
_LAZY = {
    "Grader": "tutor.grading.grader",
    "find_numbers": "tutor.grading.number_reader",
    "parse_number": "tutor.grading.number_reader",
    "confusable": "tutor.grading.textmatch",
    "similarity": "tutor.grading.textmatch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tutor.grading' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


_default: Grader | None = None


def grade(question, text: str) -> Grade:
    """Grade without a course: only the built-in competitors are known."""
    global _default
    if _default is None:
        from tutor.grading.grader import Grader

        _default = Grader()
    return _default.grade(question, text)
