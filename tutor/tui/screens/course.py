"""The course screen: every lesson in order, the student's progress, and the way in.

Each lesson is one widget (:class:`LessonItem`) that draws its title, summary, status and a text
progress bar itself, laid out for the width it is given. A lesson built from a dozen nested
widgets (containers, labels and a ``ProgressBar`` with its own three children) cost most of the
app's start-up in layout and styling; one widget per lesson draws the same thing in a fraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ListItem, ListView, Static

from tutor.safetext import printable
from tutor.tui.progress import (
    LessonRow,
    due_reviews,
    lesson_rows,
    lesson_to_continue,
    missed_today,
)
from tutor.tui.text import plain
from tutor.tui.widgets.bars import KeyBar, TitleBar

if TYPE_CHECKING:
    from tutor.tui.app import TutorApp

# The progress column beside the lesson text: a gap, then the status and the bar under it.
SIDE_GAP = 2
SIDE_WIDTH = 18
BAR_WIDTH = 12
# Below this many columns for the lesson text, the progress goes under the text instead.
MIN_TEXT_WIDTH = 30

# One line of a lesson: (text, style) pieces; a style names a component class of LessonList.
Line = list[tuple[str, str]]


class LessonItem(ListItem):
    """One lesson of the course list, drawn as a single piece of text.

    ::

        1. An interesting neighbourhood                      ◐ in progress · best 80%
           8 min · Who wrote our source, and the basic       ━━━━━━━─────  60%
           facts about Kazakhstan.

    Everything is literal text (``Content``, never markup). The status is a symbol and words, and
    the bar carries its percentage, so nothing relies on colour alone. The colours come from the
    component classes of the :class:`LessonList` the item sits in (one set for the whole list,
    styled in ``tutor.tcss``), named in the text as ``.lesson-list--...`` styles.
    """

    def __init__(self, row: LessonRow) -> None:
        super().__init__(classes=f"lesson-item {_status_class(row)}")
        self.row = row
        self._lines_cache: tuple[tuple[int, int], list[Line]] | None = None

    # -- what is shown ---------------------------------------------------------------------------

    @property
    def title_text(self) -> str:
        return f"{self.row.number}. {self.row.lesson.title}"

    @property
    def about_text(self) -> str:
        lesson = self.row.lesson
        parts = (f"{lesson.minutes} min" if lesson.minutes else "", lesson.summary)
        return " · ".join(part for part in parts if part)

    @property
    def bar_text(self) -> str:
        """The progress bar as text: filled and empty cells differ in shape, not only colour."""
        filled, _, empty, _, percent = self._bar_parts()
        return filled + empty + percent

    def _bar_parts(self) -> tuple[str, str, str, str, str]:
        percent = round(self.row.fraction * 100)
        filled = round(BAR_WIDTH * percent / 100)
        return (
            "━" * filled,
            ".lesson-list--bar",
            "─" * (BAR_WIDTH - filled),
            ".lesson-list--bar-empty",
            f" {percent:>3}%",
        )

    def set_row(self, row: LessonRow) -> None:
        """Show new progress for the same lesson (after a lesson, coming back to the course)."""
        if _same(row, self.row):
            return
        self.remove_class(_status_class(self.row))
        self.add_class(_status_class(row))
        self.row = row
        self._lines_cache = None
        self.refresh(layout=True)

    # -- layout ----------------------------------------------------------------------------------

    @property
    def rows(self) -> int:
        """Lines for this lesson: 0 for as many as it needs, or fewer when the list is short of
        room (``LessonList.rows``)."""
        parent = self.parent
        if not isinstance(parent, LessonList) or not parent.rows:
            return 0
        # The selected lesson in full when the list has the room to spare for it.
        full = self.highlighted and parent.spare and len(_layout(self, max(parent.width_fitted, 1)))
        return 0 if full and full - parent.rows <= parent.spare else parent.rows

    def _lines(self, width: int) -> list[Line]:
        """The lesson laid out in ``width`` cells (cached: it is asked for height, then drawn)."""
        cached = self._lines_cache
        rows = self.rows
        if cached is not None and cached[0] == (width, rows):
            return cached[1]
        lines = _layout(self, max(width, 1), rows)
        self._lines_cache = ((width, rows), lines)
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:  # noqa: ANN001
        parent = self.parent
        if isinstance(parent, LessonList):
            # ``container`` is the list's content size in this very layout pass: fitting the
            # lessons to it here lays them out right the first time, instead of drawing them in
            # full, then fitting them on resize and laying the screen out again.
            parent.fit(width, container.height)
        return len(self._lines(width)) if width else 0

    def render(self) -> Content:
        lines = self._lines(self.size.width)
        # The selected lesson is drawn in the cursor's own colours (only the title stays bold):
        # muted or status colours on the cursor's background are unreadable in many themes.
        cursor = self.highlighted
        return Content("\n").join(
            Content.assemble(*(_piece(text, style, cursor) for text, style in line))
            for line in lines
        )

    def watch_highlighted(self, value: bool) -> None:
        super().watch_highlighted(value)
        self.refresh(layout=True)


class LessonList(ListView):
    """The list of lessons; its component classes colour the parts of every :class:`LessonItem`.

    Declared once on the list rather than on each item: Textual styles every component class of
    a widget each time it restyles the widget, and it restyles each item several times while the
    screen comes up.
    """

    COMPONENT_CLASSES = {
        "lesson-list--title",
        "lesson-list--summary",
        "lesson-list--new",
        "lesson-list--in-progress",
        "lesson-list--done",
        "lesson-list--bar",
        "lesson-list--bar-empty",
    }

    rows = 0
    """Lines per lesson: 0 (each as many as it needs) when every lesson fits in full, else 2 (the
    title and the start of the summary) when they all fit so, else 1 (the title alone); the
    selected lesson is shown in full when the ``spare`` lines allow."""
    spare = 0
    width_fitted = 0  # the width of a lesson's text when rows and spare were chosen
    _fitted: tuple[int, int, tuple[LessonRow, ...]] | None = None

    def on_resize(self) -> None:
        self.fit_rows()

    def fit_rows(self) -> None:
        """Fit the lessons to the list's size now (a layout pass also fits them, see
        :meth:`fit`); lay them out again if that changed how many lines each gets."""
        items = list(self.query_children(LessonItem))
        if items and self.fit(
            self.scrollable_content_region.width - items[0].styles.gutter.width,
            self.scrollable_content_region.height,
        ):
            for item in items:
                item.refresh(layout=True)

    def fit(self, width: int, height: int) -> bool:
        """Choose :attr:`rows` so that every lesson, ``width`` cells wide, shows in ``height``
        lines if it can; True when that changed rows or spare. Chosen once per size and set of
        rows."""
        items = list(self.query_children(LessonItem))
        if not items or height <= 0:
            return False
        key = (width, height, tuple(item.row for item in items))  # rows compare by value
        if key == self._fitted:
            return False
        self._fitted, self.width_fitted = key, width
        full = sum(len(_layout(item, max(width, 1))) for item in items)
        rows = 0 if full <= height else 2 if 2 * len(items) <= height else 1
        spare = max(0, height - rows * len(items)) if rows else 0
        if (rows, spare) == (self.rows, self.spare):
            return False
        self.rows, self.spare = rows, spare
        return True

def _piece(text: str, style: str, cursor: bool) -> str | tuple[str, str]:
    if cursor:
        return (text, "bold") if style == ".lesson-list--title" else text
    return (text, style) if style else text


def _status_class(row: LessonRow) -> str:
    return f"-{row.status.replace(' ', '-') or 'none'}"


def _same(a: LessonRow, b: LessonRow) -> bool:
    """Same lesson, same progress (rows are rebuilt from the store on every visit)."""
    if a.lesson is not b.lesson:
        return False
    return (a.number, a.status, a.best, a.fraction) == (b.number, b.status, b.best, b.fraction)


def _wrap(text: str, width: int) -> list[str]:
    """Word-wrapped lines of at most ``width`` cells (long words are folded)."""
    if not text:
        return []
    return [line.plain for line in Content(printable(text)).wrap(max(width, 1))] or [""]


def _layout(item: LessonItem, width: int, rows: int = 0) -> list[Line]:
    """The lesson in ``width`` cells: in full (``rows=0``), or in ``rows`` lines (2: the title and
    the start of the summary, 1: the title), cut with "…", beside the status and the bar."""
    row = item.row
    title = item.title_text
    indent = len(f"{row.number}. ")
    side = SIDE_GAP + SIDE_WIDTH if row.status else 0
    beside = side and width - side >= MIN_TEXT_WIDTH
    text_width = width - side if beside else width

    # The title with a hanging indent, then the summary under the title's words.
    if rows:
        title_lines = [_fit(printable(row.lesson.title), text_width - indent)]
        about = printable(item.about_text)
        about_lines = [_fit(about, text_width - indent)] if about and rows > 1 else []
    else:
        title_lines = _wrap(row.lesson.title, text_width - indent) or [""]
        about_lines = _wrap(item.about_text, text_width - indent)
    left_lines: list[tuple[str, str]] = []
    for n, part in enumerate(title_lines):
        prefix = title[:indent] if n == 0 else " " * indent
        left_lines.append((prefix + part, ".lesson-list--title"))
    for part in about_lines:
        left_lines.append((" " * indent + part, ".lesson-list--summary"))

    if not row.status:
        return [[piece] for piece in left_lines]

    status_style = f".lesson-list-{_status_class(row)}"
    filled, filled_style, empty, empty_style, percent = item._bar_parts()
    status_line: Line = [(_fit(row.status_text, SIDE_WIDTH), status_style)]
    bar_line: Line = [(filled, filled_style), (empty, empty_style), (percent, status_style)]

    if not beside:
        pad = " " * indent
        if rows:  # the title, then the status and the bar on one line
            both = [(pad, ""), *status_line, (" ", ""), *bar_line]
            return [[left_lines[0]], both][:rows]
        lines = [[piece] for piece in left_lines]
        lines.append([(pad, "")] + status_line)
        lines.append([(pad, "")] + bar_line)
        return lines

    side_lines = [status_line, bar_line]
    lines = []
    for y in range(max(len(left_lines), len(side_lines))):
        text, style = left_lines[y] if y < len(left_lines) else ("", "")
        padding = " " * max(0, text_width + SIDE_GAP - cell_len(text))
        piece: Line = [(text, style), (padding, "")]
        lines.append(piece + side_lines[y] if y < len(side_lines) else piece)
    return lines[:rows] if rows else lines


def _fit(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, cut with "…"."""
    if cell_len(text) <= width:
        return text
    return Content(text).truncate(max(width - 1, 0)).plain + "…"


class CourseScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "start", "Start lesson", priority=True, id="course.start"),
        Binding("t", "quiz", "Quiz", id="course.quiz"),
        Binding("r", "review", "Review", id="course.review"),
        Binding("m", "practise", "Practise mistakes", id="course.practise"),
        Binding("question_mark", "app.help", "Help", show=False, id="course.help"),
        Binding("q", "app.quit", "Quit", id="course.quit"),
    ]

    @property
    def tutor(self) -> TutorApp:
        # Textual types Screen.app as App[object]; this code only ever runs inside TutorApp.
        return self.app  # type: ignore[return-value]

    _composed: list[LessonRow] | None = None  # the rows read to compose the screen
    _texts: dict[str, str]  # what each Static shows, by id: the same text again costs no layout

    def compose(self) -> ComposeResult:
        # The lessons are composed with the screen, not added after it mounts: one layout pass
        # instead of two before the first frame.
        self._composed = lesson_rows(self.tutor.course, self.tutor.store)
        self._texts = {}
        yield TitleBar()
        yield Static(id="course-intro")
        yield LessonList(*(LessonItem(row) for row in self._composed), id="lessons")
        yield Static(id="course-review")
        yield KeyBar()

    async def on_mount(self) -> None:
        # Selection, focus and texts before the first frame, or it is drawn twice.
        rows, self._composed = self._composed, None
        await self.refresh_lessons(rows)

    async def on_screen_resume(self) -> None:
        # Coming back from a lesson: the progress has moved on. (The first resume comes right
        # after mounting; it finds everything unchanged and redraws nothing.)
        if self.is_mounted:
            await self.refresh_lessons()

    async def refresh_lessons(self, rows: list[LessonRow] | None = None) -> None:
        """Show the course's progress: ``rows`` when just read, else read from the store."""
        course = self.tutor.course
        store = self.tutor.store
        if rows is None:
            rows = lesson_rows(course, store)
        view = self.query_one("#lessons", ListView)
        items = list(view.query_children(LessonItem))
        if [item.row.lesson for item in items] == [row.lesson for row in rows]:
            for item, row in zip(items, rows, strict=True):
                item.set_row(row)
        else:
            await view.clear()
            await view.extend(LessonItem(row) for row in rows)
        if rows and view.index != (index := lesson_to_continue(rows)):
            view.index = index
        if isinstance(view, LessonList):
            self.call_after_refresh(view.fit_rows)
        if not view.has_focus:
            view.focus()
        count = len(rows)
        questions = course.question_count
        intro = f"{count} lesson{'s' if count != 1 else ''}, {questions} questions."
        if store is not None:
            done = sum(1 for r in rows if r.status == "done")
            if done:
                intro += f" {done} done."
        intro += " Enter starts the selected lesson."
        self._show("course-intro", intro)
        review = self.query_one("#course-review", Static)
        if store is None:
            review.display = False
        else:
            due = len(due_reviews(course, store))
            review.display = True
            if due:
                noun = "question is" if due == 1 else "questions are"
                text = f"↻ {due} {noun} due for review: press r."
            else:
                text = "↻ Nothing due for review right now."
            missed = len(missed_today(course, store))
            if missed:
                noun = "question" if missed == 1 else "questions"
                text += f"  ✗ {missed} {noun} missed today: press m to practise them now."
            self._show("course-review", text)
            review.set_class(bool(due or missed), "-due")

    def _show(self, widget_id: str, text: str) -> None:
        """Show ``text`` literally in the Static ``widget_id``, unless it already does."""
        if self._texts.get(widget_id) != text:
            self._texts[widget_id] = text
            self.query_one(f"#{widget_id}", Static).update(plain(text))

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

    def action_practise(self) -> None:
        refs = missed_today(self.tutor.course, self.tutor.store)
        if not refs:
            self.notify("Nothing missed today.", markup=False)
            return
        self.tutor.open_review(refs, title="Practice: today's mistakes")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Review is hidden without a store: there is nothing to review.
        return not (action in ("review", "practise") and self.tutor.store is None)
