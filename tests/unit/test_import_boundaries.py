"""The domain never imports Textual: loading these in a fresh interpreter must leave it out."""

import subprocess
import sys

DOMAIN_MODULES = [
    "tutor.cli",
    "tutor.model",
    "tutor.records",
    "tutor.paths",
    "tutor.grading",
    "tutor.grading.result",
    "tutor.loader",
    "tutor.loader.examples",
    "tutor.messages",
    "tutor.store",
    "tutor.store.progress",
    "tutor.store.stats",
    "tutor.store.export",
    "tutor.store.commandline",
    "tutor.session",
    "tutor.plain",
    "tutor.commands.learn",
    "tutor.commands.quiz",
    "tutor.commands.check",
    "tutor.commands.try_",
    "tutor.commands.review",
    "tutor.commands.stats",
    "tutor.commands.export",
    "tutor.commands.home",
]


def test_domain_modules_do_not_import_textual():
    code = (
        "import sys\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    __import__(name)\n"
        "heavy = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"textual was imported: {out}"
