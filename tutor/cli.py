"""The ``tutor`` command line: argparse only, each subcommand in ``tutor.commands.<name>``.

Command modules import nothing heavy at module level, so ``tutor check`` or a piped
``tutor learn`` never pays for Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from tutor import __version__

# Each module defines ``add_parser(subparsers)`` which registers its subcommand(s) and sets
# ``run=<callable(args) -> int>`` as the parser default. The order here is the order in --help.
COMMAND_MODULES = (
    "home", "learn", "quiz", "review", "check", "try_", "stats", "export", "convert", "new",
    "schema", "sync", "class_",
)  # fmt: skip

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """argparse, but its messages echo the command line with control characters made visible
    (``unrecognized arguments: ...`` repeats what was typed)."""

    def _print_message(self, message: str, file: Any = None) -> None:
        from tutor.safetext import printable

        super()._print_message(printable(message), file)


def course_title(argv: Sequence[str]) -> str | None:
    """The title in the course file of the folder ``argv`` names (``--lessons``), else of
    ``$TUTOR_LESSONS`` or the bundled course; None without one (or with a broken one)."""
    from tutor.loader.coursefile import course_file, read_course_file
    from tutor.paths import course_dir

    lessons = None
    for i, arg in enumerate(argv):
        if arg == "--lessons" and i + 1 < len(argv):
            lessons = argv[i + 1]
        elif arg.startswith("--lessons="):
            lessons = arg.partition("=")[2]
    try:
        path = course_file(course_dir(lessons or None))
        info = read_course_file(path)[0] if path is not None else None
    except OSError:
        return None
    return info.title if info is not None else None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (None: for any command line); with ``--help`` among ``argv``, its
    description names the course."""
    title = course_title(argv) if argv and {"-h", "--help"} & set(argv) else None
    if title:
        from tutor.safetext import one_line

        about = f"A patient terminal tutor: {one_line(title, 100)}."
    else:
        about = "A patient terminal tutor for the lessons of a course folder."
    parser = Parser(
        prog="tutor",
        description=about,
        epilog="Run 'tutor' alone to open the course. 'tutor COMMAND --help' tells more.",
    )
    parser.add_argument("--version", action="version", version=f"tutor {__version__}")
    from tutor.paths import nonempty, student_name

    common = parser.add_argument_group("where things are")
    common.add_argument(
        "--lessons",
        metavar="DIR",
        type=nonempty,
        help="the course folder (default: $TUTOR_LESSONS, else the bundled course)",
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        type=nonempty,
        help="where progress is kept (default: $TUTOR_DATA_DIR, else the user data folder)",
    )
    common.add_argument(
        "--student",
        metavar="NAME",
        type=student_name,
        help="whose progress (default: $TUTOR_STUDENT, else your user name)",
    )
    common.add_argument(
        "--store",
        metavar="URL",
        help="also send answers to this class store (default: $TUTOR_STORE; see 'tutor class')",
    )
    common.add_argument(
        "--reset-progress",
        action="store_true",
        help="if the progress file is damaged, move it aside and start a fresh one",
    )
    common.add_argument(
        "--no-cache",
        action="store_true",
        help="read every lesson file afresh instead of using the course cache"
        " (also $TUTOR_NO_CACHE=1; the cache lives in $TUTOR_CACHE_DIR, else the user cache folder)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain lines instead of the full-screen app (the default when not on a terminal)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _modules_for(argv, parser):
        importlib.import_module(f"tutor.commands.{name}").add_parser(sub)
    return parser


def _modules_for(argv: Sequence[str] | None, parser: argparse.ArgumentParser) -> Sequence[str]:
    """The command modules whose subcommands ``argv`` can use: the one it names, none when it
    names none (plain ``tutor``), all when it is not given, asks for help or names no known
    command (so that ``--help`` and "invalid choice" list every command). Building one
    subcommand, not thirteen, takes milliseconds off every start."""
    if argv is None:
        return COMMAND_MODULES
    takes_value = [
        o for a in parser._actions if a.option_strings and a.nargs != 0 for o in a.option_strings
    ]
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help", "--"):
            return COMMAND_MODULES
        if token.startswith("-"):
            # "--data-dir DIR" (or argparse's "--data DIR"): DIR is not the command
            if "=" not in token and any(o.startswith(token) for o in takes_value if len(token) > 2):
                next(tokens, None)
            continue
        by_name = {m.rstrip("_"): m for m in COMMAND_MODULES}
        return (by_name[token],) if token in by_name else COMMAND_MODULES
    return ()


def main(argv: Sequence[str] | None = None) -> int:
    from tutor import startup

    with startup.paused():  # until the first screen or question is shown (tutor.startup)
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    from tutor.stdio import guard_std_streams, output_failed

    guard_std_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:  # plain `tutor`: the course
        from tutor.commands import home

        run = home.run
    try:
        return int(run(args) or 0)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except OSError as exc:
        # Output could not be written: a pipe that closed (`| head`), a full disk, a closed
        # stdout. Not worth a traceback; stdout is pointed at /dev/null so that the
        # interpreter's final flush does not fail again. (Sessions handle this themselves.)
        output_failed(exc)
        return EXIT_FAIL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
