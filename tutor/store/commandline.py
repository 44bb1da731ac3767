"""Opening the store from a subcommand: shared options, the error message and how to recover.

Every command that reads or writes progress (learn, quiz, review, stats, export, home) should
open it with ``open_from_args(args)``: a damaged or foreign file then prints one clear message
and the way out, never a traceback, and the command exits 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from tutor.store.db import StoreError
    from tutor.store.progress import Store

RESET_FLAG = "--reset-progress"


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """Let a subcommand also take ``--student``, ``--data-dir`` and ``--reset-progress``.

    The defaults are ``SUPPRESS`` so that a value given before the subcommand (on the main
    parser) is not overwritten when the option is absent after it.
    """
    from tutor.paths import nonempty, student_name

    group = parser.add_argument_group("progress")
    group.add_argument(
        "--student",
        metavar="NAME",
        type=student_name,
        default=argparse.SUPPRESS,
        help="whose progress",
    )
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        type=nonempty,
        default=argparse.SUPPRESS,
        help="where progress is kept",
    )
    group.add_argument(
        "--store",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="also send answers to this class store (default: $TUTOR_STORE)",
    )
    group.add_argument(
        RESET_FLAG,
        dest="reset_progress",
        action="store_true",
        default=argparse.SUPPRESS,
        help="if the progress file is damaged or not tutor's, move it aside (it is kept, "
        "renamed .damaged-TIME) and start a fresh one; a healthy file is left alone",
    )


def _agrees(stdin: TextIO, err: TextIO) -> bool:
    """Ask at a terminal whether to keep the unusable file aside and start afresh (default no)."""
    try:
        if not (stdin.isatty() and err.isatty()):
            return False
        err.write(
            "Keep that file aside (renamed, nothing is deleted) and start a fresh progress file? "
            "[y/N] "
        )
        err.flush()
        reply = stdin.readline()
    except (OSError, ValueError):
        return False
    return reply.strip().casefold() in ("y", "yes")


def recovery_hint(error: StoreError) -> str:
    from tutor.store.db import DamagedStore, StoreTooNew

    if isinstance(error, StoreTooNew):
        return (
            "Upgrade tutor to use this file, or run the command again with "
            f"{RESET_FLAG} to keep it aside and start a fresh progress file."
        )
    if isinstance(error, DamagedStore):
        return (
            f"Run the command again with {RESET_FLAG} to start a fresh progress file: the "
            "current one is kept, renamed with .damaged-<time>, nothing is deleted. "
            "Or choose another folder with --data-dir DIR."
        )
    return (
        "Free some space on the disk, or make the folder writable, or choose another folder "
        "with --data-dir DIR. The progress file is kept as it is: it needs no reset."
    )


def open_from_args(
    args: argparse.Namespace,
    *,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
    fuzz: bool = True,
    readonly: bool = False,
    send: bool = True,
) -> Store | None:
    """The store for ``args`` (``data_dir``, ``student``, ``reset_progress``), or None after
    printing what is wrong and how to recover (the caller then exits 1).

    A damaged or foreign file is only ever replaced when the student agrees: with
    ``--reset-progress``, or by answering yes when asked at a terminal. It is kept aside, never
    deleted.

    With a class store URL (``--store`` or ``$TUTOR_STORE``) and ``send`` (not ``readonly``), the
    student's waiting answers are sent from now on, in the background (``tutor.classroom.sender``),
    until exit.
    """
    from tutor import paths
    from tutor.safetext import printable
    from tutor.store.db import DamagedStore, StoreError, StoreTooNew
    from tutor.store.progress import Store

    err = stderr or sys.stderr
    data_dir = paths.data_dir(getattr(args, "data_dir", None))
    student = paths.default_student(getattr(args, "student", None))
    reset = bool(getattr(args, "reset_progress", False)) and not readonly
    try:
        store = Store.open(data_dir, student, reset=reset, fuzz=fuzz, readonly=readonly)
    except StoreError as exc:
        print(printable(f"tutor: {exc}"), file=err)
        damaged = isinstance(exc, DamagedStore | StoreTooNew)
        if readonly or not damaged or not _agrees(stdin or sys.stdin, err):
            print(recovery_hint(exc), file=err)
            return None
        try:
            store = Store.open(data_dir, student, reset=True, fuzz=fuzz)
        except StoreError as again:
            print(printable(f"tutor: {again}"), file=err)
            print(recovery_hint(again), file=err)
            return None
    if store.moved_aside is not None:
        print(
            f"tutor: the unusable progress file was kept as {store.moved_aside}; "
            f"a fresh one was started at {store.path}",
            file=err,
        )
    if send and not readonly:  # sending moves the queue's mark: a write
        _start_sending(args, store)
    return store


def _start_sending(args: argparse.Namespace, store: Store) -> None:
    from tutor.paths import store_url

    url = store_url(getattr(args, "store", None))
    if url is not None:
        from tutor.classroom.sender import start_for

        start_for(url, store.path, store.student)
