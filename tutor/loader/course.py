"""A course: lesson files from folders and paths, loaded in file-name order.

``scan_course`` loads every file (through the course cache when it is given one) and keeps, per
file, what loading found; ``load_course`` is the scan made into a ``Course``. ``tutor check``
uses the scan directly, so that an unchanged course is checked without building its lessons.
The YAML reader is imported only when a file has to be read afresh.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.loader.files import read_bytes
from tutor.loader.problems import ERROR, WARNING, Problem, Report, problem_sort_key
from tutor.model import Course, LazyLessons, Lesson, Synonym
from tutor.values import mutable, value

if TYPE_CHECKING:
    from tutor.loader.cache import CourseCache, Entry

SUFFIXES = (".yaml", ".yml")
COURSE_FILES = ("course.yaml", "course.yml")  # tutor.loader.coursefile reads these


@value
class CourseInfo:
    """What a course file (course.yaml) says; read by ``tutor.loader.coursefile``."""

    title: str | None = None
    description: str = ""
    order: tuple[tuple[str, int, int], ...] = ()  # lesson id, line and column as listed
    synonyms: tuple[Synonym, ...] = ()  # count as the same in every lesson's answers
    path: str = ""


def lesson_files(paths: Iterable[str | Path] | str | Path) -> tuple[list[Path], list[Problem]]:
    """Every lesson file named by ``paths``: a folder gives its ``*.yaml``/``*.yml`` files sorted
    by name (hidden files skipped), a file gives itself. Missing paths and empty folders are
    problems (line 0: they have no line)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = _folder_files(path)
            problems.extend(_near_misses(path))
            if not found:
                problems.append(
                    Problem(str(path), 0, 0, "no lesson files (*.yaml, *.yml) in this folder", ERROR)
                )
        elif path.exists():
            found = [(path, os.path.realpath(path))]  # Path.resolve raises on a symlink loop
        else:
            problems.append(Problem(str(path), 0, 0, "no such file or folder", ERROR))
            continue
        for file, real in found:
            if real not in seen:
                seen.add(real)
                files.append(file)
    return files, problems


def _folder_files(folder: Path) -> list[tuple[Path, str]]:
    """A folder's lesson files, sorted by name, each with its real path (a file that is no link
    is where its folder really is: one ``realpath`` per folder, not one per file)."""
    real_folder = os.path.realpath(folder)
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if (
                os.path.splitext(name)[1].lower() in SUFFIXES
                and not name.startswith(".")
                and name.lower() not in COURSE_FILES
            ):
                link = entry.is_symlink()
                if link or entry.is_file():
                    path = folder / name
                    real = os.path.realpath(path) if link else os.path.join(real_folder, name)
                    found.append((path, real))
    found.sort(key=lambda pair: pair[0].name)
    return found


def _near_misses(folder: Path) -> list[Problem]:
    """``lesson.yaml.txt`` (an editor or a download added a suffix): skipped, but never silently."""
    out = []
    for p in sorted(folder.iterdir(), key=lambda p: p.name):
        stem, suffix = Path(p.stem), p.suffix
        if stem.suffix.lower() in SUFFIXES and suffix.lower() not in SUFFIXES and p.is_file():
            out.append(
                Problem(
                    str(p),
                    0,
                    0,
                    f"skipped: a lesson file's name ends in .yaml or .yml, not '{suffix}'; rename"
                    f" it to {stem.name} if it is a lesson",
                    WARNING,
                )
            )
    return out


@mutable(slots=True)
class LoadedFile:
    """One lesson file as loaded: its problems, and its lesson when it has no error."""

    path: str
    digest: bytes | None  # of the bytes read; None when the file could not be read
    problems: list[Problem]
    lesson_id: str | None
    questions: int
    _entry: Entry | None = None  # from the cache: the lesson is built on first use
    _lesson: Lesson | None = None

    def lesson(self) -> Lesson | None:
        if self._lesson is None and self._entry is not None:
            try:
                self._lesson = self._entry.lesson()
            except Exception:  # a cache the code cannot read back: read the file afresh
                from tutor.loader.lesson import load_lesson

                self._lesson = load_lesson(self.path)[0]
            self._entry = None
        return self._lesson


@mutable(slots=True)
class CourseScan:
    """Every file of a course as loaded, the files that make up the course, and all problems
    (sorted by path, line and column)."""

    files: list[LoadedFile]
    kept: list[LoadedFile]
    problems: list[Problem]
    info: CourseInfo | None = None  # the folder's course.yaml

    @property
    def question_count(self) -> int:
        return sum(f.questions for f in self.kept)

    def key(self) -> str:
        """Names this exact course: every kept file's path and digest, in order."""
        from tutor.loader.cache import digest

        return digest(
            b"\0".join(f.path.encode("utf-8", "surrogateescape") + b"|" + (f.digest or b"")
                       for f in self.kept)
        ).hex()

    def course(self) -> Course:
        """The course of the kept files; a lesson from the cache is unpickled when first read."""
        kept = tuple(self.kept)

        def build(n: int) -> Lesson:
            lesson = kept[n].lesson()
            if lesson is None:  # its cached copy failed to load and the file has since changed
                raise OSError(f"{kept[n].path}: the lesson changed while the tutor was running")
            return lesson

        lessons = LazyLessons([f.lesson_id or "" for f in kept], build)  # kept: each has an id
        info = self.info
        if info is None:
            return Course(lessons)
        return Course(
            lessons, title=info.title, description=info.description, synonyms=info.synonyms
        )


def _load_file(file: Path, cache: CourseCache | None) -> LoadedFile:
    from tutor.loader.cache import digest as file_digest

    name = str(file)
    report = Report(name)
    data = read_bytes(file, report)
    if data is None:
        return LoadedFile(name, None, report.problems, None, 0)
    digest = file_digest(data)
    entry = cache.lookup(name, digest) if cache is not None else None
    if entry is None:
        from tutor.loader.lesson import load_lesson

        lesson, problems = load_lesson(file, data)
        if cache is None:
            questions = 0 if lesson is None else len(lesson.questions)
            lesson_id = None if lesson is None else lesson.id
            return LoadedFile(name, digest, problems, lesson_id, questions, _lesson=lesson)
        entry = cache.remember(name, digest, lesson, problems)
        loaded = LoadedFile(name, digest, problems, entry.lesson_id, entry.questions, entry)
        loaded._lesson = lesson
        return loaded
    return LoadedFile(name, digest, list(entry.problems), entry.lesson_id, entry.questions, entry)


def _scan_file(
    file: Path,
    cache: CourseCache | None,
    loaded: list[LoadedFile],
    kept: list[LoadedFile],
    by_id: dict[str, LoadedFile],
    problems: list[Problem],
) -> None:
    """Load one file into the scan; a lesson whose id an earlier file took is left out."""
    result = _load_file(file, cache)
    loaded.append(result)
    problems.extend(result.problems)
    if result.lesson_id is None:
        return
    first = by_id.get(result.lesson_id)
    if first is None:
        by_id[result.lesson_id] = result
        kept.append(result)
        return
    line, column = _lesson_pos(result)
    problems.append(
        Problem(
            result.path,
            line,
            column,
            f"duplicate lesson id '{result.lesson_id}' (also in {first.path}:"
            f"{_lesson_pos(first)[0]}); this lesson is left out",
            ERROR,
        )
    )


def _lesson_pos(f: LoadedFile) -> tuple[int, int]:
    if f._entry is not None:
        return f._entry.lesson_line, f._entry.lesson_column
    lesson = f.lesson()
    return (lesson.pos.line, lesson.pos.column) if lesson is not None else (0, 0)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading a course makes hundreds of thousands of small objects that all stay alive (the
    lessons, and the nodes they are read from until each file is done): the cycle collector
    would walk them again and again and free nothing (a tenth of ``tutor check`` of a large
    bank). Reference counting frees everything else as before; the collector runs again after,
    with what loading made moved straight to the oldest generation: otherwise the first young
    collection after it would walk all of it, and the next one again. (Only when nothing is
    frozen yet: ``gc.unfreeze`` would thaw what someone else froze.)"""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was:
            gc.enable()


def scan_course(
    paths: Iterable[str | Path] | str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cache: CourseCache | None = None,
    save: bool = True,
) -> CourseScan:
    """Load every lesson file; lessons with errors are left out, and so is a lesson whose id
    another file already uses. With a cache, unchanged files are not read again, and the cache is
    saved at the end
    (``save=False``: the caller saves it, after adding to it)."""
    files, problems = lesson_files(paths)
    loaded: list[LoadedFile] = []
    kept: list[LoadedFile] = []
    by_id: dict[str, LoadedFile] = {}
    total = len(files)
    with _collector_paused():
        for done, file in enumerate(files, 1):
            _scan_file(file, cache, loaded, kept, by_id, problems)
            if progress is not None:
                progress(done, total)
    info, info_paths = _course_info(paths, problems, cache)
    if info is not None and info.order:
        from tutor.loader.coursefile import ordered

        positions, found = ordered([k.lesson_id or "" for k in kept], info)
        kept = [kept[i] for i in positions]
        problems.extend(found)
    problems.sort(key=problem_sort_key)
    if cache is not None:
        cache.forget_except({f.path for f in loaded} | set(info_paths))
        if save:
            cache.save()
    return CourseScan(loaded, kept, problems, info)


def _course_info(
    paths: Iterable[str | Path] | str | Path, problems: list[Problem], cache: CourseCache | None
) -> tuple[CourseInfo | None, list[str]]:
    """The course file of the first folder among ``paths`` that has one, and the paths of every
    course file read. Another folder's course file is checked too (its problems reported), and
    named as not used: one course has one order and title. Read through the cache like a
    lesson: an unchanged course file never loads the YAML reader."""
    info: CourseInfo | None = None
    read: list[str] = []
    for raw in [paths] if isinstance(paths, (str, Path)) else paths:
        folder = Path(raw)
        found = next(
            (folder / n for n in COURSE_FILES if folder.is_dir() and (folder / n).is_file()), None
        )
        if found is None:
            continue
        this = _read_course_file(found, problems, cache)
        if read:
            problems.append(
                Problem(
                    str(found), 1, 1,
                    f"this course file is not used: the course's order and title come from "
                    f"{read[0]}, the first folder's",
                    WARNING,
                )
            )
        else:
            info = this
        read.append(str(found))
    return info, read


def _read_course_file(
    found: Path, problems: list[Problem], cache: CourseCache | None
) -> CourseInfo | None:
    name, report = str(found), Report(str(found))
    data = read_bytes(found, report)
    if data is None:
        problems.extend(report.problems)
        return None
    from tutor.loader.cache import digest

    key = digest(data)
    entry = cache.lookup(name, key) if cache is not None else None
    if entry is not None:
        try:
            info = entry.lesson()
        except Exception:  # a cache the code cannot read back: read the file afresh
            entry = None
        else:
            problems.extend(entry.problems)
            return info
    from tutor.loader.coursefile import read_course_file

    info, found_problems = read_course_file(found, data)
    problems.extend(found_problems)
    if cache is not None:
        cache.remember_value(name, key, info, found_problems)
    return info


def load_course(
    paths: Iterable[str | Path] | str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cache: CourseCache | None = None,
) -> tuple[Course, list[Problem]]:
    """Load every lesson; lessons with errors are left out, and so is a lesson whose id another
    file already uses. Problems come sorted by path, line and column."""
    scan = scan_course(paths, progress=progress, cache=cache)
    course = scan.course()
    if cache is not None:
        cache.adopt(course, scan.key())
    return course, scan.problems
