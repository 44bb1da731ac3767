"""The instructor's report: per student, per question (item analysis), and the class's most
common wrong answers with the YAML line to paste into the lesson.

Aggregated in SQL, by the same statements on the class store (PostgreSQL) and on exported files
(``tutor export --format json``/``csv``, loaded into an in-memory SQLite database of the same
shape): the statements use only what both databases share. Definitions (docs/class-store.md):

- a student's *first-try score* at a question is the share of their first tries at it (every
  encounter starts with one) that were right (``correct`` or ``typo``); *first-try success* is
  the mean of that over the students who met the question;
- *mean tries* and *hint rate* are over closed questions (final attempts): the try that closed it,
  and whether any hint was used;
- *discrimination* is the corrected item-total correlation: the first-try score at this question
  against the student's mean first-try score over the other questions; near 0 it
  does not separate stronger from weaker students, below 0 the stronger ones miss it more;
- *score* is the mean credit awarded over a student's closed questions.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from tutor.values import field, mutable, value

RIGHT = ("correct", "typo")
WRONG = ("wrong", "close")  # close: looks right but was refused; misconception: already listed
MIN_STUDENTS = 5  # fewer students than this: no flags, the numbers are too noisy
EASY, HARD = 0.95, 0.2
TOP_WRONG = 3  # wrong answers shown per question
REPLY = "WRITE YOUR REPLY: why this is not the answer"


@mutable
class StudentRow:
    student: str
    answers: int
    questions_closed: int
    score: float | None
    lessons_done: int | None  # None: not known (exported files have no finished lessons)
    last_active: datetime | None
    waiting: int | None  # answers their tutor still had waiting when it last sent; None: unknown


@mutable
class QuestionRow:
    lesson_id: str
    question_id: str
    students: int
    attempts: int
    first_try_success: float | None
    mean_tries: float | None
    hint_rate: float | None
    discrimination: float | None
    flags: list[str] = field(default_factory=list)


@mutable
class WrongAnswer:
    lesson_id: str
    question_id: str
    text: str
    verdict: str
    students: int
    times: int
    suggestion: str  # the YAML line to paste into the question


@mutable
class Report:
    students: list[StudentRow]
    questions: list[QuestionRow]
    wrong_answers: list[WrongAnswer]
    source: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# ------------------------------------------------------------------------------------ the SQL


@value(slots=False)
class Tables:
    """Where the rows are and how parameters are written, for one kind of database."""

    attempts: str
    finishes: str | None
    syncs: str | None
    mark: str  # "%s" (psycopg) or "?" (sqlite3)


SERVER = Tables("tutor.attempts", "tutor.finishes", "tutor.syncs", "%s")
EXPORTS = Tables("attempts", None, None, "?")


def _scope(t: Tables, lesson: str | None) -> tuple[str, list[Any]]:
    where = f" WHERE lesson_id = {t.mark}" if lesson is not None else ""
    # NOT MATERIALIZED: read where used, not copied first (PostgreSQL >= 12, SQLite >= 3.35).
    scope = f"scope AS NOT MATERIALIZED (SELECT * FROM {t.attempts}{where})"
    return scope, [lesson] if lesson is not None else []


# Floating point, not PostgreSQL's exact numeric (a 1.0 literal), which is many times slower to
# add up; SQLite reads DOUBLE PRECISION as REAL.
ONE, ZERO = "CAST(1 AS DOUBLE PRECISION)", "CAST(0 AS DOUBLE PRECISION)"


def _in(values: Iterable[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"  # constants of this module only


SUMMARY = "report_items"  # a temporary table: one row per student and question


def _summary_sql(t: Tables, lesson: str | None) -> tuple[str, list[Any]]:
    """One pass over the attempts: per student and question, what the questions' and the
    students' figures are made of (integer counts and sums, which add up fast)."""
    scope, params = _scope(t, lesson)
    sql = f"""
CREATE TEMPORARY TABLE {SUMMARY} AS
WITH {scope}
SELECT student, lesson_id, question_id, count(*) AS attempts,
       sum(CASE WHEN try_no = 1 THEN 1 ELSE 0 END) AS firsts,
       sum(CASE WHEN try_no = 1 AND verdict IN {_in(RIGHT)} THEN 1 ELSE 0 END) AS firsts_right,
       sum(CASE WHEN final THEN 1 ELSE 0 END) AS closes,
       sum(CASE WHEN final THEN try_no ELSE 0 END) AS close_tries,
       sum(CASE WHEN final AND hints_used > 0 THEN 1 ELSE 0 END) AS close_hinted,
       sum(CASE WHEN final THEN awarded ELSE 0 END) AS awarded,
       max(at) AS last_at
FROM scope GROUP BY student, lesson_id, question_id"""
    return sql, params


def _questions_sql() -> tuple[str, list[Any]]:
    sql = f"""
WITH firsts AS (
    SELECT student, lesson_id, question_id,
           CAST(firsts_right AS DOUBLE PRECISION) / firsts AS x
    FROM {SUMMARY} WHERE firsts > 0),
totals AS (SELECT student, sum(x) AS s, count(*) AS n FROM firsts GROUP BY student),
pairs AS (
    SELECT f.lesson_id, f.question_id, f.x, (t.s - f.x) / (t.n - 1) AS y
    FROM firsts f JOIN totals t ON t.student = f.student WHERE t.n > 1),
disc AS (
    SELECT lesson_id, question_id, count(*) AS dn, sum(x) AS sx, sum(y) AS sy,
           sum(x * y) AS sxy, sum(x * x) AS sxx, sum(y * y) AS syy
    FROM pairs GROUP BY lesson_id, question_id),
firstagg AS (
    SELECT lesson_id, question_id, count(*) AS students, avg(x) AS first_try
    FROM firsts GROUP BY lesson_id, question_id),
items AS (
    SELECT lesson_id, question_id, sum(attempts) AS attempts,
           CAST(sum(close_tries) AS DOUBLE PRECISION) / nullif(sum(closes), 0) AS mean_tries,
           CAST(sum(close_hinted) AS DOUBLE PRECISION) / nullif(sum(closes), 0) AS hints
    FROM {SUMMARY} GROUP BY lesson_id, question_id)
SELECT f.lesson_id, f.question_id, f.students, c.attempts, f.first_try, c.mean_tries, c.hints,
       d.dn, d.sx, d.sy, d.sxy, d.sxx, d.syy
FROM firstagg f
JOIN items c ON c.lesson_id = f.lesson_id AND c.question_id = f.question_id
LEFT JOIN disc d ON d.lesson_id = f.lesson_id AND d.question_id = f.question_id
ORDER BY f.lesson_id, f.question_id"""
    return sql, []


def _students_sql() -> tuple[str, list[Any]]:
    sql = f"""
SELECT student, sum(attempts) AS answers, sum(closes) AS closed,
       sum(awarded) / nullif(sum(closes), 0) AS score, max(last_at) AS last_active
FROM {SUMMARY} GROUP BY student ORDER BY student"""
    return sql, []


def _wrong_sql(t: Tables, lesson: str | None, top: int) -> tuple[str, list[Any]]:
    """The ``top`` wrong answers typed most often per question, and by how many students. Counting
    students needs one group per student and text: done for those few texts only."""
    scope, params = _scope(t, lesson)
    sql = f"""
WITH {scope},
texts AS (
    SELECT lesson_id, question_id, text, max(verdict) AS verdict, count(*) AS times
    FROM scope WHERE verdict IN {_in(WRONG)}
    GROUP BY lesson_id, question_id, text),
ranked AS (
    SELECT lesson_id, question_id, text, verdict, times,
           row_number() OVER (PARTITION BY lesson_id, question_id ORDER BY times DESC, text) AS k
    FROM texts),
top AS (SELECT * FROM ranked WHERE k <= {int(top)}),
who AS (
    SELECT lesson_id, question_id, text, count(DISTINCT student) AS students
    FROM scope WHERE verdict IN {_in(WRONG)}
        AND (lesson_id, question_id, text) IN (SELECT lesson_id, question_id, text FROM top)
    GROUP BY lesson_id, question_id, text)
SELECT top.lesson_id, top.question_id, top.text, top.verdict, who.students, top.times
FROM top JOIN who USING (lesson_id, question_id, text)
ORDER BY top.lesson_id, top.question_id, top.k"""
    return sql, params


def _lessons_done_sql(t: Tables, lesson: str | None) -> tuple[str, list[Any]]:
    assert t.finishes is not None
    where = f" AND lesson_id = {t.mark}" if lesson is not None else ""
    sql = (
        f"SELECT student, count(DISTINCT lesson_id) FROM {t.finishes}"
        f" WHERE mode = 'learn' AND lesson_id IS NOT NULL{where} GROUP BY student"
    )
    return sql, [lesson] if lesson is not None else []


def _waiting_sql(t: Tables) -> tuple[str, list[Any]]:
    assert t.syncs is not None
    sql = (
        f"SELECT s.student, s.waiting FROM {t.syncs} s JOIN (SELECT student, max(at) AS at"
        f" FROM {t.syncs} GROUP BY student) m ON m.student = s.student AND m.at = s.at"
    )
    return sql, []


# ------------------------------------------------------------------------------ the numbers


def correlation(n: int, sx: float, sy: float, sxy: float, sxx: float, syy: float) -> float | None:
    """Pearson's r from sums; None when either side does not vary (or too few pairs)."""
    if n < 2:
        return None
    vx = n * sxx - sx * sx
    vy = n * syy - sy * sy
    if vx <= 1e-12 or vy <= 1e-12:
        return None
    return (n * sxy - sx * sy) / math.sqrt(vx * vy)


def flags_for(students: int, first_try: float | None, disc: float | None) -> list[str]:
    if students < MIN_STUDENTS:
        return []
    out = []
    if first_try is not None and first_try >= EASY:
        out.append("too easy")
    if first_try is not None and first_try <= HARD:
        out.append("too hard")
    if disc is not None and disc < 0:
        out.append("negative discrimination")
    return out


def suggestion(text: str, verdict: str) -> str:
    """The YAML line for the question: an ``accept:`` form for an answer graded close (it looked
    right but was refused), else a ``wrong:`` entry with a reply to write."""
    import yaml

    def flow(value: Any) -> str:
        dumped = yaml.safe_dump(
            value, default_flow_style=True, allow_unicode=True, width=1 << 20, sort_keys=False
        )
        return dumped.strip()

    if verdict == "close":
        return "accept: " + flow([text])
    return "wrong: " + flow({text: REPLY})


def _time(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    from tutor.store.db import parse_iso

    return parse_iso(str(value))


Step = Callable[[int, int], None]


def build(
    conn: Any, tables: Tables, *, lesson: str | None, source: str, step: Step | None = None
) -> Report:
    """The report from a DB-API connection (psycopg or sqlite3) holding ``tables``."""
    stages = 4 + (tables.finishes is not None) + (tables.syncs is not None)
    done = 0

    def run(sql: str, params: list[Any]) -> list[Any]:
        nonlocal done
        cursor = conn.execute(sql, params)
        rows = list(cursor.fetchall()) if cursor.description else []
        done += 1
        if step is not None:
            step(done, stages)
        return rows

    conn.execute(f"DROP TABLE IF EXISTS {SUMMARY}")
    run(*_summary_sql(tables, lesson))
    questions = []
    for row in run(*_questions_sql()):
        lesson_id, question_id, students, attempts, first_try, tries, hints = row[:7]
        disc = None
        if row[7] is not None:
            n, sx, sy, sxy, sxx, syy = (float(v) for v in row[7:13])
            disc = correlation(int(n), sx, sy, sxy, sxx, syy)
        questions.append(
            QuestionRow(
                lesson_id, question_id, int(students), int(attempts),
                _num(first_try), _num(tries), _num(hints), disc,
                flags_for(int(students), _num(first_try), disc),
            )
        )  # fmt: skip
    done_by = dict(run(*_lessons_done_sql(tables, lesson))) if tables.finishes else None
    waiting_by = dict(run(*_waiting_sql(tables))) if tables.syncs else None
    students = [
        StudentRow(
            student=name,
            answers=int(answers),
            questions_closed=int(closed or 0),
            score=_num(score),
            lessons_done=None if done_by is None else int(done_by.get(name, 0)),
            last_active=_time(last),
            waiting=None if waiting_by is None else waiting_by.get(name),
        )
        for name, answers, closed, score, last in run(*_students_sql())
    ]
    wrong = [
        WrongAnswer(lid, qid, text, verdict, int(n), int(times), suggestion(text, verdict))
        for lid, qid, text, verdict, n, times in run(*_wrong_sql(tables, lesson, TOP_WRONG))
    ]
    return Report(students, questions, wrong, source)


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


# ------------------------------------------------------------------------ the two sources


def from_server(url: str, *, lesson: str | None = None, step: Step | None = None) -> Report:
    import psycopg

    from tutor.classroom import schema
    from tutor.classroom.server import ClassStoreError, connect, describe

    with connect(url) as conn:
        schema.check_version(conn.cursor(), url)
        # Big hash aggregates stay in memory; JIT compiling costs more than it saves here.
        conn.execute(
            "SELECT set_config('work_mem', '64MB', false), set_config('jit', 'off', false)"
        )
        try:
            return build(conn, SERVER, lesson=lesson, source=describe(url), step=step)
        except psycopg.Error as exc:  # not the owner (a student's URL), the server going away
            message = " ".join(str(exc).split())
            raise ClassStoreError(f"the class store refused the report: {message}") from None


EXPORT_SCHEMA = """
CREATE TABLE attempts (
    uid TEXT NOT NULL, student TEXT NOT NULL, at TEXT NOT NULL, lesson_id TEXT NOT NULL,
    question_id TEXT NOT NULL, mode TEXT NOT NULL, try_no INTEGER NOT NULL,
    hints_used INTEGER NOT NULL, verdict TEXT NOT NULL, credit REAL NOT NULL,
    final INTEGER NOT NULL, awarded REAL NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (student, uid))
"""


def _export_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The answers of one export: JSON Lines, or CSV (exported with ``--raw``: without it a
    cell that looked like a formula was given a leading ``'``)."""
    import json

    from tutor.store import export

    with path.open(encoding="utf-8", newline="") as fh:
        if path.suffix.lower() == ".csv":
            yield from export.read_csv(fh)
            return
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not a JSON line ({exc.msg})") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: not an exported answer")
            yield record


def load_exports(paths: list[Path], step: Step | None = None) -> sqlite3.Connection:
    """The exported answers in an in-memory database of the report's shape. The same answer in
    two files (overlapping exports) counts once."""
    conn = sqlite3.connect(":memory:")
    conn.execute(EXPORT_SCHEMA)
    for index, path in enumerate(paths):
        try:
            records = list(_export_rows(path))
        except OSError as exc:
            raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ValueError(f"{path}: not a 'tutor export' file (not UTF-8 text)") from None
        rows = []
        for r in records:
            try:
                rows.append(
                    (
                        f"{r['attempt_id']}@{r['time']}", str(r["student"]), str(r["time"]),
                        str(r["lesson_id"]), str(r["question_id"]), str(r["mode"]),
                        int(r["try"]), int(r["hints_used"]), str(r["verdict"]),
                        float(r["credit"]), int(bool(r["final"])), float(r["awarded"]),
                        str(r["text"]),
                    )
                )  # fmt: skip
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(
                    f"{path}: not a 'tutor export' file ({exc!r} missing or wrong)"
                ) from None
        conn.executemany(
            "INSERT OR IGNORE INTO attempts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        if step is not None:
            step(index + 1, len(paths))
    return conn


def from_exports(
    paths: list[Path], *, lesson: str | None = None, step: Step | None = None
) -> Report:
    conn = load_exports(paths, step)
    try:
        names = ", ".join(p.name for p in paths[:3]) + (", ..." if len(paths) > 3 else "")
        return build(conn, EXPORTS, lesson=lesson, source=f"exported files ({names})")
    finally:
        conn.close()
