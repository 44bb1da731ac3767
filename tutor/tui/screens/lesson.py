"""The lesson screen: a conversation with the tutor, the answer box always focused at the bottom.

The screen renders what the session says (``tutor.messages``) and sends it what the student
types; it never decides what the tutor says. Keys for hint and skip are function keys, so every
printable character still goes to the answer box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label, ProgressBar

from tutor import messages as m
from tutor.figures import figure
from tutor.tui.screens import screen_css
from tutor.tui.widgets.bars import KeyBar
from tutor.tui.widgets.transcript import (
    NoticeBubble,
    StudentBubble,
    Transcript,
    bubble_for,
    plain,
)

if TYPE_CHECKING:
    from tutor.session import Session
    from tutor.tui.app import TutorApp

PLACEHOLDERS = {
    "answer": "Your answer, or ask me anything: why ...?, what is ...?, hint, I don't understand",
    "continue": "Press Enter to go on, or ask me a question",
    "done": "Press Enter for your summary",
}


class LessonScreen(Screen[None]):
    DEFAULT_CSS = screen_css("lesson")

    BINDINGS = [
        Binding("f2", "hint", "Hint", id="lesson.hint"),
        Binding("f3", "skip", "Skip", id="lesson.skip"),
        Binding("f4", "repeat", "Repeat", show=False, id="lesson.repeat"),
        Binding("escape", "leave", "Course", id="lesson.leave"),
    ]

    def __init__(self, session: Session, heading: str, *, notice: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.heading = heading
        self.notice = notice
        self.summary: m.Summary | None = None
        self.busy = False

    @property
    def tutor(self) -> TutorApp:
        # Textual types Screen.app as App[object]; this code only ever runs inside TutorApp.
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Horizontal(id="lesson-bar"):
            yield Label(plain(self.heading), id="lesson-heading")
            yield ProgressBar(total=1, show_eta=False, id="lesson-progress")
            yield Label("", id="lesson-score")
        yield Transcript(id="transcript")
        yield Input(placeholder=PLACEHOLDERS["answer"], id="answer", select_on_focus=False)
        yield KeyBar()

    async def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()
        if self.notice:
            await self.query_one(Transcript).add(NoticeBubble(self.notice))
        await self.show(self.session.start())

    def on_screen_resume(self) -> None:
        # Back from help or the palette: the answer box has the focus again.
        if self.is_mounted:
            self.query_one("#answer", Input).focus()

    # -- rendering -------------------------------------------------------------------------------

    async def show(self, messages: list[m.Message]) -> None:
        bubbles = []
        for message in messages:
            if isinstance(message, m.Finished):
                self.summary = message.summary
            bubble = bubble_for(message)
            if bubble is not None:
                bubbles.append(bubble)
        await self.query_one(Transcript).add(*bubbles)
        self.update_status()

    def update_status(self) -> None:
        session = self.session
        done, total = session.progress
        bar = self.query_one("#lesson-progress", ProgressBar)
        bar.update(total=max(total, 1), progress=min(done, max(total, 1)))
        possible = session.possible
        score = f"Score {figure(session.earned)}/{possible}" if possible else ""
        self.query_one("#lesson-score", Label).update(plain(score))
        awaiting = "done" if self.summary is not None else session.awaiting
        self.query_one("#answer", Input).placeholder = PLACEHOLDERS.get(awaiting, "")
        self.refresh_bindings()

    # -- input -----------------------------------------------------------------------------------

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        box = event.input
        text = event.value
        box.clear()
        if self.summary is not None or self.session.awaiting == "done":
            if self.summary is None:  # defensive: a session that ended without saying so
                self.summary = self.session.summary()
            self.tutor.show_summary(self.summary)
            return
        if self.busy:
            return
        self.busy = True
        try:
            if text.strip():
                await self.query_one(Transcript).add(StudentBubble(text))
            await self.show(self.session.submit(text))
        finally:
            self.busy = False

    async def run_command(self, name: str) -> None:
        if self.summary is not None or self.session.awaiting == "done" or self.busy:
            return
        self.busy = True
        try:
            await self.query_one(Transcript).add(StudentBubble(name, command=True))
            await self.show(self.session.command(name))
        finally:
            self.busy = False
        self.query_one("#answer", Input).focus()

    async def action_hint(self) -> None:
        await self.run_command("hint")

    async def action_skip(self) -> None:
        await self.run_command("skip")

    async def action_repeat(self) -> None:
        await self.run_command("repeat")

    def action_leave(self) -> None:
        # Nothing to ask and nothing to save: every answer and the place are stored as they happen.
        self.tutor.back_to_course()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("hint", "skip", "repeat"):
            open_question = self.summary is None and self.session.awaiting == "answer"
            return True if open_question else None
        return True
