"""A lesson mapping -> the text of a lesson file that ``tutor.loader`` reads back unchanged."""

from __future__ import annotations

import yaml


class _Dumper(yaml.SafeDumper):
    """Never anchors or aliases (lesson files refuse them), even for a list used twice."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def lesson_yaml(lesson: dict, header: str = "") -> str:
    body = yaml.dump(
        lesson, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    return header + body
