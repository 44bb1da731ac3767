"""Generate large lesson banks for the benchmarks (written to a folder you choose, e.g. a temp dir).

    python benchmarks/generate.py bank OUT_DIR --files 1000 --questions 20
    python benchmarks/generate.py big OUT_DIR --questions 1000

Every generated file is a valid lesson: the loader must accept it with no errors, or the loading
benchmark would be timing the error path.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SYLLABLES = [
    "ka", "za", "khs", "tan", "mo", "ro", "ba", "yev", "ur", "um", "qi", "ta", "jik", "pa",
    "ki", "af", "gha", "ni", "sha", "ng", "hai", "bei", "jing", "os", "kva", "nur", "sul", "tan",
    "to", "ka", "yev", "uz", "be", "kis", "ton", "ly", "ria", "do", "va", "lin", "ser", "bi", "ya",
]  # fmt: skip


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def name(rng: random.Random, used: set[str]) -> str:
    """A made-up proper name, unique within one bank (so answers compete with each other)."""
    while True:
        candidate = word(rng) if rng.random() < 0.6 else f"{word(rng)} {word(rng)}"
        if candidate.casefold() not in used:
            used.add(candidate.casefold())
            return candidate


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def question_yaml(rng: random.Random, qid: str, used: set[str]) -> list[str]:
    """One question of a type chosen by weight, as YAML lines (indented as a step)."""
    kind = rng.choices(
        ["text", "number", "list", "choice", "multi", "truefalse"], [5, 3, 2, 2, 1, 1]
    )[0]
    lines = [f"  - id: {qid}", f"    type: {kind}", f"    ask: {quote('What is ' + word(rng) + '?')}"]
    if kind == "text":
        answer, alias, wrong = name(rng, used), name(rng, used), name(rng, used)
        lines += [
            f"    answer: {quote(answer)}",
            f"    accept: [{quote(alias)}]",
            f"    wrong: {{{quote(wrong)}: {quote('That one is a different thing.')}}}",
        ]
    elif kind == "number":
        lines += [f"    answer: {rng.randint(1, 10_000_000)}", "    tolerance: 1%"]
    elif kind == "list":
        items = [name(rng, used) for _ in range(rng.randint(2, 4))]
        lines.append("    answer: [" + ", ".join(quote(i) for i in items) + "]")
    elif kind in ("choice", "multi"):
        options = [name(rng, used) for _ in range(4)]
        lines.append("    options: [" + ", ".join(quote(o) for o in options) + "]")
        if kind == "choice":
            lines.append(f"    answer: {quote(rng.choice(options))}")
        else:
            picked = rng.sample(options, 2)
            lines.append("    answer: [" + ", ".join(quote(o) for o in picked) + "]")
    else:
        lines.append(f"    answer: {rng.choice(['true', 'false'])}")
    lines += [
        f"    hints: [{quote('Think of ' + word(rng) + '.')}]",
        f"    explain: {quote('Because of ' + word(rng) + '.')}",
        "    source: background",
    ]
    return lines


def lesson_yaml(rng: random.Random, lesson_id: str, questions: int, used: set[str]) -> str:
    lines = [
        f"id: {lesson_id}",
        f"title: {quote('Lesson ' + word(rng))}",
        f"summary: {quote('About ' + word(rng) + ' and ' + word(rng) + '.')}",
        "minutes: 10",
        "glossary:",
        f"  {quote(word(rng).upper())}: {quote('An organisation of ' + word(rng) + '.')}",
        "steps:",
    ]
    for n in range(questions):
        if n % 5 == 0:
            lines.append(f"  - teach: {quote('Here is a fact about ' + word(rng) + '.')}")
        lines += question_yaml(rng, f"q{n + 1}", used)
    return "\n".join(lines) + "\n"


def write_bank(out: Path, files: int, questions: int, seed: int = 1) -> list[Path]:
    """``files`` lesson files of ``questions`` questions each; returns their paths."""
    rng = random.Random(seed)
    used: set[str] = set()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(files):
        path = out / f"{n + 1:04d}-lesson.yaml"
        path.write_text(lesson_yaml(rng, f"lesson-{n + 1}", questions, used), encoding="utf-8")
        paths.append(path)
    return paths


def write_big_lesson(out: Path, questions: int, seed: int = 2) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "big.yaml"
    path.write_text(lesson_yaml(rng, "big", questions, set()), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["bank", "big"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=20)
    args = parser.parse_args()
    if args.what == "bank":
        paths = write_bank(args.out, args.files, args.questions)
        print(f"wrote {len(paths)} lesson files to {args.out}")
    else:
        print(f"wrote {write_big_lesson(args.out, args.questions)}")


if __name__ == "__main__":
    main()
