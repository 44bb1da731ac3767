"""The title bar and the key bar: what Textual's Header and Footer show, each drawn by one widget.

Textual's Footer is a container with a widget per key, all rebuilt whenever the bindings change
(twice while the first screen comes up), and its Header four widgets and a clock; together they
cost a tenth of the app's start-up. These draw the same lines as single pieces of literal text
(``Content``, never markup). A click on a key presses it, as with the Footer; a click on the title
bar opens the command palette, as the Header's icon does.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

from tutor.safetext import printable

SEPARATOR = "▏"  # before the command palette's key, on the right


class TitleBar(Widget, can_focus=False):
    """The app's title (and sub-title), centred on one line."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: center middle;
    }
    TitleBar > .title-bar--sub {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES = {"title-bar--sub"}

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        title = printable(self.app.title)
        sub = printable(self.app.sub_title)
        if not sub:
            return Content(title)
        return Content.assemble(title, (f" — {sub}" if title else sub, ".title-bar--sub"))

    def on_click(self, event: events.Click) -> None:
        if self.app.ENABLE_COMMAND_PALETTE:
            self.app.action_command_palette()


class KeyBar(Widget, can_focus=False):
    """The keys the focused widget and its screen answer to, on one line; disabled keys dim."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 100%;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--disabled {
        text-style: dim;
    }
    """

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, Binding, bool]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def _keys(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The keys to show, one per action in binding order, and the command palette's."""
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else None
        shown: list[tuple[Binding, bool]] = []
        actions: set[str] = set()
        palette: tuple[Binding, bool] | None = None
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == palette_key:
                palette = (binding, enabled)
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.append((binding, enabled))
        return shown, palette

    def render(self) -> Content:
        shown, palette = self._keys()
        parts: list[tuple[str, str] | str] = []
        spans: list[tuple[int, int, Binding, bool]] = []
        at = 0

        def add(binding: Binding, enabled: bool, lead: str = " ") -> None:
            nonlocal at
            key = f"{lead}{self.app.get_key_display(binding)} "
            description = f"{printable(binding.description)} " if binding.description else ""
            dim = "" if enabled else " .key-bar--disabled"
            parts.append((key, ".key-bar--key" + dim))
            if description:
                parts.append((description, ".key-bar--description" + dim))
            width = cell_len(key) + cell_len(description)
            spans.append((at, at + width, binding, enabled))
            at += width

        for binding, enabled in shown:
            add(binding, enabled)
        if palette is not None:
            binding, enabled = palette
            label = f"{SEPARATOR}{self.app.get_key_display(binding)} {binding.description} "
            gap = self.size.width - at - cell_len(label)
            if gap >= 1:
                parts.append(" " * gap + SEPARATOR)
                at += gap + cell_len(SEPARATOR)
                add(binding, enabled, lead="")
        self._spans = spans
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, binding, enabled in self._spans:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(binding.key)
                else:
                    self.app.bell()
                return
