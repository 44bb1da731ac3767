"""Every text transform is linear: 1 MiB of hostile lesson or student text against 64 KiB.

For each input shape the subject is the transform on 1 MiB and the baseline is 16 times its time
on 64 KiB of the same shape: a linear transform has a ratio near 1 (up to about 3 when 64 KiB fits
in the processor's cache and 1 MiB does not), a quadratic one near 16 (the unclosed ``**`` that
once took 20 s on 64 KB). Timed in this process, median of the runs.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

from harness import Row

MIB = 1024 * 1024
SCALE = 16

SHAPES: dict[str, str] = {
    "prose": "The **quick** brown fox, *jumps* over the lazy dog. ",
    "unclosed **": "**x\n",
    "unclosed __": "__a ",
    "lone stars": "*a\n",
    "one long word": "x",
    "short lines": "a\n",
    "blank lines": "\n \n",
    "escapes": "\x1b[2J\x1b]0;t\x07ok ",
}


def _text(shape: str, size: int) -> str:
    unit = SHAPES[shape]
    return (unit * (size // len(unit) + 1))[:size]


def _transforms() -> dict[str, Callable[[str], object]]:
    from tutor.mdtext import markdown_to_text
    from tutor.plain_writer import PlainWriter
    from tutor.safetext import clean_input, json_text, printable

    def plain(text: str) -> object:
        PlainWriter(io.StringIO(), width=80, colour=False).block(markdown_to_text(text), "Tutor: ")
        return None

    return {
        "plain writer": plain,
        "printable": printable,
        "clean_input": clean_input,
        "json_text": json_text,
    }


def _time(fn: Callable[[str], object], text: str, runs: int) -> float:
    """Milliseconds per call, median of ``runs`` samples; a fast call is repeated until a sample
    lasts at least 50 ms, so that a scheduler's hiccup does not decide the ratio."""
    start = time.perf_counter()
    fn(text)
    once = time.perf_counter() - start
    reps = max(1, int(0.05 / max(once, 1e-7)))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(reps):
            fn(text)
        times.append((time.perf_counter() - start) / reps)
    return statistics.median(times) * 1000


def bench_transforms(runs: int, work: object = None) -> list[Row]:
    rows = []
    runs = max(3, runs // 2)
    for name, fn in _transforms().items():
        for shape in SHAPES:
            if name != "plain writer" and shape not in ("escapes", "prose", "short lines"):
                continue
            big = _time(fn, _text(shape, MIB), runs)
            small = _time(fn, _text(shape, MIB // SCALE), runs)
            rows.append(
                Row(f"{name}: {shape}", big, small * SCALE, "ms", 4.0,
                    note=f"1 MiB vs {SCALE} x 64 KiB")
            )
    return rows
