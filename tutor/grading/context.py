"""An answer with context added: ``Paris, France``, ``Urumqi in Xinjiang``, ``Astana (now
Nur-Sultan)``.

The right answer first, then words that name the place around it (``gazetteer.within``, or a
glossary entry of the course that locates it: "Urumqi: capital of Xinjiang", or the place the
question itself puts the answer in: ``Lake Baikal in Siberia`` for "Which lake in Siberia ...",
``Louis XVI of France`` for "Which king of France ..."), or another name of the answer itself
(``now Nur-Sultan``), is the right answer: the student added context. Anything
else added (``Paris, Germany``, ``Russia, China``) is still refused, and padded lists (``China
and Russia and USA``) are not context at all: only a comma, brackets or a leading ``in`` /
``now`` / ``formerly`` join context to an answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from tutor.grading import world
from tutor.grading.matching import Matcher
from tutor.grading.normalise import words
from tutor.grading.ownwords import acronym_of
from tutor.grading.prepared import Hit, Match, Prepared
from tutor.grading.textmatch import key, key_from_words, typo_distance

# words that lead context in: "in Xinjiang", "now Nur-Sultan", "formerly Akmola", "aka ..."
_LEADS = frozenset(
    {"in", "now", "formerly", "previously", "later", "today", "aka", "ie", "renamed", "then"}
)
_LEADS_AFTER_ANSWER = frozenset({"in", "now", "formerly", "previously", "aka", "renamed", "of"})


def is_context(m: Matcher, prep: Prepared, ws: Sequence[str]) -> bool:
    """Whether ``ws`` (what follows a right answer) names the place around it or another name
    of the answer (``France``, ``now Nur-Sultan``, ``in Xinjiang, China``)."""
    ws = list(ws)
    led = bool(ws) and ws[0] in ("in", "of")
    while ws and ws[0] in _LEADS | {"of"}:
        ws = ws[1:]
    if not ws:
        return False
    if len(ws) == 1 and any(acronym_of(ws[0], f.key.words) for f in prep.forms):
        return True  # "Eurasian Economic Union (EAEU)": the answer and its abbreviation
    k = key_from_words(" ".join(ws), ws)
    if any(typo_distance(k, r) is not None for r in prep.related):
        return True
    # a city and its country ("Paris, France"), from GeoNames: read only when context is given
    countries = {world.country_of(f.key.squashed) for f in prep.forms} - {""}
    if any(typo_distance(k, key(c)) is not None for c in countries):
        return True
    if led and k.squashed in _places_asked(prep.ask):
        return True  # "Baikal in Siberia" for "Which lake in Siberia ...?"
    hit = m.match(prep, k, prep.forms)
    return hit.kind is Match.FORM


def _places_asked(ask: str) -> set[str]:
    """The places the question puts its answer in (squashed): after "in" or "of" ("Which lake in
    Siberia", "Which king of France"), or as an adjective ("Which English king": England). Not
    a place the question names otherwise ("after leaving France")."""
    from tutor.grading import wordforms as wf
    from tutor.grading.ownwords import is_country_or_region, world_places

    ws = words(ask)
    out: set[str] = set()
    for i, w in enumerate(ws):
        if w in ("in", "of"):
            for n in (3, 2, 1):
                name = "".join(ws[i + 1 : i + 1 + n])
                if i + n < len(ws) and is_country_or_region(name):
                    out.add(name)
                    break
        elif w.isalpha() and len(w) > 3:
            place = wf.place_of(w, world_places())
            if place is not None and "".join(place) != w:
                out.add("".join(place))
    return out


def answer_with_context(m: Matcher, prep: Prepared, ws: Sequence[str]) -> Hit | None:
    """``Urumqi in Xinjiang``, ``Astana now Nur-Sultan``: a form, a word that leads context in,
    then context (see ``is_context``). The form's hit, or None."""
    for i in range(1, len(ws) - 1):
        if ws[i] not in _LEADS_AFTER_ANSWER:
            continue
        head = list(ws[:i])
        hit = m.match(prep, key_from_words(" ".join(head), head), prep.forms)
        if hit.kind is Match.FORM and is_context(m, prep, ws[i:]):
            return hit
    return None
