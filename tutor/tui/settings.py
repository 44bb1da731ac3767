"""A tiny JSON settings file for the app (the chosen theme), kept in the data directory.

Reading never raises: a missing or damaged file gives the defaults. Writing goes to a temporary
file first and is then renamed over the old one, so a kill mid-write never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

SETTINGS_FILE = "tui-settings.json"


def load(path: Path | None) -> dict[str, object]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(path: Path | None, **changes: object) -> bool:
    """Merge ``changes`` into the file; returns False (and keeps quiet) when it cannot write."""
    if path is None:
        return False
    data = load(path)
    data.update(changes)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tui-settings.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2, sort_keys=True)
                handle.write("\n")
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
