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
ended early (the student typed ``quit``, input ended, or the output could no longer be written:
``| head``, a full disk), 128+N when stopped by signal N: 130 on Ctrl+C, 143 on SIGTERM, 129 on
SIGHUP. A signal ends the session like the end of input does: the summary is still shown.

The parts: :mod:`tutor.plain_writer` renders messages as text, :mod:`tutor.json_writer` as JSON
lines; this module owns the read-eval loop (reading lines, echoing them, exit codes).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Protocol

from tutor import startup
from tutor.json_writer import JsonWriter
from tutor.messages import Finished, Message
from tutor.plain_writer import (
    MAX_LINE,
    PROMPT,
    TUTOR,
    PlainWriter,
    markdown_to_text,
    terminal_width,
    use_colour,
)
from tutor.stdio import output_failed

if TYPE_CHECKING:
    from tutor.session import Session

__all__ = [
    "EXIT_DONE",
    "EXIT_EARLY",
    "EXIT_INTERRUPTED",
    "MAX_LINE",
    "PROMPT",
    "TUTOR",
    "JsonWriter",
    "PlainWriter",
    "markdown_to_text",
    "run_plain_session",
    "terminal_width",
    "use_colour",
]

EXIT_DONE = 0
EXIT_EARLY = 3
EXIT_INTERRUPTED = 130



class LineWriter(Protocol):
    """What the line loop needs of a writer: plain text (``PlainWriter``) or JSON events
    (``JsonWriter``). The loop never asks which one it has."""

    def start(self, session: Session, intro: list[str]) -> None:
        """Before the first message: the title and intro, or the ``start`` event."""

    def show(self, msg: Message) -> None: ...

    def continue_prompt(self) -> None: ...

    def prompt(self) -> None:
        """Before a line is read."""

    def took(self, line: str, ended: bool) -> None:
        """A line was read (``ended``: with its newline)."""

    def input_ended(self) -> None: ...

    def interrupted(self) -> None: ...


def _read_line(stdin: IO[str]) -> tuple[str | None, bool]:
    """The next line without its newline, at most MAX_LINE characters (None at end of input),
    and whether it ended with a newline (Ctrl+D after a partly typed answer ends it without)."""
    try:
        line = stdin.readline(MAX_LINE)
    except UnicodeDecodeError:
        return "\ufffd", True
    if not line:
        return None, True
    if not line.endswith("\n") and len(line) >= MAX_LINE:
        while True:  # discard the rest of an overlong line
            rest = stdin.readline(65536)
            if not rest or rest.endswith("\n"):
                return line.rstrip("\r\n"), True
    return line.rstrip("\r\n"), line.endswith("\n")


def _intro_lines(session: Session) -> list[str]:
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
    session: Session,
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
    Returns 0 when the session reached its end, 3 when it ended early (quit, end of input, or
    output that can no longer be written), 130 when interrupted with Ctrl+C, 143 on SIGTERM and
    129 on SIGHUP (the summary is still shown when it can be).
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
    writer: LineWriter
    if json_mode:
        writer = JsonWriter(stdout)
    else:
        writer = PlainWriter(stdout, width=width, colour=colour, interactive=interactive)

    finished: Finished | None = None

    def show(messages: list[Message]) -> None:
        nonlocal finished
        for m in messages:
            writer.show(m)
            if isinstance(m, Finished):
                finished = m

    stopped_by: int | None = None
    try:
        with _stop_signals():
            try:
                writer.start(session, [*_intro_lines(session), *(intro or [])])
                show(session.start())
                startup.ready()
                while finished is None:
                    if session.awaiting == "continue":
                        writer.continue_prompt()
                    writer.prompt()
                    stdout.flush()
                    line, ended = _read_line(stdin)
                    if line is None:
                        writer.input_ended()
                        show(session.end())
                        break
                    writer.took(line, ended)
                    show(session.submit(line))
            except (KeyboardInterrupt, _Stopped) as exc:
                stopped_by = exc.signum if isinstance(exc, _Stopped) else signal.SIGINT
                writer.interrupted()
                show(session.end())
            stdout.flush()
    except OSError as exc:  # the output is gone (| head, a full disk, a hung-up terminal)
        output_failed(exc, stdout)
        if stopped_by is None:
            session.end()
        return EXIT_EARLY if stopped_by is None else 128 + int(stopped_by)
    if stopped_by is not None:
        return 128 + int(stopped_by)
    if finished is not None and finished.summary.completed:
        return EXIT_DONE
    return EXIT_EARLY


def offer_practice(count: int, *, stdin: IO[str], stdout: IO[str]) -> bool:
    """Ask whether to practise the ``count`` questions just missed, now; True on a yes. End of
    input or a closed output is a no."""
    noun = "question" if count == 1 else "questions"
    text = f"Practise the {count} {noun} you missed, now? (yes / no)"
    try:
        stdout.write(f"\n{text}\n> ")
        stdout.flush()
        line, _ended = _read_line(stdin)
    except (OSError, ValueError):
        return False
    return line is not None and line.strip().casefold() in _PRACTISE


_PRACTISE = frozenset({"y", "yes", "yeah", "yep", "ok", "okay", "sure", "please", "yes please",
                       "go", "practise", "practice"})


class _Stopped(Exception):
    """SIGTERM or SIGHUP arrived: end the session like Ctrl+C does."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_stopped(signum: int, frame: object) -> None:
    for name in ("SIGTERM", "SIGHUP"):  # a second signal must not cut the summary short
        with contextlib.suppress(AttributeError, ValueError, OSError):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise _Stopped(signum)


@contextlib.contextmanager
def _stop_signals() -> Iterator[None]:
    """While the session runs, SIGTERM and SIGHUP end it with its summary (main thread only)."""
    previous: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            sig = getattr(signal, name, None)
            if sig is None:
                continue
            with contextlib.suppress(ValueError, OSError):
                previous[sig] = signal.signal(sig, _raise_stopped)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(sig, handler)  # type: ignore[arg-type]
