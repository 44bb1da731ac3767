"""What a line the student typed *is*, before anything is graded: the text alone.

:func:`classify` reads one line and says what it looks like:

- ``command``: a chat command (``hint``, ``skip``, ``repeat``, ``why``, ``help``, ``quit``; see
  :mod:`tutor.session.commands`);
- ``request``: something asked of the tutor about the open question — ``reteach`` ("I don't
  understand", "explain again", "in other words"), ``example``, ``reveal`` ("what's the answer?"),
  ``stuck`` ("I don't know", "no idea", "too hard"), ``progress`` ("how am I doing?", "how many
  left?");
- ``social``: ``greet``, ``thanks``, ``who`` (who are you), ``ack`` (ok, I see), ``feel`` (this is
  hard), ``meta`` (is this on the exam?);
- ``define``: ``what is X?`` / ``define X`` / a bare ``X?`` (glossary first, then the course);
- ``question``: another question to the tutor ("why ...?", "how did ...?", "can you ...?");
- ``tentative``: a hedge or question around one candidate answer ("is it Astana?", "maybe Astana",
  "I think it's Astana", "Astana, right?"); ``candidate`` holds it;
- ``answer``: anything else.

Requests and social phrases are matched as whole lines, with typing slips forgiven
(``dont undrestand``) by rapidfuzz over the known phrasings. ``sure`` is False when the line could
still be an answer to some question (short, a single word, a term lookup): the session engine
(:mod:`tutor.session.understand`) then grades it first and keeps it as an answer when the grader
recognises it. This module never decides alone that a line is not an answer.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from tutor.session.commands import APOSTROPHES, everyday, fold, parse_command, parse_define
from tutor.session.phrases import REQUESTS
from tutor.session.phrases import SOCIAL as SOCIAL_PHRASES
from tutor.values import value

ANSWER = "answer"
TENTATIVE = "tentative"
COMMAND = "command"
REQUEST = "request"
SOCIAL = "social"
DEFINE = "define"
QUESTION = "question"

KINDS = (ANSWER, TENTATIVE, COMMAND, REQUEST, SOCIAL, DEFINE, QUESTION)


@value
class Intent:
    kind: str  # one of KINDS
    name: str = ""  # the command, request or social act; the term asked about for ``define``
    candidate: str = ""  # tentative: the answer inside the hedge
    sure: bool = False  # True: never an answer, whatever the grader would say
    exact: bool = True  # spelled as a known phrase (no slip forgiven)
    bare: bool = False  # define: the "X?" form


_PHRASES: dict[str, tuple[str, str]] = {}
for _kind, _table in ((REQUEST, REQUESTS), (SOCIAL, SOCIAL_PHRASES)):
    for _name, _forms in _table.items():
        for _form in _forms:
            _PHRASES.setdefault(_form, (_kind, _name))
_PHRASE_KEYS = list(_PHRASES)
_VAGUE = frozenset({"that", "this", "it", "these", "those", "tht", "dat", "thta", "ths"})
# Phrasings distinctive enough to be found inside a longer line ("just tell me the answer").
_NOT_INNER = frozenset({"tell me", "i see", "how are you", "what do you mean", "i understand",
                        "got it", "all right", "go over it again", "tell me more", "say more",
                        "can you say more", "what else", "more please", "i need more",
                        "how many tries", "go on", "lets go", "keep going", "move on",
                        "carry on", "next one", "lets continue"})
_INNER_KEYS = [p for p in _PHRASES if " " in p and len(p) >= 7 and p not in _NOT_INNER]

_NON_WORD = re.compile(r"[^\w+]+")
# A last letter typed twice, as in "heyy", "hii", "thxx": tried when the line is not a phrasing.
_DOUBLED = re.compile(r"(\w)\1\b")
_FILLER = re.compile(
    r"^(?:(?:um+|uh+|er+m?|hm+|well|so|ok|okay|oh+|ah+|sorry|but|and|please|pls|plz|tutor|sir|"
    r"miss|teacher|hey|hi|omg|bro|dude|man|lol|wait)\s+)+"
)
_TRAILING = re.compile(
    r"(?:\s+(?:please|pls|plz|thanks|thank you|tutor|now|then|lol|haha|man|bro|dude|mate|sir|"
    r"sorry|honestly|tbh))+$"
)

# A question to the tutor opens with one of these (the line need not end with "?").
_QUESTION_OPENERS = re.compile(
    r"^(?:(?:(?:at|in|on|for|by|from|to|with|of|during|since|after|before|until)\s+)?"
    r"(?:why|how|when|where|which|whose|whom|what|who)s?|"
    r"(?:can|could|would|will|should|do|does|did|is|are|was|were|has|have|had)\s+\w+|"
    r"tell me (?:about|why|how|what|who|when|where|more)s?|explain (?:why|how|what|who|when|where)|"
    r"i (?:want|would like|d like) to know|i wonder|i was wondering|is it true)\b"
)

# Hedges around one candidate answer.  The candidate is group "x".
_TENTATIVE_PATTERNS = [
    re.compile(p)
    for p in (
        r"^(?:is|was|would|could|might|may|will)\s+(?:it|that|the answer|the right answer|the correct"
        r" answer|this)\s+(?:be\s+)?(?P<x>.+?)$",
        r"^(?:(?:is|was)\s+)?(?:the\s+)?(?:right\s+|correct\s+)?answer\s+(?:is\s+)?(?P<x>.+?)$",
        r"^(?:maybe|perhaps|probably|possibly|presumably|i guess|i think|i believe|i suppose|"
        r"i reckon|my guess is|my guess would be|my answer is|i would say|id say|i'd say|"
        r"(?:im\s+|i\s+am\s+)?not\s+(?:really\s+|quite\s+|too\s+|so\s+)?sure(?:\s+but)?|"
        r"(?:i\s+would|id|ill|i\s+will|i|lets|im)\s+(?:go|going)\s+(?:with|for)|"
        r"i\s+(?:pick|choose|chose|say)|ill\s+(?:say|take|pick)|"
        r"(?:can|could|may)\s+i\s+(?:say|put|write|answer)|"
        r"could be|might be|must be|"
        r"it could be|it might be|it must be|i think it|i guess it|i believe it)"
        r"(?:\s+(?:its|it is|it was|that its|that it is|that|the answer is|its probably|it))*"
        r"\s*,?\s+(?P<x>.+?)$",
        r"^(?:its|it is|it was|that is|thats)\s+(?P<x>.+?)$",
        # "idk, maybe Astana", "no idea but Astana?": a guess after saying so
        r"^(?:idk|i dont know|i do not know|dont know|dunno|i dunno|no idea|no clue)"
        r"\s*(?:,|\s+but|\s+so)\s*(?P<x>.+?)$",
        r"^(?P<x>.+?)\s*,?\s+(?:maybe|perhaps|probably|i think|i guess|i believe|i suppose)"
        r"(?:\s+so)?$",
        r"^(?P<x>.+?)\s*,\s*(?:right|correct|no|isnt it|is it|or not|am i right|yes|yeah)$",
        r"^(?:what|how)\s+about\s+(?P<x>.+?)$",
    )
]
_IT_IS = re.compile(r"^(?:its|it is|it was|thats|that is)\s+", re.IGNORECASE)
# A question asked after something else was said: split at commas, semicolons and "but".
_CLAUSES = re.compile(r"[,;]|\bbut\b")
# "this might be a stupid question but ...", "I was wondering, ...": a question follows.
_ANNOUNCED = re.compile(r"\b(?:question|wondering|wonder|curious)\b")
_ASKS_TUTOR = re.compile(
    r"^(?:do|does|did|can|could|should|shall|may|will|would|am|is|are)\s+(?:i|you|we)\b"
)
# What the student thinks of the question or the lesson: never an answer ("it" is not here:
# "it is hard" may answer a question).
_VERDICT = re.compile(
    r"^(?:(?:hmm|hm|oh|ah|wow|ugh|omg|ok|well|man|lol|haha)\s+)*"
    r"(?:this|that|thats|these)(?:\s+(?:one|question|questions|lesson|quiz|stuff|topic))?"
    r"(?:\s+(?:is|was|s|seems|looks|feels|are))?"
    r"(?:\s+(?:a|an|so|really|very|too|kinda|kind\s+of|pretty|super|quite|such\s+a))*\s+"
    r"(?:hard|easy|difficult|tough|tricky|weird|strange|funny|cool|nice|good|bad|boring|"
    r"interesting|annoying|confusing|stupid|dumb|fun|great|simple|complicated|unfair|long)"
    r"(?:\s+(?:one|question|lol|haha|tbh|honestly|for\s+me|to\s+me))*$"
)
# A remark about the lesson or the tutor: "this app is cool", "that was easy".
_REMARK = re.compile(
    r"^(?:this|that)\s+(?:was|seems|looks|sounds|feels|app|lesson|course|tutor|question|quiz)\b"
)
_COMMENT = re.compile(r"^(?:this|these|those|that|so|too|such|why|how|what)\b")
_VAGUE_TAIL = re.compile(r",?\s+or\s+(?:something|smth|sth|whatever|so|what|something like that)$")
_LIKE = re.compile(r"^like\s+(?!that\b|this\b|it\b|an?\b)", re.IGNORECASE)
_BARE_CLAUSE = re.compile(r"^(?:because|why|how|what|who|when|where|which)\b")
_WH = re.compile(r"\b(?:why|how|when|where|which|whose|whom|what|who)\b")
# A candidate that opens like a clause is a question about the content, not a guess.
_CLAUSE = re.compile(
    r"^(?:because|true|about|that|possible|important|so|like|why|how|what|who|when|where|"
    r"ok|okay|fine|over|hard|easy|on the|in the test|on the exam)\b"
    r"|\b(?:question|questions|quiz|trick|joke|lesson)$"  # "is it a trick question?": about the tutoring
)
_HESITATION = re.compile(r"^(?:(?:um+|uh+|er+m?|hm+|ehm|err|so|well|ok|okay|oh|ah)\W+)+")


def key(text: str) -> str:
    """The line as the phrase tables store it: folded, apostrophes dropped, words only."""
    t = _NON_WORD.sub(" ", APOSTROPHES.sub("", fold(text)))
    return " ".join(everyday(" ".join(t.split())).split())


def undoubled(k: str) -> str:
    """``k`` with each word's doubled last letter typed once ("heyy" -> "hey")."""
    return _DOUBLED.sub(r"\1", k)


def _phrase(k: str, fuzzy: bool) -> tuple[str, str, bool] | None:
    """(kind, name, exact) of the request or social phrase this whole line is, or None; with
    ``fuzzy``, read through typing slips."""
    stripped = _TRAILING.sub("", _FILLER.sub("", k)).strip()
    if not fuzzy:
        for cand in dict.fromkeys((k, stripped, undoubled(stripped))):
            hit = _PHRASES.get(cand)
            if hit is not None:
                return (*hit, True)
        return None
    stripped = stripped or k
    if len(stripped) < 6 or " " not in stripped or len(stripped) > 60:
        return None  # a single word is matched exactly only: a slip there may be an answer
    best = process.extractOne(stripped, _PHRASE_KEYS, scorer=fuzz.ratio, score_cutoff=84)
    if best is None:
        return None
    phrase = best[0]
    if " " not in phrase or abs(len(phrase) - len(stripped)) > 4:
        return None
    return (*_PHRASES[phrase], False)


# Words that carry no answer: a line made only of them is small talk ("haha ok", "yeah actually no").
_FILLER_WORDS = frozenset({
    "ok", "okay", "k", "haha", "hahaha", "lol", "lmao", "yeah", "yea", "yes", "no", "nope", "nah",
    "actually", "hmm", "hm", "um", "uh", "er", "well", "so", "oh", "ah", "wait", "right", "sure",
    "cool", "nice", "great", "fine", "alright", "thanks", "thx", "hey", "hi", "hello", "oops",
    "sorry", "then", "now", "again", "just", "really", "pf", "ugh", "omg", "meh", "bruh", "wow",
    "umm", "uhh", "erm", "ehm", "ohh", "ahh",
})
# What a student says while thinking, around an answer ("hmm no", "uh yes").
HESITATIONS = frozenset({
    "hmm", "hm", "um", "umm", "uh", "uhh", "er", "erm", "ehm", "well", "so", "oh", "ah", "ok",
    "okay", "actually",
})
# Words that address the tutor: a line holding one, and nothing the lesson speaks of, is talk
# (act ``chat``).
CHAT = "chat"
_CHATTY = frozenset({
    "i", "im", "ive", "ill", "me", "my", "mine", "myself", "you", "your", "youre", "yours",
    "yourself",
})
# Said around anything, an answer too: dropped from a line that holds something else.
_INTERJECTIONS = frozenset({
    "pf", "ugh", "omg", "meh", "bruh", "argh", "oof", "phew", "yay", "jeez", "geez", "damn",
    "lol", "lmao", "rofl", "haha", "hehe", "xd", "wtf", "ffs", "smh", "tbh", "ngl", "btw",
})
# "is this on the test?", "will this be in the exam"
_META = re.compile(r"\b(?:exam|exams|test|tests|quiz|graded|grade|marks|homework)\b")


# What a look-up's term never starts with.
_NOT_TERMS = (["me"], ["it"], ["this"], ["that"], ["us"], ["you"], ["again"])
# How an answer is to be typed: "number only?", "do I need both names", "does the order matter".
_FORMAT = re.compile(
    r"\b(?:numbers?|digits?|letters?|format|round|rounded|exact|exactly|order|spell|spelling|"
    r"spelled|capitals?|uppercase|lowercase|units?|sentences?|both|full|whole|"
    r"decimals?|write|type|month|date|surname|initials?)\b"
)
_ASKED_TAIL = re.compile(r"\b(?:ok|okay|only|allowed|fine|enough|matter|matters|count|counts|right)$")


def _asks(k: str) -> bool:
    """Whether the line ``k`` (as :func:`key` gives it) is about the student's own answer: it
    speaks of them ("do I need both names") or asks whether a way of typing is fine ("number
    only?", "does the order matter", "in what order")."""
    words = k.split()
    return (_ASKED_TAIL.search(k) is not None or any(w in _CHATTY for w in words)
            or (words[:1] == ["in"] and len(words) <= 3))


def _inside(k: str) -> tuple[str, str] | None:
    """(kind, name) of a request or social phrasing held inside a short line, or None."""
    if " " not in k or len(k.split()) > 9:
        return None
    hay = f" {k} "
    found = [p for p in _INNER_KEYS if f" {p} " in hay]
    if not found:
        near = process.extract(k, _INNER_KEYS, scorer=fuzz.partial_ratio, score_cutoff=90, limit=3)
        # never through a slip: "one of them" is not "none of them"
        found = [p for p, _score, _i in near if 10 <= len(p) <= len(k) and _PHRASES[p][1] != "none"]
    if not found:
        return None
    return _PHRASES[max(found, key=len)]


def _tentative(text: str) -> str | None:
    """The one candidate answer a hedged line is built around, or None."""
    body = text.strip()
    if len(body) > 120:
        return None
    lowered = APOSTROPHES.sub("", body.casefold())
    if len(lowered) != len(APOSTROPHES.sub("", body)):
        return None
    raw = APOSTROPHES.sub("", body)
    question_mark = raw.rstrip().endswith("?")
    lowered = lowered.rstrip(" ?!.…")
    raw = raw.rstrip(" ?!.…")
    m = _HESITATION.match(lowered)
    if m:
        lowered, raw = lowered[m.end():], raw[m.end():]
    m = _VAGUE_TAIL.search(lowered)
    if m and m.start() > 0:  # "is it like Asia or smth": as unsure as a question mark
        lowered, raw, question_mark = lowered[:m.start()], raw[:m.start()], True
    for i, pattern in enumerate(_TENTATIVE_PATTERNS):
        m = pattern.match(lowered)
        if m is None:
            continue
        if i == 3 and not question_mark:
            continue  # "it is Astana" is an answer; "it's Astana?" is a guess
        x = raw[m.start("x"):m.end("x")].strip(" ,;:-")
        x = _LIKE.sub("", x)  # "is it like Asia": "like" as a filler
        if x and len(x.split()) <= 6 and not _CLAUSE.match(x.casefold()):
            # hedged twice ("not sure, but maybe Russia", "I think it could be Russia")
            inner = _tentative(x) if len(x) < len(body) else None
            x = inner or x
            bare = _IT_IS.sub("", x)  # "I think it's Russia", "its Russia and China I think"
            return bare or x
    if question_mark and not _QUESTION_OPENERS.match(lowered):
        x = raw.strip(" ,;:-")
        wh = len(x.split()) >= 3 and _WH.search(x.casefold())
        if x and len(x.split()) <= 6 and not _BARE_CLAUSE.match(x.casefold()) and not wh:
            return x  # "Astana?"
    return None


def classify(text: str) -> Intent:
    """What ``text`` (already cleaned of control characters) looks like; see the module doc."""
    stripped = text.strip()
    if not stripped:
        return Intent(ANSWER)
    cmd = parse_command(stripped)
    if cmd is not None:
        return Intent(COMMAND, cmd.name, exact=cmd.exact)
    k = key(stripped)
    query = parse_define(stripped)
    if query is None or query.bare:  # "wat is X", "whats X" typed as texting
        texted = parse_define(everyday(stripped.casefold()))
        query = texted if texted is not None and not texted.bare else query
    if query is not None and key(query.term).split()[:1] in _NOT_TERMS:
        query = None  # "explain me please", "what is this lesson even about": not a term
    hit = _phrase(k, fuzzy=False) if k else None
    if hit is None and k and (query is None or query.bare or query.term.casefold() in _VAGUE):
        hit = _phrase(k, fuzzy=True)  # "what does SCO mean" is a look-up, not "what does that mean"
    if hit is not None:
        kind, name, exact = hit
        # Several words that are plainly talk ("I don't understand") are never an answer; one word
        # ("score", "great", "stuck") or a phrase read through a slip might be: graded first.
        return Intent(kind, name, sure=exact and " " in k, exact=exact)
    if _VERDICT.match(k):  # "that's a hard one lol", "this question is so confusing"
        return Intent(SOCIAL, "feel", sure=True, exact=False)
    if _META.search(k) and re.search(r"\b(?:this|it|that|these)\b", k):
        return Intent(SOCIAL, "meta", exact=False)
    if query is not None and not query.bare:
        return Intent(DEFINE, query.term)
    if len(k.split()) <= 14 and _FORMAT.search(k) and _asks(k) and _inside(k) is None:
        return Intent(REQUEST, "format", exact=False)  # "number only?", "does the order matter"
    candidate = _tentative(stripped)
    if candidate is not None:
        bare = query is not None and query.bare and query.term == candidate
        return Intent(TENTATIVE, candidate if bare else "", candidate=candidate, bare=bare)
    inner = _inside(k)
    if inner is not None:
        return Intent(inner[0], inner[1], exact=False)
    words = k.split()
    if words and all(w in _FILLER_WORDS for w in words):
        return Intent(SOCIAL, "ack", exact=False)
    lowered = _FILLER.sub("", APOSTROPHES.sub("", stripped.casefold()))
    first, *clauses = _CLAUSES.split(lowered)
    asking = stripped.endswith("?") or _ANNOUNCED.search(first) is not None
    for clause in clauses:  # "sorry I'm new here, do I just type the name"
        clause = clause.strip()
        if len(clause.split()) >= 4 and (_ASKS_TUTOR.match(clause) or (
                asking and _QUESTION_OPENERS.match(clause))):
            return Intent(QUESTION, stripped, sure=True)
    if _QUESTION_OPENERS.match(lowered):
        if len(words) >= 4 or (stripped.endswith("?") and len(words) >= 3):
            return Intent(QUESTION, stripped, sure=True)
        if stripped.endswith("?") or len(words) >= 3 or _WH.match(lowered):
            return Intent(QUESTION, stripped)  # "which union": graded first
    if any(w in _CHATTY for w in words) or _REMARK.match(lowered):
        # "ur a good teacher", "I'm really tired today": said to the tutor, and an answer only
        # if it names something the lesson speaks of (the session checks) or the grader knows.
        return Intent(SOCIAL, CHAT, exact=False)
    kept = [w for w in stripped.split() if key(w) not in _INTERJECTIONS]
    if kept and len(kept) < len(stripped.split()):  # "the Economist lol": graded as the rest
        rest = _IT_IS.sub("", " ".join(kept).strip(" ,;:-"))
        if _COMMENT.match(rest.casefold()):  # "this is math not biology lol"
            return Intent(SOCIAL, CHAT, exact=False)
        return Intent(TENTATIVE, candidate=rest)
    return Intent(ANSWER)
