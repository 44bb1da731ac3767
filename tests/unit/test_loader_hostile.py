"""Hostile files (docs/architecture.md, "Facts the design relies on"): each refused with a clear
message, never a crash. How fast each is refused is measured by ``benchmarks/run.py hostile``
(from these same cases), never asserted here: a loaded machine must not fail a test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.loader import load_lesson


def merge_bomb() -> bytes:
    lines = ["a0: &a0 {k: v, l: w}"]
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} {{<<: [{', '.join([prev] * 9)}], k{i}: v}}")
    return ("\n".join(lines) + "\n").encode()


def billion_laughs() -> bytes:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


HEADER = b"id: hostile\ntitle: Hostile\nsteps:\n  - teach: Hi.\n"
CASES = {
    "billion-laughs": (billion_laughs(), "1:4: error: anchors (&a) are not allowed"),
    "merge-bomb": (merge_bomb(), "1:5: error: anchors (&a0) are not allowed"),
    "merge-key": (
        HEADER + b"summary: {<<: {a: b}}\n",
        "5:11: error: merge keys (<<) are not allowed in lesson files",
    ),
    "alias": (HEADER + b"summary: *x\n", "5:10: error: aliases (*x) are not allowed"),
    "deep-flow-100k": (
        b"[" * 100_000 + b"]" * 100_000,
        "error: nesting deeper than 8 levels",
    ),
    "deep-mapping-100k": (b"{a: " * 100_000 + b"}" * 100_000, "1:33: error: nesting deeper"),
    "deep-block-100k": (b"- " * 100_000 + b"x\n", "1:17: error: nesting deeper than 8 levels"),
    "two-mib": (
        HEADER + b"summary: '" + b"lol " * (512 * 1024) + b"'\n",
        "1:1: error: the file is 2.0 MiB; a lesson file may be at most 1 MiB",
    ),
    "python-object-tag": (
        b"id: x\ntitle: !!python/object/apply:os.system ['echo pwned']\nsteps: []\n",
        "2:8: error: tags (!!python/object/apply:os.system) are not allowed",
    ),
    "local-tag": (HEADER + b"summary: !shout hi\n", "5:10: error: tags (!shout) are not allowed"),
    "multi-document": (HEADER + b"---\n" + HEADER, "5:1: error: a second YAML document"),
    "many-values": (
        b"steps: [" + b"[]," * 340_000 + b"]\n",
        "error: more than 200,000 values in one file: split the lesson",
    ),
    "many-errors": (
        b"title: T\n" + b"".join(b"k%d: v\n" % i for i in range(50_000)),
        "102:1: error: more than 100 errors: stopped reading this file",
    ),
    "nul-bytes": (b"\x00" * 1000, "1:1: error: the file holds a character YAML does not allow"),
    "random-bytes": (bytes(range(256)) * 64, "error: the file is not valid UTF-8 (byte 0x80)"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_refused(tmp_path: Path, name: str):
    data, expected = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(data)
    lesson, problems = load_lesson(path)
    assert lesson is None
    shown = [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in problems]
    assert any(expected in line for line in shown), shown
    assert len(problems) <= 101


def test_the_merge_bomb_would_really_explode_without_refusal():
    """The fixture is a real bomb: PyYAML expands it (shared, so it loads, but walking it
    would visit 9**11 leaves)."""
    import yaml

    doc = yaml.load(merge_bomb(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert "k11" in doc["a11"]


def test_deep_nesting_inside_a_thread_does_not_crash(tmp_path: Path):
    """The C composer segfaults at a few thousand levels in a small-stack thread; we never recurse."""
    import threading

    path = tmp_path / "deep.yaml"
    path.write_bytes(b"- " * 50_000 + b"x\n")
    result = []
    threading.stack_size(256 * 1024)
    try:
        worker = threading.Thread(target=lambda: result.append(load_lesson(path)))
        worker.start()
        worker.join(10)
    finally:
        threading.stack_size(0)
    assert result and result[0][0] is None
