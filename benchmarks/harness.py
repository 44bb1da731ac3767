"""What every benchmark shares: a result row, running a command under a timer, medians, the table.

Nothing here asserts a speed: the table says whether each target was met.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    value: float
    baseline: float
    unit: str
    target: float | None = None  # a ratio, or an absolute value when absolute=True
    absolute: bool = False
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        measured = self.value if self.absolute else self.ratio
        return "met" if measured <= self.target else "MISSED"


MEASURE = r"""
import resource, subprocess, sys, time
argv = sys.argv[1:]
stdin = sys.stdin.buffer.read() if argv[0] == '--stdin' else None
if stdin is not None:
    argv = argv[1:]
start = time.perf_counter()
proc = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
if proc.returncode not in (0, 3):
    sys.stderr.write(proc.stderr.decode()[-3000:])
    sys.exit(1)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(wall, peak)
print(proc.stdout.decode(), end='')
"""


def measure(
    argv: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None
) -> tuple[float, float, str]:
    """Run ``argv`` under a fresh helper that reports its wall time, peak RSS (MiB) and output;
    ``env`` adds to the environment."""
    extra = ["--stdin"] if stdin is not None else []
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, *extra, *argv],
        input=stdin,
        capture_output=True,
        env={**os.environ, **env} if env else None,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed:\n{proc.stderr.decode()[-3000:]}")
    first, _, rest = proc.stdout.decode().partition("\n")
    wall, peak = (float(x) for x in first.split())
    return wall, peak, rest


def alternate(runs: int, subject: Callable[[], tuple], baseline: Callable[[], tuple]):
    """Run subject and baseline in turn ``runs`` times; return both lists of results."""
    subject_results, baseline_results = [], []
    for _ in range(runs):
        subject_results.append(subject())
        baseline_results.append(baseline())
    return subject_results, baseline_results


def until_line(argv: list[str], prefix: bytes, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Start ``argv`` with an open stdin; return the wall time until it prints a line starting
    with ``prefix`` (then its stdin is closed, as a student who stops there) and the wall time until it
    has exited."""
    with tempfile.TemporaryFile() as errors:  # a file: a full stderr pipe could stall it
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors,
            env={**os.environ, **env} if env else None,
        )
        assert proc.stdin is not None and proc.stdout is not None
        seen = None
        for line in proc.stdout:
            if seen is None and line.startswith(prefix):
                seen = time.perf_counter() - start
                proc.stdin.close()
        proc.wait()
        ended = time.perf_counter() - start
        if seen is None:
            errors.seek(0)
            raise RuntimeError(f"{argv[:3]} never printed {prefix!r}:\n"
                               f"{errors.read().decode()[-3000:]}")
    return seen, ended


def med(results, index: int) -> float:
    return statistics.median(r[index] for r in results)



def table(rows: list[Row]) -> str:
    head = f"{'benchmark':<30} {'median':>10} {'baseline':>10} {'ratio':>7}  {'target':<9} result"
    lines = [head, "-" * len(head)]
    for r in rows:
        target = "" if r.target is None else (
            f"<= {r.target:g} {r.unit}" if r.absolute else f"<= {r.target:g}x"
        )
        lines.append(
            f"{r.name:<30} {r.value:>8.3f}{r.unit:>2} {r.baseline:>8.3f}{r.unit:>2} "
            f"{r.ratio:>6.2f}x  {target:<9} {r.verdict}"
        )
        if r.note:
            lines.append(f"{'':<30} ({r.note})")
    return "\n".join(lines)
