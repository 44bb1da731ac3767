"""The loader reads a lesson's number answers with the grader's reader: an answer in plain digits
is taken at once, which holds only while the reader reads such digits as exactly that number."""

from __future__ import annotations

import random

import pytest

from tutor.grading.number_reader import find_numbers
from tutor.loader.number_fields import PLAIN_WHOLE, answer_number

_RNG = random.Random(18)
WHOLE = [*range(1, 3000), 1789, 1991, 2024, *(_RNG.randint(1, 10**15 - 1) for _ in range(3000))]


@pytest.mark.parametrize("unit", [None, "km", "m", "m/s", "people", "%", "years", "dollars"])
def test_the_reader_reads_plain_digits_as_themselves(unit):
    for n in WHOLE:
        text = str(n)
        assert PLAIN_WHOLE.fullmatch(text)
        assert [m.value for m in find_numbers(text, unit=unit)] == [float(n)], text
        assert answer_number(text, unit) == (float(n), [])


@pytest.mark.parametrize("text", ["007", "0", "1e3", "1,000", "18 million", "2.5", "-4", "10^3"])
def test_other_numbers_go_through_the_reader(text):
    assert not PLAIN_WHOLE.fullmatch(text)
    assert answer_number(text) != (None, [])
