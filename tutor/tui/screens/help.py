"""The help screen: keys, chat commands and how answers are judged."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown

from tutor.tui.screens import screen_css
from tutor.tui.widgets.bars import KeyBar

HELP_TEXT = """\
## Keys

On the course screen:

- `enter` starts (or continues) the selected lesson; arrows choose another
- `t` starts a quiz: tick the lessons, say how many questions
- `r` reviews the questions that are due
- `q` quits

In a lesson:

- `enter` sends your answer; on an empty line after feedback it goes on
- `f2` gives a hint, `f3` skips the question
- `esc` goes back to the course: nothing is asked and nothing is lost, your place is kept

Anywhere: `f1` this help, `ctrl+p` jump to any lesson or change the theme, `ctrl+q` quit.

## Things you can type in a lesson

- `hint` - a clue for the open question (there may be more than one)
- `skip` - leave the question and move on
- `repeat` - ask the question again
- `why` - explain the last answer
- `what is SCO?` or `define SCO` - look a term up in the glossary
- `help` - the commands, in the conversation
- `quit` - stop the lesson here

## How answers are judged

- **Capitals, accents and punctuation do not matter**, and names may be typed in
  Cyrillic (`Токаев`).
- **Small typos are accepted** and the right spelling is shown (`≈ Accepted`). A "typo"
  that is closer to another known answer is not a typo: *Prussia* is not *Russia*.
- **Numbers** are read, not guessed: `1991`, `in 1991`, `18 million`, `18m`,
  `eighteen million`. Only the question's own tolerance is allowed: 1992 is not 1991.
- **Lists** can come in any order, separated by commas or `and`. You get credit for the
  part you got right, and the tutor says what is missing or extra.
- **Choices**: the letter, the number or the words of the option. When several are
  right, name all of them and no others (`A, C`).
- **True or false**: `true`/`false`, `yes`/`no` or `t`/`f`.
- Every verdict has a word and a symbol, not only a colour:
  `✓ Correct`, `≈ Accepted (spelling)`, `◐ Partly right`, `~ Close, not quite`,
  `✗ A common mix-up`, `✗ Not quite`.
"""


class HelpScreen(ModalScreen[None]):
    """A modal over whatever screen the student was on."""

    DEFAULT_CSS = screen_css("help")

    BINDINGS = [
        Binding("escape,f1,q,question_mark", "dismiss_help", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label("Help - esc closes", id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Markdown(HELP_TEXT, id="help-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
