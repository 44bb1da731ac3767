"""Choose the lessons and the number of questions for a quiz.

Ticked at first: the lessons the student has started or finished, because a quiz tests what was
learnt (a lesson never opened would only ask what was never taught, and those answers would
then come back for review). With nothing started yet, the lesson selected on the course screen
(or the first) is ticked: one lesson is a quiz that makes sense, and the rest are a space away.
"""

from __future__ import annotations

from collections.abc import Collection

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from tutor.model import Course
from tutor.tui.screens import screen_css
from tutor.tui.widgets.bars import KeyBar
from tutor.tui.widgets.transcript import plain


class QuizSetupScreen(ModalScreen[dict | None]):
    """Dismisses with ``dict(lesson_ids=[...], count=int | None)`` or ``None`` (cancelled)."""

    DEFAULT_CSS = screen_css("quiz_setup")

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="quiz.cancel"),
        Binding("ctrl+s", "start", "Start quiz", id="quiz.start"),
    ]

    def __init__(
        self,
        course: Course,
        selected: str | None = None,
        started: Collection[str] = (),
    ) -> None:
        super().__init__()
        self.course = course
        self.selected = selected
        self.ticked = default_ticks(course, selected, started)
        self.started_any = any(lesson.id in started for lesson in course.lessons)

    def compose(self) -> ComposeResult:
        with Vertical(id="quiz-box"):
            yield Label("A quiz: questions drawn from the lessons you tick", id="quiz-title")
            yield Label(plain(self.why_ticked), id="quiz-why")
            yield SelectionList[str](
                *(
                    Selection(
                        plain(f"{lesson.title} ({len(lesson.questions)} questions)"),
                        lesson.id,
                        lesson.id in self.ticked,
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
        yield KeyBar()

    @property
    def why_ticked(self) -> str:
        if self.started_any:
            return "Ticked: the lessons you have started (space ticks or unticks one)."
        return "Ticked: one lesson to begin with (space ticks or unticks one)."

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
            error.display = True
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
                error.display = True
                return
        order = [lesson.id for lesson in self.course.lessons if lesson.id in chosen]
        self.dismiss({"lesson_ids": order, "count": count})


def default_ticks(course: Course, selected: str | None, started: Collection[str]) -> set[str]:
    """The lessons ticked when the quiz setup opens (see the module docstring for why)."""
    ids = [lesson.id for lesson in course.lessons]
    ticked = {lesson_id for lesson_id in ids if lesson_id in started}
    if ticked:
        return ticked
    if selected in ids:
        return {str(selected)}
    return set(ids[:1])
