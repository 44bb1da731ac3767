"""The plain writer's text transforms are linear and say exactly what the old rules said
(issue 15, item 6). Speed lives in ``benchmarks/transforms.py`` (1 MiB inputs); here, on small
inputs, the linear code is checked against the reference regular expressions it replaced, and
wrapping against ``textwrap`` itself."""

from __future__ import annotations

import io
import textwrap

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tutor.mdtext import _HEADING, BOLD_RULE, EM_RULE, markdown_to_text
from tutor.plain_writer import PlainWriter

# Small texts built from the characters the rules care about.
MARKDOWNISH = st.text(alphabet=st.sampled_from("*_ \n\t#-|>1.)ab,é"), max_size=40)


def reference(text: str) -> str:
    """markdown_to_text as it was written before it was made linear (quadratic on hostile input)."""
    block_start = __import__("re").compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|>|\|)|^\s{2,}")
    lines: list[str] = []
    for raw in text.strip("\n").split("\n"):
        if (
            lines
            and lines[-1].strip()
            and raw.strip()
            and not block_start.match(raw)
            and not lines[-1].endswith("  ")
            and not lines[-1].lstrip().startswith(("#", "|"))
        ):
            lines[-1] = lines[-1].rstrip() + " " + raw.strip()
        else:
            lines.append(raw)
    joined = _HEADING.sub("", "\n".join(lines))
    return EM_RULE.sub(r"\1", BOLD_RULE.sub(r"\2", joined))


@settings(max_examples=1500, deadline=None)
@given(MARKDOWNISH)
def test_markdown_to_text_matches_the_reference_rules(text: str) -> None:
    assert markdown_to_text(text) == reference(text)


def test_the_cases_that_were_quadratic_still_read_the_same() -> None:
    for text in ("**x\n" * 50, "__a " * 50, "*a\n" * 50, "**" + "word " * 50, "\n \n" * 50):
        assert markdown_to_text(text) == reference(text)
    assert markdown_to_text("**a** and __b__ *c*") == "a and b c"
    assert markdown_to_text("**a\n\nb**") == "**a\n\nb**"


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab x-\u00e9"), max_size=300),
    st.integers(min_value=27, max_value=100),
)
def test_wrapping_long_words_matches_textwrap(text: str, width: int) -> None:
    text = text.strip()  # leading spaces are an indent the writer keeps; textwrap drops them
    # "- " opens a list item, which the writer hangs under its bullet on purpose: not textwrap's.
    assume(not text.startswith("- "))
    out = io.StringIO()
    PlainWriter(out, width=width, colour=False).block(text, "Tutor: ")
    expected = textwrap.wrap(
        text, width=max(20, width - 7), break_long_words=True, break_on_hyphens=False
    ) or [""]
    assert [line[7:] for line in out.getvalue().splitlines()] == expected
