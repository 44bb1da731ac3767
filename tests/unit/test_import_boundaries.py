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
    "tutor.commands.class_",
    "tutor.classroom.server",
    "tutor.classroom.schema",
]


def test_domain_modules_do_not_import_textual():
    code = (
        "import sys\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    __import__(name)\n"
        "heavy = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(heavy))\n"
    )
    out = _python(code)
    assert out == "", f"textual was imported: {out}"


def test_grading_exports_survive_their_submodules_being_imported():
    """Some names are loaded lazily; a submodule of the same name must never shadow them."""
    code = (
        "import importlib, pkgutil, tutor.grading as g\n"
        "for m in pkgutil.iter_modules(g.__path__):\n"
        "    importlib.import_module('tutor.grading.' + m.name)\n"
        "import types\n"
        "bad = [n for n in g.__all__ if isinstance(getattr(g, n), types.ModuleType)]\n"
        "print(','.join(bad))\n"
    )
    out = _python(code)
    assert out == "", f"shadowed by a submodule: {out}"


def test_loading_a_course_does_not_load_the_grader():
    """Start-up pays only for what it uses: the loader needs the normaliser, not the matcher."""
    code = (
        "import sys\n"
        "from tutor.loader import load_course\n"
        "from tutor.paths import bundled_course\n"
        "load_course([bundled_course()])\n"
        "print('tutor.grading.grader' in sys.modules)\n"
    )
    out = _python(code)
    assert out == "False"


def test_without_a_class_store_psycopg_is_never_loaded():
    """The class store's driver costs nothing to a student who has none: building the command
    line, opening the progress store and importing every command leaves psycopg out."""
    code = (
        "import os, sys, tempfile\n"
        "os.environ.pop('TUTOR_STORE', None)\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    __import__(name)\n"
        "from tutor.cli import build_parser\n"
        "from tutor.store.commandline import open_from_args\n"
        "args = build_parser().parse_args(['--data-dir', tempfile.mkdtemp(), 'stats'])\n"
        "open_from_args(args).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'psycopg'))\n"
    )
    assert _python(code) == "[]"


def test_without_a_class_store_opening_progress_loads_nothing_of_it():
    code = (
        "import os, sys, tempfile\n"
        "os.environ.pop('TUTOR_STORE', None)\n"
        "from tutor.cli import build_parser\n"
        "from tutor.store.commandline import open_from_args\n"
        "args = build_parser().parse_args(['--data-dir', tempfile.mkdtemp(), 'review'])\n"
        "open_from_args(args).close()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('psycopg', 'tutor.classroom'))))\n"
    )
    assert _python(code) == "[]"


def _python(code: str) -> str:
    """What ``code`` prints in a fresh interpreter, where nothing is imported yet."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_a_course_from_the_cache_does_not_load_the_yaml_reader():
    """A warm start takes the lessons from the course cache: no YAML parsing, no YAML import."""
    code = (
        "import sys\n"
        "from tutor.loader import load_course\n"
        "from tutor.loader.cache import CourseCache\n"
        "from tutor.paths import bundled_course\n"
        "folder = bundled_course()\n"
        "course, _ = load_course([folder], cache=CourseCache.open([str(folder)]))\n"
        "print(len(course.lessons), 'yaml' in sys.modules)\n"
    )
    cold, warm = _python(code), _python(code)
    assert cold.endswith("True") and warm.endswith("False")
    assert cold.split()[0] == warm.split()[0] != "0"


def test_a_plain_lesson_asks_its_first_question_before_building_the_grader(tmp_path):
    code = (
        "import io, sys\n"
        "from tutor.cli import main\n"
        "sys.stdin = io.StringIO('')\n"
        f"code = main(['--data-dir', {str(tmp_path)!r}, 'learn', 'neighbourhood', '--plain'])\n"
        "sys.stdout = sys.__stdout__\n"
        "print(code, 'tutor.grading.grader' in sys.modules)\n"
    )
    out = _python(code)
    assert out.endswith("3 False"), out
