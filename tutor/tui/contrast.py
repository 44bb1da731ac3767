"""Readable colours in every theme offered: WCAG AA (4.5:1) for text, in truecolor and 256 colours.

Textual's built-in themes draw muted text as the foreground at 60% ("auto 60%"), the list cursor as
text at 87% on the primary colour, placeholders at 38%, and so on. On several themes, and more so
once a 256-colour terminal has rounded each colour to its palette (solarized-light's muted
summaries became white on light grey), that text falls far below 4.5:1.

:func:`legible` takes a theme's CSS variables and moves each text colour the app draws toward white
or black (keeping its hue as long as possible) until it reads at 4.5:1 on every background it is
drawn on, both as the exact colour and as the nearest of the 256 palette colours that Rich sends
to a 256-colour terminal. A background behind text that cannot be read even in black or white (the
list cursor, a primary button) is itself moved away from the text. :data:`OFFERED` is the list of
built-in themes that then pass (checked over every screen by the tests); the ANSI themes use the
terminal's own palette, whose colours the app cannot know, and are not offered.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from rich.color import ColorSystem
from textual.color import Color

AA = 4.5
WHITE = Color(255, 255, 255)
BLACK = Color(0, 0, 0)

# The built-in themes offered (ctrl+p > theme). The others fail 4.5:1 somewhere even after
# :func:`legible`, or depend on the terminal's palette (ansi-*).
OFFERED = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-mocha",
    "catppuccin-latte",
    "catppuccin-frappe",
    "catppuccin-macchiato",
    "dracula",
    "tokyo-night",
    "monokai",
    "flexoki",
    "solarized-light",
    "solarized-dark",
    "rose-pine",
    "rose-pine-moon",
    "rose-pine-dawn",
    "atom-one-dark",
    "atom-one-light",
)

# Text colours the app (and the Textual widgets it uses) draws on the ordinary backgrounds.
TEXT_ON_GROUND = (
    "foreground",
    "text",
    "text-muted",
    "text-disabled",  # placeholders in the answer box
    "text-primary",
    "text-secondary",
    "text-accent",
    "text-success",
    "text-warning",
    "text-error",
    "button-foreground",
    "markdown-h1-color",
    "markdown-h2-color",
    "markdown-h3-color",
    "markdown-h4-color",
    "markdown-h5-color",
    "markdown-h6-color",
    "link-color",
)
GROUNDS = ("background", "surface", "panel")
# (text, background it sits on): the background may move when no text colour can be read on it.
ON_BLOCKS = (
    ("block-cursor-foreground", "block-cursor-background"),
    ("block-cursor-blurred-foreground", "block-cursor-blurred-background"),
    ("button-color-foreground", "primary"),
    ("footer-key-foreground", "footer-background"),
    ("footer-description-foreground", "footer-background"),
    ("footer-foreground", "footer-background"),
    ("input-selection-foreground", "input-selection-background"),
)


# Each theme's grounds are measured against every candidate colour: remembering a colour's
# luminance and its 256-colour twin makes fitting all of a theme's colours (done at every start)
# several times faster.
@cache
def luminance(color: Color) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def ratio(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@cache
def in_256(color: Color) -> Color:
    """The colour a 256-colour terminal shows: Rich's nearest palette colour."""
    t = color.rich_color.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return Color(t.red, t.green, t.blue)


def worst_ratio(fg: Color, grounds: Iterable[Color]) -> float:
    """The lowest contrast of ``fg`` over ``grounds``, exact and in 256 colours."""
    return min(
        min(ratio(fg, bg), ratio(in_256(fg), in_256(bg))) for bg in grounds
    )


def readable(fg: Color, grounds: list[Color], target: float = AA) -> Color:
    """``fg``, moved toward white or black (whichever reads better) until it reaches ``target``
    on every one of ``grounds`` (or as close as black or white gets)."""
    if worst_ratio(fg, grounds) >= target:
        return fg
    pole = max((WHITE, BLACK), key=lambda c: worst_ratio(c, grounds))
    for step in range(1, 21):
        moved = fg.blend(pole, step / 20)
        if worst_ratio(moved, grounds) >= target:
            return moved
    return pole


def _resolve(value: str | None, under: Color) -> Color | None:
    """A CSS variable's colour as drawn over ``under`` ("auto 87%", "#RRGGBBAA" or a name)."""
    if not value:
        return None
    text = value.strip()
    try:
        if text.startswith("auto"):
            alpha = float(text.split()[1].rstrip("%")) / 100 if len(text.split()) > 1 else 1.0
            return under + under.get_contrast_text(alpha)
        color = Color.parse(text.split()[0])
        if len(text.split()) > 1 and text.split()[1].endswith("%"):
            color = color.with_alpha(float(text.split()[1].rstrip("%")) / 100)
        return under + color
    except Exception:  # an ANSI name or something unknown: leave it alone
        return None


def legible(variables: dict[str, str]) -> dict[str, str]:
    """``variables`` with each text colour moved until it reads at 4.5:1 (see the module)."""
    out = dict(variables)
    background = _resolve(out.get("background"), BLACK)
    if background is None:
        return out  # an ANSI theme: its colours are the terminal's
    grounds = [background]
    for name in GROUNDS[1:]:
        ground = _resolve(out.get(name), background)
        if ground is not None:
            grounds.append(ground)
    boost = _resolve(out.get("boost"), grounds[-1])
    if boost is not None:
        grounds.append(boost)
    foreground = _resolve(out.get("foreground"), background)
    if foreground is not None:  # a focused list tints its background with 5% of the foreground
        grounds += [ground.blend(foreground, 0.05) for ground in grounds]
    for name in TEXT_ON_GROUND:
        fg = _resolve(out.get(name), background)
        if fg is not None:
            out[name] = readable(fg, grounds).hex
    for fg_name, bg_name in ON_BLOCKS:
        bg = _resolve(out.get(bg_name), grounds[1] if len(grounds) > 1 else background)
        fg = _resolve(out.get(fg_name), bg) if bg is not None else None
        if bg is None or fg is None:
            continue
        fixed = readable(fg, [bg])
        if worst_ratio(fixed, [bg]) < AA:
            # No text colour reads on it: move the background away from the text instead.
            away = BLACK if luminance(fixed) > 0.5 else WHITE
            for _ in range(20):
                bg = bg.blend(away, 0.05)
                fixed = readable(fg, [bg])
                if worst_ratio(fixed, [bg]) >= AA:
                    break
            out[bg_name] = bg.hex
        out[fg_name] = fixed.hex
    return out
