"""docs/lesson.schema.json and the loader agree.

Files are read the way an editor's YAML language server reads them (YAML 1.2 core schema: plain
``1991`` is a number, ``true`` a boolean, ``no`` a string) and validated against the schema.
Every file the loader accepts must validate; files the loader rejects for structural reasons
must not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")

from tutor.loader import load_lesson  # noqa: E402
from tutor.loader.problems import Report  # noqa: E402
from tutor.loader.safeyaml import Map, Scalar, compose  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SCHEMA = json.loads((ROOT / "docs" / "lesson.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


_BOOL_11 = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF")
_FLOAT_11 = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?")


def core_scalar(node: Scalar, yaml11: bool = False):
    """A plain scalar as YAML 1.2's core schema types it (or, with ``yaml11``, as an editor
    still reading YAML 1.1 does: ``on`` is true, ``1e3`` is text); quoted ones are strings."""
    v = node.value
    if not node.plain:
        return v
    if v in ("", "~", "null", "Null", "NULL"):
        return None
    if v in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return v.lower() == "true"
    if yaml11:
        if _BOOL_11.fullmatch(v):
            return v.lower() in ("y", "yes", "on")
        if _FLOAT_11.fullmatch(v):
            return float(v.replace("_", ""))
        if _FLOAT.fullmatch(v) and not _INT.fullmatch(v):
            return v  # 1e3: YAML 1.1 needs a dot in a float
    if _INT.fullmatch(v):
        return int(v, 0) if v[:2] in ("0o", "0x") else int(v)
    if _FLOAT.fullmatch(v):
        return float(v)
    if v.lower() in (".inf", "+.inf", "-.inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    return v


def as_data(node, yaml11: bool = False):
    if isinstance(node, Scalar):
        return core_scalar(node, yaml11)
    if isinstance(node, Map):
        return {key: as_data(value, yaml11) for key, (_, value) in node.pairs.items()}
    return [as_data(item, yaml11) for item in node.items]


def read(path: Path, yaml11: bool = False):
    root = compose(path.read_bytes(), Report(str(path)))
    assert root is not None, path
    return as_data(root, yaml11)


def schema_errors(path: Path) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(read(path))]


def accepted_files() -> list[Path]:
    files = sorted((DATA / "course").glob("*.yaml"))
    files += sorted((DATA / "loader").glob("*.yaml"))
    files += sorted((ROOT / "lessons").glob("*.yaml"))
    return [f for f in files if not any(p.is_error for p in load_lesson(f)[1])]


STRUCTURAL = [
    "unknown-key.yaml", "missing-required.yaml", "bad-lesson-id.yaml", "minutes-not-number.yaml",
    "steps-not-list.yaml", "steps-empty.yaml", "step-not-mapping.yaml", "teach-with-extra.yaml",
    "unknown-step.yaml", "question-key-at-top.yaml", "lesson-key-in-question.yaml",
    "unknown-question-key.yaml", "missing-answer.yaml", "missing-id.yaml", "bad-question-id.yaml",
    "unknown-type.yaml", "options-on-text.yaml", "tolerance-on-text.yaml", "choice-no-options.yaml",
    "choice-one-option.yaml", "choice-answer-list.yaml", "list-answer-scalar.yaml",
    "text-answer-list.yaml", "text-accept-mapping.yaml", "truefalse-bad.yaml",
    "examples-unknown-key.yaml", "tries-out-of-range.yaml", "empty-value.yaml", "null-value.yaml",
    "top-level-list.yaml", "top-level-text.yaml", "tolerance-not-number.yaml",
    "teach-missing-dash.yaml", "misspelt-synonyms.yaml", "not-a-lesson.yaml",
    "examples-no-value.yaml", "list-answer-commas.yaml", "tolerance-words.yaml",
    "trap-type-synonym.yaml", "all-at-once.yaml",
]  # fmt: skip


def test_the_schema_is_valid_draft_2020_12():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_agreement_always_checks_something():
    names = {f.name for f in accepted_files()}
    assert {"01-neighbours.yaml", "02-hedging.yaml", "yaml11-traps.yaml"} <= names


@pytest.mark.parametrize("path", accepted_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_files_the_loader_accepts_validate(path: Path):
    assert schema_errors(path) == []


@pytest.mark.parametrize("name", STRUCTURAL)
def test_files_the_loader_rejects_for_structure_fail_the_schema_too(name: str):
    path = DATA / "loader" / name
    assert any(p.is_error for p in load_lesson(path)[1])
    assert schema_errors(path) != []


def test_every_key_the_loader_knows_is_in_the_schema():
    from tutor.loader.steps import EXAMPLE_KEYS, LESSON_KEYS, QUESTION_KEYS, TYPES

    defs = SCHEMA["$defs"]
    assert set(SCHEMA["properties"]) == set(LESSON_KEYS)
    assert set(defs["question"]["properties"]) == set(QUESTION_KEYS)
    assert set(defs["question"]["properties"]["examples"]["properties"]) == set(EXAMPLE_KEYS)
    assert defs["question"]["properties"]["type"]["anyOf"][0]["enum"] == list(TYPES)


# Every place the schema and `tutor check` once disagreed (issue 16), and the neighbours of each:
# (what is written in the lesson, whether both must accept it). Each is checked with the file read
# as YAML 1.2 (the language server's default) and as YAML 1.1 (older editors: ``on`` is true).
AGREEMENT = [
    ("minutes: \"10\"", True), ("minutes: 10", True), ("minutes: \"0\"", False),
    ("minutes: \"601\"", False), ("minutes: ten", False),
    ("tries: '3'", True), ("tries: 3.0", True), ("tries: 2.5", False), ("tries: \"21\"", False),
    ("q.tries: '3'", True), ("q.tries: 3.0", True), ("q.tries: 0", False),
    ("number.tolerance: 1/2", True), ("number.tolerance: 1e3", True),
    ("number.tolerance: 5%", True), ("number.tolerance: 1.5e-3", True),
    ("number.tolerance: about 5", False), ("number.tolerance: -1", False),
    ("Choice.answer: A", True), ("Choice.accept: [a]", False), ("Choice.accept: {A1: [a1x]}", True),
    ("Multi.accept: {B: b2x}", True), ("CHOICE.tolerance: 1", False),
    ("TrueFalse.answer: on", True), ("TrueFalse.answer: off", True),
    ("TrueFalse.answer: maybe", False), ("truefalse.answer: \"yes\"", True),
    ("Number.answer: 12", True), ("Number.options: [a, b]", False),
    ("List.need: 1", True), ("List.need: '1'", True), ("List.need: 0", False),
]  # fmt: skip


def agreement_lesson(case: str) -> str:
    """A small lesson with ``case`` written in: ``key: v`` at the top of the lesson,
    ``q.key: v`` in a text question, ``Type.key: v`` in a question of that type (as cased)."""
    target, _, line = case.partition(".") if "." in case.split(":")[0] else ("", "", case)
    question = {
        "": {}, "q": {}, "number": {"answer": "12"}, "choice": {"options": "[A1, B2]", "answer": "A"},
        "truefalse": {"answer": "true"}, "list": {"answer": "[a, b]"},
        "multi": {"options": "[A1, B2]", "answer": "[A]"},
    }[target.lower()]  # fmt: skip
    fields = {"ask": "Which?", "answer": "a", **question}
    if target and target != "q":
        fields["type"] = target
    key, _, value = line.partition(": ")
    top = f"{line}\n" if not target else ""
    if target:
        fields[key] = value
    body = "".join(f"    {k}: {v}\n" for k, v in fields.items())
    return f"id: agree\ntitle: Agree\n{top}steps:\n  - id: q\n{body}"


@pytest.mark.parametrize(("case", "accepted"), AGREEMENT, ids=[c for c, _ in AGREEMENT])
@pytest.mark.parametrize("yaml11", [False, True], ids=["yaml1.2", "yaml1.1"])
def test_the_schema_and_the_checker_agree(tmp_path: Path, case: str, accepted: bool, yaml11: bool):
    path = tmp_path / "agree.yaml"
    path.write_text(agreement_lesson(case), encoding="utf-8")
    errors = [p for p in load_lesson(path)[1] if p.is_error]
    schema = [e.message for e in VALIDATOR.iter_errors(read(path, yaml11))]
    assert (errors == []) is accepted, errors
    assert (schema == []) is accepted, schema
