"""Choose the lessons and the number of questions for a quiz."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from tutor.model import Course
from tutor.tui.widgets.transcript import plain


class QuizSetupScreen(ModalScreen[dict | None]):
    """Dismisses with ``dict(lesson_ids=[...], count=int | None)`` or ``None`` (cancelled)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="quiz.cancel"),
        Binding("ctrl+s", "start", "Start quiz", id="quiz.start"),
    ]

    def __init__(self, course: Course, selected: str | None = None) -> None:
        super().__init__()
        self.course = course
        self.selected = selected

    def compose(self) -> ComposeResult:
        with Vertical(id="quiz-box"):
            yield Label("A quiz: questions drawn from the lessons you tick", id="quiz-title")
            yield SelectionList[str](
                *(
                    Selection(
                        plain(f"{lesson.title} ({len(lesson.questions)} questions)"),
                        lesson.id,
                        True,  # every lesson ticked: untick the ones to leave out
                    )
                    for lesson in self.course.lessons
                ),
                id="quiz-lessons",
            )
            with Horizontal(id="quiz-count-row"):
                yield Label("How many questions (empty: all)", id="quiz-count-label")
                yield Input(placeholder="all", type="integer", max_length=4, id="quiz-count")
            yield Label("", id="quiz-error")
            with Horizontal(id="quiz-buttons"):
                yield Button("Start quiz", variant="primary", id="quiz-start")
                yield Button("Cancel", id="quiz-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#quiz-lessons").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "quiz-start":
            self.action_start()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_start(self) -> None:
        chosen = list(self.query_one("#quiz-lessons", SelectionList).selected)
        error = self.query_one("#quiz-error", Label)
        if not chosen:
            error.update("Tick at least one lesson (space ticks, arrows move).")
            return
        raw = self.query_one("#quiz-count", Input).value.strip()
        count: int | None = None
        if raw:
            try:
                count = int(raw)
            except ValueError:
                count = 0
            if count <= 0:
                error.update("The number of questions is a whole number above 0 (or empty).")
                return
        order = [lesson.id for lesson in self.course.lessons if lesson.id in chosen]
        self.dismiss({"lesson_ids": order, "count": count})
