"""Benchmark: answering a free question from the course (``python benchmarks/run.py chat``).

A 1,000-lesson generated course; one learn session with a question open; students' questions about
words of the course (some misspelt, some about things the course never mentions), each typed as a
line into ``Session.submit``. Reported: p99 and median of one reply, and the one-off index build.
The baseline, measured in the same process, is grading one answer at the same question.
"""

from __future__ import annotations

import sys
from pathlib import Path

import generate
from harness import Row, measure

CHAT = r"""
import random, statistics, sys, time
from pathlib import Path
from tutor.loader import load_course
from tutor.grading import Grader
from tutor.session import Session
from tutor.session.search import course_index, words

course, problems = load_course([Path(sys.argv[1])])
grader = Grader(course)
rng = random.Random(11)
lesson = course.lessons[len(course.lessons) // 2]
t0 = time.perf_counter()
index = course_index(course)
build = time.perf_counter() - t0
vocab = sorted({w for p in index.passages for w in words(p.text) if len(w) > 5})

def slip(w):
    i = rng.randrange(1, len(w) - 1)
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]

forms = ["what is the fact about {}?", "tell me about {}", "why does {} matter?",
         "who or what is {}?", "what happened with {} and {}?", "can you explain {} to me?"]
lines = []
for _ in range(600):
    f = rng.choice(forms)
    ws = [rng.choice(vocab) for _ in range(f.count("{}"))]
    if rng.random() < 0.3:
        ws = [slip(w) for w in ws]
    if rng.random() < 0.1:
        ws = ["quantum chromodynamics"] * len(ws)
    lines.append(f.format(*ws))

ours, base = [], []
s = Session.learn(course, lesson.id, grader)
s.start()
q = s.question
s.submit("what is it about?")  # the session's first look-up builds its glossary
for line in lines:
    t = time.perf_counter_ns()
    out = s.submit(line)
    ours.append((time.perf_counter_ns() - t) / 1e6)
    assert s.question is q, (line, out)  # a question to the tutor never closes the question
    t = time.perf_counter_ns()
    grader.grade(q, q.answer)
    base.append((time.perf_counter_ns() - t) / 1e6)
ours.sort(); base.sort()
p99 = lambda xs: xs[int(len(xs) * 0.99) - 1]
print(p99(ours), p99(base), statistics.median(ours), statistics.median(base), build * 1000,
      len(index))
"""


def bench_chat(runs: int, work: Path) -> list[Row]:
    bank = work / "chat-bank"
    if not bank.exists():
        generate.write_bank(bank, files=1000, questions=20)
    results = [measure([sys.executable, "-c", CHAT, str(bank)]) for _ in range(max(1, runs // 3))]
    values = sorted(([float(x) for x in r[2].split()] for r in results), key=lambda v: v[0])
    v = values[len(values) // 2]
    return [
        Row("free question p99", v[0], v[1], "ms", 20, absolute=True,
            note=f"1,000 lessons, {int(v[5]):,} passages; Session.submit of a question vs "
                 "grading one answer"),
        Row("free question median", v[2], v[3], "ms", None),
        Row("course index build (once)", v[4], v[4], "ms", None, note="on the first question"),
    ]
