"""The one place that decides whether a line typed at an open question is an answer.

:func:`understand` takes the open question, the line and a way to grade, and returns an
:class:`Understood`: either an answer to grade (the line itself, or the candidate inside a hedge
such as "is it Astana?"), with its grade, or something said to the tutor (a command, a request, a
question, small talk) that is never graded and never uses a try.

The rule, in order:

1. The line is, as written, one of the answers the question knows (the answer, an accepted form,
   an anticipated wrong answer, an option or its letter, yes or no at a true/false question): an
   answer. So is one yes or no among hesitations at a true/false question (``hmm no``, ``yess``),
   graded as that word.
2. A hedge around one candidate (:mod:`tutor.session.intent`): graded as the candidate (as the
   whole line if only that is right), unless the candidate is only the kind of thing the question
   asks for ("is the answer a country?" at "Which country ...?": how to answer, a request). A bare ``X?`` where X is a glossary term and the candidate is
   not an answer to this question is a look-up instead.
3. Talk the classifier is sure of (several words, a known phrasing: "I don't understand", "why
   does Kazakhstan ...?"): not an answer.
4. Other talk (one word, a slip, a term look-up, a line said to the tutor): graded first; when the
   grader recognises it as an answer to this question (correct, partly right, an anticipated wrong
   answer; a typing slip only when the talk was not spelled exactly) it is an answer. So ``skip`` is
   an answer where ``skip`` is an option, and ``what is the SCO?`` is an answer where the SCO is the
   answer. A term look-up is kept as an answer only when it names the right answer of a question
   without options: ``what is Foreign Affairs?`` (an anticipated wrong answer) and ``what is
   Siberia?`` at a choice question ask about the term. A line said to the tutor (``ur a good
   teacher``: act ``chat``) is an answer when it names something the course speaks of (``knows``).
5. Anything else: an answer.
"""

from __future__ import annotations

from collections.abc import Callable

from tutor.grading.result import Grade, Verdict
from tutor.kinds import kind
from tutor.model import Question
from tutor.session.commands import form_key
from tutor.session.glossary import Glossary, Lookup
from tutor.session.intent import (
    ANSWER,
    CHAT,
    DEFINE,
    HESITATIONS,
    REQUEST,
    SOCIAL,
    TENTATIVE,
    Intent,
    classify,
    key,
    undoubled,
)
from tutor.values import value

ANSWER_VERDICTS = frozenset({Verdict.CORRECT, Verdict.TYPO, Verdict.PARTIAL, Verdict.MISCONCEPTION})


@value
class Understood:
    intent: Intent  # what the line looked like
    answer: bool  # True: grade it (``graded`` with ``grade``); False: talk, never a try
    graded: str = ""  # the text that was graded (the candidate of a hedge)
    grade: Grade | None = None
    lookup: Lookup | None = None  # define: the glossary look-up, when one was made

    @property
    def kind(self) -> str:
        """How the line was understood, as the JSON events say it."""
        if self.answer:
            return TENTATIVE if self.intent.kind == TENTATIVE else ANSWER
        return self.intent.kind


def understand(
    q: Question,
    text: str,
    grade: Callable[[Question, str], Grade],
    glossary: Glossary,
    intent: Intent | None = None,
    knows: Callable[[str], bool] | None = None,
) -> Understood:
    """How ``text`` (cleaned, not empty) is taken at the open question ``q``; see the module doc.
    ``knows(text)``: whether the line names something the course or the question speaks of."""
    intent = intent if intent is not None else classify(text)
    truth = _hesitant_truth(q, text)
    if truth is not None:
        return Understood(Intent(TENTATIVE, candidate=truth), True, truth, grade(q, truth))
    if intent.kind == TENTATIVE and expects(q, intent.candidate):
        return Understood(intent, True, intent.candidate, grade(q, intent.candidate))
    if intent.kind == ANSWER or expects(q, text):
        return Understood(Intent(ANSWER), True, text, grade(q, text))
    if intent.kind == TENTATIVE and _kind_asked(q, intent.candidate):
        return Understood(Intent(REQUEST, "format"), False)  # "is the answer a country?"
    if intent.kind == TENTATIVE:
        g = grade(q, intent.candidate)
        if not g.verdict.right:
            whole = grade(q, text)
            if whole.verdict.right or not g.verdict.counts:
                return Understood(intent, True, text, whole)
        if intent.bare and g.verdict not in ANSWER_VERDICTS:
            found = glossary.lookup(intent.candidate)
            if found.exact:  # "SCO?" where the SCO is not an answer: a look-up
                return Understood(Intent(DEFINE, intent.candidate, bare=True), False, lookup=found)
        return Understood(intent, True, intent.candidate, g)
    lookup = glossary.lookup(intent.name) if intent.kind == DEFINE else None
    if intent.sure:
        return Understood(intent, False, lookup=lookup)
    if intent.kind == SOCIAL and intent.name == CHAT and knows is not None and knows(text):
        return Understood(Intent(ANSWER), True, text, grade(q, text))
    g = grade(q, text)
    if intent.kind == DEFINE and (q.options or not g.verdict.right):
        return Understood(intent, False, lookup=lookup)  # a question about the term
    if g.verdict in ANSWER_VERDICTS:
        exact_other = intent.exact if lookup is None else lookup.exact
        if not (g.verdict is Verdict.TYPO and exact_other):
            return Understood(Intent(ANSWER), True, text, g)
    return Understood(intent, False, lookup=lookup)


def expects(q: Question, text: str) -> bool:
    """Whether ``text`` is, as written, one of the answers this question knows about: the answer,
    an accepted form, an anticipated wrong answer or an option (right or not)."""
    k = form_key(text)
    if not k:
        return False
    if q.options and len(k) == 1 and 0 <= ord(k) - ord("a") < len(q.options):
        return True  # an option letter
    if k in kind(q.type).always_answers:  # yes or no at a true/false question
        return True
    forms = [q.answer, *q.options, *(w.text for w in q.wrong)]
    for item in q.items:
        forms.extend(item.forms)
    return any(form_key(f) == k for f in forms)


def _kind_asked(q: Question, candidate: str) -> bool:
    """Whether a hedge's candidate is only the kind of thing the question already asks for ("a
    country" at "Which country ...?"): a question about the answer, not a guess."""
    words = key(candidate).split()
    return (len(words) == 2 and words[0] in ("a", "an") and words[1] in key(q.ask).split()
            and not expects(q, candidate))


def _hesitant_truth(q: Question, text: str) -> str | None:
    """The one yes or no a line of hesitations holds at a question that takes them (``hmm no``,
    ``uh yes``), or None."""
    always = kind(q.type).always_answers
    if not always:
        return None
    typed = key(text)
    words = undoubled(typed).split()
    said = {w for w in words if w in always}
    if len(said) != 1 or not all(w in always or w in HESITATIONS for w in words):
        return None
    return said.pop() if len(words) > 1 or words != typed.split() else None  # "hmm no", "yess"
