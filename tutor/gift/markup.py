"""HTML in a GIFT file ([html] texts, or tags in the default format) -> plain text.

The tutor never shows markup: tags are dropped, paragraphs and line breaks become new lines,
list items start with '- ', entities are decoded, a link's web address follows its text in
brackets, and scripts and styles vanish with their text.
White space runs, new lines included, are one space as in HTML, except inside ``<pre>``, whose
lines are kept as written, indented by four spaces (a code block in a teach step's Markdown).

A GIFT file comes from anyone, so this reads in linear time: the standard library's HTMLParser
(Python 3.11) rescans the rest of the text from each unclosed ``<!--``, minutes for a few hundred
kilobytes. Here each search starts where the last one ended: a tag ends at the next ``>`` (a
``>`` inside a quoted attribute ends it early, which costs a few characters of text, never
time), a comment at the next ``-->``, a script at the next ``</script``; whatever is never closed
is dropped to the end.
"""

from __future__ import annotations

import re
from html import unescape

_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"}
_HIDDEN = {"script", "style", "head", "title"}
_PRE = "\ue000"  # marks a line of preformatted text (GIFT text never holds it: see lexer.clean)
_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


class _Out:
    """The text being built: data, breaks, and whether it is inside ``<pre>``."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pre = 0
        self.link: tuple[str, int] | None = None  # an open <a href>: its address, where it began

    def data(self, raw: str) -> None:
        if not raw:
            return
        text = unescape(raw).replace(_PRE, "")
        if self.pre:
            self.parts.append(text.replace("\n", "\n" + _PRE))
        else:
            self.parts.append(" ".join(text.split("\n")))

    def tag(self, name: str, closing: bool, whole: str) -> None:
        if name == "pre":
            self.pre = max(0, self.pre - 1) if closing else self.pre + 1
            self.parts.append("\n" if closing else "\n" + _PRE)
        elif name in _BREAKS:
            self.parts.append("\n- " if name == "li" and not closing else "\n")
        elif name == "a":
            self._link(closing, whole)
        elif name == "img" and not closing:
            alt = _ALT.search(whole)
            text = unescape(next((g for g in alt.groups() if g is not None), "")) if alt else ""
            if text.strip():
                self.parts.append(f"[{' '.join(text.split())}]")

    def _link(self, closing: bool, whole: str) -> None:
        """A web address is kept after its link's text: ``Listen (https://...)``."""
        if not closing:
            href = _HREF.search(whole)
            address = unescape(next(g for g in href.groups() if g is not None)).strip() if href else ""
            ok = address.lower().startswith(("http://", "https://", "mailto:"))
            self.link = (address, len(self.parts)) if ok and " " not in address else None
        elif self.link:
            address, start = self.link
            if address not in "".join(self.parts[start:]):
                self.parts.append(f" ({address})")
            self.link = None

    def text(self) -> str:
        out: list[str] = []
        for line in "".join(self.parts).split("\n"):
            if _PRE in line:
                shown = line.replace(_PRE, "").rstrip()
                line = "    " + shown if shown else ""
            else:
                line = " ".join(line.split())
            if line or (out and out[-1]):
                out.append(line)
        return "\n".join(out).strip("\n").rstrip()


def _end(html: str, low: str, at: int) -> tuple[int, str | None, bool, str]:
    """What starts at the ``<`` at ``at``: ``(where reading goes on, tag name or None, closing,
    the tag's text)``; a ``<`` that starts no markup is text."""
    if html.startswith("<!--", at):
        close = html.find("-->", at + 4)
        return (len(html) if close < 0 else close + 3), None, False, ""
    name = _NAME.match(html, at)
    if not (name or html.startswith(("<!", "<?", "</"), at)):
        return at, None, False, ""  # '<' as text ('a < b')
    close = html.find(">", at + 1)
    if close < 0:
        return len(html), None, False, ""
    if not name:
        return close + 1, None, False, ""  # <!DOCTYPE ...>, <?xml ...?>, </ >
    tag, closing = name[2].lower(), bool(name[1])
    if tag in _HIDDEN and not closing:  # the text up to its end tag is never shown
        after = low.find(f"</{tag}", close + 1)
        if after < 0:
            return len(html), None, False, ""
        gt = html.find(">", after)
        return (len(html) if gt < 0 else gt + 1), None, False, ""
    return close + 1, tag, closing, html[at : close + 1]


def to_text(html: str) -> str:
    out = _Out()
    low = html.lower()  # the same length: ASCII tag names are found in it case-blind
    if len(low) != len(html):
        low = "".join(c.lower() if c.isascii() else "_" for c in html)
    i = 0
    while i < len(html):
        at = html.find("<", i)
        if at < 0:
            out.data(html[i:])
            break
        out.data(html[i:at])
        nxt, tag, closing, whole = _end(html, low, at)
        if nxt == at:  # a '<' that is text
            out.data("<")
            i = at + 1
            continue
        if tag is not None:
            out.tag(tag, closing, whole)
        i = nxt
    return out.text()
