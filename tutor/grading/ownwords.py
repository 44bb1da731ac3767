"""Answers in the student's own words: the same answer wrapped, inflected or renamed.

A typed piece and each form (and each ``wrong:`` entry) are reduced to their *core*: the words
left once every word is put in a standard form (``wordforms``: plurals and possessives,
demonyms, months, decades, synonyms) and the words that add no competing meaning are set
aside. The piece names the form when the cores are equal (word order aside for short cores) and
nothing set aside from the form is missing without reason. The rule that reads the piece is
named after what was set aside:

- ``carrier-words``: articles, prepositions, pronouns and helper verbs (``into the Caspian``,
  ``the Caspian one``, ``it is landlocked``), and words that echo the question (``Russia leads
  it`` for "Which power leads the Eurasian Economic Union?");
- ``generic-head``: a generic word added or dropped (``Volga river``, ``Republic of
  Tajikistan``, ``the Astana format``); dropped from the form only when the rest is a specific
  name (``Caspian`` for ``Caspian Sea``, never ``Secretary`` for ``Secretary of State``) or the
  question says it ("Into which sea ..."). A *different* generic word is a different thing:
  ``Ural river`` is not ``Ural Mountains``.
- ``title``: a title before a name (``President Tokayev``, ``Capt. Ahab``);
- ``abbreviation``: a name with its abbreviation (``NATO - North Atlantic Treaty
  Organization``);
- ``forms-combined``: a form whole with words of the same answer's other forms around it
  (``USSR - Soviet Union``, ``large permanent vacuole`` for ``permanent vacuole`` when ``large
  vacuole`` is accepted too);
- ``question-words``: a form's words that the question says left out (``membrane`` for ``cell
  membrane`` when the question asks "Which part of the cell ..."), when something is left;
- ``word-form``: a plural, possessive, demonym or adjective (``sanctions``, ``China's``,
  ``Chinese``, ``Western nations``), a month abbreviation (``Feb 2020``), a decade (``the
  twenties``), a process as a verb (``it evaporates`` for ``evaporation``:
  ``wordforms.same_process``), or a synonym the lesson, the course or the defaults declare.

Hedges, negations and ``and`` are never set aside: ``not the Caspian`` and ``the Caspian and the
Black Sea`` are not read here.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Callable, Mapping, Sequence

from tutor.grading import wordforms as wf
from tutor.grading.names import TITLES, surname_alone, with_middle_names
from tutor.grading.normalise import AND, HEDGE_WORDS, NEGATION_WORDS, words
from tutor.grading.prepared import Form, Hit, Match, Prepared
from tutor.grading.textmatch import Key
from tutor.grading.world import PERSON_ZIPF, is_common_word, places
from tutor.model import Wrong
from tutor.values import value


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


CARRIERS = _set(
    """
    the a an to into in inside on onto at of from by with for as via
    it its is was are were be been being this that these those there here
    they them their he him his she her we our i my me you your
    has have had does did do
    called named known just simply basically actually definitely certainly former made
    measured symbol
    """
)
# only at the end: "the Caspian one", "the hot kind"
TRAILING = frozenset({"one", "ones", "kind", "sort", "type"})
# kinds of generic word: another word of the same kind is the same head (``the Ural range`` for
# ``Ural Mountains``, ``Canberra city`` for "the capital"), of another kind a different thing
_KINDS = [
    # not "people", "democratic", "federal", "socialist": the Republic of China is not the
    # People's Republic, the German Democratic Republic not the Federal Republic of Germany
    "region province republic state federation kingdom territory country nation autonomous area "
    "zone power government side islamic federative",
    "city town capital",
    "sea ocean",
    "lake",
    "river",
    "mountain range mount mt mts",
    "island peninsula",
    "desert",
    "format framework initiative organization alliance bloc forum group dialog program project "
    "sphere strategy approach",
    "resource reserve deposit",
    "treaty pact agreement",
    "element gas",
]
KIND = {w: i for i, line in enumerate(_KINDS) for w in line.split()}
GENERIC = frozenset(KIND)
_KEEP = HEDGE_WORDS | NEGATION_WORDS | {AND, "or"}


@value
class Reading:
    """A text reduced: its core words, the words set aside (and why), and all its words."""

    core: tuple[str, ...]
    generic: frozenset[str]  # generic words it has
    dropped: frozenset[str]  # words set aside (carriers, echoes, generic words, titles)
    words: frozenset[str]  # every word, in standard form
    rule: str  # what was set aside: the rule's name


@value
class Context:
    """What a question lends the reading of its answers."""

    echo: frozenset[str]  # words of the question that answers may repeat
    places: Mapping[str, tuple[str, ...]]  # squashed place name -> its words (demonyms)
    synonyms: Mapping[tuple[str, ...], tuple[str, ...]]
    longest: int  # the longest synonym phrase, in words
    decades: tuple[str, ...]  # the decades the question's texts name ("1920s")
    droppable: frozenset[str] = frozenset()  # echoes no form, option or entry has


def standard(ws: Sequence[str], ctx: Context) -> tuple[tuple[str, ...], bool]:
    """Each word in its standard form; whether any word changed (not counting plurals)."""
    out: list[str] = []
    changed = False
    for i, w in enumerate(ws):
        month = wf.MONTH_ABBREVIATIONS.get(w)
        number = wf.ordinal(w) or wf.roman(w, i > 0)
        if number is not None:
            out.append(number)
            changed = True
            continue
        decade = wf.decade(w, ctx.decades) if w[:1].isdigit() or w in wf._DECADE_WORDS else None
        if month is not None:
            out.append(month)
            changed = True
        elif decade is not None:
            out.append(decade)
            changed = changed or decade != w
        else:
            place = wf.place_of(w, ctx.places) if w.isalpha() and len(w) > 3 else None
            if place is not None and tuple(wf.lemma(x) for x in ws[i : i + len(place)]) == place:
                place = None  # "Soviet Union" itself, not "Soviet" for it
            if place is not None and "".join(place) != wf.lemma(w):
                out.extend(place)
                changed = True
            else:
                out.append(wf.lemma(w))
    replaced = wf.replace_phrases(out, ctx.synonyms, ctx.longest)
    return replaced, changed or replaced != tuple(out)


def read(ws: Sequence[str], ctx: Context, typed: bool) -> Reading | None:
    """The reading of ``ws`` (a typed piece when ``typed``, else a form). None when it holds a
    hedge, a negation or "and", or nothing is left."""
    ws = _its_own(ws, ctx)
    if set(ws) & _KEEP:
        return None
    words, changed = standard(ws, ctx)
    kept = list(words)
    dropped: set[str] = set()
    why: list[str] = []
    while kept and kept[-1] in TRAILING and len(kept) > 1:
        dropped.add(kept.pop())
        why.append("carrier-words")
    if typed:  # a title before a name: "President Tokayev", "Capt. Ahab"
        start = 0
        while start < len(kept) - 1 and (kept[start] in TITLES or kept[start] in CARRIERS):
            start += 1
        if any(w in TITLES for w in kept[:start]):
            why.append("title")
            dropped.update(kept[:start])
            kept = kept[start:]
    core: list[str] = []
    for w in kept:
        if w in CARRIERS:
            dropped.add(w)
            why.append("carrier-words")
        elif w in GENERIC:
            dropped.add(w)
            why.append("generic-head")
        elif typed and w in ctx.droppable:
            dropped.add(w)
            why.append("carrier-words")
        else:
            core.append(w)
    if not core:
        return None
    if changed:
        why.insert(0, "word-form")
    rule = why[0] if why else ""
    return Reading(
        tuple(core),
        frozenset(w for w in words if w in GENERIC),
        frozenset(dropped),
        frozenset(words),
        rule,
    )


def _its_own(ws: Sequence[str], ctx: Context) -> Sequence[str]:
    """``oil and its reserves``: what follows "and its" / "and their" that only names the
    answer's kind (generic words) adds no second answer; it is cut."""
    for i in range(1, len(ws) - 2):
        if ws[i] == AND and ws[i + 1] in ("its", "their"):
            rest, _ = standard(ws[i + 2 :], ctx)
            if all(w in GENERIC or w in CARRIERS for w in rest):
                return [*ws[:i], *ws[i + 2 :]]
    return ws


def abbreviated(typed: Sequence[str], form: Sequence[str]) -> bool:
    """``Eurasian Econ Union`` for ``Eurasian Economic Union``: the same words, one or two of
    them cut short (three letters or more, the start of the form's word), the rest exact."""
    if len(typed) != len(form) or len(form) < 2:
        return False
    cut = 0
    for t, f in zip(typed, form, strict=True):
        if t == f:
            continue
        if len(t) >= 3 and t.isalpha() and f.startswith(t) and len(f) > len(t) + 1:
            cut += 1
        else:
            return False
    return 0 < cut <= 2 and cut < len(form)


def names_same(
    typed: Reading, form: Reading, ctx: Context, specific: bool, kinds: frozenset[int]
) -> bool:
    """Whether ``typed`` reads as ``form``: equal cores (in any order when short), no generic
    word of another kind, and whatever the form set aside either typed too, echoed by the
    question, or a generic word beside a specific name (``specific``). ``kinds``: the kinds of
    generic word the form's item uses in any of its forms."""
    if typed.core != form.core and not (
        len(form.core) <= 3 and sorted(typed.core) == sorted(form.core)
    ) and not _same_processes(typed.core, form.core):
        return False
    if kinds and any(KIND[w] not in kinds and w not in ctx.echo for w in typed.generic):
        return False  # "Ural river" is not "Ural Mountains"
    for w in form.dropped:
        if w in typed.words or w in ctx.echo or w in CARRIERS or w in TRAILING:
            continue
        if w in GENERIC and specific:
            continue
        return False
    return True


def _same_processes(typed: Sequence[str], form: Sequence[str]) -> bool:
    """The same words but for a process named as a verb instead of a noun (``it evaporates`` for
    ``evaporation``)."""
    return len(typed) == len(form) and all(
        t == f or wf.same_process(t, f) for t, f in zip(typed, form, strict=True)
    )


def acronym_of(short: str, ws: Sequence[str]) -> bool:
    """Whether ``short`` abbreviates ``ws``: its letters are, in order, the start of each word
    (one to three letters each; ``of``, ``and``, ``the`` may be skipped): ``csto``, ``eaeu``
    (EurAsian Economic Union), ``ussr``."""
    content = [w for w in ws if w.isalpha()]
    if not 2 <= len(short) <= 8 or not short.isalpha() or len(content) < 2:
        return False

    def fits(i: int, j: int) -> bool:
        if i == len(short):
            return all(w in ("of", "and", "the", "for") for w in content[j:])
        if j == len(content):
            return False
        w = content[j]
        if w in ("of", "and", "the", "for") and fits(i, j + 1):
            return True
        return any(
            _abbreviates(short[i : i + n], w) and fits(i + n, j + 1)
            for n in range(1, min(3, len(w), len(short) - i) + 1)
        )

    return fits(0, 0)


def _abbreviates(chunk: str, w: str) -> bool:
    """``eur`` or ``ea`` for ``eurasian``: the word's first letter, then letters of it in order."""
    if not chunk or chunk[0] != w[0]:
        return False
    rest = iter(w[1:])
    return all(c in rest for c in chunk[1:])


def without_abbreviation(ws: Sequence[str]) -> list[tuple[str, ...]]:
    """``NATO north atlantic treaty organization`` (or the other way round): the name and the
    abbreviation, each alone, when the one abbreviates the other."""
    if len(ws) < 3:
        return []
    out: list[tuple[str, ...]] = []
    for short, rest in ((ws[0], ws[1:]), (ws[-1], ws[:-1])):
        if acronym_of(short, rest):
            out += [tuple(rest), (short,)]
    return out


class Reader:
    """One question's forms, ``wrong:`` entries and options read once (``read``), and the
    context its answers are read in. Made by ``reader(prep, known)`` on first use."""

    def __init__(self, prep: Prepared, known: Callable[[str], bool]) -> None:
        texts = [f.text for f in (*prep.forms, *prep.options)] + [w.text for _, w in prep.wrongs]
        # the question's own names over the world's (shared, not copied per question)
        own_places: dict[str, tuple[str, ...]] = {}
        places = ChainMap(own_places, world_places())
        decades: list[str] = []
        for text in texts:
            ws = words(text)
            decades += [w for w in ws if wf._DECADE.match(w)]
            for w in ws:
                if w.isalpha() and len(w) > 3 and w not in places:
                    own_places[w] = (wf.lemma(w),)
            if text[:1].isupper() and 1 < len(ws) <= 3 and "".join(ws) not in places:
                own_places["".join(ws)] = tuple(wf.lemma(w) for w in ws)
        # the question's words an answer may repeat: not the names it mentions ("Russia or
        # China?"), which may be answers themselves
        names = {w.casefold() for w in re.findall(r"(?<=\w\W)[A-Z][\w-]*", prep.ask)}
        echo = frozenset(
            wf.lemma(w)
            for w in words(prep.ask)
            if w.isalpha() and w not in _KEEP and not (w in names and known(w))
        )
        longest = max((len(p) for p in prep.synonyms), default=0)
        # an echo that is part of the answer itself ("Moby Dick" for "the whale in Moby-Dick")
        # is not dropped from what was typed
        own = {wf.lemma(w) for text in texts for w in words(text)}
        self.ctx = Context(
            echo, places, prep.synonyms, longest, tuple(decades), droppable=echo - own
        )
        self.known = known
        self._forms: dict[int, tuple[Reading | None, bool]] = {}

    def kinds(self, forms: Sequence[Form], index: int) -> frozenset[int]:
        """The kinds of generic word any form of item ``index`` uses."""
        out: set[int] = set()
        for f in forms:
            if f.index == index:
                got = self.form(f.key)[0]
                out.update(KIND[g] for g in got.generic) if got is not None else None
        return frozenset(out)

    def form(self, k: Key) -> tuple[Reading | None, bool]:
        """A form's reading and whether its core is a specific name (not common English)."""
        got = self._forms.get(id(k))
        if got is None:
            r = read(k.words, self.ctx, typed=False)
            specific = r is not None and any(
                not is_common_word(w) or self.known(w) for w in r.core
            )
            got = (r, specific)
            self._forms[id(k)] = got
        return got


def reader(prep: Prepared, known: Callable[[str], bool]) -> Reader:
    if prep.own_words is None:
        prep.own_words = Reader(prep, known)
    r: Reader = prep.own_words
    return r


def own_words(prep: Prepared, piece: Key, forms: Sequence[Form], known: Callable[[str], bool]) -> Hit | None:
    """The form (or ``wrong:`` entry) ``piece`` names in other words, as a ``Hit`` named after
    the rule that read it; ``ambiguous`` when it reads as two different ones; None when it reads
    as none."""
    r = reader(prep, known)
    if piece.squashed not in prep.own and known(piece.squashed):
        return None  # another known name as typed ("Democratic Republic of the Congo")
    found: dict[tuple[str, int], tuple[Form | None, Wrong | None, str]] = {}
    for ws in (piece.words, *without_abbreviation(piece.words)):
        typed = read(ws, r.ctx, typed=True)
        if typed is None:
            continue
        rule = "abbreviation" if ws != piece.words else typed.rule
        for f in forms:
            fr, specific = r.form(f.key)
            kinds = r.kinds(forms, f.index)
            said = _named(typed, fr, r.ctx, specific, kinds, rule)
            if said is not None:
                found.setdefault(("form", f.index), (f, None, said))
        for i, (wk, w) in enumerate(prep.wrongs):
            wr, specific = r.form(wk)
            kinds = frozenset(KIND[g] for g in wr.generic) if wr is not None else frozenset()
            said = _named(typed, wr, r.ctx, specific, kinds, rule)
            if said is not None:
                found.setdefault(("wrong", i), (None, w, said))
    if not found:
        cut = [f for f in forms if abbreviated(piece.words, f.key.words)]
        if len({f.index for f in cut}) == 1 and not any(
            abbreviated(piece.words, wk.words) for wk, _ in prep.wrongs
        ):
            return Hit(Match.FORM, 0, cut[0], rule="abbreviation")
        both = _two_names(piece.words, forms, prep)
        if both is not None:
            return Hit(Match.FORM, 0, both, rule="forms-combined")
        return _person(prep, piece, forms, r)
    if len(found) > 1:
        some = next(iter(found.values()))[0]
        return Hit(Match.AMBIGUOUS, 1, some, rule="as-close-to-another-form")
    form, wrong, rule = next(iter(found.values()))
    if wrong is not None:
        return Hit(Match.WRONG, 0, wrong=wrong, rule=rule)
    return Hit(Match.FORM, 0, form, rule=rule)


def _named(
    typed: Reading,
    form: Reading | None,
    ctx: Context,
    specific: bool,
    kinds: frozenset[int],
    rule: str,
) -> str | None:
    """The rule by which ``typed`` names ``form``, or None: as it reads, or with the form's words
    that the question itself says left out (``membrane`` for ``cell membrane`` when the question
    asks "Which part of the cell ..."; ``wall`` then names ``cell wall`` as well)."""
    if form is None:
        return None
    if names_same(typed, form, ctx, specific, kinds):
        return rule or _form_rule(form)
    said = tuple(w for w in form.core if w in ctx.echo)
    rest = tuple(w for w in form.core if w not in ctx.echo)
    if not said or not rest or set(said) & typed.words:
        return None
    short = Reading(rest, form.generic, form.dropped | set(said), form.words, form.rule)
    return "question-words" if names_same(typed, short, ctx, True, kinds) else None


def _form_rule(form: Reading) -> str:
    """The rule's name when only the form had words set aside (``Caspian`` for ``Caspian
    Sea``), or when the words differ only in order."""
    if form.generic & form.dropped:
        return "generic-head"
    return "carrier-words" if form.dropped else "word-form"


def _two_names(ws: Sequence[str], forms: Sequence[Form], prep: Prepared) -> Form | None:
    """``USSR - Soviet Union``, ``large permanent vacuole``: a form of the answer whole, and
    around it only words of its item's other forms (``USSR``; ``large vacuole``) that no other
    item and no ``wrong:`` entry has: the same answer named twice over."""
    if not 2 <= len(ws) <= 8:
        return None
    by_name = {f.key.squashed: f for f in forms}
    for k in range(len(ws)):
        for j in range(len(ws), k, -1):
            f = by_name.get("".join(ws[k:j])) if j - k < len(ws) else None
            if f is not None and _own_words_of(f.index, [*ws[:k], *ws[j:]], forms, prep):
                return f
    return None


def _own_words_of(index: int, rest: Sequence[str], forms: Sequence[Form], prep: Prepared) -> bool:
    own = {w for f in forms if f.index == index for w in f.key.words}
    others = {w for f in forms if f.index != index for w in f.key.words}
    others.update(w for wk, _ in prep.wrongs for w in wk.words)
    return all(w in own and w not in others and w not in _KEEP for w in rest)


def _person(prep: Prepared, piece: Key, forms: Sequence[Form], r: Reader) -> Hit | None:
    """A person's name by the surname alone or with middle names (``Gorbachev``, ``Mikhail
    Sergeyevich Gorbachev``), after any title (``President Mandela``), for a form or a ``wrong:``
    entry that is a person's name whose surname no other of them has."""
    ws = list(piece.words)
    while len(ws) > 1 and (ws[0] in TITLES or ws[0] in CARRIERS):
        ws = ws[1:]
    typed = tuple(ws)
    people = [(f.key.words, f.text, f, None) for f in forms] + [
        (wk.words, w.text, None, w) for wk, w in prep.wrongs
    ]
    hits = []
    for fw, text, f, w in people:
        if not _is_person(fw, text, r.known):
            continue
        if len(typed) == 1:
            d = surname_alone(typed[0], fw)
            rule = "surname-only"
        else:
            d = with_middle_names(typed, fw)
            rule = "middle-names" if d is not None else "title"
            if d is None and typed != tuple(piece.words) and typed == fw:
                d = 0
        if d is not None:
            hits.append((fw[-1], f, w, d, rule))
    if not hits:
        return None
    surnames = {h[0] for h in hits}
    # whose names these are: an item of the question, or a wrong entry (one person each)
    whose = {("form", h[1].index) if h[1] is not None else ("wrong", id(h[2])) for h in hits}
    sharing = {
        ("form", f.index) if f is not None else ("wrong", id(w))
        for fw, _text, f, w in people
        if len(fw) > 1 and fw[-1] in surnames
    }
    if len(whose) > 1 or sharing - whose:
        return Hit(Match.AMBIGUOUS, 1, hits[0][1], rule="as-close-to-another-form")
    _s, f, w, d, rule = hits[0]
    if w is not None:
        return Hit(Match.WRONG, d, wrong=w, rule=rule)
    return Hit(Match.FORM, 0 if rule == "title" else d, f, rule=rule)


def _is_person(fw: tuple[str, ...], text: str, known: Callable[[str], bool]) -> bool:
    """A name of two to four capitalised words whose last is no common word and no place."""
    parts = text.replace("-", " ").replace(".", " ").split()
    if not 2 <= len(fw) <= 4 or not all(p[:1].isupper() for p in parts):
        return False
    last = fw[-1]
    if wf.place_of(fw[0], world_places()) is not None:
        return False  # "Asian Geneva", "Soviet Union": a place, not a given name
    return (
        last.isalpha()
        and len(last) >= 4
        and not is_common_word(last, PERSON_ZIPF)
        and last not in world_places()
    )


def is_country_or_region(squashed: str) -> bool:
    """A country, continent or region of the gazetteer (not any of its 30,000 cities)."""
    return squashed in world_places()


def world_places() -> dict[str, tuple[str, ...]]:
    global _PLACES
    if _PLACES is None:
        from tutor.grading import gazetteer

        names = [n for n, _sq, country in places() if not country]  # countries, continents
        names += list(gazetteer.places())
        _PLACES = {}
        for n in names:
            ws = words(n)
            if ws:
                _PLACES.setdefault("".join(ws), tuple(wf.lemma(w) for w in ws))
    return _PLACES


_PLACES: dict[str, tuple[str, ...]] | None = None
