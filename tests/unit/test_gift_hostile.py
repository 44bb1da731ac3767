"""A GIFT file from anyone: ``tutor convert`` never crashes on it, never hangs on it (every
reading is linear: the inputs below took minutes with a quadratic step), never prints a control
sequence or a flood of lines, and says what it could not read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor.cli import main
from tutor.commands.convert import MAX_GIFT_BYTES
from tutor.gift import import_gift
from tutor.gift.markup import to_text
from tutor.gift.yamlfile import lesson_yaml

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ue000\ue001]")
PIECES = ["{", "}", "~", "=", "#", "####", ":", "::", "\\", "\\n", "->", "%50%", "%-100%", "..",
          "[html]", "[markdown]", "[plain]", "<b>", "</b>", "<!--", "<pre>", "<script>", "&amp;",
          "T", "FALSE", "*", "1.5", "\n", "\n\n", "\r\n", "// ", "$CATEGORY: a/b", "[id:x]",
          "[tag:y]", "a", "Пé", " ", "\x1b[31m", "\u202e", "\ufeff", "_", "**"]  # fmt: skip


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join))
def test_any_text_imports_without_a_crash_and_without_control_characters(text: str):
    lessons, problems = import_gift(text, "h.gift")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for p in problems:
        assert 1 <= p.line <= lines, str(p)
        assert not CONTROL.search(p.message), p.message
    for lesson in lessons:
        assert not [s for s in _strings(lesson) if CONTROL.search(s)]
        lesson_yaml(lesson)


WORST = {
    "unclosed HTML comments": "::q::[html]" + "<!--" * 50_000 + "Ask{T}",
    "unclosed tags": "[html]" + "<a " * 50_000 + "{T}",
    "unclosed tags in Moodle's format": "Q " + "<a " * 50_000 + "{T}",
    "escapes before a far brace": "Q" + "\\a" * 100_000 + "{T}",
    "one answer per line": "Q{" + "\n".join(f"=a{i}" for i in range(50_000)) + "}",
    "one title for every question": "\n\n".join("::T::Q?{T}" for _ in range(20_000)),
    "general feedback markers": "Q{=a" + "####" * 50_000 + "}",
    "Markdown stars": "[markdown]" + "**a" * 50_000 + "{=x}",
    "pairs": "M{" + " ".join(f"=q{i} -> a{i}" for i in range(20_000)) + "}",
    "unclosed labels in a comment": "// " + "[tag:" * 40_000 + "\nQ{T}",
    "escaped brackets in a comment": "// " + "[id:\\[" * 40_000 + "\nQ{T}",
}


@pytest.mark.parametrize("text", WORST.values(), ids=WORST.keys())
def test_worst_cases_are_read_in_linear_time(text: str):
    lessons, problems = import_gift(text, "h.gift")
    assert lessons or problems
    assert all(len(p.message) < 400 for p in problems)  # a megabyte answer is quoted short


def test_a_thousand_questions_with_one_title_get_ids_in_order():
    lessons, _ = import_gift("\n\n".join("::Q::Q?{T}" for _ in range(1000)), "h.gift")
    ids = [s["id"] for s in lessons[0]["steps"]]
    assert ids[:3] == ["q", "q-2", "q-3"] and ids[-1] == "q-1000" and len(set(ids)) == 1000


def test_html_read_safely():
    assert to_text("a < b &amp; <b>c</b>") == "a < b & c"
    assert to_text("kept <!-- never closed <b>x</b>") == "kept"
    assert to_text("<SCRIPT>alert(1)</Script>shown<style>p{}</STYLE>") == "shown"
    assert to_text("<script>never closed") == ""
    assert to_text('<img alt="a &quot;cat&quot;" src=x>') == '[a "cat"]'
    assert to_text("<pre>  x\n    y</pre>after") == "      x\n        y\nafter"
    assert to_text('<a href="https://x.org/a">here</a> <a href="@@PLUGINFILE@@/b.pdf">b</a>') == (
        "here (https://x.org/a) b"  # a Moodle file's address means nothing outside Moodle
    )


def test_more_options_than_a_lesson_holds_is_named_and_left_out():
    options = " ".join(f"~o{i}" for i in range(30))
    pairs = " ".join(f"=q{i} -> a{i}" for i in range(27))
    lessons, problems = import_gift(f"Pick?{{={options[1:]}}}\n\nMatch {{{pairs}}}\n\nOk?{{T}}", "h.gift")
    assert [s["id"] for s in lessons[0]["steps"]] == ["ok"]
    assert [str(p) for p in problems] == [
        "h.gift:1:1: warning: 30 options: a question has at most 26 (A to Z), so this one is left out",
        "h.gift:3:1: warning: 27 options: a question has at most 26 (A to Z), so this one is left out",
    ]


def test_convert_prints_no_control_sequence_and_no_flood(tmp_path: Path, capsys):
    gift = tmp_path / "bad.gift"
    gift.write_text("\x1b]0;owned\x07Q\x1b[2J?{" + "~%\x1b[31m " * 500 + "}\n\nOk?{T}\n", encoding="utf-8")
    assert main(["convert", str(gift), str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    lines = out.splitlines()
    assert len(lines) == 102
    assert lines[-2] == f"{gift}: 400 more warnings like these are not shown"
    assert lines[-1] == f"wrote 1 lesson (1 question) to {tmp_path / 'out'}: 500 warnings"


def test_convert_reads_utf16_and_names_what_is_not_utf8(tmp_path: Path, capsys):
    utf16 = tmp_path / "notepad.gift"
    utf16.write_bytes("\ufeffÉté chaud?{T}\r\n".encode("utf-16-le"))
    assert main(["convert", str(utf16), str(tmp_path / "a")]) == 0
    assert "ask: Été chaud?" in (tmp_path / "a" / "01-notepad.yaml").read_text(encoding="utf-8")
    latin = tmp_path / "latin.gift"
    latin.write_bytes("Ok?{T}\n\nCaf\u00e9?{=oui}\n".encode("latin-1"))
    assert main(["convert", str(latin), str(tmp_path / "b")]) == 0
    assert capsys.readouterr().out.splitlines()[-2] == (
        f"{latin}:3:1: warning: not UTF-8 (as Moodle wants GIFT files): 1 character(s) could not"
        " be read and are shown as '\ufffd'; save the file as UTF-8 and convert again"
    )


def test_convert_refuses_a_file_larger_than_it_reads(tmp_path: Path, capsys):
    big = tmp_path / "big.gift"
    with big.open("wb") as f:
        f.truncate(MAX_GIFT_BYTES + 1)
    assert main(["convert", str(big), str(tmp_path / "out")]) == 1
    assert "is larger than 32 MiB" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
