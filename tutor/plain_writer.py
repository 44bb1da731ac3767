"""The plain front end's text: session messages as wrapped lines, ``Tutor:`` first.

Owns ``PlainWriter`` (wrapping to the terminal width, hanging indents, colours only on a terminal
without ``NO_COLOR``) and the summary as lines; lesson Markdown becomes plain text through
:func:`tutor.mdtext.markdown_to_text`. The read-eval loop that drives it is :mod:`tutor.plain`.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from typing import IO, TYPE_CHECKING, Any, assert_never

from tutor.figures import figure
from tutor.kinds import kind
from tutor.mdtext import markdown_to_text
from tutor.messages import Ask, Feedback, Finished, Hint, Info, Message, Summary, Teach
from tutor.records import Ending
from tutor.safetext import clean_input, printable

if TYPE_CHECKING:
    from tutor.model import Course
    from tutor.session import Session

TUTOR = "Tutor: "
PROMPT = "> "
MAX_LINE = 4096  # characters read per line; the rest of a longer line is discarded
ECHO_LIMIT = 300


def _echo(text: str) -> str:
    """A piped line as the transcript shows it: a runaway line is cut short, and says so."""
    if len(text) <= ECHO_LIMIT:
        return text
    more = "more than " if len(text) >= MAX_LINE else ""
    return f"{text[:ECHO_LIMIT]}… ({more}{len(text):,} characters)"

_RESULT_WORDS: dict[Ending, str] = {
    Ending.CORRECT: "right",
    Ending.TYPO: "right (spelling)",
    Ending.PARTIAL: "partly right",
    Ending.WRONG: "missed",
    Ending.SKIPPED: "skipped",
    Ending.REVEALED: "gave up",
    Ending.UNANSWERED: "left open",
}


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


class PlainWriter:
    """Renders session messages as wrapped, prefixed lines of text."""

    def __init__(
        self,
        out: IO[str],
        *,
        width: int | None = None,
        colour: bool | None = None,
        interactive: bool = False,
    ) -> None:
        self.out = out
        self.width = width or terminal_width(out)
        self.colour = use_colour(out) if colour is None else colour
        self.interactive = interactive  # a person types at a terminal: prompt, no echo
        self.course: Course | None = None  # the session's: its lesson titles, for the summary

    # -- the line loop (``tutor.plain.LineWriter``)
    def start(self, session: Session, intro: list[str]) -> None:
        self.course = getattr(session, "course", None)
        self.intro(session.title, intro)

    def prompt(self) -> None:
        if self.interactive:
            self.out.write(PROMPT)

    def took(self, line: str, ended: bool) -> None:
        if not self.interactive:
            self.line(PROMPT + _echo(clean_input(line)))  # a piped answer shows in the transcript
        elif not ended:
            self.out.write("\n")  # the terminal's cursor is still after the text

    def input_ended(self) -> None:
        if self.interactive:
            self.out.write("\n")

    def interrupted(self) -> None:
        self.out.write("\n")

    # -- low level
    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and text else text

    def line(self, text: str = "") -> None:
        """One line of text, shown literally: control characters cannot reach the terminal."""
        self._emit(printable(text))

    def _emit(self, shown: str) -> None:
        """Write a line built only from ``printable`` text and this writer's own colours."""
        self.out.write(shown + "\n")

    def block(self, text: str, prefix: str = "", style: str | None = None) -> None:
        """Wrap ``text`` (keeping its line breaks) after ``prefix``, continuation lines indented."""
        text, prefix = printable(text), printable(prefix)
        indent = " " * len(prefix)
        first = True
        lines = text.strip("\n").split("\n") or [""]
        for raw in lines:
            raw = raw.rstrip()
            lead = prefix if first else indent
            shown_lead = self._style(lead, "1") if first and lead.strip() else lead
            if not raw:
                self._emit("")
                first = False
                continue
            extra = len(raw) - len(raw.lstrip(" "))
            wrapped = _Wrapper(
                width=max(20, self.width - len(lead) - extra),
                break_long_words=True,
                break_on_hyphens=False,
            ).wrap(raw.lstrip(" ")) or [""]
            for j, piece in enumerate(wrapped):
                pad = (
                    " " * extra
                    if j == 0
                    else " " * (extra + (2 if raw.lstrip().startswith(("- ", "* ")) else 0))
                )
                body = self._style(piece, style) if style else piece
                self._emit((shown_lead if j == 0 else indent) + pad + body)
            first = False

    # -- messages
    def intro(self, title: str, lines: list[str]) -> None:
        self._emit(self._style(printable(title), "1"))
        for text in lines:
            self.block(text)

    def show(self, msg: Message) -> None:
        match msg:
            case Teach(recap=True):
                self.line()
                self._emit(self._style("From where you left off:", "2"))
                self.block(markdown_to_text(msg.text), TUTOR)
            case Teach():
                self.line()
                self.block(markdown_to_text(msg.text), TUTOR)
            case Ask():
                self._ask(msg)
            case Feedback():
                style = None
                if msg.grade.verdict.right:
                    style = "32"
                elif msg.final:
                    style = "33"
                text = msg.text
                if msg.note:
                    text += f"\n({msg.note})"
                self.block(text, TUTOR, style)
            case Hint():
                self.block(msg.text, f"Hint {msg.number} of {msg.total}: ")
            case Info():
                text = markdown_to_text(msg.text) if msg.markdown else msg.text
                self.block(text, TUTOR)
            case Finished():
                self.summary(msg.summary, msg.extra, self._titles(msg.summary))
            case _:
                assert_never(msg)

    def _ask(self, msg: Ask) -> None:
        q = msg.question
        head = f"Question {msg.number} of {msg.total}"
        if msg.try_no > 1:
            head += f" (try {msg.try_no} of {msg.tries})"
        self.line()
        self.block(q.ask.strip(), f"{head}: ")
        for i, option in enumerate(q.options):
            self.block(option, f"  {chr(ord('A') + i)}) ")
        note = kind(msg.question.type).note(msg.question)
        if note:
            self.block(f"({note})", "  ")

    def _titles(self, summary: Summary) -> dict[str, str]:
        """The title of each lesson the summary scores (building no other lesson)."""
        course = self.course
        found = (course.lesson(lesson_id) if course else None for lesson_id, *_ in summary.by_lesson)
        return {lesson.id: lesson.title for lesson in found if lesson is not None}

    def summary(
        self,
        summary: Summary,
        extra: dict[str, Any] | None = None,
        titles: dict[str, str] | None = None,
    ) -> None:
        self.line()
        early = "" if summary.completed else " (ended early)"
        self._emit(self._style(printable(f"Summary: {summary.title}{early}"), "1"))
        pct = round(summary.score * 100)
        self.line(f"Score: {figure(summary.earned)} of {summary.possible} ({pct}%)")
        if summary.results:
            self.line("Questions:")
            not_reached = 0
            for n, r in enumerate(summary.results, 1):
                if r.result is Ending.UNANSWERED and r.tries == 0:
                    not_reached += 1
                    continue
                word = _RESULT_WORDS[r.result]
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
                self.block(f"{figure(earned)} of {possible}", f"  {name}: ")
        missed = summary.missed
        if missed:
            self.line("To look at again:")
            for r in missed:
                said = f' You said: "{r.given}".' if r.given else ""
                self.block(f"{r.ask.strip()} The answer: {r.answer.strip()}.{said}", "  - ")
        if extra and extra.get("observer_errors"):
            self.line("Note: some progress could not be saved.")
        if summary.suggestion:
            self.block(summary.suggestion, "Next: ")
        if summary.suggested_command:
            self.block(summary.suggested_command, "Type: ")

    def continue_prompt(self) -> None:
        self._emit(self._style("(Press Enter to go on.)", "2"))


class _Wrapper(textwrap.TextWrapper):
    """``textwrap``, but a word longer than a line is cut into lines once, not re-sliced for
    every line it fills (which made a 1 MiB word quadratic)."""

    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        chunk = reversed_chunks[-1]
        space_left = width - cur_len if width >= 1 else 1  # as textwrap counts it
        if width < 1 or len(chunk) <= space_left + width:
            super()._handle_long_word(reversed_chunks, cur_line, cur_len, width)
            return
        cur_line.append(chunk[:space_left])
        rest = [chunk[i : i + width] for i in range(space_left, len(chunk), width)]
        reversed_chunks[-1:] = rest[::-1]
