"""Answering a free question from the course itself: a full-text index of everything it teaches.

:class:`CourseIndex` holds every teach paragraph, glossary entry, question explanation and lesson
title/summary of a loaded course (any instructor's course) in an in-memory SQLite FTS5 table
(standard library ``sqlite3``; Porter stemming, accents folded). :func:`course_index` builds it once
per course, on the first question asked, and keeps it while the course lives, and in the course
cache for the next session on the same course (``tutor.loader.cache.derived``).

A search (:meth:`CourseIndex.search`):

1. keeps the content words of the question (question words, pronouns and filler dropped) and
   mends a misspelt word to a word of the course when one is clearly meant (rapidfuzz);
2. ranks the passages holding any of them with ``bm25()``;
3. keeps the passages that hold enough of what was asked: the share of the question's words they
   contain, each weighted by how rare it is in the course, at least 60% (a question about the
   capital of France is not answered by a passage that shares only the word "capital" with it).

Nothing here knows which question is open: the session decides what may be shown
(:func:`reveals`).
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from rapidfuzz import fuzz, process

from tutor.grading.wordforms import place_of
from tutor.model import Course, Teach
from tutor.session.commands import fold
from tutor.values import value

TEACH, GLOSSARY, EXPLAIN, LESSON = "teach", "glossary", "explain", "lesson"

_WORD = re.compile(r"\w+")
_LOWER = re.compile(r"\b[a-z][a-z]*\b")
# A name: a glossary passage's term, or a capitalised word inside a sentence (and never written
# in lower case).
_NAME = re.compile(r"^([^:\n]{1,60}):|(?<=[\w,;(] )([A-Z][\w-]*)")
_MARKUP = re.compile(r"(\*\*|__|\*|`|^#+\s*|^\s*[-*+]\s+|^\s*>\s?)", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# A sentence ends at . ! or ? after a lower-case word or a number, not after an initial (U.S.).
_SENTENCE = re.compile(r"(?<=[a-z0-9)\]\"”'’][.!?])\s+(?=[A-Z0-9“\"(])")

# Words that say nothing about *what* is asked.
STOP = frozenset(
    """a an the of to in on at by for from with about into over under as and or but if so than then
    is are was were be been being am do does did done doing has have had having can could would
    will shall should may might must what whats who whos whom whose which when where why how
    i me my we our you your he him his she her it its they them their this that these those there
    here not no yes please pls tell explain mean means meaning meant say said know define
    definition again more much many some any one ones thing things just really actually also
    very kind sort like lot get got give let lets s t d ll re ve m ok okay hey hi hello tutor
    happen happened happens come came make made use used going go become became becomes begin
    began start started want wanted wants need needs before after now then still ever way
    called u ur""".split()  # noqa: SIM905
)

# Forms a stemmer cannot join (irregular verbs) and the plain words students use for the words
# lessons use: a question word is also searched as these.
_ALSO: dict[str, tuple[str, ...]] = {
    "wrote": ("written", "write", "author"), "write": ("written", "wrote", "author"),
    "written": ("wrote", "author"), "sold": ("sell", "sale"), "sell": ("sold", "sale"),
    "selling": ("sold", "sale", "sell"), "bought": ("buy", "purchase"), "buy": ("bought",),
    "gave": ("give", "gift", "given"), "given": ("gave", "gift"), "began": ("begin", "begun"),
    "begun": ("began",), "chose": ("chosen",), "fought": ("fight",), "won": ("win",),
    "lost": ("lose",), "led": ("lead", "leads"), "leads": ("led",), "lead": ("led",),
    "weapons": ("arms", "military"), "weapon": ("arms", "military"), "arms": ("weapons",),
    "big": ("large", "largest", "size", "area"), "size": ("large", "largest", "area"),
    "people": ("population",), "population": ("people",),
    "live": ("population", "inhabitants", "home"), "lives": ("population", "inhabitants", "home"),
    "help": ("aid", "support", "assistance"), "helps": ("aid", "support", "assistance"),
    "helped": ("aid", "support", "assistance"),
    "founded": ("founding", "established"), "independent": ("independence",),
    "created": ("founded", "established"), "create": ("found", "founded", "establish"),
    "writer": ("author", "wrote"), "writers": ("authors", "wrote"),
    "end": ("collapse", "collapsed", "fell"), "ended": ("collapse", "collapsed", "fell"),
    "dark": ("night",), "darkness": ("night",), "fall": ("fell",), "fell": ("fall",),
    "independence": ("independent",),
    # "where is X?": X with a word that places it
    "where": ("located", "lies", "sits", "region", "border", "borders", "between", "neighbour",
              "north", "south", "east", "west"),
}
_ASKS_PLACE = "where"
# Words about the tutoring, not about what is taught.
TUTORING = frozenset(
    """question questions answer answers lesson lessons hint hints course tutor teacher
    english word words sentence sentences im ive id ill""".split()  # noqa: SIM905
)
_TOKENIZE = "'porter unicode61 remove_diacritics 2'"
_PASSAGE_CHARS = 320
MIN_COVER = 0.6


@value
class Passage:
    kind: str  # teach | glossary | explain | lesson
    lesson_id: str
    lesson_number: int  # 1-based position in the course
    lesson_title: str
    text: str  # plain text (Markdown emphasis removed)
    question_id: str | None = None  # explain: the question it explains


@value
class Hit:
    passage: Passage
    cover: float  # 0..1: how much of what was asked the passage holds, weighted by rarity
    terms: tuple[str, ...]  # the question's words found in it


def plain(text: str) -> str:
    """Markdown emphasis, links and list marks dropped; lines joined."""
    text = _LINK.sub(r"\1", text)
    text = _MARKUP.sub("", text)
    return " ".join(text.split())


def _passages(course: Course) -> Iterable[Passage]:
    for n, lesson in enumerate(course.lessons, start=1):
        def make(kind: str, text: str, qid: str | None = None) -> Passage:
            return Passage(kind, lesson.id, n, lesson.title, plain(text), qid)  # noqa: B023

        head = lesson.title.strip()
        if lesson.summary.strip():
            head = f"{head}. {lesson.summary.strip()}"
        yield make(LESSON, head)
        for entry in lesson.glossary:
            yield make(GLOSSARY, f"{entry.term}: {entry.definition.strip()}")
        for step in lesson.steps:
            if isinstance(step, Teach):
                for para in re.split(r"\n\s*\n", step.text):
                    if para.strip():
                        yield make(TEACH, para)
            elif step.explain and step.explain.strip():
                yield make(EXPLAIN, step.explain, step.id)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class CourseIndex:
    """Every passage of one course, searchable with FTS5 and ``bm25()``."""

    def __init__(self, course: Course) -> None:
        self.passages: list[Passage] = []
        self.titles = tuple((lesson.id, lesson.title) for lesson in course.lessons)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            f"CREATE VIRTUAL TABLE passage USING fts5(body, tokenize = {_TOKENIZE})"
        )
        seen: dict[str, None] = {}
        rows = []
        for p in _passages(course):
            if not p.text:
                continue
            self.passages.append(p)
            rows.append((len(self.passages), p.text))
            seen.update(dict.fromkeys(words(p.text)))
        self._db.executemany("INSERT INTO passage(rowid, body) VALUES (?, ?)", rows)
        self._db.execute("INSERT INTO passage(passage) VALUES ('optimize')")
        self._db.execute("CREATE VIRTUAL TABLE passage_terms USING fts5vocab(passage, 'row')")
        # How many passages hold each (stemmed) term, and the stem of every word of the course,
        # both read back from SQLite so that they agree with what FTS5 matches.
        self._df = dict(self._db.execute("SELECT term, doc FROM passage_terms"))
        surface = list(seen)
        self._db.execute(f"CREATE VIRTUAL TABLE stem USING fts5(w, tokenize = {_TOKENIZE})")
        self._db.execute("CREATE VIRTUAL TABLE stem_terms USING fts5vocab(stem, 'instance')")
        self._db.executemany("INSERT INTO stem(rowid, w) VALUES (?, ?)", enumerate(surface, 1))
        self._stem: dict[str, str] = {
            surface[doc - 1]: term
            for term, doc in self._db.execute("SELECT term, doc FROM stem_terms")
        }
        self._db.execute("DROP TABLE stem_terms")
        self._db.execute("DROP TABLE stem")
        covers = [f"{n}. {lesson.title}" for n, lesson in enumerate(course.lessons, 1)]
        if len(covers) > 9:
            covers = [f"{len(covers)} lessons, from {covers[0]} to {covers[-1]}"]
        self.covers = "; ".join(covers)
        self._ready()

    def _ready(self) -> None:
        """What is worked out from the stems, and the look-ups filled as questions come."""
        self._vocab = frozenset(self._stem)
        self._places: dict[str, tuple[str, ...]] | None = None
        self._near: dict[tuple[str, int], list[str]] = {}  # (first letter, length) -> words
        for w in sorted(self._vocab):
            if len(w) > 2 and not w.isdigit():
                self._near.setdefault((w[0], len(w)), []).append(w)
        self._holds: dict[int, frozenset[str]] = {}
        self._names: frozenset[str] | None = None  # made on first use (knows)

    def state(self) -> tuple[Any, ...]:
        """What the index is made of, to keep in the course cache: the passages, plain tables
        and the bytes of its SQLite database."""
        with self._lock:
            db = self._db.serialize()
        return (tuple(self.passages), self.titles, self.covers, self._df, self._stem, db)

    @classmethod
    def restore(cls, state: tuple[Any, ...]) -> CourseIndex:
        """The index that :meth:`state` described (ValueError when it does not describe one)."""
        passages, titles, covers, df, stem, db = state
        if not (
            isinstance(passages, tuple) and all(isinstance(p, Passage) for p in passages)
            and isinstance(titles, tuple) and isinstance(covers, str) and isinstance(df, dict)
            and isinstance(stem, dict) and isinstance(db, bytes)
        ):
            raise ValueError("not the state of a course index")
        index = cls.__new__(cls)
        index.passages, index.titles, index.covers = list(passages), titles, covers
        index._df, index._stem = df, stem
        index._lock = threading.Lock()
        index._db = sqlite3.connect(":memory:", check_same_thread=False)
        index._db.deserialize(db)
        index._ready()
        return index

    def __len__(self) -> int:
        return len(self.passages)

    def terms(self, question: str) -> list[str]:
        """The content words of ``question``, misspellings mended to course words where clear."""
        out: list[str] = []
        asked = words(question)
        if asked[:1] == [_ASKS_PLACE] and len(asked) <= 6:
            out.append(_ASKS_PLACE)
        for w in asked:
            if w in STOP or (len(w) < 2 and not w.isdigit()):
                continue
            if w not in self._vocab and w not in _ALSO and len(w) >= 4 and not w.isdigit():
                w = self._place(w) or self._mend(w)
            if w not in out:
                out.append(w)
        return out[:12]

    def knows(self, text: str, also: Iterable[str] = ()) -> bool:
        """Whether ``text`` names something the course speaks of: a number, a word of the texts
        ``also`` (the open question's), or a name the course uses (a word it only writes with a
        capital, inside a sentence or as a glossary term), as typed or as its plural or singular.
        Everyday words a course also uses ("good", "bad") and words about the tutoring itself
        (question, answer, lesson) name nothing."""
        if self._names is None:
            lower = {w for p in self.passages for w in _LOWER.findall(p.text)}
            self._names = frozenset(
                w for p in self.passages for m in _NAME.finditer(p.text)
                for w in words(m.group(1) or m.group(2) or "") if w not in lower
            )
        extra = {w for a in also for w in words(a)} | self._names
        for w in words(text):
            if w in STOP or w in TUTORING or len(w) < 2:
                continue
            if w.isdigit() or any(f in extra for f in (w, f"{w}s", w[:-1])):
                return True
        return False

    def _forms(self, term: str) -> list[str]:
        """The term and the other forms it is searched as, as the course spells them."""
        out = [] if term == _ASKS_PLACE else [term]
        for a in _ALSO.get(term, ()):
            used = next((f for f in (a, f"{a}s", f"{a}es", f"{a}ed", f"{a}ing") if f in self._stem), "")
            if used and used not in out:
                out.append(used)
        return out

    def _place(self, w: str) -> str | None:
        """The course's name of the place a demonym stands for: ``afghans`` -> ``afghanistan``
        (the grader's rule, :func:`tutor.grading.wordforms.place_of`)."""
        if self._places is None:  # made when first needed: a big course has many words
            self._places = {v: (v,) for v in self._vocab}
        found = place_of(w, self._places)
        return found[0] if found else None

    def _mend(self, w: str) -> str:
        """The course word a misspelt ``w`` clearly means (same first letter, ratio >= 80)."""
        pool = [c for n in range(len(w) - 2, len(w) + 3) for c in self._near.get((w[0], n), ())]
        near = process.extractOne(w, pool, scorer=fuzz.ratio, score_cutoff=80)
        return near[0] if near is not None else w

    def search(self, question: str, limit: int = 2) -> list[Hit]:
        """The passages that best answer ``question``, best first (at most ``limit``)."""
        terms = self.terms(question)
        if not terms:
            return []
        total = len(self.passages)
        forms = {t: self._forms(t) for t in terms}
        stems = {t: {self._stem.get(f, "") for f in forms[t]} - {""} for t in terms}
        df = {t: max((self._df.get(st, 0) for st in stems[t]), default=0) for t in terms}
        present = [t for t in terms if df[t]]
        if not present:
            return []
        # Ranking every passage that holds a word found all over a big course costs time and
        # says little: such words count towards coverage below, but only rarer ones are searched.
        common = max(200, total // 100)
        rare = [t for t in present if df[t] <= common] or present
        query = " OR ".join(_quote(f) for t in rare for f in forms[t])
        with self._lock:
            ranked = self._db.execute(
                "SELECT rowid FROM passage WHERE passage MATCH ? ORDER BY bm25(passage) LIMIT 24",
                (query,),
            ).fetchall()
        weight = {t: math.log((total - df[t] + 0.5) / (df[t] + 0.5) + 1.0) for t in present}
        # A word the course never uses counts as much as a typical word it does: "capital of
        # France" is half unanswered, "what temperature does water boil at" mostly answered.
        typical = sum(weight.values()) / len(weight)
        for t in terms:
            weight.setdefault(t, typical)
        whole = sum(weight.values()) or 1.0
        hits = []
        for rank, (rowid,) in enumerate(ranked):
            holds = self._terms_of(rowid)
            found = tuple(t for t in present if stems[t] & holds)
            cover = sum(weight[t] for t in found) / whole
            if cover >= MIN_COVER:
                hits.append((-round(cover, 1), rank, Hit(self.passages[rowid - 1], cover, found)))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[:limit]]

    def _terms_of(self, rowid: int) -> frozenset[str]:
        held = self._holds.get(rowid)
        if held is None:
            text = self.passages[rowid - 1].text
            held = frozenset(self._stem.get(w, w) for w in words(text))
            self._holds[rowid] = held
        return held


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def excerpt(hit: Hit, limit: int = _PASSAGE_CHARS, keep: Callable[[str], bool] | None = None) -> str:
    """The passage, or its sentences that hold most of the words asked about, kept short; only
    the sentences ``keep`` accepts ("" when none of them holds a word asked about)."""
    text = hit.passage.text
    sentences = _SENTENCE.split(text)
    stems = [f[:5] for t in hit.terms for f in (t, *_ALSO.get(t, ()))]

    def score(s: str) -> int:
        ws = words(s)
        return sum(any(w.startswith(st) for w in ws) for st in stems)

    if keep is not None:
        sentences = [s for s in sentences if keep(s)]
        if not any(score(s) for s in sentences):
            return ""  # what was asked about is only in the sentences kept back
        text = " ".join(sentences)
    if len(text) <= limit:
        return text
    best = max(range(len(sentences)), key=lambda i: (score(sentences[i]), -i))
    if keep is not None and not score(sentences[best]):
        return ""
    out = sentences[best]
    nxt = best + 1
    if nxt < len(sentences) and len(out) + len(sentences[nxt]) < limit and score(sentences[nxt]):
        out = f"{out} {sentences[nxt]}"
    if len(out) > limit:
        out = out[: limit - 1].rsplit(" ", 1)[0] + "…"
    return out


_INDEXES: dict[int, tuple[weakref.ref[Course], CourseIndex]] = {}
_INDEX_LOCK = threading.Lock()


def course_index(course: Course) -> CourseIndex:
    """The index of ``course``, built on first use and kept while the course object lives."""
    key = id(course)
    with _INDEX_LOCK:
        held = _INDEXES.get(key)
        if held is not None and held[0]() is course:
            return held[1]
        index = _kept_index(course)
        if index is None:
            index = CourseIndex(course)
            from tutor.loader.cache import keep_derived

            keep_derived(course, "index", index.state())

        def forget(_ref: object, k: int = key) -> None:
            _INDEXES.pop(k, None)

        _INDEXES[key] = (weakref.ref(course, forget), index)
        return index


def _kept_index(course: Course) -> CourseIndex | None:
    """The index kept in the course cache for this very course, if there is one to trust."""
    from tutor.loader.cache import derived

    state = derived(course, "index")
    if state is None:
        return None
    try:
        return CourseIndex.restore(state)
    except Exception:  # a stored index this code cannot use: build it afresh
        return None
