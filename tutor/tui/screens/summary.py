"""The end of a lesson, quiz or review: the score, each question's outcome, and what was missed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Label, ProgressBar, Static

from tutor import messages as m
from tutor.figures import figure
from tutor.tui.screens import screen_css
from tutor.tui.widgets.bars import KeyBar
from tutor.tui.widgets.transcript import RESULT_LABELS, plain

if TYPE_CHECKING:
    from tutor.tui.app import TutorApp




def missed(summary: m.Summary) -> tuple[m.QuestionResult, ...]:
    return summary.missed


class SummaryScreen(Screen[None]):
    DEFAULT_CSS = screen_css("summary")

    BINDINGS = [
        Binding("r", "retry", "Retry missed", id="summary.retry"),
        Binding("n", "next", "Next lesson", id="summary.next"),
        Binding("escape,b", "back", "Course", id="summary.back"),
        Binding("question_mark", "app.help", "Help", show=False, id="summary.help"),
        Binding("q", "app.quit", "Quit", show=False, id="summary.quit"),
    ]

    def __init__(self, summary: m.Summary) -> None:
        super().__init__()
        self.summary = summary

    @property
    def tutor(self) -> TutorApp:
        # Textual types Screen.app as App[object]; this code only ever runs inside TutorApp.
        return self.app  # type: ignore[return-value]

    @property
    def next_lesson_id(self) -> str | None:
        return self.tutor.next_lesson_id(self.summary)

    def compose(self) -> ComposeResult:
        s = self.summary
        with VerticalScroll(id="summary-scroll"):
            yield Label(plain(s.title), id="summary-title")
            score = f"{figure(s.earned)} of {s.possible} ({s.score:.0%})"
            if not s.completed:
                score += " - stopped before the end"
            with Horizontal(id="summary-score-row"):
                yield Label(plain(f"Score {score}"), id="summary-score")
                bar = ProgressBar(
                    total=100, show_eta=False, show_percentage=False, id="summary-bar"
                )
                bar.progress = round(s.score * 100)
                yield bar
            yield Label("Each question", classes="section")
            for result in s.results:
                label = RESULT_LABELS[result.result]
                if 0 < result.awarded < 1:
                    label += f" ({result.awarded:.0%})"
                with Horizontal(classes=f"result -{result.result}"):
                    yield Label(plain(label), classes="result-label")
                    yield Static(plain(result.ask), classes="result-ask")
            missed_results = missed(s)
            if missed_results:
                yield Label(f"What you missed ({len(missed_results)})", classes="section")
                for result in missed_results:
                    with Vertical(classes=f"missed -{result.result}"):
                        yield Static(plain(result.ask), classes="missed-ask")
                        if result.given:
                            yield Static(plain(f"You said: {result.given}"), classes="given")
                        yield Static(plain(f"The answer: {result.answer}"), classes="answer")
                        if result.explain:
                            yield Static(plain(result.explain), classes="explain")
            else:
                yield Label("Nothing missed. Well done.", classes="section")
            if s.suggestion:  # the tutor's advice refers to the list above it
                yield Static(plain(s.suggestion), id="summary-suggestion")
        with Horizontal(id="summary-buttons"):
            yield Button("Retry missed", id="retry", disabled=not missed(s))
            yield Button("Next lesson", id="next", disabled=self.next_lesson_id is None)
            yield Button("Back to course", variant="primary", id="back")
        yield KeyBar()

    def on_mount(self) -> None:
        if missed(self.summary):
            self.query_one("#retry", Button).focus()
        elif self.next_lesson_id is not None:
            self.query_one("#next", Button).focus()
        else:
            self.query_one("#back", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = {"retry": self.action_retry, "next": self.action_next, "back": self.action_back}
        handler = action.get(event.button.id or "")
        if handler:
            handler()

    def action_retry(self) -> None:
        refs = [(r.lesson_id, r.question_id) for r in missed(self.summary)]
        if refs:
            self.tutor.open_review(refs, title="Retry missed questions")

    def action_next(self) -> None:
        lesson_id = self.next_lesson_id
        if lesson_id:
            self.tutor.open_lesson(lesson_id)

    def action_back(self) -> None:
        self.tutor.back_to_course()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return True if missed(self.summary) else None
        if action == "next":
            return True if self.next_lesson_id else None
        return True
