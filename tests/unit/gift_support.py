"""The GIFT round trip shared by the GIFT tests: lesson mappings loaded, exported to GIFT,
imported and loaded again. Not a test module: test modules import this, never each other."""

from __future__ import annotations

import re
from pathlib import Path

from tutor.gift import export_gift, import_gift
from tutor.gift.yamlfile import lesson_yaml
from tutor.loader import load_course


def round_trip(lessons: list[dict], tmp_path: Path, notes: bool) -> tuple[list, list]:
    """The lessons loaded, and loaded again after export to GIFT and import (without the
    tutor's '// tutor' notes when ``notes`` is false, as Moodle keeps a bank)."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for n, lesson in enumerate(lessons, 1):
        (first / f"{n:02d}.yaml").write_text(lesson_yaml(lesson), encoding="utf-8")
    before, problems = load_course([first])
    assert [str(p) for p in problems if p.is_error] == []
    text, _ = export_gift(before.lessons)
    if not notes:
        text = "\n".join(line for line in text.split("\n") if not line.startswith("// tutor"))
    again, problems = import_gift(text, "again.gift")
    assert [str(p) for p in problems] == []
    for n, lesson in enumerate(again, 1):
        (second / f"{n:02d}.yaml").write_text(lesson_yaml(lesson), encoding="utf-8")
    after, problems = load_course([second])
    assert [str(p) for p in problems if p.is_error] == []

    def shown(course) -> list:
        return [(lesson.title, [re.sub(r"Pos\([^)]*\)", "", repr(s)) for s in lesson.steps])
                for lesson in course.lessons]  # fmt: skip

    return shown(before), shown(after)
