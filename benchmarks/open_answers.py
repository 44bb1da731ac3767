"""Grading explanations: a 100-word answer to an open question, p99 <= 5 ms.

Each answer is new (words drawn from the course's own teaching and points, shuffled into five
sentences, with some misspelt), so nothing is served from a per-answer memo; the stemmer's word
cache warms up as it would over a session. Baseline: normalising the same text
(``tutor.grading.normalise``), the least any grading of it must do. Times are the thread's CPU
time (``time.thread_time_ns``): on a machine shared by several developers, wall-clock p99 measures
the neighbours (the baseline's own wall p99 was 8-14 ms for a 0.1 ms median).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from harness import Row, measure

ROOT = Path(__file__).resolve().parents[1]

OPEN = r"""
import random, statistics, sys, time
from pathlib import Path
from tutor.grading import Grader, normalise
from tutor.loader import load_course
from tutor.model import Teach

course, _ = load_course([Path(sys.argv[1])])
grader = Grader(course)
rng = random.Random(11)
opens = [q for lesson in course.lessons for q in lesson.questions if q.type.value == "open"]
vocab = [w for lesson in course.lessons for s in lesson.steps if isinstance(s, Teach)
         for w in s.text.replace("*", "").split()]
vocab += [w for q in opens for p in q.points for w in p.text.split()]

def misspell(w):
    if len(w) < 6 or rng.random() > 0.1:
        return w
    i = rng.randrange(1, len(w) - 2)
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]

def answer():
    words = [misspell(rng.choice(vocab)) for _ in range(100)]
    return ". ".join(" ".join(words[i:i + 20]) for i in range(0, 100, 20)) + "."

cases = [(rng.choice(opens), answer()) for _ in range(int(sys.argv[2]))]
grader.grade(*cases[0])  # warm-up: the stemmer is loaded on the first explanation
ours, base = [], []
for q, a in cases:
    t0 = time.thread_time_ns()
    grader.grade(q, a)
    t1 = time.thread_time_ns()
    normalise(a)
    t2 = time.thread_time_ns()
    ours.append((t1 - t0) / 1e6)
    base.append((t2 - t1) / 1e6)
ours.sort(); base.sort()
p99 = lambda xs: xs[min(len(xs) - 1, int(len(xs) * 0.99))]
print(statistics.median(ours), p99(ours), statistics.median(base), p99(base), len(cases), len(opens))
"""


def bench_open(runs: int, work: Path) -> list[Row]:
    argv = [sys.executable, "-c", OPEN, str(ROOT / "lessons"), "2000"]
    results = [measure(argv) for _ in range(max(1, runs // 2))]
    values = [[float(x) for x in r[2].split()] for r in results]

    def col(i: int) -> float:
        return statistics.median(v[i] for v in values)

    note = f"{int(values[0][4]):,} answers of 100 words to {int(values[0][5])} open questions"
    return [
        Row("open answer median", col(0), col(2), "ms", None, note=note + "; baseline: normalise"),
        Row("open answer p99", col(1), col(3), "ms", 5.0, absolute=True),
    ]
