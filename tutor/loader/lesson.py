"""One lesson file -> ``Lesson``, with every problem found on the way."""

from __future__ import annotations

from pathlib import Path

from tutor.loader import fields as f
from tutor.loader.files import read_bytes
from tutor.loader.lint import lint_lesson, lint_question, lint_source
from tutor.loader.problems import Problem, Report, TooManyErrors, problem_sort_key
from tutor.loader.safeyaml import Map, Node, Scalar, Seq, check_encoding, compose
from tutor.loader.steps import LESSON_KEYS, MAX_TRIES, QUESTION_KEYS, convert_step
from tutor.loader.synonyms import read_synonyms
from tutor.model import DEFAULT_TRIES, GlossaryEntry, Lesson, Question, Step

REQUIRED = ("id", "title", "steps")
MAX_MINUTES = 600
_LESSON_SET = frozenset(LESSON_KEYS)
_KNOWN = _LESSON_SET | frozenset(QUESTION_KEYS) | {"teach"} | frozenset(f.SYNONYMS)


def load_lesson(
    path: str | Path, data: bytes | None = None
) -> tuple[Lesson | None, list[Problem]]:
    """Read, check and convert one lesson file (``data``: its bytes, when already read). The
    lesson is None if there is any error."""
    report = Report(str(path))
    lesson = None
    try:
        if data is None:
            data = read_bytes(Path(path), report)
        if data is not None and check_encoding(data, report):
            root = compose(data, report)
            if root is not None:
                lesson = convert_lesson(report, root)
    except TooManyErrors:
        pass
    except RecursionError:  # pragma: no cover - nothing here recurses; belt and braces
        report.error((1, 1), "the file is nested too deeply to read")
    except Exception as exc:  # pragma: no cover - a loader bug must not become a traceback
        report.error((1, 1), f"internal error while reading this file ({type(exc).__name__}: {exc})")
    if report.errors:
        lesson = None
    report.problems.sort(key=problem_sort_key)
    return lesson, report.problems


def convert_lesson(report: Report, root: Node) -> Lesson | None:
    if root.__class__ is not Map:
        report.error(
            root,
            "a lesson file is a mapping of keys (id:, title:, steps: ...), but this file holds"
            f" {f.kind_of(root)}",
        )
        return None
    pairs = root.pairs
    # A file with nothing of a lesson (a CI config beside the lessons) gets one error, not one
    # per key; a lesson with misspelt keys still gets "did you mean".
    if not pairs.keys() & _KNOWN and not any(
        f.suggest(k, LESSON_KEYS) for k in list(pairs)[:20]
    ):
        report.error(
            root,
            "this is not a lesson file: it has none of the lesson keys (id, title, steps);"
            " keep other YAML files out of the lessons folder",
        )
        return None
    meant = set()  # known keys that unknown ones probably misspell: not reported missing too
    for name, (knode, _) in pairs.items():
        if name in _LESSON_SET:
            continue
        if name in QUESTION_KEYS or name == "teach":
            report.error(
                knode, f"'{name}' belongs in a step under 'steps', not at the top of the lesson"
            )
        else:
            meant.add(f.unknown_key(report, knode, "the lesson", LESSON_KEYS))
    for key in REQUIRED:
        if key not in pairs and key not in meant:
            report.error(root, f"the lesson has no '{key}'")

    def get(key: str) -> Node:
        """The value of a key known to be in ``pairs``."""
        return pairs[key][1]

    id_node = get("id") if "id" in pairs else None
    lesson_id = f.slug(report, id_node, "lesson id") if id_node is not None else None
    title = f.text(report, get("title"), "'title'") if "title" in pairs else None
    summary = f.text(report, get("summary"), "'summary'") if "summary" in pairs else None
    minutes = f.count(report, get("minutes"), "'minutes'", 1, MAX_MINUTES) if "minutes" in pairs else None
    tries = f.count(report, get("tries"), "'tries'", 1, MAX_TRIES) if "tries" in pairs else None
    sources = tuple(
        (k, v) for k, v, _ in f.text_pairs(report, get("sources"), "'sources'")
    ) if "sources" in pairs else ()
    glossary = tuple(
        GlossaryEntry(k, v, f.pos(report, kn))
        for k, v, kn in f.text_pairs(report, get("glossary"), "'glossary'")
    ) if "glossary" in pairs else ()
    synonyms = read_synonyms(report, get("synonyms")) if "synonyms" in pairs else ()
    steps = (
        _steps(report, get("steps"), {name for name, _ in sources}, tries)
        if "steps" in pairs
        else ()
    )

    # id_node is set whenever lesson_id is; testing it too tells mypy so.
    if report.errors or id_node is None or lesson_id is None or title is None:
        return None
    lesson = Lesson(
        id=lesson_id,
        title=title,
        steps=steps,
        summary=summary or "",
        minutes=minutes,
        sources=sources,
        glossary=glossary,
        synonyms=synonyms,
        tries=tries if tries is not None else DEFAULT_TRIES,
        path=report.path,
        pos=f.pos(report, id_node),
    )
    lint_lesson(report, lesson)
    return lesson


def _steps(
    report: Report, node: Node, source_names: set[str], tries: int | None
) -> tuple[Step, ...]:
    if node.__class__ is not Seq:
        if node.__class__ is Scalar and node.is_null:
            report.error(node, "'steps' is empty: a lesson needs at least one step")
        else:
            report.error(
                node, f"'steps' must be a list of steps ('- teach: ...', '- id: ...'), not {f.kind_of(node)}"
            )
        return ()
    if not node.items:
        report.error(node, "'steps' is empty: a lesson needs at least one step")
        return ()
    seen: dict[str, Scalar] = {}
    steps: list[Step] = []
    for step_node in node.items:
        step = convert_step(report, step_node, seen)
        if step is None:
            continue
        steps.append(step)
        if isinstance(step, Question):
            lint_question(report, step, tries)
            # convert_step makes a Question only of a Map; the isinstance tells mypy so.
            source = step_node.pairs.get("source") if isinstance(step_node, Map) else None
            if source is not None:
                lint_source(report, step, (source[1].line, source[1].column), source_names)
    return tuple(steps)
