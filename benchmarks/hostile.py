"""How fast a hostile lesson file is refused: every case of ``tests/unit/test_loader_hostile.py``
(one source for both), the slowest against parsing the course's longest lesson. A refusal should
cost about what reading a normal lesson costs, whatever the file holds."""

from __future__ import annotations

import importlib.util
import statistics
import tempfile
import time
from pathlib import Path

from harness import Row

ROOT = Path(__file__).resolve().parents[1]


def _cases() -> dict[str, tuple[bytes, str]]:
    spec = importlib.util.spec_from_file_location(
        "hostile_cases", ROOT / "tests" / "unit" / "test_loader_hostile.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


def _median_time(path: Path, runs: int) -> float:
    from tutor.loader import load_lesson

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load_lesson(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_hostile(runs: int, work: Path) -> list[Row]:
    from tutor.paths import bundled_course

    longest = max(bundled_course().glob("*.yaml"), key=lambda p: p.stat().st_size)
    normal = _median_time(longest, runs)
    folder = Path(tempfile.mkdtemp(dir=work))
    worst_name, worst = "", 0.0
    for name, (data, _expected) in _cases().items():
        path = folder / f"{name}.yaml"
        path.write_bytes(data)
        took = _median_time(path, runs)
        if took > worst:
            worst_name, worst = name, took
    return [
        Row("hostile file refused (worst)", worst, normal, "s", 1.0, absolute=True,
            note=f"slowest case: {worst_name}; baseline: loading {longest.name}"),
    ]
