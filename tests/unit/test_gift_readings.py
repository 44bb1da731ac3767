"""How single GIFT constructs are read, one row each: the step the tutor makes (the keys given
must match; ``None``: the question is left out) and the warnings, each naming its line. Where
Moodle reads a construct in a way a teacher may not have meant, the tutor reads it the same way
and says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from gift_support import round_trip

from tutor.gift import import_gift

ROWS = [
    # (name, GIFT, the first step's keys (None: left out), warnings as 'line: words')
    ("escapes in a title", "::a\\:b \\{1\\}::Q?{T}", {"id": "a-b-1"}, []),
    ("every escape in an answer", "Q?{=\\~\\=\\#\\{\\}\\:\\\\}", {"answer": "~=#{}:\\"}, []),
    ("a comment between answers", "Q?{\n=a\n// not an answer\n~b\n}", {"options": ["a", "b"]}, []),
    ("a line break kept", "First line\nsecond line?{=a}", {"ask": "First line\nsecond line?"}, []),
    ("\\n is a new line", "One\\nTwo?{=a}", {"ask": "One\nTwo?"}, []),
    ("a line break in HTML is a space", "[html]One\ntwo?{=a}", {"ask": "One two?"}, []),
    ("a Markdown description stays Markdown", "[markdown]Read **this**.", {"teach": "Read **this**."}, []),
    ("a Markdown question is shown plain", "[markdown]Is **this** it?{T}", {"ask": "Is this it?"}, []),
    ("a blank survives a Markdown question", "[markdown]A **b** {=c} d.", {"ask": "A b _____ d."}, []),
    ("a tolerance", "Q?{#1.5:0.1}", {"answer": "1.5", "tolerance": "0.1"}, []),
    ("text in any script", "«Ça» en été?{=Ça va}", {"ask": "«Ça» en été?", "answer": "Ça va"}, []),
    ("a range", "Q?{#1..2}", {"answer": "1.5", "tolerance": "0.5"}, []),
    ("a negative number and tolerance", "Q?{#-40:0.5}", {"answer": "-40", "tolerance": "0.5"}, []),
    ("several right numbers", "Q?{#=5:1 =10:1}", {"answer": "5", "tolerance": "1"},
     ["1: a second accepted number '10:1' has no equivalent"]),
    ("a wrong number with a reply", "Q?{#=5 =%0%6:0#Too many.}", {"wrong": {"6": "Too many."}}, []),
    ("'~' in a numerical question", "Q?{#5 ~6#No.}", {"answer": "5"},
     ["1: '~6': in a numerical question, Moodle reads '~' as any other answer",
      "1: the feedback for any other answer ('No.') has no equivalent"]),
    ("a short answer with no '='", "Capital of France?{Paris}", {"answer": "Paris"},
     ["1: 'Paris' has no '=' in front: a right answer, as Moodle reads it"]),
    ("a choice whose first option has no sign", "Q?{a ~b =c}", {"options": ["a", "b", "c"], "answer": "c"},
     ["1: 'a' has no '~' or '=' in front: a wrong option, as Moodle reads it"]),
    ("'->' in a choice is text", "Q?{=a->b ~c}", {"options": ["a->b", "c"], "answer": "a->b"}, []),
    ("a matching pair with no '->'", "Q?{=a -> 1 =b -> 2 =c}", {"answer": "1"},
     ["1: 'c' has no '->' and so is not a pair: left out", "1: a matching question has no"]),
    ("true in small letters", "Q?{true}", {"type": "truefalse", "answer": "true"},
     ["1: '{true}': Moodle reads only T, TRUE, F and FALSE (in capitals) as true/false"]),
    ("true/false with more '#' than two", "Q?{F#no#yes#really}", {"explain": "yes#really"}, []),
    ("a wildcard right answer", "Q?{=%100%*}", None,
     ["1: '*' earns 100% in Moodle: any answer would count; left out",
      "1: no answer earns full credit: left out"]),
    ("a title never closed", "::Q1 Is it?{T}", {"ask": "Q1 Is it?"},
     ["1: a title opened with '::' is never closed with '::': read as question text"]),
    ("a '}' before the '{'", "Is a } b?{T}", None, ["1: a '}' with no '{' before it"]),
    ("a '{' never closed", "Q?{=a\n=b", None, ["1: the answers opened with '{' are never closed"]),
    ("a question right after its category", "$CATEGORY: x\nQ?{T}", {"answer": "true"},
     ["2: no blank line after '$CATEGORY:'"]),
    ("an idnumber over a title", "// [id:Q 7]\n::Title::Q?{T}", {"id": "q-7"}, []),
    ("a title in another script", "::Вопрос 1::Q?{T}", {"id": "vopros-1"}, []),
    ("text in another script", "Où est Zürich?{=en Suisse}", {"id": "ou-est-zurich"}, []),
    ("an essay's general feedback", "Write.{####Marked by hand.}", {"teach": "Write.\n\nMarked by hand."},
     ["1: an essay question has no equivalent"]),
    ("an image", '[html]Where? <img src\\="@@PLUGINFILE@@/m/map.png" alt\\="a map">{=here}',
     {"ask": "Where? [a map]"}, ["1: an image 'map.png' cannot be shown in a terminal: left out"
                                 " (its alt text is kept)"]),
    ("a sound", "Hear: <audio src\\=a.mp3></audio>{=x}", {"ask": "Hear:"},
     ["1: a sound 'a.mp3' cannot be shown in a terminal: left out; say in words"]),
    ("an entity in Moodle's format", "Tom &amp; Jerry?{=cat}", {"ask": "Tom & Jerry?"}, []),
    ("<img> in plain text is text", "[plain]Is <img> a tag?{T}", {"ask": "Is <img> a tag?"}, []),
    ("one option only", "Q?{=a}", {"answer": "a"}, []),  # a short answer, as in Moodle
    ("a choice with one option", "Q?{~a}", None,
     ["1: a multiple-answer question needs 2 options and one with a positive weight"]),
]


@pytest.mark.parametrize(("text", "expected", "warned"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_reading(text: str, expected: dict | None, warned: list[str]):
    lessons, problems = import_gift(text, "q.gift")
    steps = lessons[0]["steps"] if lessons else []
    if expected is None:
        assert steps == []
    else:
        assert steps and {k: steps[0].get(k) for k in expected} == expected
    found = [str(p).removeprefix("q.gift:") for p in problems if p.severity == "warning"]
    assert len(found) == len(warned), found
    for got, words in zip(found, warned, strict=True):
        line, rest = words.split(": ", 1)
        assert got.startswith(f"{line}:1: warning: {rest}"), got


KEPT = [r for r in ROWS if r[2] is not None]


@pytest.mark.parametrize("notes", [True, False], ids=["with-notes", "as-moodle-keeps-it"])
@pytest.mark.parametrize("text", [r[1] for r in KEPT], ids=[r[0] for r in KEPT])
def test_what_is_read_survives_export_and_import(text: str, notes: bool, tmp_path: Path):
    lessons, _ = import_gift(text, "q.gift")
    before, after = round_trip(lessons, tmp_path, notes)
    assert after == before
