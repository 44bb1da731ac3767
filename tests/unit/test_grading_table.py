"""The grading rules, one row per (question, typed text, expected verdict [, expected credit]).

Questions are built directly from the model (no loader). ``G`` knows only the built-in names;
``C`` knows a small course too, so that its answers compete with typos (``Chile``).
"""

from __future__ import annotations

import pytest
from questions import ROWS, C, G, Q, check_row


def _id(row: tuple) -> str:
    name, typed = row[0], row[1]
    shown = typed if len(typed) <= 30 else typed[:27] + "..."
    return f"{name}:{shown!r}->{row[2].value}"


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_grading_table(row: tuple) -> None:
    check_row(row, Q, G, C)
