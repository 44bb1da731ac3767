"""The class store under load, on a throwaway PostgreSQL cluster (needs initdb and pg_ctl).

    python benchmarks/run.py class-send class-report
    python benchmarks/classstore.py --students 200 --answers 100   # the same, by hand

- class-send: N simulated students (threads, each with its own local SQLite store and its own
  login role) answer M questions at once; each answer is written locally, then sent
  (``send_waiting``, one batch per answer, as the background sender does). Reported: throughput
  (answers a second reaching the server) and p99 send latency; the baseline is the same INSERT
  sent as the cluster's superuser without RLS, the local store or the queue.
- class-report: ``tutor class report`` built from the server over 1,000,000 attempts (2,000
  students x 100 questions x 5 tries), median of runs; target <= 5 s. The baseline is one
  ``count(*)`` scan of the same table.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "classroom"))
sys.path.insert(0, str(HERE.parent))

from harness import Row  # noqa: E402
from pgcluster import Cluster, find_bin, new_class  # noqa: E402


def _cluster() -> Cluster:
    bindir = find_bin()
    if bindir is None:
        raise SystemExit("class-store benchmarks need PostgreSQL (apt-get install postgresql)")
    cluster = Cluster(bindir)
    cluster.init()
    cluster.start()
    return cluster


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


def send(students: int = 200, answers: int = 100) -> list[Row]:
    import psycopg

    from tutor.classroom import schema
    from tutor.classroom.outbox import Outbox
    from tutor.classroom.sender import open_connection, send_waiting
    from tutor.classroom.server import target
    from tutor.records import Attempt
    from tutor.store import Store

    cluster = _cluster()
    work = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
    try:
        owner = new_class(cluster, "bench")
        schema.init(owner)
        urls = [schema.add_student(owner, f"st{i}") for i in range(students)]
        latencies: list[list[float]] = [[] for _ in range(students)]
        start_line = threading.Barrier(students + 1)

        def student(i: int) -> None:
            name = f"st{i}"
            with Store.open(work / name, name) as store, open_connection(urls[i]) as conn:
                box = Outbox(store.path, name, target(urls[i]))
                start_line.wait()
                for n in range(answers):
                    store.attempt(
                        Attempt("l", f"q{n}", f"answer {n}", "wrong", 0.0, 1, 0, True, 0.0, "learn")
                    )
                    began = time.perf_counter()
                    send_waiting(conn, box)
                    latencies[i].append(time.perf_counter() - began)
                box.close()

        threads = [threading.Thread(target=student, args=(i,)) for i in range(students)]
        for t in threads:
            t.start()
        start_line.wait()
        began = time.perf_counter()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began
        with psycopg.connect(owner) as conn:
            arrived = conn.execute("SELECT count(*) FROM tutor.attempts").fetchone()[0]
        total = students * answers
        assert arrived == total, f"{arrived} of {total} answers arrived"
        ours = [x * 1000 for xs in latencies for x in xs]

        # Baseline: the bare INSERT of one row per statement, as the superuser (no RLS, no queue).
        base_lat: list[float] = []
        with psycopg.connect(cluster.url(db="bench")) as conn:
            for n in range(2000):
                began = time.perf_counter()
                conn.execute(
                    "INSERT INTO tutor.attempts (uid, student, at, lesson_id, question_id, mode,"
                    " try_no, hints_used, verdict, credit, final, awarded, text) VALUES"
                    " (%s, 'base', now(), 'l', 'q', 'learn', 1, 0, 'wrong', 0, true, 0, 'x')",
                    (f"b{n}",),
                )
                conn.commit()
                base_lat.append((time.perf_counter() - began) * 1000)
    finally:
        cluster.destroy()
    note = f"{students} students x {answers} answers, all {total} arrived once"
    return [
        Row("class: send throughput", total / wall, 1000 / statistics.median(base_lat),
            "answers/s", None, note=note + "; baseline: one bare INSERT at a time"),
        Row("class: send latency p99", _p99(ours), _p99(base_lat), "ms", None,
            note="write locally then send; baseline: a bare INSERT + commit"),
    ]  # fmt: skip


def report(runs: int = 3, students: int = 2000, questions: int = 100, tries: int = 5) -> list[Row]:
    import psycopg

    from tutor.classroom import report as class_report
    from tutor.classroom import schema

    cluster = _cluster()
    try:
        owner = new_class(cluster, "big")
        schema.init(owner)
        with psycopg.connect(owner) as conn:
            conn.execute(
                """
                INSERT INTO tutor.attempts (uid, student, at, lesson_id, question_id, mode, try_no,
                    hints_used, verdict, credit, final, awarded, text)
                SELECT s || '-' || q || '-' || t, 'st' || s,
                       now() - (s * 1000 + q * 10 + t) * interval '1 second',
                       'lesson' || (q %% 10), 'q' || q, 'learn', t, (s + q) %% 3,
                       CASE WHEN (s * 7 + q * 13 + t) %% 5 = 0 THEN 'correct'
                            WHEN (s + q) %% 4 = 0 THEN 'close' ELSE 'wrong' END,
                       0.5, t = %s, CASE WHEN t = %s THEN 0.5 ELSE 0 END,
                       'answer ' || ((s * q + t) %% 40)
                FROM generate_series(1, %s) s, generate_series(1, %s) q, generate_series(1, %s) t
                """,
                (tries, tries, students, questions, tries),
            )
            conn.execute("ANALYZE tutor.attempts")
            conn.commit()
            rows = conn.execute("SELECT count(*) FROM tutor.attempts").fetchone()[0]
        ours, base = [], []
        for _ in range(runs):
            began = time.perf_counter()
            built = class_report.from_server(owner)
            ours.append(time.perf_counter() - began)
            began = time.perf_counter()
            with psycopg.connect(owner) as conn:
                conn.execute("SELECT count(*) FROM tutor.attempts").fetchone()
            base.append(time.perf_counter() - began)
        assert len(built.questions) == questions and len(built.students) == students
    finally:
        cluster.destroy()
    return [
        Row("class report: 1M attempts", statistics.median(ours), statistics.median(base), "s",
            5.0, absolute=True, note=f"{rows:,} attempts; baseline: count(*) of the table"),
    ]  # fmt: skip


def bench_send(runs: int, work: Path) -> list[Row]:
    return send()


def bench_report(runs: int, work: Path) -> list[Row]:
    return report(runs=min(runs, 3))


if __name__ == "__main__":
    import argparse

    from harness import table

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--answers", type=int, default=100)
    parser.add_argument("--attempts-students", type=int, default=2000)
    args = parser.parse_args()
    print(table(send(args.students, args.answers) + report(students=args.attempts_students)))
