"""Every theme offered keeps every piece of text readable: WCAG AA (4.5:1), on every screen, in
truecolor and in 256 colours (the palette colour Rich sends a 256-colour terminal).

The screens are rendered for real and each cell with a letter or digit is measured from the colours
the terminal would receive, so a style added later is checked too. Disabled controls (a greyed-out
button or key) are exempt, as in WCAG; so is the tick box of an unticked lesson (a graphic).
"""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.console import Console
from textual.color import Color

from tutor.tui import contrast
from tutor.tui.app import TutorApp

SIZE = (100, 30)


def _rgb(color: RichColor, system: str) -> Color:
    if system == "256":
        color = color.downgrade(ColorSystem.EIGHT_BIT)
    t = color.get_truecolor()
    return Color(t.red, t.green, t.blue)


def _cells(app: TutorApp):
    """(x, y, text, style) as the terminal receives the screen."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True,
        color_system="truecolor", legacy_windows=False, safe_box=False,
    )  # fmt: skip
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    x = y = 0
    for segment in console.render(update):
        if segment.control:
            continue
        for n, part in enumerate(segment.text.split("\n")):
            if n:
                x, y = 0, y + 1
            if part:
                yield x, y, part, segment.style
                x += cell_len(part)


def unreadable(app: TutorApp, box: str | None = None) -> list[tuple[str, str, float]]:
    """Text below 4.5:1 on the current screen (only inside ``box`` for a dialog)."""
    region = app.screen.query_one(box).region if box else None
    exempt = [w.region for w in app.screen.query("*") if w.disabled or w.has_class("-disabled")]
    bad = []
    for x, y, text, style in _cells(app):
        if region is not None and not region.contains(x, y):
            continue  # the screen behind a dialog is dimmed on purpose
        if any(r.contains(x, y) for r in exempt) or text.strip() == "X":
            continue
        if style is None or not any(ch.isalnum() for ch in text):
            continue
        fg, bg = style.color, style.bgcolor
        assert fg is not None and bg is not None, text
        if style.reverse:
            fg, bg = bg, fg
        for system in ("truecolor", "256"):
            measured = contrast.ratio(_rgb(fg, system), _rgb(bg, system))
            if measured < contrast.AA:
                bad.append((system, text.strip(), round(measured, 2)))
    return bad


def test_the_offered_themes_are_the_only_ones(make_app):
    app = make_app()
    assert set(app.available_themes) == set(contrast.OFFERED)
    assert "textual-dark" in contrast.OFFERED


def test_ratio_and_the_256_colour_palette():
    assert contrast.ratio(Color(255, 255, 255), Color(0, 0, 0)) == pytest.approx(21)
    # the trial's case: solarized-light's summaries became colour 231 on 188 in 256 colours
    assert contrast.ratio(Color(255, 255, 255), Color(215, 215, 215)) < 1.5
    assert contrast.in_256(Color(0xFD, 0xF6, 0xE3)) == Color(255, 255, 215)


async def _each_theme(app, pilot, found, label, box=None):
    for name in contrast.OFFERED:
        app.theme = name
        await pilot.pause()
        for problem in unreadable(app, box):
            found.setdefault(name, set()).add((label, *problem))


async def test_every_offered_theme_reads_at_4_5_to_1_on_every_screen(make_app, store):
    app = make_app(store=store, start=None)
    found: dict[str, set] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _each_theme(app, pilot, found, "course")
        await pilot.press("f1")
        await pilot.pause()
        await _each_theme(app, pilot, found, "help", "#help-box")
        await pilot.press("escape")
        await pilot.press("t")
        await pilot.pause()
        await _each_theme(app, pilot, found, "quiz setup", "#quiz-box")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # the first lesson: teach, ask, every kind of reply
        await pilot.pause()
        await pilot.press("enter")
        for text in ("1990", "hint", "what is the SCO?", "1991", "", "Chine", "", "Mongolia"):
            await pilot.press(*text, "enter")
            await pilot.pause()
        kinds = {type(b).__name__ for b in app.screen.query(".bubble")}
        assert {"TeachBubble", "AskBubble", "FeedbackBubble", "HintBubble", "InfoBubble"} <= kinds
        await _each_theme(app, pilot, found, "lesson")
        for key in ["skip", ""] * 15:  # skip to the end, and on to the summary
            if type(app.screen).__name__ == "SummaryScreen":
                break
            await pilot.press(*key, "enter")
            await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        await _each_theme(app, pilot, found, "summary")
        await pilot.press("escape")
        await pilot.pause()
        await _each_theme(app, pilot, found, "course with progress")
    assert not found, found
