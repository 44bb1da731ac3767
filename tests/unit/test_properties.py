"""Properties over any text (issue 15, "beyond the list"), with Hypothesis.

For any code points and any length up to a bound: the loader never raises and never lets a
control character through; grading never raises and always returns a verdict; no writer's output
holds a control character (plain, JSON, CSV export, check); a stored answer comes back exactly as
it was cleaned. Speed is the benchmarks' business (``benchmarks/transforms.py``): no timing here.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tutor.grading import Grader
from tutor.grading.verdicts import Verdict
from tutor.json_writer import JsonWriter
from tutor.loader import load_course, load_lesson
from tutor.messages import Hint, Info, Teach
from tutor.plain import run_plain_session
from tutor.plain_writer import PlainWriter
from tutor.records import Attempt
from tutor.safetext import clean_input, json_text, one_line, printable
from tutor.session import Session
from tutor.store import Store
from tutor.store import export as ex

COURSE = Path(__file__).resolve().parents[1] / "data" / "course"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

# Any code point but surrogates (which no UTF-8 text can hold); control characters on purpose.
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
# Biased toward what attacks a terminal or a parser.
HOSTILE = st.text(
    st.one_of(
        st.sampled_from(["\x1b", "[", "]", "\x07", "\x9b", "\r", "\n", "\t", "*", "_", "'", '"',
                         "\\", ":", "#", "-", "=", "@", "\u2028", "\x85", "\x00", "\x7f"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=200,
)
TEXTS = st.one_of(ANY_TEXT, HOSTILE)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def course():
    course, _ = load_course([COURSE])
    return course


@pytest.fixture(scope="module")
def grader(course):
    return Grader(course)


def _strings(value):
    """Every string inside a loaded lesson."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))


# -- the loader --------------------------------------------------------------------------------


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar for any text: JSON's escapes, non-ASCII kept as written."""
    return json.dumps(text, ensure_ascii=False)


def _lesson_text(title: str, teach: str, ask: str, answer: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: any text, escapes included.
    return (
        f"id: sample\ntitle: {_quoted(title)}\nsteps:\n  - teach: {_quoted(teach)}\n"
        f"  - id: q\n    ask: {_quoted(ask)}\n    answer: {_quoted(answer)}\n"
        f"    explain: {_quoted(teach)}\n"
    )


@SETTINGS
@given(TEXTS, TEXTS, TEXTS, TEXTS)
def test_the_loader_never_raises_nor_passes_a_control_character(title, teach, ask, answer) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lesson.yaml"
        path.write_text(_lesson_text(title, teach, ask, answer), encoding="utf-8")
        lesson, problems = load_lesson(path)
    if lesson is not None:
        for text in _strings(lesson):
            assert not CONTROL.search(text), text
    if any(CONTROL.search(t) for t in (title, teach, ask, answer)):
        assert lesson is None and any(p.is_error for p in problems)
    for problem in problems:
        assert not CONTROL.search(printable(str(problem)))


@SETTINGS
@given(st.binary(max_size=400) | TEXTS.map(lambda t: t.encode("utf-8")))
def test_the_loader_never_raises_on_any_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lesson.yaml"
        path.write_bytes(b"id: x\ntitle: y\nsteps:\n" + data)
        lesson, problems = load_lesson(path)
        path.write_bytes(data)
        load_lesson(path)
    if lesson is not None:
        assert not any(CONTROL.search(t) for t in _strings(lesson))


# -- grading -----------------------------------------------------------------------------------


@SETTINGS
@given(TEXTS)
def test_grading_never_raises_and_always_returns_a_verdict(course, grader, text) -> None:
    for lesson in course.lessons:
        for question in lesson.questions:
            grade = grader.grade(question, text)
            assert isinstance(grade.verdict, Verdict)
            assert 0.0 <= grade.credit <= 1.0


# -- the writers -------------------------------------------------------------------------------


@SETTINGS
@given(st.lists(TEXTS, max_size=6))
def test_a_session_s_output_holds_no_control_character(course, grader, lines) -> None:
    assume(all("\n" not in line and "\r" not in line for line in lines))
    stdin = "".join(line + "\n" for line in lines)
    for json_mode in (False, True):
        session = Session.learn(course, "neighbours", grader)
        out = io.StringIO()
        run_plain_session(session, stdin=io.StringIO(stdin), stdout=out, json_mode=json_mode)
        text = out.getvalue()
        assert not (ANY_CONTROL if json_mode else CONTROL).search(text.replace("\n", ""))
        if json_mode:
            for line in text.splitlines():
                json.loads(line)


@SETTINGS
@given(TEXTS, TEXTS)
def test_every_message_writer_neutralises_any_text(text, other) -> None:
    messages = [Teach(text, "l", 0), Hint(other, 1, 2), Info(text, "notice"), Info(other, "help", True)]
    plain, js = io.StringIO(), io.StringIO()
    pw, jw = PlainWriter(plain, width=60, colour=False), JsonWriter(js)
    pw.intro(text, [other])
    for message in messages:
        pw.show(message)
        jw.show(message)
    pw.line(text)
    assert not CONTROL.search(plain.getvalue())
    assert not ANY_CONTROL.search(js.getvalue().replace("\n", ""))
    assert [json.loads(x)["text"] for x in js.getvalue().splitlines()] == [text, other, text, other]
    assert not ANY_CONTROL.search(one_line(text)) and not ANY_CONTROL.search(json_text(text))
    assert json.loads(json_text(text)) == text


# -- the store ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("store"), "ann") as opened:
        yield opened


@SETTINGS
@given(TEXTS)
def test_a_stored_answer_comes_back_exactly_as_cleaned(store, typed) -> None:
    cleaned = clean_input(typed)
    store.attempt(Attempt("l1", "q1", cleaned, "wrong", 0.0, 1, 0, False, 0.0, "learn"))
    (last_id,) = store.connection.execute("SELECT MAX(id) FROM attempts").fetchone()
    rows = lambda: (  # noqa: E731 - a fresh cursor for each format
        r for r in ex.iter_attempts(store.connection, student="ann") if r["attempt_id"] == last_id
    )
    js, raw, safe = io.StringIO(), io.StringIO(), io.StringIO()
    ex.write("json", rows(), js)
    ex.write("csv", rows(), raw, raw=True)
    ex.write("csv", rows(), safe)
    assert json.loads(js.getvalue())["text"] == cleaned
    assert [r["text"] for r in ex.read_csv(io.StringIO(raw.getvalue(), newline=""))] == [cleaned]
    assert not CONTROL.search(safe.getvalue().replace("\r\n", "\n"))
    assert not ANY_CONTROL.search(cleaned)
