"""``tutor schema [PATH]``: the lesson JSON Schema, for an editor outside this repository.

Without PATH it is printed; with a folder it is written there as ``lesson.schema.json``; with a
file name, to that file. Then the line to put at the top of each lesson file is shown. Exit
status: 0 written, 1 cannot write, 2 usage (a file that exists and is not the schema).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tutor.safetext import echo

NAME = "lesson.schema.json"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "schema",
        help="print the lesson JSON Schema, or write it for your editor",
        description="Print the JSON Schema of lesson files, or write it to PATH (a folder gets "
        f"{NAME}). An editor with the YAML language server then completes and checks lessons "
        "that start with the line this command shows.",
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="a folder or a file to write")
    parser.add_argument("--force", action="store_true", help="overwrite a file that exists")
    parser.set_defaults(run=run)


def schema_line(schema: Path, lesson_folder: Path) -> str:
    """The first line of a lesson in ``lesson_folder`` that points its editor at ``schema``."""
    import os

    relative = os.path.relpath(schema, lesson_folder)
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}"


def write_schema(target: Path, force: bool = False) -> str | None:
    """Write the schema to ``target``; the reason if it would overwrite a file that is not an
    earlier copy of the schema (``force`` overwrites anyway)."""
    from tutor.paths import schema_file

    text = schema_file().read_text(encoding="utf-8")
    if target.exists() and not force:
        try:
            same = json.loads(target.read_text(encoding="utf-8")).get("$id") == json.loads(text)["$id"]
        except (OSError, ValueError, AttributeError):
            same = False
        if not same:
            return f"{target} exists and is not the lesson schema: add --force to overwrite it"
    target.write_text(text, encoding="utf-8")
    return None


def run(args: argparse.Namespace) -> int:
    from tutor.paths import schema_file

    if args.path is None:
        sys.stdout.write(schema_file().read_text(encoding="utf-8"))
        return 0
    path = Path(args.path)
    target = path / NAME if path.is_dir() else path
    try:
        problem = write_schema(target, args.force)
    except OSError as exc:
        echo(f"tutor schema: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if problem:
        echo(f"tutor schema: {problem}", file=sys.stderr)
        return 2
    echo(f"wrote {target}. Start each lesson file in {target.parent} with:")
    echo(schema_line(target, target.parent))
    return 0
