"""Public lists the grader is held to:

- codespell's list of common misspellings (``codespell_lib/data/dictionary.txt``): a
  misspelling typed for the word it misspells is accepted as a slip (>= 92%);
- real places within two edits of each other (GeoNames, through ``tutor.grading.world``): a place
  typed for another is not credited (<= 5%).

Both take a fixed, evenly spread sample so that the test stays quick. Run this file as a script to
print the rates and the misses.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tutor.grading import Grader, world
from tutor.model import Item, Question, QuestionType

codespell_lib = pytest.importorskip("codespell_lib")

SAMPLE = 1500


def _text(answer: str) -> Question:
    return Question(
        id="q", ask="Which?", type=QuestionType.TEXT, answer=answer, items=(Item(answer),)
    )


def misspellings() -> list[tuple[str, str]]:
    """(a word, a misspelling of it), every n-th entry of codespell's list (entries with one
    correction)."""
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        typo, _, fixes = line.partition("->")
        words = [w.strip() for w in fixes.split(",") if w.strip()]
        if len(words) == 1 and words[0].isalpha() and typo.strip().isalpha():
            pairs.append((words[0], typo.strip()))
    step = max(1, len(pairs) // SAMPLE)
    return pairs[::step]


def near_places() -> list[tuple[str, str]]:
    """(a place, another real place within two edits of it): countries and cities of GeoNames."""
    places = world.places()
    names = [name for name, squashed, _c in places if squashed.isalpha() and len(squashed) >= 5]
    big = names[:: max(1, len(names) // 600)]  # an evenly spread sample of answers
    out = []
    for name in big:
        for other, dist, _ in process.extract(
            name, names, scorer=Levenshtein.distance, score_cutoff=2, limit=4
        ):
            if other.casefold() != name.casefold() and dist > 0:
                out.append((name, other))
                break
    return out


def rate(pairs: list[tuple[str, str]]) -> tuple[float, list[str]]:
    """The share of ``(answer, typed)`` pairs given full credit, and the ones that were."""
    grader = Grader()
    credited = []
    for answer, typed in pairs:
        if grader.grade(_text(answer), typed).verdict.right:
            credited.append(f"{typed!r} for {answer!r}")
    return len(credited) / len(pairs), credited


def test_codespell_misspellings_are_accepted() -> None:
    pairs = misspellings()
    accepted, _ = rate(pairs)
    assert len(pairs) >= 1000
    assert accepted >= 0.92, f"{accepted:.1%} of codespell's misspellings accepted"


def test_a_real_place_is_not_a_slip_of_another() -> None:
    pairs = near_places()
    credited, which = rate(pairs)
    assert len(pairs) >= 200
    assert credited <= 0.05, f"{credited:.1%} credited: " + ", ".join(which[:30])


if __name__ == "__main__":
    r, _ = rate(misspellings())
    print(f"codespell: {r:.1%} of {len(misspellings())} misspellings accepted")
    pl = near_places()
    r, which = rate(pl)
    print(f"places: {r:.1%} of {len(pl)} near pairs credited")
    if "-v" in sys.argv:
        print("\n".join(which))
