"""``tutor convert SRC DEST``: Moodle GIFT question banks in and out.

The formats come from the names: a ``.gift`` file (or ``.txt``, as Moodle saves GIFT) becomes a
lesson ``.yaml`` file or a folder of lessons (one per ``$CATEGORY``); a lesson ``.yaml`` file or
a folder of them becomes a ``.gift`` file. Everything without an equivalent is reported as a
warning naming its line. Exit status: 0 converted, 1 nothing to convert or the result has
errors, 2 a usage mistake (unknown format, a file that would be overwritten).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tutor.safetext import echo

GIFT = (".gift", ".txt")
MAX_GIFT_BYTES = 32 * 2**20  # what convert reads of a GIFT file, which may come from anyone
YAML = (".yaml", ".yml")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "convert",
        help="Moodle GIFT question banks to lessons and back",
        description="Convert SRC to DEST; the formats come from the names. quiz.gift (or .txt, "
        "as Moodle saves GIFT) -> a lesson .yaml file or a folder (one lesson per $CATEGORY); a "
        "lesson .yaml file or folder -> a .gift file that Moodle imports. What has no "
        "equivalent is converted as closely as possible or left out, with a warning naming its "
        "line. See docs/gift.md.",
        epilog="Examples: tutor convert quiz.gift my-lessons/ ; tutor convert lessons course.gift",
    )
    parser.add_argument("source", metavar="SRC", help="a .gift file, or a lesson .yaml file or folder")
    parser.add_argument("dest", metavar="DEST", help="a folder or .yaml file, or a .gift file")
    parser.add_argument("--force", action="store_true", help="overwrite files that exist")
    parser.set_defaults(run=run)


def _usage(message: str) -> int:
    echo(f"tutor convert: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    src, dest = Path(args.source), Path(args.dest)
    if not src.exists():
        return _usage(f"no such file or folder: {src}")
    kinds = (
        "convert reads a GIFT file (.gift, or .txt as Moodle saves it) into a lesson .yaml file"
        " or a folder, or a lesson .yaml file or a folder of them into a .gift file"
    )
    if src.is_file() and src.suffix.lower() in GIFT:
        if dest.suffix.lower() in GIFT:
            return _usage(f"{dest} is a GIFT file too: {kinds}")
        if dest.suffix and dest.suffix.lower() not in YAML and not dest.is_dir():
            return _usage(f"cannot tell what to write from the name {dest}: {kinds}")
        return _from_gift(src, dest, args.force)
    if src.is_dir() or src.suffix.lower() in YAML:
        if dest.suffix.lower() != ".gift":
            return _usage(f"a lesson converts to a .gift file, not {dest.name}: {kinds}")
        return _to_gift(src, dest, args.force)
    return _usage(f"cannot tell the format of {src}: {kinds}")


def _from_gift(src: Path, dest: Path, force: bool) -> int:
    from tutor.gift import import_gift
    from tutor.gift.lexer import decode
    from tutor.gift.yamlfile import lesson_yaml
    from tutor.loader import load_lesson
    from tutor.loader.problems import MAX_ERRORS, WARNING, Problem

    try:
        with src.open("rb") as file:
            raw = file.read(MAX_GIFT_BYTES + 1)
    except OSError as exc:
        echo(f"tutor convert: cannot read {src}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if len(raw) > MAX_GIFT_BYTES:
        echo(f"tutor convert: {src} is larger than {MAX_GIFT_BYTES // 2**20} MiB (a bank of ten"
             " thousand questions is a few): split it into several files", file=sys.stderr)  # fmt: skip
        return 1
    text, undecoded = decode(raw)
    stem = src.stem  # Moodle names a bank 'quiz.gift.txt' or 'questions-....txt'
    if stem.lower().endswith(GIFT):
        stem = stem[: stem.rfind(".")]
    lessons, problems = import_gift(text, str(src), stem)
    if undecoded:
        problems.insert(0, Problem(str(src), undecoded[0], 1, undecoded[1], WARNING))
    for problem in problems[:MAX_ERRORS]:  # a hostile file must not print a million lines
        echo(problem)
    if len(problems) > MAX_ERRORS:
        echo(f"{src}: {len(problems) - MAX_ERRORS} more warnings like these are not shown")
    if not lessons:
        return 1
    single = dest.suffix.lower() in YAML
    if single and len(lessons) > 1:
        names = ", ".join(lesson["id"] for lesson in lessons)
        return _usage(
            f"{src} holds {len(lessons)} categories ({names}), one lesson each: give a folder"
            " as DEST"
        )
    targets = [dest] if single else [
        dest / f"{n:02d}-{lesson['id']}.yaml" for n, lesson in enumerate(lessons, 1)
    ]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        return _usage(f"{existing[0]} exists: choose another DEST, or add --force to overwrite")
    header = f"# Converted from {src.name} by tutor convert; check with: tutor check\n"
    errors = 0
    for lesson, target in zip(lessons, targets, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(lesson_yaml(lesson, header), encoding="utf-8")
        _, found = load_lesson(target)
        for problem in found:
            if problem.is_error:
                errors += 1
                echo(problem)
    questions = sum(1 for lesson in lessons for s in lesson["steps"] if "id" in s)
    echo(
        f"wrote {len(lessons)} lesson{'s' if len(lessons) != 1 else ''} ({questions} question"
        f"{'s' if questions != 1 else ''})"
        f" to {dest}: {len(problems)} warning{'s' if len(problems) != 1 else ''}"
        + (f", {errors} errors (tutor check {dest} explains them)" if errors else "")
    )
    return 1 if errors else 0


def _to_gift(src: Path, dest: Path, force: bool) -> int:
    from tutor.gift import export_gift
    from tutor.loader import load_course

    course, problems = load_course([src])
    errors = [p for p in problems if p.is_error]
    for problem in errors:
        echo(problem, file=sys.stderr)
    if errors or not course.lessons:
        echo("tutor convert: fix the lessons first ('tutor check' explains them)", file=sys.stderr)
        return 1
    if dest.exists() and not force:
        return _usage(f"{dest} exists: choose another DEST, or add --force to overwrite")
    text, notes = export_gift(course.lessons)
    for note in notes:
        echo(note)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    echo(
        f"wrote {course.question_count} questions from {len(course.lessons)} lessons to {dest}"
        f" (one $CATEGORY per lesson): {len(notes)} note{'s' if len(notes) != 1 else ''}"
    )
    return 0
