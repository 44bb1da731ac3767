"""HTML in a GIFT file ([html] texts, or tags in the default format) -> plain text.

The tutor never shows markup: tags are dropped, paragraphs and line breaks become new lines,
list items start with '- ', entities are decoded, and scripts and styles vanish with their text.
White space runs, new lines included, are one space as in HTML, except inside ``<pre>``, whose
lines are kept as written, indented by four spaces (a code block in a teach step's Markdown).
"""

from __future__ import annotations

from html.parser import HTMLParser

_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"}
_HIDDEN = {"script", "style", "head", "title"}
_PRE = "\ue000"  # marks a line of preformatted text (GIFT text never holds it: see lexer.clean)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "pre":
            self.pre += 1
            self.parts.append("\n" + _PRE)
        elif tag in _BREAKS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f"[{alt}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            self.parts.append("\n")
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.pre:
            self.parts.append(data.replace("\n", "\n" + _PRE))
        else:
            self.parts.append(" ".join(data.split("\n")))


def to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    out: list[str] = []
    for line in "".join(parser.parts).split("\n"):
        if _PRE in line:
            shown = line.replace(_PRE, "").rstrip()
            line = "    " + shown if shown else ""
        else:
            line = " ".join(line.split())
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n").rstrip()
