"""``tutor new ID [--dir DIR]``: a starter lesson with one step of every kind, commented.

Writes ``DIR/ID.yaml`` (and the lesson schema beside it, for the editor, unless one is there);
the lesson passes ``tutor check --strict`` as written. Exit status: 0 written, 1 cannot write,
2 usage (an id that is not valid, a file that exists).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tutor.safetext import echo


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "new",
        help="write a starter lesson (every kind of step, commented) to change into your own",
        description="Write ID.yaml, a starter lesson with one step of every kind and comments on "
        "each key, into DIR (default: the current folder), with the lesson schema beside it for "
        "your editor. It passes 'tutor check --strict'; change it into your own lesson.",
        epilog="Example: tutor new volcanoes --dir my-course",
    )
    parser.add_argument("id", metavar="ID", help="the lesson id: lowercase letters, digits, hyphens")
    parser.add_argument("--dir", default=".", metavar="DIR", help="where to write it (default: .)")
    parser.set_defaults(run=run)


def starter(lesson_id: str, folder: str) -> str:
    """The starter lesson's text for ``lesson_id``, its commands naming ``folder``."""
    template = (Path(__file__).resolve().parents[1] / "starter" / "lesson.yaml").read_text(
        encoding="utf-8"
    )
    title = json.dumps(" ".join(lesson_id.replace("_", "-").split("-")).capitalize())
    shown = folder if " " not in folder else json.dumps(folder)
    return (
        template.replace("__ID__", lesson_id).replace("__TITLE__", title).replace("__DIR__", shown)
    )


def run(args: argparse.Namespace) -> int:
    from tutor.commands.schema import NAME, write_schema
    from tutor.loader.fields import MAX_SLUG, SLUG, slugify

    lesson_id = args.id
    if not SLUG.fullmatch(lesson_id) or len(lesson_id) > MAX_SLUG:
        better = slugify(lesson_id)
        hint = f", e.g. {better}" if better else ""
        echo(f"tutor new: '{lesson_id}' is not a valid lesson id: use lowercase letters, digits"
              f" and hyphens{hint}", file=sys.stderr)  # fmt: skip
        return 2
    folder = Path(args.dir)
    target = folder / f"{lesson_id}.yaml"
    if target.exists():
        echo(f"tutor new: {target} exists: choose another id or folder", file=sys.stderr)
        return 2
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(starter(lesson_id, args.dir), encoding="utf-8")
        schema = folder / NAME
        if not schema.exists():
            write_schema(schema)
    except OSError as exc:
        echo(f"tutor new: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    echo(f"wrote {target}: one step of every kind, commented. Next:")
    echo(f"  tutor check --strict {args.dir}")
    echo(f"  tutor --lessons {args.dir} learn {lesson_id}")
    return 0
