"""The command line is parsed the same whether the parser holds every subcommand or only the
one the command line names (``build_parser(argv)`` builds just that one, to start faster)."""

from __future__ import annotations

import pytest

from tutor.cli import build_parser

COMMAND_LINES = [
    [],
    ["--plain"],
    ["learn", "neighbourhood"],
    ["--data-dir", "learn", "learn", "x", "--plain"],  # a global option's value named like a command
    ["--data", "quiz", "quiz", "--count", "3"],  # argparse's abbreviation of --data-dir
    ["--student=check", "check", "lessons", "--strict"],
    ["--lessons", "stats", "--no-cache", "stats"],
    ["try", "neighbourhood", "q1", "Astana"],
    ["class", "report", "--help"],
    ["review", "--missed"],
    ["nosuch"],  # an unknown command: the error lists every command
    ["--st", "x", "learn"],  # ambiguous abbreviation
    ["learn"],  # missing lesson id
    ["--", "learn"],
    ["learn", "--bogus", "x"],
]


def _outcome(parser, argv, capsys):
    try:
        result = ("ok", vars(parser.parse_args(argv)))
    except SystemExit as exc:
        result = ("exit", exc.code)
    out, err = capsys.readouterr()
    return result, out, err


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=lambda a: " ".join(a) or "(none)")
def test_the_parser_for_a_command_line_reads_it_as_the_full_parser_does(argv, capsys):
    assert _outcome(build_parser(argv), argv, capsys) == _outcome(build_parser(), argv, capsys)


def test_only_the_named_command_is_built():
    def commands(parser):
        return sorted(
            name for a in parser._subparsers._group_actions for name in a.choices  # type: ignore[union-attr]
        )

    assert commands(build_parser(["--data-dir", "d", "learn", "x"])) == ["learn"]
    assert commands(build_parser(["--plain"])) == []
    every = commands(build_parser())
    assert len(every) > 10
    assert commands(build_parser(["nosuch"])) == every
    assert commands(build_parser(["--help"])) == every  # the help lists every command
