"""The plain line front end: the tutor's messages as lines of text, the student's answers as lines.

Used by screen-reader users, on terminals that cannot run the full-screen app, and for scripted
sessions (``printf '1991\\nhint\\n...' | tutor learn neighbours``). Everything the tutor says comes
from the session engine (:mod:`tutor.session`); this module only renders it.

- Every tutor line starts with ``Tutor:``; the student's lines with ``> `` (typed at a terminal, the
  prompt; piped in, the line is echoed so the transcript reads as a conversation).
- Questions are headed "Question 3 of 12"; text is wrapped to the terminal width.
- No colours unless stdout is a terminal, ``NO_COLOR`` is unset and ``TERM`` is not ``dumb``.
- Lesson and student text is printed literally (only Markdown emphasis markers are dropped).
- ``json_mode``: one JSON object per line on stdout and nothing else (see :class:`JsonWriter`).

:func:`run_plain_session` returns the exit code: 0 when the session reached its end, 3 when it
ended early (the student typed ``quit`` or input ended), 130 on Ctrl+C.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
import textwrap
from typing import IO, Any

from tutor.messages import Ask, Feedback, Finished, Hint, Info, Message, Summary, Teach
from tutor.model import QuestionType
from tutor.session.engine import clean_input

EXIT_DONE = 0
EXIT_EARLY = 3
EXIT_INTERRUPTED = 130

MAX_LINE = 4096  # characters read per line; the rest of a longer line is discarded

PROMPT = "> "
TUTOR = "Tutor: "

_RESULT_WORDS = {
    "correct": "right",
    "typo": "right (spelling)",
    "partial": "partly right",
    "wrong": "missed",
    "skipped": "skipped",
    "revealed": "gave up",
    "unanswered": "left open",
}


_MISSED = frozenset({"wrong", "partial", "skipped", "revealed"})


def use_colour(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def terminal_width(stream: IO[str] | None = None) -> int:
    """The width to wrap at: the terminal's (or $COLUMNS), 80 for pipes, kept within 40..120."""
    width = 80
    try:
        if stream is not None and stream.isatty():
            width = os.get_terminal_size(stream.fileno()).columns
        else:
            width = shutil.get_terminal_size((80, 24)).columns
    except (AttributeError, ValueError, OSError):
        pass
    return max(40, min(width, 120))


_BOLD_MD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_MD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_HEADING_MD = re.compile(r"^#{1,6}\s+", re.MULTILINE)


_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|>|\|)|^\s{2,}")


def markdown_to_text(text: str) -> str:
    """Drop Markdown emphasis and heading markers and join soft line breaks within a paragraph
    (as Markdown does); everything else stays as written."""
    lines: list[str] = []
    for raw in text.strip("\n").split("\n"):
        if (
            lines
            and lines[-1].strip()
            and raw.strip()
            and not _BLOCK_START.match(raw)
            and not lines[-1].endswith("  ")
            and not lines[-1].lstrip().startswith(("#", "|"))
        ):
            lines[-1] = lines[-1].rstrip() + " " + raw.strip()
        else:
            lines.append(raw)
    text = "\n".join(lines)
    text = _HEADING_MD.sub("", text)
    text = _BOLD_MD.sub(r"\2", text)
    return _EM_MD.sub(r"\1", text)


class PlainWriter:
    """Renders session messages as wrapped, prefixed lines of text."""

    def __init__(self, out: IO[str], *, width: int | None = None, colour: bool | None = None) -> None:
        self.out = out
        self.width = width or terminal_width(out)
        self.colour = use_colour(out) if colour is None else colour
        self.titles: dict[str, str] = {}  # lesson id -> title, for the summary

    # -- low level
    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and text else text

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def block(self, text: str, prefix: str = "", style: str | None = None) -> None:
        """Wrap ``text`` (keeping its line breaks) after ``prefix``, continuation lines indented."""
        indent = " " * len(prefix)
        first = True
        lines = text.strip("\n").split("\n") or [""]
        for raw in lines:
            raw = raw.rstrip()
            lead = prefix if first else indent
            shown_lead = self._style(lead, "1") if first and lead.strip() else lead
            if not raw:
                self.line()
                first = False
                continue
            extra = len(raw) - len(raw.lstrip(" "))
            wrapped = textwrap.wrap(
                raw.lstrip(" "),
                width=max(20, self.width - len(lead) - extra),
                break_long_words=True,
                break_on_hyphens=False,
            ) or [""]
            for j, piece in enumerate(wrapped):
                pad = " " * extra if j == 0 else " " * (extra + (2 if raw.lstrip().startswith(("- ", "* ")) else 0))
                body = self._style(piece, style) if style else piece
                self.line((shown_lead if j == 0 else indent) + pad + body)
            first = False

    # -- messages
    def intro(self, title: str, lines: list[str]) -> None:
        self.line(self._style(title, "1"))
        for text in lines:
            self.block(text)

    def show(self, msg: Message) -> None:
        if isinstance(msg, Teach):
            self.line()
            self.block(markdown_to_text(msg.text), TUTOR)
        elif isinstance(msg, Ask):
            self._ask(msg)
        elif isinstance(msg, Feedback):
            style = None
            if msg.grade.verdict.right:
                style = "32"
            elif msg.final:
                style = "33"
            text = msg.text
            if msg.final and msg.awarded is not None and 0 < msg.awarded < 1:
                text += f"\n(This one counts {round(msg.awarded * 100)}%.)"
            self.block(text, TUTOR, style)
        elif isinstance(msg, Hint):
            self.block(msg.text, f"Hint {msg.number} of {msg.total}: ")
        elif isinstance(msg, Info):
            text = markdown_to_text(msg.text) if msg.markdown else msg.text
            self.block(text, TUTOR)
        elif isinstance(msg, Finished):
            self.summary(msg.summary, msg.extra, self.titles)

    def _ask(self, msg: Ask) -> None:
        q = msg.question
        head = f"Question {msg.number} of {msg.total}"
        if msg.try_no > 1:
            head += f" (try {msg.try_no} of {msg.tries})"
        self.line()
        self.block(q.ask.strip(), f"{head}: ")
        for i, option in enumerate(q.options):
            self.block(option, f"  {chr(ord('A') + i)}) ")
        note = _answer_note(msg)
        if note:
            self.block(f"({note})", "  ")

    def summary(
        self, summary: Summary, extra: dict[str, Any] | None = None, titles: dict[str, str] | None = None
    ) -> None:
        self.line()
        early = "" if summary.completed else " (ended early)"
        self.line(self._style(f"Summary: {summary.title}{early}", "1"))
        pct = round(summary.score * 100)
        self.line(f"Score: {_num(summary.earned)} of {summary.possible} ({pct}%)")
        if summary.results:
            self.line("Questions:")
            not_reached = 0
            for n, r in enumerate(summary.results, 1):
                if r.result == "unanswered" and r.tries == 0:
                    not_reached += 1
                    continue
                word = _RESULT_WORDS.get(r.result, r.result)
                credit = "" if r.awarded in (0.0, 1.0) else f", {round(r.awarded * 100)}%"
                self.block(r.ask.strip(), f"  {n}. {word}{credit}: ")
            if not_reached:
                s = "" if not_reached == 1 else "s"
                self.line(f"  ({not_reached} question{s} not reached)")
        if len(summary.by_lesson) > 1 or (summary.mode != "learn" and summary.by_lesson):
            self.line("By lesson:")
            for lesson_id, earned, possible in summary.by_lesson:
                title = (titles or {}).get(lesson_id)
                name = f"{title} ({lesson_id})" if title else lesson_id
                self.block(f"{_num(earned)} of {possible}", f"  {name}: ")
        missed = [r for r in summary.results if r.result in _MISSED]
        if missed:
            self.line("To look at again:")
            for r in missed:
                said = f' You said: "{r.given}".' if r.given else ""
                self.block(f"{r.ask.strip()} The answer: {r.answer.strip()}.{said}", "  - ")
        if extra and extra.get("observer_errors"):
            self.line("Note: some progress could not be saved.")
        if summary.suggestion:
            self.block(summary.suggestion, "Next: ")

    def continue_prompt(self) -> None:
        self.line(self._style("(Press Enter to go on.)", "2"))


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _answer_note(msg: Ask) -> str:
    q = msg.question
    if q.type is QuestionType.TRUEFALSE:
        return "true or false"
    if q.type is QuestionType.MULTI:
        return "choose every right option, e.g. A, C"
    if q.type is QuestionType.CHOICE:
        return "the letter or the option"
    if q.type is QuestionType.LIST:
        n = q.required
        return f"name {n}, in any order" if n > 1 else "name them, in any order"
    if q.type is QuestionType.NUMBER and q.number is not None and q.number.unit:
        return f"a number, in {q.number.unit}"
    return ""


class JsonWriter:
    """One JSON object per line: ``start``, ``teach``, ``ask``, ``graded``, ``hint``, ``info``,
    ``finished``. Nothing else is written."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.question: tuple[str, str] | None = None
        self.last_input: str | None = None

    def emit(self, event: dict[str, Any]) -> None:
        self.out.write(json.dumps(event, ensure_ascii=False) + "\n")

    def intro(self, session: Any) -> None:
        self.emit(
            {
                "event": "start",
                "mode": session.mode,
                "title": session.title,
                "lesson": session.lesson_id,
                "questions": session.question_count,
            }
        )

    def show(self, msg: Message) -> None:
        if isinstance(msg, Teach):
            self.emit({"event": "teach", "lesson": msg.lesson_id, "step": msg.step_index, "text": msg.text})
        elif isinstance(msg, Ask):
            q = msg.question
            self.question = (msg.lesson_id, q.id)
            self.emit(
                {
                    "event": "ask",
                    "lesson": msg.lesson_id,
                    "question": q.id,
                    "number": msg.number,
                    "total": msg.total,
                    "type": q.type.value,
                    "text": q.ask,
                    "options": list(q.options),
                    "try": msg.try_no,
                    "tries": msg.tries,
                    "hints_left": msg.hints_left,
                    "repeated": msg.repeated,
                }
            )
        elif isinstance(msg, Feedback):
            lesson, question = self.question or (None, None)
            event: dict[str, Any] = {
                "event": "graded",
                "lesson": lesson,
                "question": question,
                "input": self.last_input,
            }
            event.update(msg.grade.to_dict())
            event.update(
                {
                    "final": msg.final,
                    "tries_left": msg.tries_left,
                    "awarded": msg.awarded,
                    "text": msg.text,
                    "answer": msg.answer,
                    "explain": msg.explain,
                }
            )
            self.emit(event)
        elif isinstance(msg, Hint):
            lesson, question = self.question or (None, None)
            self.emit(
                {"event": "hint", "lesson": lesson, "question": question, "number": msg.number,
                 "total": msg.total, "text": msg.text}
            )
        elif isinstance(msg, Info):
            self.emit({"event": "info", "kind": msg.kind, "text": msg.text})
        elif isinstance(msg, Finished):
            s = msg.summary
            self.emit(
                {
                    "event": "finished",
                    "mode": s.mode,
                    "title": s.title,
                    "lesson": s.lesson_id,
                    "completed": s.completed,
                    "score": round(s.score, 4),
                    "earned": s.earned,
                    "possible": s.possible,
                    "by_lesson": [
                        {"lesson": lid, "earned": e, "possible": p} for lid, e, p in s.by_lesson
                    ],
                    "results": [
                        {
                            "lesson": r.lesson_id,
                            "question": r.question_id,
                            "result": r.result,
                            "awarded": r.awarded,
                            "tries": r.tries,
                            "hints_used": r.hints_used,
                            "answer": r.answer,
                            "given": r.given,
                        }
                        for r in s.results
                    ],
                    "suggestion": s.suggestion,
                    "next_lesson": s.next_lesson_id,
                    **{k: v for k, v in msg.extra.items() if _jsonable(v)},
                }
            )

    def continue_prompt(self) -> None:
        pass


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def _read_line(stdin: IO[str]) -> str | None:
    """The next line without its newline, at most MAX_LINE characters; None at end of input."""
    try:
        line = stdin.readline(MAX_LINE)
    except UnicodeDecodeError:
        return "\ufffd"
    if not line:
        return None
    if not line.endswith("\n") and len(line) >= MAX_LINE:
        while True:  # discard the rest of an overlong line
            rest = stdin.readline(65536)
            if not rest or rest.endswith("\n"):
                break
    return line.rstrip("\r\n")


def _intro_lines(session: Any) -> list[str]:
    lines: list[str] = []
    lesson = session.lesson if session.mode == "learn" else None
    if lesson is not None and lesson.summary:
        lines.append(lesson.summary.strip())
    n = session.question_count
    count = f"{n} question{'s' if n != 1 else ''}"
    if lesson is not None and lesson.minutes:
        count += f", about {lesson.minutes} minutes"
    lines.append(f"{count}. Type 'help' to see what you can say, 'quit' to stop.")
    return lines


def run_plain_session(
    session: Any,
    *,
    stdin: IO[str] | None = None,
    stdout: IO[str] | None = None,
    json_mode: bool = False,
    intro: list[str] | None = None,
    width: int | None = None,
    colour: bool | None = None,
) -> int:
    """Drive ``session`` (a :class:`tutor.session.Session`, not started yet) over lines.

    ``intro``: extra lines to print under the title (e.g. "Picking up where you left off").
    Returns 0 when the session reached its end, 3 when it ended early (quit or end of input),
    130 when interrupted with Ctrl+C (the summary is still shown).
    """
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    reconfigure = getattr(stdin, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError, TypeError):
            reconfigure(errors="replace")
    try:
        interactive = stdin.isatty()
    except (AttributeError, ValueError, OSError):
        interactive = False
    writer: PlainWriter | JsonWriter
    if json_mode:
        writer = JsonWriter(stdout)
        writer.intro(session)
    else:
        writer = PlainWriter(stdout, width=width, colour=colour)
        course = getattr(session, "course", None)
        writer.titles = {lesson.id: lesson.title for lesson in getattr(course, "lessons", ())}
        writer.intro(session.title, [*_intro_lines(session), *(intro or [])])

    finished: Finished | None = None

    def show(messages: list[Message]) -> None:
        nonlocal finished
        for m in messages:
            writer.show(m)
            if isinstance(m, Finished):
                finished = m

    interrupted = False
    try:
        show(session.start())
        while finished is None:
            if session.awaiting == "continue":
                writer.continue_prompt()
            if interactive and not json_mode:
                stdout.write(PROMPT)
            stdout.flush()
            line = _read_line(stdin)
            if line is None:
                if interactive and not json_mode:
                    stdout.write("\n")
                show(session.end())
                break
            if isinstance(writer, JsonWriter):
                writer.last_input = line
            elif not interactive:
                writer.line(PROMPT + clean_input(line))
            show(session.submit(line))
    except KeyboardInterrupt:
        interrupted = True
        if not json_mode:
            stdout.write("\n")
        show(session.end())
    stdout.flush()
    if interrupted:
        return EXIT_INTERRUPTED
    if finished is not None and finished.summary.completed:
        return EXIT_DONE
    return EXIT_EARLY
