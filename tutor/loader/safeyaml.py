"""Reading a lesson file safely: size cap, UTF-8 check, and composition from parse events.

PyYAML's loaders are unsafe for our purposes (docs/architecture.md, "Facts the design relies on"): merge keys and aliases can
explode, deep nesting crashes the C composer, and the YAML 1.1 resolver turns ``no`` into False
and ``010`` into 8. So we never construct Python objects with PyYAML. We pull parse events (from
libyaml when available) and build our own small node tree in one pass, refusing anchors, aliases,
tags, merge keys, a second document and deep nesting the moment they appear. Every scalar stays
the text as written and every node carries its 1-based line and column.
"""

from __future__ import annotations

from typing import Literal

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from tutor.loader.problems import Report
from tutor.loader.syntax import MAX_DEPTH_NOTE as _DEPTH_NOTE
from tutor.loader.syntax import describe
from tutor.loader.traps import scalar_checker
from tutor.safetext import CONTROL, control_name, printable

try:  # libyaml: several times faster than the pure-Python parser
    from yaml._yaml import CParser

    _CParser: type[CParser] | None = CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _CParser = None

MAX_DEPTH = 8  # lesson > steps > question > examples > accept is 5 levels
MAX_NODES = 200_000  # values in one file; a 2,000-question lesson has about 40,000


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class Scalar:
    """Text as written. ``plain`` is False for quoted and block scalars."""

    __slots__ = ("value", "line", "column", "plain")

    def __init__(self, value: str, line: int, column: int, plain: bool) -> None:
        self.value = value
        self.line = line
        self.column = column
        self.plain = plain

    @property
    def is_null(self) -> bool:
        """``key:`` with nothing after it, or a plain ``~`` / ``null`` (quote them for the word)."""
        return self.plain and self.value in _NULLS


class Seq:
    __slots__ = ("items", "line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column


class Map:
    """A mapping: key text -> (key node, value node), in file order. Keys are unique."""

    __slots__ = ("pairs", "line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.pairs: dict[str, tuple[Scalar, Node]] = {}
        self.line = line
        self.column = column


Node = Scalar | Seq | Map


class Refused(Exception):
    """A hostile or unsupported construct: loading stops at once."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    offset = max(0, min(offset, len(data)))
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def check_encoding(data: bytes, report: Report) -> bool:
    """True if ``data`` is UTF-8 text; otherwise report where it stops being so."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        report.error((1, 1), "the file is UTF-16; save it as UTF-8")
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data, exc.start)
        report.error(
            (line, column),
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02X}): save it as UTF-8",
        )
        return False
    nel = data.find(b"\xc2\x85")
    if nel >= 0:  # U+0085: YAML reads it as a line break, so no check of the text would see it
        report.error(
            _line_col(data, nel),
            "the file holds a control character (U+0085, NEL), which YAML reads as a line break:"
            " remove it (in Windows-1252 text the same byte is '…')",
        )
        return False
    return True


def compose(data: bytes, report: Report) -> Node | None:
    """The document's node tree, or None with the reason reported (empty, refused, bad syntax)."""
    # The annotation is never evaluated, so CParser may be missing at run time.
    parser: CParser | yaml.SafeLoader = (
        _CParser(data) if _CParser is not None else yaml.SafeLoader(data)
    )
    get_event = parser.get_event
    before = len(report.problems)
    try:
        root = _build(get_event, report, scalar_checker(data, report))
    except Refused as exc:
        report.error((exc.line, exc.column), exc.message)
        return None
    except yaml.MarkedYAMLError as exc:
        # What the traps saw on the way is usually the same mistake the syntax error names.
        report.problems[before:] = [p for p in report.problems[before:] if p.is_error]
        _syntax_error(exc, data, report)
        return None
    except yaml.reader.ReaderError as exc:
        line, column = _line_col(data, exc.position)
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        report.error(
            (line, column), f"the file holds a character YAML does not allow ({code}): {exc.reason}"
        )
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error carries a mark
        report.error((1, 1), f"YAML error: {exc}")
        return None
    finally:
        parser.dispose()
    if root is None or (isinstance(root, Scalar) and root.is_null):
        report.error((1, 1), "the file is empty: a lesson needs at least id, title and steps")
        return None
    return root


def _syntax_error(exc: yaml.MarkedYAMLError, data: bytes, report: Report) -> None:
    line, column, message = describe(exc, data, MAX_DEPTH)
    report.error((line, column), message)


def _refuse_props(event: ScalarEvent | MappingStartEvent | SequenceStartEvent) -> None:
    mark = event.start_mark
    # Both parsers always set marks; the stubs allow None for events built by hand.
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if event.anchor is not None:
        raise Refused(
            f"anchors (&{event.anchor}) are not allowed in lesson files: write the text out",
            line,
            column,
        )
    if event.tag is not None:
        tag = event.tag
        if tag.startswith("tag:yaml.org,2002:"):
            tag = "!!" + tag[len("tag:yaml.org,2002:") :]
        raise Refused(
            f"tags ({tag}) are not allowed in lesson files: quote the text instead",
            line,
            column,
        )


def _refuse_control(node: Scalar, report: Report) -> None:
    """A quoted escape (``"\\e[2J"``) put a control character in the text: an error, and the
    text is kept with the character made visible, so it can never reach a terminal."""
    found = CONTROL.search(node.value)
    assert found is not None
    report.error(
        node,
        f"control character {control_name(found.group())} in this text (from an escape such as "
        "\\e or \\x1b in quotes): terminals obey these, so lesson text may not hold them; "
        "remove it (only line breaks and tabs are allowed)",
    )
    node.value = printable(node.value)


def _build(get_event, report: Report, check_plain=None) -> Node | None:  # noqa: C901 - one tight event loop
    # The open collection, whether it is a list, and its pending key (a mapping's; False after a
    # bad key, whose value is skipped) are locals; the enclosing ones wait on the stack.
    stack: list[tuple[Seq | Map | None, bool, Scalar | Literal[False] | None]] = []
    parent: Seq | Map | None = None
    in_seq = False
    key: Scalar | Literal[False] | None = None
    root: Node | None = None
    documents = 0
    budget = MAX_NODES
    while True:
        event = get_event()
        kind = event.__class__
        budget -= 1
        if budget < 0:
            mark = event.start_mark
            raise Refused(
                f"more than {MAX_NODES:,} values in one file: split the lesson",
                mark.line + 1,
                mark.column + 1,
            )
        node: Node
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse_props(event)
            mark = event.start_mark
            plain = event.implicit[0]
            node = Scalar(event.value, mark.line + 1, mark.column + 1, plain)
            if not node.value.isprintable() and CONTROL.search(node.value):
                _refuse_control(node, report)
            if plain and check_plain is not None:
                check_plain(event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse_props(event)
            mark = event.start_mark
            if len(stack) >= MAX_DEPTH:
                raise Refused(
                    f"nesting deeper than {MAX_DEPTH} levels: {_DEPTH_NOTE}",
                    mark.line + 1,
                    mark.column + 1,
                )
            stack.append((parent, in_seq, key))
            in_seq = kind is SequenceStartEvent
            parent = (Seq if in_seq else Map)(mark.line + 1, mark.column + 1)
            key = None
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            assert parent is not None  # an end event closes the open collection
            node = parent
            parent, in_seq, key = stack.pop()
        elif kind is AliasEvent:
            mark = event.start_mark
            raise Refused(
                f"aliases (*{event.anchor}) are not allowed in lesson files: write the text out",
                mark.line + 1,
                mark.column + 1,
            )
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise Refused(
                    "a second YAML document ('---'): a lesson file holds exactly one lesson",
                    mark.line + 1,
                    mark.column + 1,
                )
            continue
        elif kind is StreamEndEvent:
            return root
        else:  # stream start, document end
            continue

        if parent is None:
            root = node
        elif in_seq:
            parent.items.append(node)  # type: ignore[union-attr]  # in_seq: parent is a Seq
        elif key is None:  # this node is a key
            if node.__class__ is not Scalar:
                report.error(node, "a key must be plain text, not a list or mapping")
                key = False
            elif node.plain and node.value == "<<":
                raise Refused(
                    "merge keys (<<) are not allowed in lesson files: write the keys out",
                    node.line,
                    node.column,
                )
            else:
                key = node
        elif key is False:
            key = None
        else:
            pairs = parent.pairs  # type: ignore[union-attr]  # not in_seq: parent is a Map
            first = pairs.get(key.value)
            if first is None:
                pairs[key.value] = (key, node)
            else:
                # In a list item (a step), a repeated key usually starts the next item without '- '.
                new_item = key.value in ("id", "teach", "ask") and len(stack) > 1 and stack[-1][1]
                report.error(
                    key,
                    f"duplicate key '{key.value}' (first at line {first[0].line}): remove one"
                    + ("; or, if a new step starts here, begin it with '- '" if new_item else ""),
                )
            key = None
