"""The credit rule: what a closed question adds to the score.

    awarded = base × max(0.25, 1 − 0.25 × (try − 1) − 0.15 × hints)

- ``base`` is 1 for a right answer (``correct`` or ``typo``: a typo earns full credit), the
  grader's partial credit for a ``partial`` answer (a list with some items), and 0 otherwise
  (``misconception``, ``close``, ``wrong``).
- ``try`` is the try on which the answer was given (1 for the first); ``hints`` is the number of
  hints seen before it.
- The factor never falls below 0.25: a right answer, however late, is worth something.
- Each graded try is scored this way; the question keeps the *best* award among its tries, so a
  partial list may be retried to complete it without risk.
- Skipping earns nothing beyond the best award already earned. ``invalid`` input costs nothing:
  it is not a try.

Examples: right on the first try 1.0; on the second 0.75; on the third 0.5; right on the first try
after one hint 0.85; after two hints on the second try 0.45; half a list on the first try 0.5.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the grading package loads with the first answer, not to show a lesson
    from tutor.grading.result import Grade

TRY_PENALTY = 0.25
HINT_PENALTY = 0.15
FLOOR = 0.25


def factor(try_no: int, hints_used: int) -> float:
    """The multiplier for an answer given on ``try_no`` after ``hints_used`` hints."""
    return max(FLOOR, 1.0 - TRY_PENALTY * (max(1, try_no) - 1) - HINT_PENALTY * max(0, hints_used))


def base_credit(grade: Grade) -> float:
    from tutor.grading.result import Verdict

    if grade.verdict.right:
        return 1.0
    if grade.verdict is Verdict.PARTIAL:
        return min(1.0, max(0.0, float(grade.credit)))
    return 0.0


def award(grade: Grade, try_no: int, hints_used: int) -> float:
    """What this answer would earn if it closed the question."""
    base = base_credit(grade)
    if base <= 0.0:
        return 0.0
    return round(base * factor(try_no, hints_used), 4)


_ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def credit_note(awarded: float, try_no: int, hints_used: int, partial: bool) -> str:
    """Why a closed question counts less than in full, in words ("" when it counts in full or not
    at all): "This one counts 60%: second try, after 1 hint."."""
    if not 0 < awarded < 1:
        return ""
    why = []
    if partial:
        why.append("only part of the answer")
    if try_no > 1:
        why.append(f"{_ORDINALS[try_no]} try" if try_no in _ORDINALS else f"try {try_no}")
    if hints_used:
        why.append(f"after {hints_used} hint{'s' if hints_used != 1 else ''}")
    reason = f": {', '.join(why)}" if why else ""
    return f"This one counts {round(awarded * 100)}%{reason}."
