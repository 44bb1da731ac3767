"""Finding key points in an explanation: word groups within one sentence, in any order.

An open question's point is made when one of its ``accept`` groups is found in one sentence of
the answer. A group is words separated by spaces (every one must appear), each with ``/``
between alternatives (``offset/balance Russia/Moscow China/Beijing``); an alternative of several
words (``multi-vector``, ``great_power``) must appear as written, word after word.

A word of the answer stands for a word of a group when (``word_matches``):

- they are the same word (``not`` is also written into a verb: ``wasn't``, ``doesn't``), or have the same stem (``offsetting``/``offset``, ``dependence``/
  ``depend``: the Snowball English stemmer, PyStemmer), or one stem is the other plus at most
  three letters (``diversification``/``diversify``);
- they count as the same by the lesson's and the course's ``synonyms:`` and the defaults
  (``tutor.grading.synonyms``, applied to the answer and the groups alike);
- it is a spelling slip of it: the same first letter, no digits, within the grader's typo budget
  (``tutor.grading.typos``) of the word or of its stem, for words of four letters or
  more.

A group found in a sentence is **negated** when a negating word (``not``, ``no``, ``never``,
``without``, ``avoid``, ``doesn't``...) stands in that sentence from four words before the
group's first word to its last word, and the point's own text is not negated the same way: "so
as not to depend on one power" is made by "it does not want to depend on one power", and "to
balance Russia and China" is not made by "it does not balance Russia and China".
A point whose own text moves something one way (``enters``, ``into``; ``leaves``, ``out``) is not
made by a sentence that moves it only the other way (``directions``): "water enters the cell" is
not made by "water moves out of the cell".

Sentences end at ``.``, ``!``, ``?``, ``;`` and line breaks (a full stop after an abbreviation
such as ``U.S.`` or ``e.g.`` ends none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from tutor.grading import wordforms as wf
from tutor.grading.normalise import words
from tutor.grading.typos import budget, edits
from tutor.grading.wordforms import stem
from tutor.values import value

Synonyms = Mapping[tuple[str, ...], tuple[str, ...]]  # tutor.grading.synonyms.table

_NEGATORS = (
    "not no never neither nor without cannot none nothing nobody avoid avoids avoided avoiding "
    "wary refuse refuses refused refusing reluctant "
    "dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt hasnt havent "
    "hadnt mustnt neednt aint"
)
NEGATORS = frozenset(_NEGATORS.split())
CONTRACTED = frozenset(w for w in NEGATORS if w.endswith("nt") and w != "aint") | {"cannot"}
NEGATION_REACH = 4  # words before a group's first word that may negate it
ORDERED_GAP = 3  # an ordered group (a misconception): at most this many words between its words
# Little words that carry no point by themselves: left out of a misconception read as a group.
_LITTLE = (
    "a an the is are was were be been being am of to in on at by for with and or but because so "
    "that this these those it its it s as from their there they them he she his her which who "
    "whom whose what why how do does did has have had will would can could should may might must "
    "than then also just very really i me my we our you your"
)
LITTLE = frozenset(_LITTLE.split())
_SENTENCE_END = re.compile(r"[!?;\n\r]+|\.(?=\s|$)")
_WORDLIKE_BEFORE_STOP = re.compile(r"(\S+)$")



@value
class Slot:
    """One word a group needs: its alternatives, each a phrase of normalised words."""

    alternatives: tuple[tuple[str, ...], ...]

    @property
    def shown(self) -> str:
        return "/".join(" ".join(a) for a in self.alternatives)


Group = tuple[Slot, ...]


def same_words(ws: Sequence[str], synonyms: Synonyms | None) -> tuple[str, ...]:
    """Words that count as the same made one (``tutor.grading.synonyms``: ``nation`` for
    ``country``, and the lesson's own), on the answer and the groups alike."""
    if not synonyms:
        return tuple(ws)
    longest = max((len(p) for p in synonyms), default=0)
    lemmas = [wf.lemma(w) for w in ws]
    replaced = wf.replace_phrases(lemmas, synonyms, longest)
    return tuple(ws) if replaced == tuple(lemmas) else replaced


def parse_group(text: str, synonyms: Synonyms | None = None) -> Group:
    """``offset/balance Russia/Moscow`` -> two slots. ``great_power`` (or ``multi-vector``) is
    one alternative of two words. Empty alternatives are dropped."""
    slots = []
    for raw in text.split():
        alternatives = []
        for alt in raw.split("/"):
            phrase = same_words(words(alt.replace("_", " ")), synonyms)
            if phrase and phrase not in alternatives:
                alternatives.append(phrase)
        if alternatives:
            slots.append(Slot(tuple(alternatives)))
    return tuple(slots)


def group_of_sentence(text: str, synonyms: Synonyms | None = None) -> Group:
    """A misconception written as a sentence (``because the West is its main trading partner``)
    read as a group: its words that are not little words, each a slot (``/`` allowed)."""
    slots = []
    for raw in text.split():
        group = parse_group(raw, synonyms)
        for slot in group:
            if all(len(a) == 1 and a[0] in LITTLE for a in slot.alternatives):
                continue
            slots.append(slot)
    return tuple(slots)


# "not only", "not every", "not least": a negating word before these leaves the statement standing
NOT_NEGATING_AFTER = frozenset(["only", "just", "merely", "simply", "every", "least"])


def negated(ws: Sequence[str]) -> bool:
    """Whether a run of words holds an odd number of negating words (``not only`` and ``not
    every`` do not count: they qualify the statement rather than deny it)."""
    count = 0
    for i, w in enumerate(ws):
        if w in NEGATORS and not (i + 1 < len(ws) and ws[i + 1] in NOT_NEGATING_AFTER):
            count += 1
    return count % 2 == 1


def sentences(text: str, synonyms: Synonyms | None = None) -> list[tuple[str, list[str]]]:
    """Each sentence of ``text``: as written, and its normalised words (synonyms made one)."""
    out: list[tuple[str, list[str]]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("."):
            before = _WORDLIKE_BEFORE_STOP.search(text, max(0, m.start() - 40), m.start())
            token = before.group(1) if before else ""
            if "." in token or (len(token) <= 2 and token.isalpha()):
                continue  # U.S. / e.g. / initials: not the end of a sentence
        piece = list(same_words(words(text[start : m.start()]), synonyms))
        if piece:
            out.append((text[start : m.start()].strip(), piece))
        start = m.end()
    piece = list(same_words(words(text[start:]), synonyms))
    if piece:
        out.append((text[start:].strip(), piece))
    return out


def word_matches(typed: str, wanted: str, *, strict: bool = False) -> bool:
    """Whether a word of the answer stands for a word of a group (see the module docstring);
    ``strict``: the same word or stem only (a misconception must be said, not nearly said)."""
    if typed == wanted:
        return True
    if wanted == "not" and typed in CONTRACTED:
        return True  # wasn't, doesn't, can't: "not" written into the verb
    a, b = stem(typed), stem(wanted)
    if a == b or strict:
        return a == b
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(long_) - len(short) <= 3 and len(short) >= 5 and long_.startswith(short):
        return True
    if typed[:1] != wanted[:1] or len(wanted) < 4 or not typed.isalpha() or not wanted.isalpha():
        return False
    slack = budget(len(wanted))
    if abs(len(typed) - len(wanted)) <= slack and edits(typed, wanted, slack) <= slack:
        return True
    slack = budget(len(b))
    return (
        len(b) >= 4
        and abs(len(a) - len(b)) <= slack
        and edits(a, b, slack) <= slack
    )


class Reading:
    """An answer read once for every group of a question: its sentences, and which of its words
    stand for each wanted word (memoised, so a 100-word answer against a dozen points is read in
    well under a millisecond)."""

    def __init__(self, text: str, synonyms: Synonyms | None = None) -> None:
        read = sentences(text, synonyms)
        self.written = [raw for raw, _ in read]
        self.sentences = [ws for _, ws in read]
        self._sets = [frozenset(s) for s in self.sentences]
        vocab = {w for s in self.sentences for w in s}
        # the answer's words by stem, and by first letter (typos and near stems keep it)
        self._by_stem: dict[str, set[str]] = {}
        self._by_first: dict[str, list[str]] = {}
        for w in vocab:
            self._by_stem.setdefault(stem(w), set()).add(w)
            self._by_first.setdefault(w[:1], []).append(w)
        self._contracted = frozenset(vocab & CONTRACTED)
        self._hits: dict[tuple[str, bool], frozenset[str]] = {}

    def standing_for(self, wanted: str, strict: bool = False) -> frozenset[str]:
        """The words of the answer that stand for ``wanted`` (``word_matches``)."""
        hit = self._hits.get((wanted, strict))
        if hit is None:
            found = set(self._by_stem.get(stem(wanted), ()))
            if wanted == "not":
                found |= self._contracted
            if not strict:  # near stems and typos keep the first letter: only those are tried
                found.update(
                    w for w in self._by_first.get(wanted[:1], ()) if w not in found
                    and word_matches(w, wanted)
                )
            hit = frozenset(found)
            self._hits[(wanted, strict)] = hit
        return hit

    def _positions(self, index: int, slot: Slot, strict: bool = False) -> list[tuple[int, int]]:
        """Where in sentence ``index`` the slot is found: (first, last) word index of each."""
        found: list[tuple[int, int]] = []
        sentence, words_here = self.sentences[index], self._sets[index]
        for alt in slot.alternatives:
            head = self.standing_for(alt[0], strict)
            if head.isdisjoint(words_here):
                continue
            sets = [head, *(self.standing_for(w, strict) for w in alt[1:])]
            n = len(alt)
            for i in range(len(sentence) - n + 1):
                if all(sentence[i + k] in sets[k] for k in range(n)):
                    found.append((i, i + n - 1))
        return found

    def find(self, group: Group, *, ordered: bool = False) -> list[Found]:
        """Every sentence in which each slot of ``group`` is found (``ordered``: one after
        another, as the group lists them, with at most ``ORDERED_GAP`` words between, and each
        word the same word or stem), with whether the group is negated there."""
        out: list[Found] = []
        if not group:
            return out
        for index, sentence in enumerate(self.sentences):
            spans: list[tuple[int, int]] = []
            for slot in group:
                where = self._positions(index, slot, strict=ordered)
                if ordered and spans:
                    end = spans[-1][1]
                    where = [w for w in where if end < w[0] <= end + 1 + ORDERED_GAP]
                if not where:
                    break
                spans.append(min(where))
            else:
                first = min(s[0] for s in spans)
                last = max(s[1] for s in spans)
                window = sentence[max(0, first - NEGATION_REACH) : last + 1]
                out.append(Found(index, negated(window), directions(sentence)))
        return out

    def sentence_text(self, index: int) -> str:
        """A sentence as the student wrote it (shortened when long)."""
        raw = " ".join(self.written[index].split())
        return raw if len(raw) <= 120 else raw[:117].rstrip() + "..."


@value
class Found:
    sentence: int  # index into Reading.sentences
    negated: bool
    directions: frozenset[str] = frozenset()  # "in", "out": which ways the sentence moves


# Words of movement one way or the other: a point that says water moves *in* is not made by a
# sentence that moves it only *out* ("Water moves out of the cell by osmosis").
_DIRECTION_WORDS = {
    "in": "in into inside inwards inward enter enters entering entered absorb absorbs absorbed",
    "out": "out outside outwards outward leave leaves leaving exit exits exiting escape escapes",
}
_DIRECTION = {w: way for way, ws in _DIRECTION_WORDS.items() for w in ws.split()}


def directions(ws: Iterable[str]) -> frozenset[str]:
    """The ways (``in``, ``out``) the words move something."""
    return frozenset(_DIRECTION[w] for w in ws if w in _DIRECTION)


def made(
    reading: Reading, groups: Iterable[Group], negative: bool, way: frozenset[str] = frozenset()
) -> tuple[bool, Found | None]:
    """Whether any of ``groups`` is found with the polarity ``negative`` (the point's own) and,
    when the point moves something one ``way``, in a sentence that does not move it only the
    other way; also the first finding said the other way round, if any."""
    opposite = None
    for group in groups:
        for found in reading.find(group):
            backwards = len(way) == 1 and bool(found.directions) and not found.directions & way
            if found.negated == negative and not backwards:
                return True, found
            opposite = opposite or found
    return False, opposite
