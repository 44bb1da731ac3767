"""The lesson transcript: one widget per thing the tutor says, and one per student reply.

Everything that came from a lesson file or from the student is shown literally: plain text goes
through ``Content(text)`` (never parsed as markup) and teach steps through the ``Markdown`` widget,
which knows Markdown but not Textual's ``[bold]``/``[@click=...]`` markup.

Colour is never the only signal: every feedback message starts with a word label and a symbol
(``✓ Correct``, ``✗ Not quite`` ...); the colour comes from CSS classes in ``tutor.tcss``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Markdown, Static

from tutor import messages as m
from tutor.figures import figure
from tutor.grading.result import Verdict
from tutor.kinds import kind
from tutor.model import Question
from tutor.records import Ending
from tutor.tui.text import markdown, plain

# verdict -> the label shown to the student
VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.CORRECT: "✓ Correct",
    Verdict.TYPO: "≈ Accepted (spelling)",
    Verdict.PARTIAL: "◐ Partly right",
    Verdict.MISCONCEPTION: "✗ A common mix-up",
    Verdict.CLOSE: "~ Close, not quite",
    Verdict.WRONG: "✗ Not quite",
    Verdict.INVALID: "? Not an answer",
}

# QuestionResult.result -> (symbol + word) for the summary
RESULT_LABELS: dict[Ending, str] = {
    Ending.CORRECT: "✓ right",
    Ending.TYPO: "≈ right (spelling)",
    Ending.PARTIAL: "◐ partly",
    Ending.WRONG: "✗ missed",
    Ending.SKIPPED: "» skipped",
    Ending.REVEALED: "✗ revealed",
    Ending.UNANSWERED: "· not reached",
}

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def answer_hint(question: Question) -> str:
    """How to answer, in a few words, for the line under the question."""
    return kind(question.type).hint(question)


class Bubble(Vertical):
    """Base for transcript entries: a small label line and a body."""

    def __init__(self, *, classes: str = "") -> None:
        super().__init__(classes=f"bubble {classes}".strip())


class TeachBubble(Bubble):
    def __init__(self, message: m.Teach) -> None:
        super().__init__(classes="tutor teach" + (" -recap" if message.recap else ""))
        self.message = message

    def compose(self) -> ComposeResult:
        if self.message.recap:
            yield Label(plain("↺ From where you left off"), classes="meta")
        yield Markdown(markdown(self.message.text), classes="body")


class AskBubble(Bubble):
    def __init__(self, message: m.Ask) -> None:
        super().__init__(classes="tutor ask")
        self.message = message

    def compose(self) -> ComposeResult:
        msg = self.message
        q = msg.question
        head = f"Question {msg.number} of {msg.total}"
        if msg.try_no > 1:
            head += f" · try {msg.try_no} of {msg.tries}"
        if msg.repeated:
            head += " · again"
        yield Label(plain(head), classes="meta")
        yield Static(plain(q.ask), classes="body question")
        if kind(q.type).options and q.options:
            with Vertical(classes="options"):
                for i, option in enumerate(q.options):
                    letter = LETTERS[i] if i < len(LETTERS) else str(i + 1)
                    with Horizontal(classes="option"):
                        yield Label(plain(f"{letter}."), classes="letter")
                        yield Static(plain(option), classes="option-text")
        how = answer_hint(q)
        if how:
            yield Label(plain(how), classes="how")


class FeedbackBubble(Bubble):
    def __init__(self, message: m.Feedback) -> None:
        self.verdict = Verdict(message.grade.verdict)
        super().__init__(classes=f"tutor feedback -{self.verdict.value}")
        self.message = message

    def compose(self) -> ComposeResult:
        msg = self.message
        label = VERDICT_LABELS[self.verdict]
        yield Label(plain(label), classes="verdict")
        body = msg.text.strip()
        if body.casefold().startswith("correct."):  # the label above says it already
            body = body[len("correct.") :].strip()
        if body:
            yield Static(plain(body), classes="body")
        if msg.final and msg.answer and msg.answer not in msg.text:
            yield Static(plain(f"The answer: {msg.answer}"), classes="answer")
        if msg.final and msg.explain and msg.explain not in msg.text and not msg.grade.verdict.right:
            yield Static(plain(msg.explain), classes="explain")
        if msg.note:
            yield Static(plain(msg.note), classes="explain")


class HintBubble(Bubble):
    def __init__(self, message: m.Hint) -> None:
        super().__init__(classes="tutor hint")
        self.message = message

    def compose(self) -> ComposeResult:
        msg = self.message
        yield Label(plain(f"» Hint {msg.number} of {msg.total}"), classes="meta")
        yield Static(plain(msg.text), classes="body")


class InfoBubble(Bubble):
    def __init__(self, message: m.Info) -> None:
        super().__init__(classes=f"tutor info -{message.kind}")
        self.message = message

    def compose(self) -> ComposeResult:
        msg = self.message
        if msg.markdown:
            yield Markdown(markdown(msg.text), classes="body")
        else:
            yield Static(plain(msg.text), classes="body")


class FinishedBubble(Bubble):
    def __init__(self, message: m.Finished) -> None:
        super().__init__(classes="tutor finished")
        self.message = message

    def compose(self) -> ComposeResult:
        s = self.message.summary
        word = "Done" if s.completed else "Stopped"
        yield Label(
            plain(f"■ {word}: {figure(s.earned)} of {s.possible} ({s.score:.0%})"),
            classes="meta",
        )
        yield Static(plain("Press Enter to see your summary."), classes="body")


class NoticeBubble(Bubble):
    """A word from the app itself (not the tutor), such as where a resumed lesson picks up."""

    def __init__(self, text: str) -> None:
        super().__init__(classes="tutor info -notice")
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(plain(self.text), classes="body")


class StudentBubble(Bubble):
    """What the student typed (or the key they pressed, shown as the command it stands for)."""

    def __init__(self, text: str, *, command: bool = False) -> None:
        super().__init__(classes="student" + (" -command" if command else ""))
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(plain(self.text), classes="body")


def bubble_for(message: m.Message) -> Bubble | None:
    if isinstance(message, m.Teach):
        return TeachBubble(message)
    if isinstance(message, m.Ask):
        return AskBubble(message)
    if isinstance(message, m.Feedback):
        return FeedbackBubble(message)
    if isinstance(message, m.Hint):
        return HintBubble(message)
    if isinstance(message, m.Info):
        return InfoBubble(message)
    if isinstance(message, m.Finished):
        return FinishedBubble(message)
    return None


class Transcript(VerticalScroll):
    """The scrolling conversation, filled from the top; each new message scrolls into view, and
    so does the end of the conversation (the open question) when the terminal is resized.

    Not ``anchor()``: an anchored container bottom-aligns short content, which leaves the first
    message of a lesson at the foot of an empty screen.
    """

    can_focus = False

    async def add(self, *bubbles: Bubble) -> None:
        if bubbles:
            await self.mount_all(bubbles)
            self.scroll_end(animate=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_end, animate=False)
