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


def core_scalar(node: Scalar):
    """A plain scalar as YAML 1.2's core schema types it; quoted ones are strings."""
    v = node.value
    if not node.plain:
        return v
    if v in ("", "~", "null", "Null", "NULL"):
        return None
    if v in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return v.lower() == "true"
    if _INT.fullmatch(v):
        return int(v, 0) if v[:2] in ("0o", "0x") else int(v)
    if _FLOAT.fullmatch(v):
        return float(v)
    if v.lower() in (".inf", "+.inf", "-.inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    return v


def as_data(node):
    if isinstance(node, Scalar):
        return core_scalar(node)
    if isinstance(node, Map):
        return {key: as_data(value) for key, (_, value) in node.pairs.items()}
    return [as_data(item) for item in node.items]


def read(path: Path):
    root = compose(path.read_bytes(), Report(str(path)))
    assert root is not None, path
    return as_data(root)


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
