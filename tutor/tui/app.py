"""The Textual app: screens for the course, a lesson (or quiz / review), the summary and help.

Domain objects (course, store) are loaded and checked before the app starts and handed to it; the
app only creates sessions from them and renders what the sessions say. The boundary is typed: the
grader is anything that ``Grades`` (``tutor.commands.common.LazyGrader`` builds the real one on the
first answer, so the course screen never waits for it) and the store a ``ProgressStore``.

Only the course screen is imported with the app. The other screens (and the Markdown widget the
lesson transcript and help use) are imported when they are first opened.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tutor import startup
from tutor.classroom import notices
from tutor.model import Course
from tutor.safetext import printable
from tutor.tui import contrast, settings
from tutor.tui.commands import LessonCommands
from tutor.tui.progress import (
    ProgressStore,
    due_reviews,
    lesson_rows,
)
from tutor.tui.screens.course import CourseScreen

if TYPE_CHECKING:
    from tutor import messages as m
    from tutor.session.base import Grades

DEFAULT_THEME = "textual-dark"

Start = tuple[str, Any] | None


def _call_soon(loop: asyncio.AbstractEventLoop, call: Callable[[str], None], message: str) -> None:
    """Run ``call(message)`` on the app's loop, from any thread; nothing once the loop is gone."""
    with contextlib.suppress(RuntimeError):  # the loop is closed: the app has gone
        loop.call_soon_threadsafe(call, message)


class TutorApp(App[int]):
    CSS_PATH = "tutor.tcss"
    TITLE = "tutor"
    SUB_TITLE = ""  # the course's own title (course.yaml), set in __init__
    COMMANDS = App.COMMANDS | {LessonCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        course: Course,
        grader: Grades,
        *,
        store: ProgressStore | None = None,
        start: Start = None,
        theme_name: str | None = None,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.course = course
        self.grader = grader
        if course.title:
            from tutor.safetext import one_line

            self.sub_title = one_line(course.title, 80)
        self.store = store
        self.start_with = start
        self.settings_path = settings_path
        saved = settings.load(settings_path).get("theme")
        self.initial_theme = theme_name or (saved if isinstance(saved, str) else None)
        for name in list(self.available_themes):
            if name not in contrast.OFFERED:
                self.unregister_theme(name)  # see tutor.tui.contrast for why
        self._signals: list[int] = []
        self._store_warn: Callable[[str], None] | None = None
        self._notices_before: Any = None

    # -- start and stop --------------------------------------------------------------------------

    def get_css_variables(self) -> dict[str, str]:
        # Every theme's text colours moved until they read at 4.5:1 (tutor.tui.contrast).
        variables = contrast.legible(super().get_css_variables())
        self.theme_variables = variables
        return variables

    def get_default_screen(self) -> Screen:
        return CourseScreen()

    def on_ready(self) -> None:
        # The first frame is up. Until now the cycle collector rested (tutor.startup): a full
        # collection used to walk the course and every module while the first screen was drawn
        # (about 40 ms, a third of the start-up beyond a bare app).
        startup.ready()

    def on_mount(self) -> None:
        self._install_signal_handlers()
        # The store reports trouble on stderr by default, which would scribble over the screen.
        if self.store is not None:
            self._store_warn = self.store.warn
            self.store.warn = self._store_warning
        # The class store's sender (another thread) says when answers wait to be sent.
        loop = asyncio.get_running_loop()
        self._notices_before = notices.listen(
            lambda message: _call_soon(loop, self._class_notice, message)
        )
        if self.initial_theme in self.available_themes:
            self.theme = self.initial_theme
        else:
            self.theme = DEFAULT_THEME
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.start_with is not None:
            kind, value = self.start_with
            if kind == "learn":
                self.open_lesson(str(value))
            elif kind == "quiz":
                self.open_quiz(**dict(value or {}))
            elif kind == "review":
                self.open_review(list(value) if value is not None else None)

    def _store_warning(self, message: str) -> None:
        self.notify(printable(str(message)), title="Progress", severity="warning", markup=False)

    def _class_notice(self, message: str) -> None:
        self.notify(printable(str(message)), title="Class", severity="information", markup=False)

    def on_unmount(self) -> None:
        notices.listen(self._notices_before)
        if self._store_warn is not None and self.store is not None:
            self.store.warn = self._store_warn
            self._store_warn = None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for sig in self._signals:
            loop.remove_signal_handler(sig)
        self._signals.clear()

    def _install_signal_handlers(self) -> None:
        """SIGTERM/SIGHUP (terminal closed, kill) exit through Textual so the terminal is restored."""
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            sig = getattr(signal, name, None)
            if sig is None:
                continue
            try:
                loop.add_signal_handler(sig, partial(self.exit, None, 128 + int(sig)))
            except (NotImplementedError, RuntimeError, ValueError):
                continue  # not the main thread, or a platform without it
            self._signals.append(sig)

    def _remember_theme(self, theme: Any) -> None:
        settings.save(self.settings_path, theme=getattr(theme, "name", str(theme)))

    # -- navigation ------------------------------------------------------------------------------

    def _open(self, screen: Screen) -> None:
        """Show a session screen on top of the course, replacing any lesson or summary there."""
        while len(self.screen_stack) > 2 and not isinstance(self.screen, CourseScreen):
            self.pop_screen()
        if isinstance(self.screen, CourseScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def back_to_course(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, CourseScreen):
            self.pop_screen()

    def open_lesson(self, lesson_id: str) -> None:
        from tutor.session import Session
        from tutor.session.resume import resume
        from tutor.tui.screens.lesson import LessonScreen

        lesson = self.course.lesson(lesson_id)
        if lesson is None:
            self.notify(f"There is no lesson {lesson_id!r}.", severity="error", markup=False)
            return
        at = resume(self.store, lesson)
        try:
            session = Session.learn(
                self.course,
                lesson_id,
                self.grader,
                observer=self.store,
                start_at=at.start_at,
                pace=True,
                prior=at.prior,
            )
        except (ValueError, LookupError) as exc:
            self.notify(printable(str(exc)), severity="error", markup=False)
            return
        notice = at.notice(lesson)
        welcome = f"Welcome back: {notice}." if notice else None
        self._open(LessonScreen(session, lesson.title, notice=welcome))

    def open_quiz_setup(self, selected: str | None = None) -> None:
        from tutor.tui.screens.quiz_setup import QuizSetupScreen

        def chosen(options: dict | None) -> None:
            if options:
                self.open_quiz(**options)

        started = {
            row.lesson.id
            for row in lesson_rows(self.course, self.store)
            if row.status in ("in progress", "done")
        }
        self.push_screen(QuizSetupScreen(self.course, selected, started), chosen)

    def open_quiz(
        self,
        lesson_ids: list[str] | None = None,
        count: int | None = None,
        seed: int | None = None,
    ) -> None:
        from tutor.session import Session
        from tutor.tui.screens.lesson import LessonScreen

        try:
            session = Session.quiz(
                self.course,
                self.grader,
                lesson_ids=lesson_ids,
                count=count,
                seed=seed,
                observer=self.store,
                pace=True,
                lesson_status={row.lesson.id: row.status for row in lesson_rows(self.course, self.store)},
            )
        except (ValueError, LookupError) as exc:
            self.notify(printable(str(exc)), severity="error", markup=False)
            return
        self._open(LessonScreen(session, "Quiz"))

    def open_review(
        self, refs: list[tuple[str, str]] | None = None, *, title: str = "Review"
    ) -> None:
        from tutor.session import Session
        from tutor.tui.screens.lesson import LessonScreen

        if refs is None:
            refs = due_reviews(self.course, self.store)
        if not refs:
            self.notify("Nothing is due for review right now.", markup=False)
            return
        try:
            session = Session.review(
                self.course, self.grader, list(refs), observer=self.store, pace=True
            )
        except (ValueError, LookupError) as exc:
            self.notify(printable(str(exc)), severity="error", markup=False)
            return
        self._open(LessonScreen(session, title))

    def show_summary(self, summary: m.Summary) -> None:
        from tutor.tui.screens.lesson import LessonScreen
        from tutor.tui.screens.summary import SummaryScreen

        if isinstance(self.screen, LessonScreen):
            self.switch_screen(SummaryScreen(summary))
        else:
            self.push_screen(SummaryScreen(summary))

    def next_lesson_id(self, summary: m.Summary) -> str | None:
        """The lesson after this one, as the session's summary says (``build_summary``)."""
        if summary.next_lesson_id and self.course.lesson(summary.next_lesson_id):
            return summary.next_lesson_id
        return None

    # -- actions and commands --------------------------------------------------------------------

    def action_help(self) -> None:
        from tutor.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Course", "Back to the list of lessons", self.back_to_course)
        yield SystemCommand(
            "Quiz", "Questions drawn from the lessons you choose", self.open_quiz_setup
        )
        if self.store is not None:
            yield SystemCommand("Review", "The questions due for review", self.open_review)
        yield SystemCommand("Help", "Keys, commands and how answers are judged", self.action_help)


def run_app(
    course: Course,
    grader: Grades,
    *,
    store: ProgressStore | None = None,
    start: Start = None,
    theme: str | None = None,
    settings_path: Path | None = None,
) -> int:
    app = TutorApp(
        course,
        grader,
        store=store,
        start=start,
        theme_name=theme,
        settings_path=settings_path,
    )
    app.run()
    return int(app.return_code or 0)
