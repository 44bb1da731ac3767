"""Held-out student explanations against the course's open questions.

Written as students write - loosely, with typos, word forms, synonyms of our own choosing, half
answers, wrong reasons and negations - *after* the questions' accept groups, and never copied
from their ``examples:``. Each row: lesson, question, what the student typed, and the points (1-based)
a fair tutor finds in it. A full answer must get full credit, a partial one the follow-up, a wrong
reason or a negated point no credit for that point.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.grading import Grader, Verdict
from tutor.loader import load_course

ROOT = Path(__file__).resolve().parents[2]
COURSE, _ = load_course([ROOT / "lessons"])
GRADER = Grader(COURSE)

ROWS = [
    # lesson 2: how has landlocked Kazakhstan turned its geography into an advantage?
    ("crossroads", "niche-why", "It became a transit corridor: goods move through it from the Chinese coast to the oil-rich Central Asian regions and up to Siberia.", {1, 2, 3}),
    ("crossroads", "niche-why", "kazakhstan conects trade between chinas eastern ports and central asia's oil regions", {1, 2, 3}),
    ("crossroads", "niche-why", "It is a crossroads for commerce.", {1}),
    ("crossroads", "niche-why", "It built a navy on the Caspian.", set()),
    ("crossroads", "niche-why", "Trade flows through Kazakhstan.", {1}),
    # lesson 3: how have Russia and China divided the work?
    ("division-of-labour", "split-explain", "Russia is the guard of the region and China is the banker that invests.", {1, 2}),
    ("division-of-labour", "split-explain", "Moscow gives protection with its atomic weapons while Beijing does the trading.", {1, 2, 3}),
    ("division-of-labour", "split-explain", "Beijing builds economic networks.", {2}),
    ("division-of-labour", "split-explain", "China guards the region and Russia trades.", {1, 2}),
    ("division-of-labour", "split-explain", "They share power equally.", set()),
    # lesson 4: China's security moves
    ("china-security", "security-moves", "Beijing is stepping into security. It made a deal with Tajikistan to watch the border with Afghanistan, and it runs a counter-terrorism group in Urumqi, so the old division of labour is in question.", {1, 2, 3, 4}),
    ("china-security", "security-moves", "China is now active in military matters and the split is blurring.", {1, 4}),
    ("china-security", "security-moves", "China set up an initiative with Afghanistan, Pakistan and Tajikistan.", {3}),
    ("china-security", "security-moves", "China is not moving into security at all.", set()),
    ("china-security", "security-moves", "Russia left the region.", set()),
    # lesson 5: arms transfers
    ("arms", "arms-meaning", "Weapons used to be Russia's market. China's share went from 1.5% to 18%, and it sold Kazakhstan Y-8 planes.", {1, 2, 3}),
    ("arms", "arms-meaning", "China is competing with Russia now.", {4}),
    ("arms", "arms-meaning", "China gave trucks and trailers as a present.", {3}),
    ("arms", "arms-meaning", "The arms market belongs to America.", set()),
    ("arms", "arms-meaning", "Kazakhstan bought transport aircraft from Beijing, and Chinese market share increased twelvefold.", {2, 3}),
    # lesson 6: the giants' clubs
    ("trade-and-clubs", "clubs-why", "Russia draws it into the Eurasian Economic Union, China into the SCO and the Belt and Road, and both want to keep the USA out.", {2, 3, 4}),
    ("trade-and-clubs", "clubs-why", "They are top trade partners, they sign security agreements and they bring it into multilateral organisations.", {1}),
    ("trade-and-clubs", "clubs-why", "Both agree to keep Kazakhstan out of the American orbit.", {4}),
    ("trade-and-clubs", "clubs-why", "China leads the Eurasian Economic Union.", set()),
    ("trade-and-clubs", "clubs-why", "They want it to join NATO.", set()),
    # lesson 7: why hedge
    ("hedging", "why-hedge", "So it isn't dependant on any one power; it takes money from both giants and leans on the West to counterbalance them.", {1, 2, 3}),
    ("hedging", "why-hedge", "to avoid relying on a single partner", {1}),
    ("hedging", "why-hedge", "It gets investment from Russia and China.", {2}),
    ("hedging", "why-hedge", "It wants to depend on Russia.", set()),
    ("hedging", "why-hedge", "It is allied with the US.", set()),
    ("hedging", "why-hedge", "The West counterbalances the influence of its neighbours.", {3}),
    # lesson 7: why the West, and why no sides
    ("hedging", "why-west", "to counterbalance the ambitions of Moscow and Beijing, so it doesn't rely on just one power, and it refuses to pick a side between the US and China", {1, 2, 3}),
    ("hedging", "why-west", "The West offsets China's and Russia's influence.", {1}),
    ("hedging", "why-west", "It does not want to depend on one single power.", {2}),
    ("hedging", "why-west", "It does not balance Russia and China.", set()),
    ("hedging", "why-west", "It takes America's side against China.", set()),
    # lesson 7: multi-vector
    ("hedging", "multi-vector-meaning", "Having good relations with all the major powers without joining an alliance with any of them.", {1, 2, 3}),
    ("hedging", "multi-vector-meaning", "Ties with Russia, China and the EU at the same time.", {1}),
    ("hedging", "multi-vector-meaning", "Never allying with one side.", {3}),
    ("hedging", "multi-vector-meaning", "Being neutral and isolationist.", set()),
    ("hedging", "multi-vector-meaning", "Friendly relationships with many partners.", {1, 2}),
    # lesson 8: two roles
    ("washington-and-kabul", "two-roles", "In Central Asia it helps the US stay engaged, but it wants US troops to leave Afghanistan step by step; it gives Afghan students scholarships.", {1, 2, 3, 4}),
    ("washington-and-kabul", "two-roles", "It wants the Americans out of Afghanistan gradually.", {2, 3}),
    ("washington-and-kabul", "two-roles", "Kazakhstan sends wheat flour.", {4}),
    ("washington-and-kabul", "two-roles", "It wants an immediate pullout of the US.", set()),
    ("washington-and-kabul", "two-roles", "Kazakhstan enables the American presence in Central Asia.", {1}),
    # lesson 8: what the strategy signals
    ("washington-and-kabul", "strategy-meaning", "It wasn't really new, but it showed the US wants closer ties with Kazakhstan and more interest in the region.", {1, 2, 3}),
    ("washington-and-kabul", "strategy-meaning", "Growing American interest in Central Asia.", {3}),
    ("washington-and-kabul", "strategy-meaning", "Kazakhstan will help America stay in the region.", {4}),
    ("washington-and-kabul", "strategy-meaning", "A radical change: the US wants a military alliance.", set()),
    ("washington-and-kabul", "strategy-meaning", "It was a completely new policy.", set()),
    # lesson 9: why the split is fraying
    ("middle-powers", "fraying", "China got assertive on security (the Tajik deal, the Urumqi centre) and grabbed a big share of the arms market, so the roles overlap now.", {1, 2, 3}),
    ("middle-powers", "fraying", "China is selling weapons in the region.", {2}),
    ("middle-powers", "fraying", "China now plays on Russia's turf.", {3}),
    ("middle-powers", "fraying", "Russia left Central Asia.", set()),
    ("middle-powers", "fraying", "China stopped investing.", set()),
    # lesson 9: what others can learn
    ("middle-powers", "copy-lessons", "Stay pragmatic, keep everyone happy, and don't depend on a single great power.", {1, 2, 3}),
    ("middle-powers", "copy-lessons", "Keep all the powers friendly.", {2}),
    ("middle-powers", "copy-lessons", "Find a niche like a trade hub that makes you useful.", {4}),
    ("middle-powers", "copy-lessons", "Ally with the strongest neighbour.", set()),
    ("middle-powers", "copy-lessons", "Be ideological.", set()),
    # lesson 9: what might not transfer
    ("middle-powers", "not-transfer", "Its geography as a trade corridor, its oil and gas wealth, and two neighbours that both keep the US out are special; and its room to hedge may shrink.", {1, 2, 3, 4}),
    ("middle-powers", "not-transfer", "Not every country has natural resources.", {2}),
    ("middle-powers", "not-transfer", "It only works for now.", {4}),
    ("middle-powers", "not-transfer", "Any country can copy it exactly.", set()),
    ("middle-powers", "not-transfer", "Its location between China and Europe on the trade route.", {1}),
]


def _question(lesson_id: str, question_id: str):
    lesson = COURSE.lesson(lesson_id)
    assert lesson is not None
    question = lesson.question(question_id)
    assert question is not None
    return question


@pytest.mark.parametrize(("lesson_id", "question_id", "text", "points"), ROWS)
def test_held_out_explanation(lesson_id: str, question_id: str, text: str, points: set[int]) -> None:
    question = _question(lesson_id, question_id)
    grade = GRADER.grade(question, text)
    number = {p.text: i for i, p in enumerate(question.points, 1)}
    found = {number[t] for t in grade.found}
    assert found == points, grade.feedback
    if len(points) >= question.required and not grade.extra:
        assert grade.verdict is Verdict.CORRECT and grade.credit == 1.0
    elif not points:
        assert grade.credit == 0.0 and grade.verdict in (Verdict.WRONG, Verdict.MISCONCEPTION)
    else:
        assert grade.verdict is Verdict.PARTIAL and 0 < grade.credit < 1
        missing = [p for p in question.points if p.text not in grade.found]
        if len(points) < question.required:  # a follow-up question leads to a missing point
            follow_ups = [p.follow_up or "" for p in missing]
            assert any(f and f in grade.feedback for f in follow_ups) or "finish this thought" in grade.feedback
        for p in missing:  # and no missing point is named outright
            assert p.text not in grade.feedback


def test_the_table_covers_every_open_question() -> None:
    opens = {(lesson.id, q.id) for lesson in COURSE.lessons for q in lesson.questions if q.type.value == "open"}
    assert opens == {(row[0], row[1]) for row in ROWS}
    assert len(ROWS) >= 60


# A lesson on another subject (tests/data/open/ice.yaml): the same rules with no course-specific
# names, answered as students of physics answer.
ICE, _ = load_course([ROOT / "tests" / "data" / "open"])
ICE_GRADER = Grader(ICE)
ICE_ROWS = [
    ("Ice is less dense than water because water expands as it freezes.", {1, 2}),
    ("When water freezes its molecules form a hexagonal lattice with hydrogen bonds, so the ice is less dense.", {1, 3}),
    ("water gets bigger when it freezes, the volume increases", {2}),
    ("Liquid water is denser than ice.", {1}),
    ("ice is lighter than the same volume of water", {1}),
    ("Its density is lower than water's, and freezing water expands.", {2}),  # "its": not read
    ("Because ice has air bubbles inside.", set()),
    ("Ice is denser than water.", set()),
    ("Ice is not less dense than water.", set()),
    ("it expnads when it freezes", {2}),
    ("Because it is cold.", set()),
    ("Hydrogen bonding holds the molecules in an open structure.", {3}),
]


@pytest.mark.parametrize(("text", "points"), ICE_ROWS)
def test_another_subject(text: str, points: set[int]) -> None:
    question = ICE.lessons[0].questions[0]
    grade = ICE_GRADER.grade(question, text)
    number = {p.text: i for i, p in enumerate(question.points, 1)}
    assert {number[t] for t in grade.found} == points, grade.feedback
    assert grade.verdict.right == (len(points) >= question.required and not grade.extra)


# A point that moves something one way is not made by a sentence that moves it only the other way
# (tests/data/ownwords/unseen/cells.yaml: "water enters the cell by osmosis").
CELLS, _ = load_course([ROOT / "tests" / "data" / "ownwords" / "unseen"])
CELLS_GRADER = Grader(CELLS)
DIRECTION_ROWS = [
    ("Water moves into the cell by osmosis.", {1}),
    ("Water moves out of the cell by osmosis.", set()),
    ("By osmosis water leaves the cell.", set()),
    ("Water goes in and out of the cell by osmosis.", {1}),
    ("Osmosis makes water enter; the cell has no cell wall.", {1, 3}),
]


@pytest.mark.parametrize(("text", "points"), DIRECTION_ROWS)
def test_a_point_moved_the_other_way_is_not_made(text: str, points: set[int]) -> None:
    lesson = CELLS.lesson("cells")
    assert lesson is not None
    question = next(q for q in lesson.questions if q.id == "red-cell-water")
    grade = CELLS_GRADER.grade(question, text)
    number = {p.text: i for i, p in enumerate(question.points, 1)}
    assert {number[t] for t in grade.found} == points, grade.feedback
