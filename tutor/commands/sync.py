"""``tutor sync``: send the answers waiting for the class store now; ``--status`` shows them.

Answers are sent by themselves in the background whenever a class store is set (see
docs/class-store.md); this command is for the end of a day offline, or to check. Exit codes: 0 all
sent (or, with ``--status``, shown), 1 answers still wait (the class store cannot be reached or
refused them) or progress could not be opened, 2 no class store is set.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def add_parser(sub: argparse._SubParsersAction) -> None:
    from tutor.store.commandline import add_store_options

    parser = sub.add_parser(
        "sync",
        help="send answers waiting for the class store now (--status: show them)",
        description="Send every answer still waiting for the class store (--store URL or "
        "$TUTOR_STORE). They are also sent by themselves, in the background, while tutor runs.",
    )
    parser.add_argument(
        "--status", action="store_true", help="only say how many answers are waiting"
    )
    add_store_options(parser)
    parser.set_defaults(run=run)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n != 1 else ''}"


def run(args: argparse.Namespace) -> int:
    from tutor.classroom.server import ClassStoreError, describe, target
    from tutor.paths import ENV_STORE, store_url
    from tutor.safetext import one_line as printable
    from tutor.store.commandline import open_from_args

    url = store_url(getattr(args, "store", None))
    if url is None:
        print(
            f"tutor sync: no class store is set (--store URL or ${ENV_STORE}); your answers are "
            "kept on this computer only",
            file=sys.stderr,
        )
        return EXIT_USAGE
    store = open_from_args(args, send=False)
    if store is None:
        return EXIT_FAIL
    from tutor.classroom.outbox import ATTEMPTS, FINISHES, Outbox

    where = printable(describe(url))
    with store:
        try:
            box = Outbox(store.path, store.student, target(url))
        except ClassStoreError as exc:
            print(f"tutor sync: {printable(str(exc))}", file=sys.stderr)
            return EXIT_FAIL
        try:
            answers, finishes = box.waiting(ATTEMPTS), box.waiting(FINISHES)
            who = printable(store.student)
            if args.status:
                last = box.last_sent()
                when = last.astimezone().strftime("%Y-%m-%d %H:%M") if last else "never"
                print(
                    f"{who}: {_plural(answers, 'answer')} and {_plural(finishes, 'finished lesson')}"
                    f" waiting for {where}; last sent: {when}."
                )
                return EXIT_OK
            return _send(url, box, where, who)
        finally:
            box.close()


def _send(url: str, box: object, where: str, who: str) -> int:
    from tutor.classroom.outbox import Outbox
    from tutor.classroom.progressbar import bar
    from tutor.classroom.sender import open_connection, send_waiting
    from tutor.classroom.server import ClassStoreError
    from tutor.safetext import one_line as printable

    assert isinstance(box, Outbox)
    sent = 0
    try:
        with open_connection(url) as conn, bar("Sending answers") as advance:
            sent = send_waiting(conn, box, progress=advance)
    except ClassStoreError as exc:
        left = box.waiting()
        print(f"tutor sync: {printable(str(exc))}", file=sys.stderr)
        print(
            f"{_plural(left, 'record')} still waiting on this computer; nothing is lost. "
            "Try again later.",
            file=sys.stderr,
        )
        return EXIT_FAIL
    print(f"{who}: sent {_plural(sent, 'record')} to {where}; nothing is waiting.")
    return EXIT_OK
