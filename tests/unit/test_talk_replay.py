"""Held-out student talk replayed at open questions.

Two sets, written apart: ``tests/data/talk/utterances.yaml`` (the shipped course) and
``tests/data/talk/fresh.yaml`` (the shipped course and a biology lesson,
``tests/data/talk/lessons/``), holding what students say (questions about the content, about a
choice's options, requests, small talk, hedged answers and answers in sentences, with their
misspellings). Each group is replayed at its question, through the Session (the second set one
line at a time, each in a fresh session, so one line's mistake cannot move the next) and in
order through ``tutor learn ID --plain --json``. What must hold:

- no line that is not an answer is graded or uses a try;
- every answer is graded, and every hedged answer as its candidate;
- at least 90% of the questions about the content get a reply holding the fact asked for, and
  no reply holds what a line's ``not:`` forbids;
- the open question's answer is never shown before the student confirms.

``python3 tests/unit/test_talk_replay.py [fresh]`` prints the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tutor.grading import Grader
from tutor.loader import load_course
from tutor.messages import Feedback, Info
from tutor.model import Course, Question
from tutor.session import Session
from tutor.session.intent import classify
from tutor.session.withhold import reveals

ROOT = Path(__file__).resolve().parents[2]
TALK = ROOT / "tests" / "data" / "talk"
SETS = {"utterances": TALK / "utterances.yaml", "fresh": TALK / "fresh.yaml"}
COURSES = {"lessons": ROOT / "lessons", "photosynthesis": TALK / "lessons"}
GRADED = ("tentative", "answer")


def groups(name: str = "utterances", course: str = "lessons") -> list[dict]:
    found = yaml.safe_load(SETS[name].read_text(encoding="utf-8"))
    return [g for g in found if g.get("course", "lessons") == course]


@dataclass
class Figures:
    said: int = 0
    talk: int = 0
    talk_graded: list[str] = field(default_factory=list)
    tentative: int = 0
    tentative_wrong: list[str] = field(default_factory=list)
    answers: int = 0
    answers_missed: list[str] = field(default_factory=list)  # an answer not graded
    forbidden: list[str] = field(default_factory=list)  # a reply holding what `not:` forbids
    content: int = 0
    content_missed: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)  # "not covered" said of the open question
    acts: Counter = field(default_factory=Counter)  # (recognised, expected)
    known: list[str] = field(default_factory=list)  # lines marked as known limits, still wrong
    known_fixed: list[str] = field(default_factory=list)  # marked, but now right

    def failures(self) -> list[str]:
        return [*self.talk_graded, *self.tentative_wrong, *self.answers_missed, *self.leaks,
                *self.forbidden, *self.denied, *self.content_missed]

    def content_rate(self) -> float:
        return 1 - len(self.content_missed) / self.content if self.content else 1.0

    def report(self) -> str:
        acts = sum(n for (ok, _), n in self.acts.items() if ok)
        return (
            f"{self.said} lines: {self.talk} talk, {len(self.talk_graded)} of them graded; "
            f"{self.tentative} hedged answers, {len(self.tentative_wrong)} not graded as their "
            f"candidate; {self.answers} answers, {len(self.answers_missed)} not graded; "
            f"{len(self.forbidden)} replies saying what they must not; {self.content} content questions, {self.content_rate():.0%} answered with "
            f"the fact; {len(self.leaks)} answers shown unasked; requests and small talk recognised "
            f"as meant: {acts} of {sum(self.acts.values())}; known limits: {len(self.known)} still "
            f"wrong, {len(self.known_fixed)} now right"
        )


def _position(course: Course, where: str) -> tuple[str, str, int]:
    lesson_id, qid = where.split("/")
    lesson = course.lesson(lesson_id)
    assert lesson is not None, where
    index = next(i for i, s in enumerate(lesson.steps) if getattr(s, "id", None) == qid)
    before = [q.id for q in lesson.questions].index(qid)
    return lesson_id, qid, index if before >= 0 else 0


def _check(fig: Figures, line: dict, q: Question, graded: list[dict], replies: list[str]) -> None:
    if "known" in line:  # a known limit: checked apart and reported, not required
        alone = Figures()
        _check(alone, {k: v for k, v in line.items() if k != "known"}, q, graded, replies)
        (fig.known if alone.failures() else fig.known_fixed).append(line["text"])
        return
    text, kind = line["text"], line["kind"]
    fig.said += 1
    if kind == "tentative":
        fig.tentative += 1
        ok = (len(graded) == 1 and graded[0]["understood"] == "tentative"
              and (graded[0]["graded_text"] or "").casefold() == line["candidate"].casefold())
        if not ok:
            fig.tentative_wrong.append(f"{text!r} -> {graded}")
        return
    if kind == "answer":
        fig.answers += 1
        if len(graded) != 1 or graded[0].get("understood") not in GRADED:
            fig.answers_missed.append(f"{text!r} -> {graded or ' | '.join(replies)[:160]}")
        return
    fig.talk += 1
    if graded:
        fig.talk_graded.append(text)
    shown = [f"{chr(ord('A') + n)}) {o}" for n, o in enumerate(q.options)]  # as asked
    for reply in replies:
        for option in shown:
            reply = reply.replace(option, "")
        if reveals(reply, q, said=text):
            fig.leaks.append(f"{text!r} -> {reply!r}")
    if line.get("withheld") and any("doesn't cover" in r for r in replies):
        fig.denied.append(f"{text!r} -> {' | '.join(replies)[:200]!r}")
    said = " ".join(replies).casefold()
    for word in line.get("not", ()):
        if str(word).casefold() in said:
            fig.forbidden.append(f"{text!r} -> {said[:200]!r}")
    if "fact" in line and not line.get("withheld"):
        fig.content += 1
        if not any(str(f).casefold() in said for f in line["fact"]):
            fig.content_missed.append(f"{text!r} -> {' | '.join(replies)[:200]!r}")
    if "act" in line:
        intent = classify(text)
        fig.acts[(intent.name == line["act"], line["act"])] += 1


def _say(s: Session, q: Question, line: dict) -> tuple[list[dict], list[str]]:
    """What the session made of one line: the grades it gave and its replies to talk."""
    tries = next(st.attempts for st in s._questions if st.question is q)
    out = s.submit(line["text"])
    graded = [{"understood": m.understood, "graded_text": m.graded_text}
              for m in out if isinstance(m, Feedback)]
    after = next(st.attempts for st in s._questions if st.question is q)
    if line["kind"] not in GRADED and after != tries:
        graded.append({"understood": "a try was used"})
    return graded, [m.text for m in out if isinstance(m, Info) and m.understood]


def _open(course: Course, grader: Grader, where: str) -> tuple[Session, Question]:
    lesson_id, qid, index = _position(course, where)
    s = Session.learn(course, lesson_id, grader, start_at=index)
    s.start()
    q = s.question
    assert q is not None and q.id == qid
    return s, q


def replay_session(course: Course, grader: Grader, name: str = "utterances",
                   course_name: str = "lessons", fig: Figures | None = None) -> Figures:
    """The set ``name`` at ``course``; ``fresh`` one line at a time, each in a new session."""
    fig = fig if fig is not None else Figures()
    for group in groups(name, course_name):
        s, q = _open(course, grader, group["at"])
        for line in group["say"]:
            if name != "utterances":
                s, q = _open(course, grader, group["at"])
            _check(fig, line, q, *_say(s, q, line))
    return fig


def replay_cli(course: Course, tmp: Path, name: str = "utterances",
               course_name: str = "lessons", fig: Figures | None = None) -> Figures:
    fig = fig if fig is not None else Figures()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TUTOR_")}
    env.update({"TUTOR_STUDENT": "replay", "PYTHONIOENCODING": "utf-8"})
    for n, group in enumerate(groups(name, course_name)):
        lesson_id, qid, _ = _position(course, group["at"])
        lesson = course.lesson(lesson_id)
        assert lesson is not None
        q = lesson.question(qid)
        assert q is not None
        skips = [x.id for x in lesson.questions].index(qid)
        stdin = "\n".join(["skip"] * skips + [line["text"] for line in group["say"]]) + "\n"
        proc = subprocess.run(
            [sys.executable, "-m", "tutor", "--data-dir", str(tmp / f"{name}-{n}"),
             "--lessons", str(COURSES[course_name]), "learn", lesson_id, "--plain", "--json"],
            input=stdin, capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
        )
        assert proc.returncode in (0, 3), proc.stderr
        events = [json.loads(x) for x in proc.stdout.splitlines()]
        for line in group["say"]:
            mine = [e for e in events if e.get("input") == line["text"]]
            graded = [e for e in mine if e["event"] == "graded"]
            replies = [e["text"] for e in mine if e["event"] == "reply"]
            assert all(e["question"] == qid for e in mine), (line, mine)
            _check(fig, line, q, graded, replies)
    return fig


def courses() -> dict[str, tuple[Course, Grader]]:
    out = {}
    for name, path in COURSES.items():
        course, problems = load_course([path])
        assert not problems, problems
        out[name] = (course, Grader(course))
    return out


def replay_fresh(loaded: dict[str, tuple[Course, Grader]], tmp: Path | None = None) -> Figures:
    """The second set over both its courses: through the session, or the CLI given ``tmp``."""
    fig = Figures()
    for name, (course, grader) in loaded.items():
        if tmp is None:
            replay_session(course, grader, "fresh", name, fig)
        else:
            replay_cli(course, tmp, "fresh", name, fig)
    return fig


@pytest.fixture(scope="module")
def loaded() -> dict[str, tuple[Course, Grader]]:
    return courses()


@pytest.fixture(scope="module")
def shipped(loaded) -> tuple[Course, Grader]:
    return loaded["lessons"]


def _must_reach(fig: Figures) -> None:
    assert fig.said >= 150
    assert not fig.talk_graded, fig.talk_graded
    assert not fig.tentative_wrong, fig.tentative_wrong
    assert not fig.leaks, fig.leaks
    assert not fig.denied, fig.denied  # the course covers it: the tutor keeps it back instead
    assert fig.content_rate() >= 0.9, fig.content_missed
    assert not fig.answers_missed, fig.answers_missed
    assert not fig.forbidden, fig.forbidden


def test_talk_through_the_session(shipped):
    _must_reach(replay_session(*shipped))


def test_talk_through_plain_json(shipped, tmp_path):
    _must_reach(replay_cli(shipped[0], tmp_path))


def test_second_set_through_the_session(loaded):
    fig = replay_fresh(loaded)
    assert fig.answers and fig.tentative and fig.content  # every part of the set is checked
    _must_reach(fig)


def test_second_set_through_plain_json(loaded, tmp_path):
    _must_reach(replay_fresh(loaded, tmp_path))


if __name__ == "__main__":
    both = courses()
    fig = replay_fresh(both) if sys.argv[1:] == ["fresh"] else replay_session(*both["lessons"])
    print("session:", fig.report())
    for name in ("talk_graded", "tentative_wrong", "answers_missed", "content_missed", "leaks",
                 "forbidden", "denied", "known", "known_fixed"):
        for item in getattr(fig, name):
            print(f"  {name}: {item}")
    print("acts missed:", [a for (ok, a), n in fig.acts.items() if not ok])
