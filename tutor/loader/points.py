"""Reading an ``open`` question: its ``points:``, ``need`` and the ``partial:`` examples.

```yaml
points:
  - point: to offset the ambitions of both Russia and China      # the tutor's words
    accept: ["offset/balance Russia/Moscow China/Beijing"]      # word groups (see keypoints)
    follow_up: And what does the West give Kazakhstan that neither neighbour can?   # optional
need: 1                                                            # default: every point
```

``answer:`` is optional for an open question: it is the model answer shown when the question
closes (default: the points, one after another).
"""

from __future__ import annotations

from tutor.loader import fields as f
from tutor.loader.answers import Answer
from tutor.loader.problems import Report
from tutor.loader.safeyaml import Map, Node, Scalar, Seq
from tutor.model import Example, Point

POINT_KEYS = ("point", "accept", "follow_up")
MAX_POINTS = 20


def read_open(report: Report, pairs: dict, label: str) -> Answer | None:
    if "points" not in pairs:
        report.error(
            pairs["ask"][0] if "ask" in pairs else next(iter(pairs.values()))[0],
            f"{label} is an open question but has no 'points': list the key points a full"
            " explanation makes, each with 'point:' and 'accept:'",
        )
        return None
    points = _points(report, pairs["points"][1])
    if points is None:
        return None
    answer = None
    if "answer" in pairs:
        answer = f.text(report, pairs["answer"][1], "'answer'")
        if answer is None:
            return None
    need = None
    if "need" in pairs:
        nnode = pairs["need"][1]
        need = f.count(report, nnode, "'need'", 1, MAX_POINTS)
        if need is not None and need > len(points):
            report.error(nnode, f"'need' is {need}, but there are only {len(points)} points")
            return None
    shown = answer if answer is not None else " ".join(_sentence(p.text) for p in points)
    return Answer(shown, need=need, points=points)


def _points(report: Report, node: Node) -> tuple[Point, ...] | None:
    if node.__class__ is not Seq:
        report.error(
            node,
            f"'points' must be a list of points (- point: ... accept: [...]), not"
            f" {f.kind_of(node)}",
        )
        return None
    assert isinstance(node, Seq)
    if not node.items:
        report.error(node, "'points' is empty: an open question needs at least one point")
        return None
    if len(node.items) > MAX_POINTS:
        report.error(node, f"more than {MAX_POINTS} points: split the question")
        return None
    out = []
    errors = report.errors
    seen: dict[str, int] = {}
    for number, item in enumerate(node.items, 1):
        point = _point(report, item, number)
        if point is None:
            continue
        key = " ".join(point.text.casefold().split())
        if key in seen:
            report.error(item, f"point {number} repeats point {seen[key]}")
            continue
        seen[key] = number
        out.append(point)
    return tuple(out) if report.errors == errors else None


def _point(report: Report, node: Node, number: int) -> Point | None:
    what = f"point {number}"
    if node.__class__ is not Map:
        report.error(
            node, f"{what} must be a mapping with 'point:' and 'accept:', not {f.kind_of(node)}"
        )
        return None
    assert isinstance(node, Map)
    pairs = node.pairs
    for name, (knode, _) in pairs.items():
        if name not in POINT_KEYS:
            f.unknown_key(report, knode, what, POINT_KEYS)
    for key in ("point", "accept"):
        if key not in pairs:
            report.error(node, f"{what} has no '{key}'")
    if "point" not in pairs or "accept" not in pairs:
        return None
    text = f.text(report, pairs["point"][1], f"'point' of {what}")
    groups = f.texts(report, pairs["accept"][1], f"'accept' of {what}")
    follow = None
    if "follow_up" in pairs:
        follow = f.text(report, pairs["follow_up"][1], f"'follow_up' of {what}")
    ok = True
    for value, gnode in groups:
        if not _valid_group(report, value, gnode):
            ok = False
    if text is None or not groups or not ok:
        return None
    _warn_easy(report, groups, number)
    return Point(
        text,
        tuple(v for v, _ in groups),
        follow,
        f.pos(report, node),
        tuple(f.pos(report, n) for _, n in groups),
    )


def _valid_group(report: Report, value: str, node: Scalar) -> bool:
    from tutor.grading.normalise import words

    for raw in value.split():
        alternatives = raw.split("/")
        if any(not words(a.replace("_", " ")) for a in alternatives):
            report.error(
                node,
                f"'{raw}' in the accept group '{value}' has an empty alternative: write words"
                " between the '/' signs (offset/balance)",
            )
            return False
    return True


def _warn_easy(report: Report, groups: list[tuple[str, Scalar]], number: int) -> None:
    """A group of one word covers the point for any answer that happens to use the word."""
    for value, gnode in groups:
        if len(value.split()) == 1:
            report.warning(
                gnode,
                f"point {number}: the accept group '{value}' is a single word, so any answer"
                " using it makes the point by chance; add the words that must come with it"
                " (offset/balance Russia/Moscow)",
            )


def partial_count(built: Answer | None) -> int | None:
    """How many points a question read so far has (None: unknown, its points had errors)."""
    return len(built.points) if built is not None and built.points else None


def read_partial(report: Report, node: Node, points: int | None) -> tuple[Example, ...]:
    """``partial:`` examples: answer text -> the numbers of the points it makes (1-based)."""
    table = f.mapping(report, node, "'examples: partial'")
    if table is None:
        return ()
    out = []
    for text, (knode, vnode) in table.pairs.items():
        if not text.strip():
            report.error(knode, "an empty answer in 'examples: partial'")
            continue
        numbers: list[int] = []
        items = vnode.items if isinstance(vnode, Seq) else [vnode]
        for item in items:
            n = f.count(report, item, f"a point number of '{text}'", 1, MAX_POINTS)
            if n is None:
                continue
            if points is not None and n > points:
                report.error(item, f"there is no point {n}: the question has {points} points")
                continue
            numbers.append(n)
        out.append(Example(text.strip(), f.pos(report, knode), tuple(sorted(set(numbers)))))
    return tuple(out)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
