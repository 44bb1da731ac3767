"""Several tutor processes writing to one progress file at once lose nothing."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path

from tutor.records import Attempt, Outcome
from tutor.store import Store

PROCS = 4
WRITES = 200


def _writer(data_dir: str, student: str, n: int, queue) -> None:  # runs in a child process
    errors: list[str] = []
    start = time.perf_counter()
    with Store.open(Path(data_dir), student, warn=errors.append) as store:
        for i in range(n):
            store.attempt(
                Attempt(
                    "l1",
                    f"q{i % 7}",
                    f"{student} answer {i}",
                    "wrong",
                    0.0,
                    1,
                    0,
                    True,
                    0.0,
                    "learn",
                )
            )
            # Every process also updates the same shared card: read-modify-write under load.
            if i % 10 == 0:
                store.outcome(Outcome("l1", "shared", "wrong", 0.0, 1, 0, "learn"))
            store.place("l1", i)
        unsaved = store.unsaved
        write_errors = store.write_errors
    queue.put((student, errors, unsaved, write_errors, time.perf_counter() - start))


def test_four_processes_writing_at_once_lose_nothing(tmp_path):
    with Store.open(tmp_path, "setup"):
        pass  # create the file once, as a first run would
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [
        ctx.Process(target=_writer, args=(str(tmp_path), f"s{k}", WRITES, queue))
        for k in range(PROCS)
    ]
    for p in procs:
        p.start()
    results = [queue.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    for student, errors, unsaved, write_errors, seconds in results:
        assert errors == [] and unsaved == 0 and write_errors == 0, student
        print(f"{student}: {WRITES} answers in {seconds:.2f}s")

    conn = sqlite3.connect(tmp_path / "progress.sqlite3")
    per_student = dict(
        conn.execute("SELECT student, COUNT(*) FROM attempts GROUP BY student").fetchall()
    )
    assert per_student == {f"s{k}": WRITES for k in range(PROCS)}
    texts = {r[0] for r in conn.execute("SELECT text FROM attempts")}
    assert len(texts) == PROCS * WRITES
    outcomes_each = len(range(0, WRITES, 10))
    cards = conn.execute(
        "SELECT student, reviews FROM cards WHERE question_id = 'shared'"
    ).fetchall()
    assert sorted(cards) == [(f"s{k}", outcomes_each) for k in range(PROCS)]
    places = conn.execute("SELECT student, step_index FROM places").fetchall()
    assert sorted(places) == [(f"s{k}", WRITES - 1) for k in range(PROCS)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _same_card_writer(data_dir: str, n: int, queue) -> None:
    with Store.open(Path(data_dir), "ann") as store:
        for _ in range(n):
            store.outcome(Outcome("l1", "q", "correct", 1.0, 1, 0, "quiz"))
        queue.put((store.unsaved, store.write_errors))


def test_one_student_in_two_processes_updates_the_card_every_time(tmp_path):
    """Two tutor windows for one student: no outcome's card update is lost."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_same_card_writer, args=(str(tmp_path), 100, queue)) for _ in "ab"]
    for p in procs:
        p.start()
    assert [queue.get(timeout=240) for _ in procs] == [(0, 0), (0, 0)]
    for p in procs:
        p.join(timeout=60)
    conn = sqlite3.connect(tmp_path / "progress.sqlite3")
    assert conn.execute("SELECT reviews FROM cards").fetchall() == [(200,)]
    assert conn.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0] == 200
    conn.close()
