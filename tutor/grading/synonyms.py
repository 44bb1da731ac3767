"""Words that count as the same in answers: the defaults, the course's and each lesson's.

An instructor declares them under ``synonyms:`` (``nations: [countries, states]``; see
``tutor.loader.synonyms``). The defaults below are ordinary English generic words only, never
names: a name that means the same as another (``USA`` / ``United States``) is the gazetteer's or
the lesson's ``accept``. A question's table is the defaults, then the course's, then its lesson's
(a later entry for the same word wins). Grading applies the table to the typed answer and to
every form, option and ``wrong:`` entry alike (``ownwords``), so a synonym never turns a wrong
answer right by itself: both sides are read the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tutor.grading.normalise import words
from tutor.grading.wordforms import phrase_map
from tutor.model import Synonym

# word: the words that mean the same in an answer (each line one group)
DEFAULTS = """
country: nation
plane: aircraft, airplane, aeroplane
truck: lorry
car: automobile
ship: vessel
big: large
small: little
begin: start
gift: present
buy: purchase
help: aid, assistance
agreement: accord
"""


def default_groups() -> list[list[str]]:
    out = []
    for line in DEFAULTS.strip().splitlines():
        word, _, others = line.partition(":")
        out.append([word.strip(), *(o.strip() for o in others.split(",") if o.strip())])
    return out


Table = dict[tuple[str, ...], tuple[str, ...]]


def table(*layers: Iterable[Synonym]) -> Table:
    """The phrase table of the defaults and then each layer (course, lesson) of synonyms."""
    groups: list[Sequence[str]] = list(default_groups())
    for layer in layers:
        groups += [[s.word, *s.others] for s in layer]
    return phrase_map([words(t) for t in g] for g in groups)
