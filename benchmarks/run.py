"""Run every benchmark and print medians beside their baselines, measured in the same run.

    python benchmarks/run.py              # all of them
    python benchmarks/run.py grading plain --runs 9

Each measurement alternates subject and baseline run by run, so a noisy neighbour slows both.
Nothing here asserts a speed: the table says whether each target was met.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cached  # noqa: E402
import chat  # noqa: E402
import classstore  # noqa: E402
import generate  # noqa: E402
import hostile  # noqa: E402
import open_answers  # noqa: E402
import transforms  # noqa: E402
from harness import Row, alternate, measure, med, table  # noqa: E402

# ----------------------------------------------------------------------------------- start-up

# Both apps leave through the same door: Textual's auto-pilot exits once the first screen is up.
HEADLESS = r"""
import sys
from textual.app import App
_run = App.run
def _headless(self, *args, **kwargs):
    async def leave(pilot):
        await pilot.pause()
        pilot.app.exit()
    return _run(self, headless=True, size=(100, 30), auto_pilot=leave)
App.run = _headless
"""

STARTUP_BARE = HEADLESS + r"""
from textual.widgets import Input, Static

class Bare(App):
    def compose(self):
        yield Static("Hello")
        yield Input()

Bare().run()
"""

# The real `tutor` command path (load the course, open the store, build the grader, start the
# app), told that it is on a terminal so that it does not print the plain course list instead.
STARTUP_TUTOR = HEADLESS + r"""
sys.stdin.isatty = lambda: True
sys.stdout.isatty = lambda: True
from tutor.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def bench_startup(runs: int, work: Path) -> list[Row]:
    """Warm: the course cache holds the course (every start after the first). Cold: an empty cache
    each run, so the course is parsed, checked and cached."""
    data = work / "startup-data"
    tutor = [sys.executable, "-c", STARTUP_TUTOR, str(data)]
    warm_env = {"TUTOR_CACHE_DIR": str(work / "startup-cache")}
    measure(tutor, env=warm_env)  # fills the cache and the progress store

    def cold():
        return measure(tutor, env={"TUTOR_CACHE_DIR": tempfile.mkdtemp(dir=work)})

    def bare():
        return measure([sys.executable, "-c", STARTUP_BARE])

    warm, base = alternate(runs, lambda: measure(tutor, env=warm_env), bare)
    cold_results, cold_base = alternate(runs, cold, bare)
    return [
        Row("start-up, warm cache", med(warm, 0), med(base, 0), "s", 1.25,
            note="tutor on the bundled course vs a bare Static+Input app, headless"),
        Row("start-up peak memory", med(warm, 1), med(base, 1), "MiB", 1.5),
        Row("start-up, cold (no cache)", med(cold_results, 0), med(cold_base, 0), "s", 1.6),
    ]


# ------------------------------------------------------------------------------------ loading

LOAD_TUTOR = r"""
import sys, time
from pathlib import Path
from tutor.loader import load_course
start = time.perf_counter()
course, problems = load_course([Path(sys.argv[1])])
elapsed = time.perf_counter() - start
errors = [p for p in problems if p.severity == "error"]
assert not errors, errors[:3]
print(elapsed, course.question_count)
"""

LOAD_BARE = r"""
import sys, time, yaml
from pathlib import Path
files = sorted(Path(sys.argv[1]).glob("*.yaml"))
start = time.perf_counter()
docs = [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]
print(time.perf_counter() - start, len(docs))
"""


def bench_loading(runs: int, work: Path) -> list[Row]:
    bank = work / "bank"
    if not bank.exists():
        generate.write_bank(bank, files=1000, questions=20)
    subject, base = alternate(
        runs,
        lambda: measure([sys.executable, "-c", LOAD_TUTOR, str(bank)]),
        lambda: measure([sys.executable, "-c", LOAD_BARE, str(bank)]),
    )

    def inner(results) -> float:  # the time the child measured itself, without interpreter start
        return statistics.median(float(r[2].split()[0]) for r in results)

    questions = int(subject[0][2].split()[1])
    return [
        Row("loading 1,000 files", inner(subject), inner(base), "s", 1.5,
            note=f"{questions:,} questions; load_course vs yaml.load(CSafeLoader)"),
        Row("loading peak memory", med(subject, 1), med(base, 1), "MiB", None),
    ]


# ------------------------------------------------------------------------------------ grading

GRADING = r"""
import random, statistics, sys, time
from pathlib import Path
from rapidfuzz import fuzz
from tutor.loader import load_course
from tutor.grading import Grader
from tutor.model import QuestionType as T

course, problems = load_course([Path(sys.argv[1])])
grader = Grader(course)
rng = random.Random(7)
questions = [q for lesson in course.lessons for q in lesson.questions]
competitors = sum(
    len(q.options) + len(q.wrong) + sum(len(i.forms) for i in q.items) for q in questions
)

def typo(text):
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]

def answers(q):
    other = rng.choice(questions)
    if q.type == T.TEXT:
        a = q.items[0].text
        return [a, typo(a), other.answer]
    if q.type == T.NUMBER:
        v = q.number.value
        return [q.answer, f"{v * 1.5:.0f}", "about " + q.answer]
    if q.type == T.LIST:
        items = [i.text for i in q.items]
        return [", ".join(items), " and ".join(reversed(items)), typo(items[0])]
    if q.type in (T.CHOICE, T.MULTI):
        letters = [chr(65 + i) for i in q.correct]
        return [", ".join(letters), q.options[q.correct[0]], typo(q.options[-1])]
    return ["true", "false", "not true"]

cases = [(q, a) for q in rng.sample(questions, min(len(questions), 3000)) for a in answers(q)]
grader.grade(cases[0][0], cases[0][1])  # warm-up
ours, base = [], []
for q, a in cases:
    t0 = time.perf_counter_ns()
    grader.grade(q, a)
    t1 = time.perf_counter_ns()
    fuzz.ratio(a, q.answer)
    t2 = time.perf_counter_ns()
    ours.append((t1 - t0) / 1e6)
    base.append((t2 - t1) / 1e6)
ours.sort(); base.sort()
p99 = lambda xs: xs[min(len(xs) - 1, int(len(xs) * 0.99))]
print(statistics.median(ours), p99(ours), statistics.median(base), p99(base), len(cases), competitors)
"""


def bench_grading(runs: int, work: Path) -> list[Row]:
    bank = work / "grading-bank"
    if not bank.exists():
        generate.write_bank(bank, files=220, questions=20, seed=3)  # >= 10,000 competitor forms
    results = [measure([sys.executable, "-c", GRADING, str(bank)]) for _ in range(max(1, runs // 2))]
    values = [[float(x) for x in r[2].split()] for r in results]

    def col(i: int) -> float:
        return statistics.median(v[i] for v in values)

    cases, competitors = int(values[0][4]), int(values[0][5])
    note = f"{cases:,} answers graded, {competitors:,} competitor forms"
    return [
        Row("grading median", col(0), col(2), "ms", None, note=note + "; baseline one fuzz.ratio"),
        Row("grading p99", col(1), col(3), "ms", 2.0, absolute=True),
    ]


# --------------------------------------------------------------------------------- plain mode

PLAIN_ANSWERS = r"""
import sys
from pathlib import Path
from tutor.loader import load_course
from tutor.model import QuestionType as T
course, _ = load_course([Path(sys.argv[1])])
for q in course.lessons[0].questions:
    if q.type == T.TEXT:
        print(q.items[0].text)
    elif q.type == T.LIST:
        print(", ".join(i.text for i in q.items))
    elif q.type == T.CHOICE:
        print(q.options[q.correct[0]])
    elif q.type == T.MULTI:
        print(", ".join(chr(65 + i) for i in q.correct))
    elif q.type == T.TRUEFALSE:
        print("true" if q.truth else "false")
    else:
        print(q.answer)
"""


def bench_plain(runs: int, work: Path) -> list[Row]:
    big = work / "big"
    if not big.exists():
        generate.write_big_lesson(big, questions=1000)
    answers = subprocess.run(
        [sys.executable, "-c", PLAIN_ANSWERS, str(big)], capture_output=True, check=True
    ).stdout
    tutor = [sys.executable, "-m", "tutor", "--lessons", str(big)]

    def subject():
        data = tempfile.mkdtemp(dir=work)  # a fresh store each run: no resume
        return measure([*tutor, "--data-dir", data, "learn", "big", "--plain"], stdin=answers)

    results, base = alternate(runs, subject, lambda: measure([sys.executable, "-c", "pass"]))
    return [
        Row("plain: 1,000 questions piped", med(results, 0), med(base, 0), "s", 2.0,
            absolute=True, note="whole process; baseline an empty python3"),
        Row("plain peak memory", med(results, 1), med(base, 1), "MiB", None),
    ]


# ------------------------------------------------------------------------------------ storing

STORE = r"""
import sqlite3, statistics, sys, tempfile, time
from pathlib import Path
from tutor.records import Attempt
from tutor.store import Store

ours, base = [], []
with tempfile.TemporaryDirectory() as tmp:
    with Store.open(Path(tmp), "ann") as store:
        for i in range(300):
            t0 = time.perf_counter()
            store.attempt(Attempt("l1", "q", f"a{i}", "wrong", 0.0, 1, 0, True, 0.0, "learn"))
            ours.append((time.perf_counter() - t0) * 1000)
    # Baseline: the same row written with plain sqlite3 in WAL mode, one fsync'd commit each.
    conn = sqlite3.connect(Path(tmp) / "bare.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE a (at TEXT, text TEXT)")
    for i in range(300):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO a VALUES (?, ?)", ("now", f"a{i}"))
        conn.execute("COMMIT")
        base.append((time.perf_counter() - t0) * 1000)
    conn.close()
print(statistics.median(ours), statistics.median(base))
"""


def bench_store(runs: int, work: Path) -> list[Row]:
    results = [measure([sys.executable, "-c", STORE]) for _ in range(max(1, runs // 2))]
    values = [[float(x) for x in r[2].split()] for r in results]
    ours = statistics.median(v[0] for v in values)
    base = statistics.median(v[1] for v in values)
    return [
        Row("store: write one answer", ours, base, "ms", None,
            note="Store.attempt vs a bare WAL insert, both one fsync'd BEGIN IMMEDIATE commit"),
    ]


BENCHMARKS = {
    "startup": bench_startup,
    "grading": bench_grading,
    "loading": bench_loading,
    "plain": bench_plain,
    "store": bench_store,
    "check": cached.bench_check,
    "open": open_answers.bench_open,
    "first-question": cached.bench_first_question,
    "hostile": hostile.bench_hostile,
    "transforms": transforms.bench_transforms,
    "chat": chat.bench_chat,
    "class-send": classstore.bench_send,
    "class-report": classstore.bench_report,
}


def main() -> int:
    parser = argparse.ArgumentParser(description="Run tutor's benchmarks.")
    parser.add_argument("which", nargs="*", metavar="NAME", help=f"any of {', '.join(BENCHMARKS)}")
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median)")
    args = parser.parse_args()
    unknown = [name for name in args.which if name not in BENCHMARKS]
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    chosen = args.which or list(BENCHMARKS)
    # Measure tutor as installed: pip byte-compiles a package when it installs it, and Textual
    # (the baseline) was. An editable checkout run with PYTHONDONTWRITEBYTECODE set (as on these
    # machines) would otherwise compile every module of tutor again in every timed process.
    import compileall

    import tutor

    compileall.compile_dir(Path(tutor.__file__).parent, quiet=1)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="tutor-bench-") as tmp:
        work = Path(tmp)
        for name in chosen:
            print(f"running {name} ({args.runs} runs) ...", file=sys.stderr, flush=True)
            rows += BENCHMARKS[name](args.runs, work)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.runs} runs")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
