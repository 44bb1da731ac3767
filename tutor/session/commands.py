"""Recognising what the student says to the tutor rather than to the question.

While a question is open the student may type a chat command (``hint``, ``skip``, ``repeat``,
``why``/``explain``, ``help``, ``quit``) or ask about a term (``what is the SCO?``, ``define
EAEU``, ``what does C5+1 mean``, ``SCO?``). This module only *recognises* such input; the engine
decides (see ``tutor.session.engine``) whether a text that looks like a command is really an
answer to the open question.

Rules:

- A command is the *whole* input, optionally with "please"/"pls" and punctuation around it:
  ``hint``, ``Hint please!``, ``give me a hint``. ``a hint about Russia`` is not a command.
- Harmless commands (hint, repeat, why/explain, help) forgive one typing slip in words of four
  letters or more (``hnit``, ``hlep``, ``explian``). Commands that end something (skip, quit) only
  forgive swapped letters (``skpi``) so a wrong answer such as ``ship`` never skips a question.
  ``why`` (three letters) must be spelled exactly.
- The recognised command says whether it was spelled exactly (``exact``); the engine uses that when
  a command word is also a plausible answer.
"""

from __future__ import annotations

import re
import unicodedata

from tutor.values import value

COMMANDS = ("hint", "skip", "repeat", "why", "help", "quit")

# Whole-input phrases (after normalisation) for each command.
_PHRASES: dict[str, str] = {}
for _name, _forms in {
    "hint": ("hint", "clue", "a hint", "a clue", "give me a hint", "another hint", "next hint",
             "more hints", "another clue", "hints", "can i have a hint", "can i get a hint",
             "give me a clue", "can i have a clue", "can i get a clue", "any clues", "clues",
             "a little hint", "a small hint", "just a hint", "give me another hint",
             "give me a small hint", "give me another clue", "can you give me a hint",
             "can you give me a small hint", "can you give me a clue", "i need a hint",
             "i need a clue", "need a hint", "hint me", "help me with a hint"),
    "skip": ("skip", "skip it", "skip this", "skip this one", "skip question", "skip the question",
             "next question", "i give up", "give up", "can i skip", "can i skip this",
             "can i skip this one", "can i skip this question", "lets skip this", "skip for now"),
    "repeat": ("repeat", "again", "say again", "ask again", "repeat the question",
               "repeat question", "say that again", "what was the question", "can you repeat",
               "can you repeat that", "could you repeat", "repeat that", "say the question again",
               "can you say the question again", "ask the question again", "whats the question",
               "what is the question", "one more time"),
    "why": ("why", "explain", "explanation", "explain it", "explain that", "why is that",
            "why not", "explain why", "tell me why", "why is that wrong", "why was that wrong",
            "why was i wrong", "why am i wrong", "why is it wrong", "why was it wrong",
            "why is that right", "why is that the answer", "explain the answer",
            "explain the right answer", "how come"),
    "help": ("help", "commands", "help me", "what can i do", "what can i say", "what can i type",
             "options", "what are my options", "how do i answer", "how do i answer this",
             "how should i answer", "how should i answer this", "what format",
             "what format should the answer be in", "what format should i use", "what do i do",
             "what do i type", "what should i type", "what should i do", "how does this work",
             "instructions", "does spelling matter", "do i need to spell it exactly",
             "does capitalisation matter", "does capitalization matter",
             "how long should my answer be", "how long should the answer be",
             "how much should i write", "how much do i need to write", "how much do i write"),
    # No one-letter or "end" forms: a mistyped choice letter must never end the lesson.
    "quit": ("quit", "exit", "stop", "bye", "goodbye", "quit lesson", "stop lesson",
             "end lesson", "quit quiz", "stop quiz", "end quiz", "quit now",
             # "now" is dropped as politeness: "quit for now" arrives as "quit for"
             "quit for", "stop for", "bye for", "stop for today", "im done", "i am done", "im done for today",
             "thats enough", "thats enough for today", "enough for today", "see you tomorrow",
             "see you later", "i have to go", "i need to go", "gotta go",
             "lets stop", "lets stop here", "i want to stop", "i want to quit"),
}.items():
    for _form in _forms:
        _PHRASES[_form] = _name

# Single words that may be matched with a slip, and how.
_FUZZY_WORDS = {"hint": "hint", "repeat": "repeat", "explain": "why", "help": "help"}
_SWAP_WORDS = {"skip": "skip", "quit": "quit", "exit": "quit"}

_POLITE = re.compile(r"\b(?:please|pls|plz|thanks|thank you|now)\b")
# How a request is wrapped: "could you give me a little hint" is "a little hint".
_WRAPPER = re.compile(
    r"^(?:(?:can|could|would|will)\s+you\s+|(?:can|could|may)\s+i\s+(?:have|get|see)\s+|"
    r"i\s+(?:want|would\s+like|need|d\s+like)\s+)?(?:(?:give|show|tell)\s+me\s+)?"
)
# Said before a command without changing it: "sorry, can you repeat", "ok hint".
_LEAD = re.compile(r"^(?:(?:sorry|ok|okay|so|um|uh|hmm|hm|hey|but|and|then|oh|ah|well)\s+)+")
_SPACES = re.compile(r"\s+")
# Dropped before a typed line is matched, here and in tutor.session.intent: "I'm" is "im".
APOSTROPHES = re.compile(r"['’`´]")
_NON_WORD = re.compile(r"[^\w]+")
# How students text the words of the phrasings below: read as those words before matching
# (``gimme a hint``, ``can u repeat``, ``sry idk``). Only for recognising talk, never for grading.
_TEXTING = {
    "u": "you", "ur": "your", "pls": "please", "plz": "please", "pleas": "please",
    "sry": "sorry", "srry": "sorry", "soz": "sorry", "thx": "thanks", "thnx": "thanks",
    "thanx": "thanks", "gimme": "give me", "lemme": "let me", "wanna": "want to", "wat": "what",
    "wut": "what", "wot": "what", "idk": "i dont know", "dunno": "dont know", "cuz": "because",
    "coz": "because", "bc": "because", "abt": "about", "doin": "doing", "agian": "again",
}
_TEXTED = re.compile(r"\b(?:" + "|".join(sorted(_TEXTING, key=len, reverse=True)) + r")\b")
# A letter typed three times or more is one letter: "ummm", "pfff", "sooo", "hmmmm".
_RUNS = re.compile(r"(\w)\1{2,}")


def everyday(text: str) -> str:
    """Folded, apostrophe-free ``text`` with its texting spelled out and its long letter runs
    shortened (``sooo u mean`` -> ``so you mean``)."""
    return _TEXTED.sub(lambda m: _TEXTING[m.group(0)], _RUNS.sub(r"\1", text))
_EDGE_PUNCT = " \t.,;:!?¡¿'\"`()[]{}<>-–—…/\\*_~"


@value
class Command:
    name: str  # one of COMMANDS
    exact: bool  # spelled exactly as a known phrase (no typing slip forgiven)


@value
class DefineQuery:
    term: str  # what the student asked about, as typed (trimmed)
    bare: bool  # True for the "X?" form, which may just be an unsure answer


def fold(text: str) -> str:
    """Casefold, drop accents, keep letters/digits/space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold()


def form_key(text: str) -> str:
    """``text`` folded, its words joined by one space and the rest dropped: how a form of an
    answer is found in what was typed or said (``Mongolia, North-Korea`` -> ``mongolia north korea``)."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def _normalise(text: str) -> str:
    t = everyday(APOSTROPHES.sub("", fold(text)))
    t = _SPACES.sub(" ", t).strip(_EDGE_PUNCT)
    t = _POLITE.sub(" ", t)
    t = _SPACES.sub(" ", t).strip(_EDGE_PUNCT)
    return _LEAD.sub("", t.replace(",", " ")).strip(_EDGE_PUNCT)


def parse_command(text: str) -> Command | None:
    """The chat command this whole input asks for, or None."""
    if len(text) > 60:
        return None
    stripped = text.strip()
    if stripped in ("?", "??", "???"):
        return Command("help", True)
    t = _normalise(stripped)
    if not t:
        return None
    name = _PHRASES.get(t) or _PHRASES.get(_WRAPPER.sub("", t))
    if name is not None:
        return Command(name, True)
    if " " in t:
        return None
    from rapidfuzz.distance import OSA  # not needed to show the first question

    for word, name in _FUZZY_WORDS.items():
        if len(t) >= 4 and t[0] == word[0] and OSA.distance(t, word, score_cutoff=1) <= 1:
            return Command(name, False)
    for word, name in _SWAP_WORDS.items():
        if len(t) == len(word) and sorted(t) == sorted(word) and OSA.distance(t, word) <= 1:
            return Command(name, False)
    return None


_DEFINE_PATTERNS = [
    re.compile(r"^(?:so\s+)?(?:what|who)\s*(?:is|are|was|were|'s|s)\s+(?P<x>.+?)$"),
    re.compile(r"^(?:what|who)'s\s+(?P<x>.+?)$"),
    re.compile(r"^what\s+(?:does|do|did)\s+(?P<x>.+?)\s+(?:mean|stand\s+for)$"),
    re.compile(r"^what\s+is\s+meant\s+by\s+(?P<x>.+?)$"),
    re.compile(r"^what\s+do\s+you\s+mean\s+by\s+(?P<x>.+?)$"),
    re.compile(r"^(?:define|definition\s+of|meaning\s+of|explain|tell\s+me\s+about|"
               r"glossary|look\s+up|lookup)\s*:?\s+(?P<x>.+?)$"),
]
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def parse_define(text: str) -> DefineQuery | None:
    """A glossary question ("what is X?", "define X", "what does X mean", "X?"), or None."""
    if len(text) > 120:
        return None
    stripped = _SPACES.sub(" ", text.strip())
    if not stripped:
        return None
    # Work on a lower-cased copy for the pattern but keep the student's spelling of X.
    body = stripped.rstrip(" ?!.")
    lowered = body.casefold().replace("’", "'")
    if len(lowered) != len(body):  # casefold changed lengths (ß -> ss): spans would not line up
        body = lowered
    for pattern in _DEFINE_PATTERNS:
        m = pattern.match(lowered)
        if m:
            term = body[m.start("x") : m.end("x")].strip(_EDGE_PUNCT)
            term = _ARTICLE.sub("", term).strip(_EDGE_PUNCT)
            if term:
                return DefineQuery(term, bare=False)
            return None
    if stripped.endswith("?"):
        term = _ARTICLE.sub("", body).strip(_EDGE_PUNCT)
        if term and len(term.split()) <= 6:
            return DefineQuery(term, bare=True)
    return None
