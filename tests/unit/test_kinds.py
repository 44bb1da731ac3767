"""The kind registry: every question type is one kind, an unknown one is refused, and the schema
names the same kinds."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tutor.grading import Grader
from tutor.kinds import UnknownKind, kind, kinds
from tutor.model import Course, Item, Lesson, NumberSpec, Question, QuestionType
from tutor.session.withhold import reveals

T = QuestionType

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "lesson.schema.json"


def test_every_question_type_is_one_kind() -> None:
    assert [k.type for k in kinds()] == list(QuestionType)
    for t in QuestionType:
        assert kind(t) is kind(t.value)
        assert kind(t).grading_rules(), t  # the heavy parts resolve


@pytest.mark.parametrize("name", ["opinion", "essay", "", "TEXT "])
def test_an_unknown_kind_is_refused(name: str) -> None:
    with pytest.raises(UnknownKind, match="the kinds are text, number"):
        kind(name)


def test_the_schema_lists_the_kinds() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    listed = schema["$defs"]["question"]["properties"]["type"]["anyOf"][0]["enum"]
    assert listed == [k.name for k in kinds()]


def test_a_question_of_no_known_kind_is_not_graded_as_text() -> None:
    q = Question(id="q", ask="Capital?", type="essay", answer="Astana")  # type: ignore[arg-type]
    grade = Grader().grade(q, "Astana")
    assert grade.verdict.value == "invalid" and grade.credit == 0.0


def test_type_specific_keys_belong_to_their_kinds() -> None:
    owners = {
        key: sorted(k.name for k in kinds() if key in k.keys) for k in kinds() for key in k.keys
    }
    assert owners == {
        "accept": ["choice", "list", "multi", "text"],  # choice, multi: other spellings of options
        "need": ["list", "open"],
        "points": ["open"],
        "tolerance": ["number"],
        "unit": ["number"],
        "options": ["choice", "multi"],
    }


# What each kind decides, asked where the session and the grader use it.


def _q(type_: QuestionType, answer: str, **fields) -> Question:
    return Question(id="q", ask="Which one?", type=type_, answer=answer, **fields)


def test_what_a_reply_must_not_give_away_is_the_kinds_own() -> None:
    truth = _q(T.TRUEFALSE, "true", truth=True)
    assert not reveals("That is true of every landlocked country.", truth)
    options = ("Kazakhstan", "Russia", "China")
    for t in (T.CHOICE, T.MULTI):
        picked = _q(t, "B", options=options, correct=(1,))
        assert reveals("Russia borders it to the north.", picked)
        assert not reveals("China borders it to the east.", picked)
    value = _q(T.NUMBER, "18 million", number=NumberSpec(18e6))
    assert reveals("About 18,000,000 people live there.", value)  # read as a value
    assert not reveals("About 18,000,000 people live there.", value, said="18000000?")


def test_a_number_written_in_words_is_its_own_form() -> None:
    q = _q(T.NUMBER, "a score", number=NumberSpec(20))
    grade = Grader().grade(q, "a score")
    assert grade.verdict.right and grade.rule == "form-in-words"


@pytest.mark.parametrize(
    ("type_", "answer", "typed"),
    [
        (T.TEXT, "Astana", "astana"),
        (T.LIST, "Russia, China", "China and Russia"),
        (T.NUMBER, "42", "42"),
    ],
)
def test_a_question_built_without_the_loader_reads_its_answer(type_, answer, typed) -> None:
    """No items (text, list), no value (number): they are read from the answer as written."""
    grade = Grader().grade(_q(type_, answer), typed)
    assert grade.verdict.right and grade.credit == 1.0, grade
    assert not Grader().grade(_q(type_, answer), "Ulaanbaatar").verdict.right


def _competitors(*questions: Question) -> int:
    return Grader(Course((Lesson("l", "L", questions),))).competitor_count


def test_a_question_built_by_hand_competes_like_the_loaders() -> None:
    listed = _q(T.LIST, "Russia, Mongolia")
    loaded = _q(T.LIST, "Russia, Mongolia", items=(Item("Russia"), Item("Mongolia")))
    assert _competitors(listed) == _competitors(loaded) > _competitors()
    assert _competitors(_q(T.NUMBER, "1991", number=NumberSpec(1991))) == _competitors()


TUTOR = Path(__file__).resolve().parents[2] / "tutor"


def _own_modules() -> set[Path]:
    """The kinds' own modules: the registry, the kind modules, and every module a kind names as
    its reader, rules, lint, ... (``"module:attribute"``)."""
    own = set((TUTOR / "kinds").glob("*.py"))
    for k in kinds():
        for ref in (k.reader, k.rules, k.clash, k.typed, k.lint, k.partial, k.gift):
            if ref:
                module = ref.partition(":")[0]
                own.add(TUTOR.parent.joinpath(*module.split(".")).with_suffix(".py"))
    return own


def _type_members(tree: ast.AST) -> set[str]:
    """The names ``QuestionType`` goes by in a module (``T = QuestionType`` too)."""
    names = {"QuestionType"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {a.asname for a in node.names if a.name == "QuestionType" and a.asname}
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        ):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _branches_on_kind(tree: ast.AST) -> list[int]:
    """Lines that compare with a ``QuestionType`` member or a kind's name as a string, match
    on one, or key a table by one: a ladder over question kinds."""
    names = _type_members(tree)
    kind_names = {k.name for k in kinds()}

    def member(node: ast.AST) -> bool:
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return any(member(e) for e in node.elts)
        return (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        )

    def named(node: ast.AST) -> bool:
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return any(named(e) for e in node.elts)
        return isinstance(node, ast.Constant) and node.value in kind_names

    def is_type(node: ast.AST) -> bool:  # q.type, q.type.value
        while isinstance(node, ast.Attribute) and node.attr == "value":
            node = node.value
        return isinstance(node, ast.Attribute) and node.attr == "type"

    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(member(s) for s in sides) or (
                any(is_type(s) for s in sides) and any(named(s) for s in sides)
            ):
                lines.append(node.lineno)
        elif isinstance(node, ast.match_case) and any(
            member(n) for n in ast.walk(node.pattern) if isinstance(n, ast.expr)
        ):
            lines.append(node.pattern.lineno)
        elif isinstance(node, ast.Dict) and any(k is not None and member(k) for k in node.keys):
            lines.append(node.lineno)
    return lines


def test_nothing_outside_the_kinds_branches_on_the_question_type() -> None:
    """Adding a kind is one module: the session, the grader, the model and the front ends ask
    the kind (``kind(q.type).numeric``, ``.keeps_found``, ...), never ``q.type is ...``."""
    own = _own_modules()
    found = [
        f"{path.relative_to(TUTOR.parent)}:{line}"
        for path in sorted(TUTOR.rglob("*.py"))
        if path not in own
        for line in _branches_on_kind(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not found, f"branches on the question type; ask its kind instead: {found}"


@pytest.mark.parametrize(
    "source",
    [
        "if q.type is QuestionType.TRUEFALSE: pass",
        "x = q.type in (QuestionType.CHOICE, QuestionType.MULTI)",
        "from tutor.model import QuestionType as QT\nok = QT.LIST == q.type",
        "T = QuestionType\nok = q.type is not T.OPEN",
        "ok = question.type == 'number'",
        "ok = q.type.value in ('list', 'multi')",
        "match q.type:\n    case QuestionType.NUMBER:\n        pass",
        "note = {QuestionType.LIST: 'name them'}[q.type]",
    ],
)
def test_the_scan_finds_each_form_of_a_ladder(source: str) -> None:
    assert _branches_on_kind(ast.parse(source))


def test_the_scan_leaves_other_comparisons_alone() -> None:
    source = "T = QuestionType\nq = Question(type=T.TEXT)\nok = k.type == kind\nx = y == 'list'"
    assert _branches_on_kind(ast.parse(source)) == []
