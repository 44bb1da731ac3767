"""``synonyms:``: words an instructor declares to count as the same in answers.

One reader for every place that holds such a mapping (a lesson's ``synonyms:``, a course file's):

```yaml
synonyms:
  nations: [countries, states]
  aircraft: [plane, planes]
  gas: gases            # one word may stand alone
```

Each key is a word or a short phrase; its value is one text or a list of texts. Grading treats a
key and each of its others as the same word wherever they appear in an answer, an accepted form,
a list item, an option or a ``wrong:`` entry (``tutor.grading.synonyms``).
"""

from __future__ import annotations

from tutor.loader import fields as f
from tutor.loader.problems import Report
from tutor.loader.safeyaml import Node
from tutor.model import Synonym

MAX_WORDS = 4  # a synonym is a word or a short phrase, not a sentence


def read_synonyms(report: Report, node: Node, what: str = "'synonyms'") -> tuple[Synonym, ...]:
    """The ``synonyms:`` mapping at ``node``: ``word: [others]`` (or ``word: other``). Every
    problem is reported with its place; the entries that are fine are kept."""
    table = f.mapping(report, node, what)
    if table is None:
        return ()
    out: list[Synonym] = []
    for name, (knode, vnode) in table.pairs.items():
        word = name.strip()
        if not word:
            report.error(knode, f"an empty key in {what}")
            continue
        label = f"'{word}' in {what}"
        others = tuple(
            dict.fromkeys(
                v for v, _ in f.texts(report, vnode, label) if v.casefold() != word.casefold()
            )
        )
        too_long = [t for t in (word, *others) if len(t.split()) > MAX_WORDS]
        if too_long:
            report.error(
                knode,
                f"{label}: '{too_long[0]}' is too long for a synonym (at most {MAX_WORDS} words);"
                " put whole answers under 'accept'",
            )
            continue
        if not others:
            report.error(knode, f"{label} names no other word: write 'word: [other, ...]'")
            continue
        out.append(Synonym(word, others, f.pos(report, knode)))
    return tuple(out)
