"""What the course cache buys: ``tutor check`` of a large bank and ``tutor learn`` to the first
question, each against the bare work it cannot avoid."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import generate
from harness import Row, alternate, measure, med, until_line

PARSE_BARE = r"""
import sys, yaml
from pathlib import Path
files = sorted(Path(sys.argv[1]).glob("*.yaml")) if Path(sys.argv[1]).is_dir() else [Path(sys.argv[1])]
docs = [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]
"""

FIRST_BARE = "import rapidfuzz\n" + PARSE_BARE


def bench_check(runs: int, work: Path) -> list[Row]:
    """``tutor check`` of 1,000 lessons (20,000 questions), whole process, against a whole
    process that only parses the same files with yaml.CSafeLoader. Cold: an empty cache each
    run (the files are parsed, checked, the examples run, and the cache written). Warm: unchanged
    files, a filled cache."""
    bank = work / "bank"
    if not bank.exists():
        generate.write_bank(bank, files=1000, questions=20)
    check = [sys.executable, "-m", "tutor", "check", str(bank)]
    warm_env = {"TUTOR_CACHE_DIR": str(work / "check-cache")}
    measure(check, env=warm_env)

    def bare():
        return measure([sys.executable, "-c", PARSE_BARE, str(bank)])

    def cold():
        return measure(check, env={"TUTOR_CACHE_DIR": tempfile.mkdtemp(dir=work)})

    cold_results, cold_base = alternate(max(1, runs // 2), cold, bare)
    warm, warm_base = alternate(runs, lambda: measure(check, env=warm_env), bare)
    return [
        Row("check 1,000 files, cold", med(cold_results, 0), med(cold_base, 0), "s", 1.5,
            note="tutor check (examples too) vs a bare CSafeLoader parse; whole processes"),
        Row("check 1,000 files, warm", med(warm, 0), med(warm_base, 0), "s", 0.5),
    ]


def bench_first_question(runs: int, work: Path) -> list[Row]:
    """``tutor learn ID --plain`` on the bundled course until it prints the first question (the
    issue's measure), and until it has exited after input ends there; warm cache. Against a
    whole process that imports yaml and rapidfuzz and parses that one lesson file."""
    from tutor.paths import bundled_course

    first = sorted(bundled_course().glob("*.yaml"))[0]
    lesson_id = next(
        line.split(":", 1)[1].strip()
        for line in first.read_text(encoding="utf-8").splitlines()
        if line.startswith("id:")
    )
    env = {"TUTOR_CACHE_DIR": str(work / "first-cache")}
    learn = [sys.executable, "-m", "tutor", "--data-dir", str(work / "first-data"),
             "learn", lesson_id, "--plain"]
    until_line(learn, b"Question 1 ", env=env)  # fills the cache
    subject, base = alternate(
        runs,
        lambda: until_line(learn, b"Question 1 ", env=env),
        lambda: measure([sys.executable, "-c", FIRST_BARE, str(first)]),
    )
    return [
        Row("learn --plain to 1st question", med(subject, 0), med(base, 0), "s", 1.25,
            note=f"{lesson_id}, warm cache; baseline: import yaml, rapidfuzz + parse the file"),
        Row("learn --plain, to exit", med(subject, 1), med(base, 0), "s",
            note="the same run: input ends at the first question, summary, store closed, exit"),
    ]
