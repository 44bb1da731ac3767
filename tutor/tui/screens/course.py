"""The course screen: every lesson in order, the student's progress, and the way in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ListItem, ListView, ProgressBar, Static

from tutor.tui.progress import LessonRow, due_reviews, lesson_rows, lesson_to_continue
from tutor.tui.widgets.transcript import plain

if TYPE_CHECKING:
    from tutor.tui.app import TutorApp


class LessonItem(ListItem):
    def __init__(self, row: LessonRow) -> None:
        super().__init__(classes=f"lesson-item -{row.status.replace(' ', '-') or 'none'}")
        self.row = row

    def compose(self) -> ComposeResult:
        row = self.row
        lesson = row.lesson
        about = " · ".join(
            part
            for part in (f"{lesson.minutes} min" if lesson.minutes else "", lesson.summary)
            if part
        )
        with Horizontal(classes="lesson-line"):
            with Vertical(classes="lesson-text"):
                yield Label(plain(f"{row.number}. {lesson.title}"), classes="lesson-title")
                if about:
                    yield Label(plain(about), classes="lesson-summary")
            if row.status:
                with Vertical(classes="lesson-progress"):
                    yield Label(plain(row.status_text), classes="lesson-status")
                    bar = ProgressBar(total=100, show_eta=False, classes="lesson-bar")
                    bar.progress = round(row.fraction * 100)
                    yield bar


class CourseScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "start", "Start lesson", priority=True, id="course.start"),
        Binding("t", "quiz", "Quiz", id="course.quiz"),
        Binding("r", "review", "Review", id="course.review"),
        Binding("question_mark", "app.help", "Help", show=False, id="course.help"),
        Binding("q", "app.quit", "Quit", id="course.quit"),
    ]

    @property
    def tutor(self) -> TutorApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(id="course-intro")
        yield ListView(id="lessons")
        yield Static(id="course-review")
        yield Footer()

    async def on_mount(self) -> None:
        await self.refresh_lessons()

    async def on_screen_resume(self) -> None:
        # Coming back from a lesson: the progress has moved on.
        if self.is_mounted:
            await self.refresh_lessons()

    async def refresh_lessons(self) -> None:
        course = self.tutor.course
        store = self.tutor.store
        rows = lesson_rows(course, store)
        view = self.query_one("#lessons", ListView)
        await view.clear()
        await view.extend(LessonItem(row) for row in rows)
        if rows:
            view.index = lesson_to_continue(rows)
        view.focus()
        count = len(rows)
        questions = course.question_count
        intro = f"{count} lesson{'s' if count != 1 else ''}, {questions} questions."
        if store is not None:
            done = sum(1 for r in rows if r.status == "done")
            if done:
                intro += f" {done} done."
        intro += " Enter starts the selected lesson."
        self.query_one("#course-intro", Static).update(plain(intro))
        review = self.query_one("#course-review", Static)
        if store is None:
            review.display = False
        else:
            due = len(due_reviews(course, store))
            review.display = True
            if due:
                noun = "question is" if due == 1 else "questions are"
                review.update(plain(f"↻ {due} {noun} due for review: press r."))
                review.set_class(True, "-due")
            else:
                review.update(plain("↻ Nothing due for review right now."))
                review.set_class(False, "-due")
        self.refresh_bindings()

    def selected_lesson_id(self) -> str | None:
        view = self.query_one("#lessons", ListView)
        item = view.highlighted_child
        return item.row.lesson.id if isinstance(item, LessonItem) else None

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        if isinstance(event.item, LessonItem):
            self.tutor.open_lesson(event.item.row.lesson.id)

    def action_start(self) -> None:
        lesson_id = self.selected_lesson_id()
        if lesson_id:
            self.tutor.open_lesson(lesson_id)

    def action_quiz(self) -> None:
        self.tutor.open_quiz_setup(self.selected_lesson_id())

    def action_review(self) -> None:
        self.tutor.open_review()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Review is hidden without a store: there is nothing to review.
        return not (action == "review" and self.tutor.store is None)
