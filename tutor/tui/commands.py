"""Command-palette provider (ctrl+p): jump to any lesson by typing part of its title."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tutor.safetext import printable
from tutor.tui.text import plain

if TYPE_CHECKING:
    from tutor.tui.app import TutorApp


class LessonCommands(Provider):
    """'Lesson 2: Hedging' for every lesson in the course."""

    def _entries(self) -> list[tuple[str, str, str]]:
        # Textual types Provider.app as App[object]; this code only ever runs inside TutorApp.
        app: TutorApp = self.app  # type: ignore[assignment]
        return [
            (printable(f"Lesson {n}: {lesson.title}"), lesson.id, lesson.summary)
            for n, lesson in enumerate(app.course.lessons, start=1)
        ]

    def _open(self, lesson_id: str) -> None:
        # Textual types Provider.app as App[object]; this code only ever runs inside TutorApp.
        app: TutorApp = self.app  # type: ignore[assignment]
        app.open_lesson(lesson_id)

    async def discover(self) -> Hits:
        for text, lesson_id, summary in self._entries():
            yield DiscoveryHit(
                Content(text), partial(self._open, lesson_id), text=text, help=_help(summary)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, lesson_id, summary in self._entries():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                # Not matcher.highlight(): it parses the candidate as markup.
                display = Content(text)
                for offset in offsets:
                    if not text[offset].isspace():
                        display = display.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(
                    score,
                    display,
                    partial(self._open, lesson_id),
                    text=text,
                    help=_help(summary),
                )


def _help(summary: str) -> str | None:
    """The lesson's summary as literal text. The palette hands a ``str`` help to
    ``Content.from_markup``, which returns a ``Content`` unchanged: so no markup is ever parsed
    (``[@click=app.quit]`` stays text). Textual types ``help`` as ``str``."""
    return plain(summary) if summary else None  # type: ignore[return-value]
