"""Answers to lessons on other subjects (science, history, maths), graded as a fair tutor would:
one row per (question, typed text, expected verdict [, expected credit]), as in
``test_grading_students``. Each row failed before the rule it names was added.
"""

from __future__ import annotations

import dataclasses

import pytest
from questions import check_row, number, text

from tutor.grading import Grader, Verdict, parse_number
from tutor.loader.number_fields import parse_number as answer_value
from tutor.model import Course, Lesson

V = Verdict
CORRECT, TYPO, CLOSE, WRONG, MISC = V.CORRECT, V.TYPO, V.CLOSE, V.WRONG, V.MISCONCEPTION
INVALID = V.INVALID

Q = {
    "g": number(9.81, tolerance=0.01, unit="m/s²"),
    "avogadro": number(6.02e23, "6.02e23", tolerance=0.01, relative=True),
    "moles": number(0.5, unit="mol"),
    "half-fraction": number(0.5),
    "zero": number(-273.15, unit="°C"),
    "bastille": text("14 July 1789"),
    "weekday": text("Thursday"),
    "may": text("Theresa May"),
    "solve": text("x = 4", "4"),
    "minus": text("-4"),
    "amps": number(3, unit="A"),
    "watts": number(2300, unit="W"),
    "ohms": number(12, unit="Ω"),
    "litres": number(1.5, unit="litres"),
    "volts": number(3, unit="V"),
    "trucks": number(30, unit="trucks"),
    "dollars": number(5, unit="US dollars"),
    "chromosomes": dataclasses.replace(number(46), ask="How many chromosomes are in a body cell?"),
    "pairs": dataclasses.replace(number(23), ask="How many pairs of chromosomes does a cell hold?"),
}
G = Grader()
# a course where another question measures in moles: "mol" is a unit, not a thing counted
C = Grader(Course((Lesson(id="science", title="Science", steps=tuple(Q.values())),)))

ROWS = [
    # a unit with a power in it is not a second number (m/s2 was "Give one number")
    ("g", "9.81 m/s²", CORRECT),
    ("g", "9.81 m/s2", CORRECT),
    ("g", "9.81 m/s^2", CORRECT),
    ("g", "9.81 ms-2", CORRECT),
    ("g", "9.81m/s/s", CORRECT),  # m is metres here, not million
    ("g", "g = 9.8 m/s2", CORRECT),
    ("g", "98.1 m/s2", WRONG),
    ("g", "9.81 or 10 m/s2", WRONG),
    # scientific notation, typed and in the answer
    ("avogadro", "6.02e23", CORRECT),
    ("avogadro", "6.02E23", CORRECT),
    ("avogadro", "6.02 x 10^23", CORRECT),
    ("avogadro", "6.02 × 10²³", CORRECT),
    ("avogadro", "6.02*10**23", CORRECT),
    ("C:avogadro", "6.022 × 10²³ mol⁻¹", CORRECT),
    ("avogadro", "6.02 x 10^22", WRONG),
    ("avogadro", "6.02", WRONG),
    # fractions in digits, in one character and in words
    ("half-fraction", "1/2", CORRECT),
    ("half-fraction", "½", CORRECT),
    ("half-fraction", "one half", CORRECT),  # was read as 1
    ("half-fraction", "a half", CORRECT),
    ("moles", "half a mole", CORRECT),
    ("moles", "9/18", CORRECT),
    ("half-fraction", "1/3", WRONG),
    ("half-fraction", "2/1", WRONG),
    ("half-fraction", "1", WRONG),
    # a minus sign typed with a space
    ("zero", "- 273.15", CORRECT),
    ("zero", "273.15", WRONG),
    # another month or weekday is not a spelling slip (14 June was accepted for 14 July)
    ("bastille", "14 June 1789", WRONG),
    ("bastille", "14 Jul 1789", TYPO),
    ("bastille", "14 Juyl 1789", TYPO),
    ("weekday", "Tuesday", WRONG),
    ("weekday", "Thrusday", TYPO),
    ("may", "Theresa Mey", TYPO),
    # a minus sign is not a hyphen: -4 is not 4 (x = -4 was accepted for x = 4)
    ("solve", "x = -4", CLOSE),
    ("solve", "x=-4", CLOSE),
    ("solve", "x = 4", CORRECT),
    ("minus", "-4", CORRECT),
    ("minus", "minus 4", CORRECT),
    ("minus", "4", CLOSE),
    # electrical and other SI units: another quantity is not the answer (3 V was 3 A), a
    # multiple of the unit converts (2.3 kW is 2300 W), the ohm sign is a unit, not an O
    ("amps", "3 V", INVALID),
    ("amps", "3 ohms", INVALID),
    ("amps", "3 amps", CORRECT),
    ("amps", "3A", CORRECT),
    ("amps", "3000 mA", CORRECT),
    ("watts", "2.3 kW", CORRECT),
    ("watts", "2.3 kilowatts", CORRECT),
    ("watts", "2300 kW", INVALID),
    ("watts", "2300 J", INVALID),
    ("watts", "2300 watts", CORRECT),
    ("ohms", "12Ω", CORRECT),
    ("ohms", "12 ohms", CORRECT),
    ("ohms", "12 V", INVALID),
    ("litres", "1500 ml", CORRECT),
    ("litres", "1.5 kg", INVALID),
    # a symbol that is also a word is the word when a word follows it ("30 a year", "us trucks")
    ("volts", "3 A", INVALID),
    ("volts", "3 a.", INVALID),
    ("volts", "3 a time", CORRECT),
    ("trucks", "30 a piece", CORRECT),
    ("trucks", "about 30 a year", CORRECT),
    ("trucks", "30 us trucks", CORRECT),
    ("dollars", "5 us dollars", CORRECT),
    ("dollars", "5 euros", INVALID),
    # pairs of what the question counts one by one are two each
    ("chromosomes", "23 pairs", CORRECT),
    ("chromosomes", "46 (23 pairs)", CORRECT),
    ("chromosomes", "46 pairs", WRONG),
    ("pairs", "23 pairs", CORRECT),
    ("pairs", "46", WRONG),
]


def _id(row: tuple) -> str:
    return f"{row[0]}:{row[1]!r}->{row[2].value}"


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_subject_answers(row: tuple) -> None:
    check_row(row, Q, G, C)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("6.02e23", 6.02e23),
        ("6.02 × 10^23", 6.02e23),
        ("1.6 x 10⁻¹⁹", 1.6e-19),
        ("10^-3", 1e-3),
        ("3/4", 0.75),
        ("three quarters", 0.75),
        ("half a million", 500_000),
        ("one and a half", 1.5),
    ],
)
def test_instructors_write_these_numbers(written: str, value: float) -> None:
    assert answer_value(written) == pytest.approx(value)
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["1991/1992", "CO2"])
def test_not_one_number(written: str) -> None:
    """Two years with a slash stay a hedge; digits inside a formula are not a number."""
    assert parse_number(written) is None


def test_pairs_are_shown_as_typed() -> None:
    grade = G.grade(Q["chromosomes"], "46 pairs")
    assert grade.feedback.startswith("46 pairs (92) is not it"), grade


def test_far_values_are_shown_as_powers_of_ten() -> None:
    grade = G.grade(Q["avogadro"], "6.02 x 10^22")
    assert "6.02 × 10^22" in grade.feedback, grade


@pytest.mark.parametrize(
    ("unit", "answer", "typed", "value"),
    [
        ("m/s", "5m", "5m", 5.0),  # the loader read 5,000,000 while the grader read 5
        ("m/s2", "9.81m", "9.81 m/s2", 9.81),
        ("m s-2", "9.81 m s-2", "9.81m", 9.81),
        ("people", "18m", "18 million", 18e6),
    ],
)
def test_units_read_alike_by_loader_and_grader(
    tmp_path, unit: str, answer: str, typed: str, value: float
) -> None:
    from tutor.loader import load_lesson

    path = tmp_path / "units.yaml"
    path.write_text(
        "id: units\ntitle: Units\nsteps:\n"
        f"  - id: q\n    type: number\n    ask: How much?\n    answer: {answer}\n"
        f"    unit: {unit}\n",
        encoding="utf-8",
    )
    lesson, problems = load_lesson(path)
    assert lesson is not None, problems
    question = lesson.questions[0]
    assert question.number is not None and question.number.value == pytest.approx(value)
    for written in (answer, typed):
        assert G.grade(question, written).verdict is CORRECT, written
