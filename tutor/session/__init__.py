"""The session engine: the tutor's side of the conversation, pure and front-end neutral.

See :mod:`tutor.session.engine` for the state machine, :mod:`tutor.session.scoring` for the credit
rule and :mod:`tutor.session.commands` for how chat commands are recognised.
"""

from tutor.session.engine import (
    AWAIT_ANSWER,
    AWAIT_CONTINUE,
    AWAIT_DONE,
    HELP_TEXT,
    Session,
    answer_text,
    clean_input,
)
from tutor.session.scoring import award, factor

__all__ = [
    "AWAIT_ANSWER",
    "AWAIT_CONTINUE",
    "AWAIT_DONE",
    "HELP_TEXT",
    "Session",
    "answer_text",
    "award",
    "clean_input",
    "factor",
]
