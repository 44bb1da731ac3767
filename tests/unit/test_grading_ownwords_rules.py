"""The own-words rules one by one: what each accepts, what it still refuses, and the name of the
rule that decided (what ``tutor try --json`` shows). Questions are built from the model; the own
answer set (``test_grading_ownwords``) measures them together."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.grading import Grader, Verdict
from tutor.loader import load_course
from tutor.messages import Feedback
from tutor.model import Course, Item, Lesson, NumberSpec, Question, QuestionType, Synonym, Wrong
from tutor.session import Session

T = QuestionType
V = Verdict
RIGHT = (V.CORRECT, V.TYPO)


def text(ask: str, answer: str, *accept: str, wrong: dict[str, str] | None = None) -> Question:
    return Question(
        id=f"t-{answer}",
        ask=ask,
        type=T.TEXT,
        answer=answer,
        items=(Item(answer, tuple(accept)),),
        wrong=tuple(Wrong(k, v) for k, v in (wrong or {}).items()),
    )


Q = {
    "volga": text("Into which sea does the Volga flow?", "Caspian Sea"),
    "urals": text("Which mountains divide Europe from Asia?", "Ural Mountains", "Urals"),
    "secretary": text("What office did Pompeo hold?", "Secretary of State"),
    "tokayev-president": text("Who is the president?", "Kassym-Jomart Tokayev", "Tokayev"),
    "gorbachev": text(
        "Who was the last Soviet leader?",
        "Mikhail Gorbachev",
        wrong={"Boris Yeltsin": "Yeltsin led Russia afterwards."},
    ),
    "csto": text("Which alliance does Russia lead?", "Collective Security Treaty Organization"),
    "china-side": text("Which country has built economic networks?", "China"),
    "prc": text("Which state is it?", "People's Republic of China"),
    "gdr": text("Which state was it?", "German Democratic Republic"),
    "the-west": text("With whom did Kazakhstan keep close ties?", "the West"),
    "gold": text("Which element has the symbol Au?", "gold"),
    "bastille-date": text("When was the Bastille stormed?", "14 July 1789"),
    "louis": text("Which king was executed in 1793?", "Louis XVI"),
    "factor": Question(
        id="factor", ask="By what factor?", type=T.NUMBER, answer="12", number=NumberSpec(12)
    ),
    "area": Question(
        id="area",
        ask="What is the area of Kazakhstan?",
        type=T.NUMBER,
        answer="2724900",
        number=NumberSpec(2724900, 0.02, True, "km²"),
    ),
    "people": Question(
        id="people",
        ask="How many people live there?",
        type=T.NUMBER,
        answer="18000000",
        number=NumberSpec(18e6, unit="people"),
    ),
    "niche": Question(
        id="niche",
        ask="What niche has Kazakhstan found?",
        type=T.CHOICE,
        answer="Connecting trade between China's east coast, Central Asia and Siberia",
        options=(
            "Connecting trade between China's east coast, Central Asia and Siberia",
            "Running a deep-water port for Central Asian shipping",
            "Exporting manufactured goods to Western Europe by sea",
        ),
        correct=(0,),
    ),
    "withdrawal": Question(
        id="withdrawal",
        ask="What kind of withdrawal?",
        type=T.CHOICE,
        answer="Gradual yet complete",
        options=("Gradual yet complete", "Immediate and complete", "Partial"),
        correct=(0,),
    ),
    "nations": text("Who opposed it?", "Western nations"),
    "oil": text("Which resource are the regions rich in?", "oil"),
    "eaeu-spelt-out": text(
        "What does EAEU stand for?",
        "Eurasian Economic Union",
        wrong={"European Economic Union": "That is another union."},
    ),
    "whale": text("What is the name of the whale in Moby-Dick?", "Moby Dick"),
    "membrane": text(
        "Which part of the cell controls what enters it?",
        "cell membrane",
        wrong={"cell wall": "The wall gives strength."},
    ),
    "membrane-unsaid": text("Which layer controls what goes in and out?", "cell membrane"),
    "hooke": text("Who named the cell?", "Robert Hooke"),
    "white-house": text("Where does the president live?", "White House"),
    "ohm": text("What is the unit of electrical resistance?", "ohm", "Ω"),
    "baikal": text("Which lake in Siberia is the deepest?", "Lake Baikal"),
    "louis-france": text("Which king of France was executed in 1793?", "Louis XVI"),
    "john": text("Which English king agreed to Magna Carta?", "King John"),
    "elba": text("Where did Napoleon go after leaving France?", "Elba"),
    "evaporation": text(
        "What is liquid water turning into vapour called?",
        "evaporation",
        wrong={"condensation": "That goes the other way."},
    ),
    "condenser": text("Which device cools the steam back into water?", "condenser"),
    "vacuole": text("What holds the cell sap?", "permanent vacuole", "vacuole", "large vacuole"),
}
G = Grader(
    Course(
        (Lesson(id="l", title="L", steps=tuple(Q.values())),),
        synonyms=(Synonym("nations", ("countries", "states")),),
    )
)

ROWS = [
    # carrier words and echoes of the question
    ("volga", "into the Caspian", RIGHT, "carrier-words"),
    ("volga", "Caspian", RIGHT, "generic-head"),
    ("volga", "the caspian one", RIGHT, None),
    ("volga", "it flows into the Caspian Sea", RIGHT, "carrier-words"),
    ("volga", "not the Caspian", (V.WRONG,), None),
    ("volga", "the Caspian or the Black Sea", (V.WRONG,), None),
    # generic heads: dropped or added, but not another kind of head
    ("urals", "the Ural range", RIGHT, None),
    ("urals", "Ural river", (V.CLOSE, V.WRONG), None),
    ("secretary", "Secretary", (V.CLOSE, V.WRONG), None),  # not a name: the head stays
    # titles, full names, initials; another person's name form is not a slip
    ("tokayev-president", "President Kassym-Jomart Tokayev", RIGHT, "title"),
    ("tokayev-president", "Mr Tokayev", RIGHT, "title"),
    ("tokayev-president", "K.J. Tokayev", RIGHT, None),
    ("tokayev-president", "Tokayeva", (V.CLOSE, V.WRONG), None),
    ("gorbachev", "Gorbachev", RIGHT, "surname-only"),
    ("gorbachev", "Mikhail Sergeyevich Gorbachev", RIGHT, "middle-names"),
    ("gorbachev", "General Secretary Gorbachev", RIGHT, None),
    ("gorbachev", "Raisa Gorbacheva", (V.WRONG, V.CLOSE), None),
    # a misconception in other forms gets its own reply
    ("gorbachev", "Yeltsin", (V.MISCONCEPTION,), "surname-only"),
    ("gorbachev", "President Yeltsin", (V.MISCONCEPTION,), None),
    # a name with its abbreviation
    ("csto", "Collective Security Treaty Organization (CSTO)", RIGHT, None),
    ("csto", "CSTO - Collective Security Treaty Organization", RIGHT, "abbreviation"),
    # demonyms, possessives, adjectives, synonyms
    ("china-side", "Chinese", RIGHT, "word-form"),
    ("china-side", "China's", RIGHT, None),
    ("china-side", "the Chinese side", RIGHT, None),
    ("china-side", "Chile", (V.WRONG, V.CLOSE), None),
    ("prc", "Republic of China", (V.WRONG, V.CLOSE), None),  # Taiwan
    ("gdr", "Federal Republic of Germany", (V.WRONG, V.CLOSE), None),
    ("the-west", "Western", RIGHT, None),
    ("the-west", "the Western countries", RIGHT, None),
    ("nations", "Western countries", RIGHT, None),  # the lesson's synonym
    ("nations", "Western states", RIGHT, None),
    # a common word is never a slip of another; roman numerals are exact
    ("gold", "golf", (V.WRONG, V.CLOSE), None),
    ("gold", "the element gold", RIGHT, None),
    ("louis", "Louis the 16th", RIGHT, None),
    ("louis", "Louis XVIII", (V.WRONG, V.CLOSE), None),
    # dates and numbers in other forms
    ("bastille-date", "14/07/1789", RIGHT, None),
    ("bastille-date", "14.07.1789", RIGHT, None),
    ("bastille-date", "the 14th of July 1789", RIGHT, None),
    ("bastille-date", "14/07/1798", (V.WRONG, V.CLOSE), None),
    ("factor", "twelvefold", RIGHT, None),
    ("factor", "x12", RIGHT, None),
    ("factor", "a dozen times", RIGHT, None),
    # units: the lesson's, converted, or another (no try used)
    ("area", "2.7 million square kilometres", RIGHT, None),
    ("area", "1,052,100 square miles", RIGHT, "unit-converted"),
    ("area", "2,724,900 square miles", (V.INVALID,), "unit-wanted"),
    ("people", "18 million square km", (V.INVALID,), "unit-wanted"),
    # a generic tail, a word cut short, the question's own name in the answer
    ("oil", "oil and its reserves", RIGHT, None),
    ("oil", "oil and its army", (V.WRONG, V.CLOSE), None),
    ("eaeu-spelt-out", "Eurasian Econ Union", RIGHT, "abbreviation"),
    ("eaeu-spelt-out", "Eur Economic Union", (V.WRONG, V.CLOSE, V.MISCONCEPTION), None),
    ("eaeu-spelt-out", "Eurasian Economic Union (EAEU)", RIGHT, None),
    ("whale", "the whale is called Moby Dick", RIGHT, None),
    # the question's own words left out of the answer: only when something is left
    ("membrane", "membrane", RIGHT, "question-words"),
    ("membrane", "the membrane", RIGHT, None),
    ("membrane", "wall", (V.MISCONCEPTION,), "question-words"),
    ("membrane", "cell", (V.CLOSE, V.WRONG), None),
    ("membrane-unsaid", "membrane", (V.CLOSE, V.WRONG), None),
    # a surname slipped into a word, after the given name typed exactly; the word alone is not
    ("hooke", "Robert Hook", RIGHT, None),
    ("hooke", "Robert Hooks", RIGHT, None),
    ("hooke", "Hook", (V.WRONG, V.CLOSE), None),
    ("white-house", "White Horse", (V.WRONG, V.CLOSE), None),  # no surname: a thing of its own
    # carriers of a unit; a form with the same answer's other words around it
    ("ohm", "it's measured in ohms", RIGHT, "carrier-words"),
    ("ohm", "ohms, symbol Ω", RIGHT, None),
    ("ohm", "12 Ω", (V.WRONG, V.CLOSE), None),
    ("vacuole", "large permanent vacuole", RIGHT, "forms-combined"),
    ("vacuole", "large central vacuole", (V.WRONG, V.CLOSE), None),
    # the answer in the place the question puts it ("in Siberia", "of France", "English")
    ("baikal", "Lake Baikal in Siberia", RIGHT, "answer-in-context"),
    ("baikal", "Lake Baikal in Mongolia", (V.WRONG, V.CLOSE), None),
    ("louis-france", "Louis XVI of France", RIGHT, "answer-in-context"),
    ("louis-france", "Louis XVI of Spain", (V.WRONG, V.CLOSE), None),
    ("john", "King John of England", RIGHT, None),
    ("john", "King John of Scotland", (V.WRONG, V.CLOSE), None),
    ("elba", "Elba in France", (V.WRONG, V.CLOSE), None),  # the question names France otherwise
    # a process as a verb instead of a noun; an agent (-er, -or) is another thing
    ("evaporation", "it evaporates", RIGHT, "carrier-words"),
    ("evaporation", "they are evaporating", RIGHT, None),
    ("evaporation", "it condenses", (V.MISCONCEPTION,), None),
    ("condenser", "condensation", (V.WRONG, V.CLOSE), None),
    ("evaporation", "evaporator", (V.WRONG, V.CLOSE), None),
    ("evaporation", "evaporaton", RIGHT, None),
    ("condenser", "it condenses", (V.WRONG, V.CLOSE), None),
    # a choice option in other words; two as close: ask
    ("niche", "it connects trade between China and Siberia", RIGHT, "option-in-other-words"),
    ("niche", "a port for shipping", (V.WRONG,), None),
    ("niche", "a port connecting trade", (V.INVALID,), "options-as-close"),  # mixes two options
    ("withdrawal", "gradually but completely", RIGHT, "option-in-other-words"),
    ("withdrawal", "slow but complete", (V.INVALID,), "options-as-close"),
]


@pytest.mark.parametrize(("name", "typed", "verdicts", "rule"), ROWS)
def test_own_words_rule(name: str, typed: str, verdicts: tuple, rule: str | None) -> None:
    grade = G.grade(Q[name], typed)
    assert grade.verdict in verdicts, grade
    if rule is not None:
        assert grade.rule == rule, grade


def test_an_option_taken_from_other_words_is_named() -> None:
    grade = G.grade(Q["niche"], "trade link between China and Siberia")
    assert grade.feedback.startswith("I took that as A: Connecting trade"), grade
    assert "Pick just one option" not in G.grade(Q["niche"], "a port and shipping").feedback


def test_a_lesson_synonym_counts_only_in_its_lesson() -> None:
    plain = Grader()
    assert plain.grade(Q["nations"], "Western states").verdict not in RIGHT


def test_close_costs_no_try() -> None:
    """The right answer with words the rules cannot clear: said so, no try used."""
    course, _ = load_course([Path(__file__).resolve().parents[1] / "data" / "course"])
    lesson = course.lesson("neighbours")
    assert lesson is not None
    index = next(i for i, s in enumerate(lesson.steps) if getattr(s, "id", None) == "guarantor")
    s = Session.learn(course, "neighbours", Grader(course), start_at=index)
    s.start()
    before = s.question
    out = s.submit("Russia, because of its army")
    fb = out[0]
    assert isinstance(fb, Feedback) and fb.grade.verdict is V.CLOSE, out
    assert "in there" in fb.text and not fb.final
    right = s.submit("Russia")[0]
    assert isinstance(right, Feedback) and right.final and right.awarded == 1.0
    assert before is not None
