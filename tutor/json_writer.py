"""The plain front end's ``--json`` mode: one JSON object per session message, and nothing else.

Owns ``JsonWriter`` and the event shapes (``start``, ``teach``, ``ask``, ``graded``, ``hint``,
``info``, ``reply``, ``finished``; see docs/conversation.md). The loop that drives it is :mod:`tutor.plain`.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, assert_never

from tutor.messages import Ask, Feedback, Finished, Hint, Info, Message, Teach
from tutor.safetext import json_text

if TYPE_CHECKING:
    from tutor.session import Session


class JsonWriter:
    """One JSON object per line: ``start``, ``teach``, ``ask``, ``graded``, ``hint``, ``info``,
    ``finished``. Nothing else is written."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.question: tuple[str, str] | None = None
        self.last_input: str | None = None

    def emit(self, event: dict[str, Any]) -> None:
        self.out.write(json_line(event) + "\n")

    # -- the line loop (``tutor.plain.LineWriter``): nothing but events is written
    def start(self, session: Session, intro: list[str]) -> None:
        self.intro(session)

    def prompt(self) -> None:
        pass

    def took(self, line: str, ended: bool) -> None:
        self.last_input = line

    def input_ended(self) -> None:
        pass

    def interrupted(self) -> None:
        pass

    def intro(self, session: Session) -> None:
        self.emit(
            {
                "event": "start",
                "mode": session.mode,
                "title": session.title,
                "lesson": session.lesson_id,
                "questions": session.question_count,
            }
        )

    def show(self, msg: Message) -> None:
        match msg:
            case Teach():
                self.emit(
                    {
                        "event": "teach",
                        "lesson": msg.lesson_id,
                        "step": msg.step_index,
                        "text": msg.text,
                        **({"recap": True} if msg.recap else {}),
                    }
                )
            case Ask():
                q = msg.question
                self.question = (msg.lesson_id, q.id)
                self.emit(
                    {
                        "event": "ask",
                        "lesson": msg.lesson_id,
                        "question": q.id,
                        "number": msg.number,
                        "total": msg.total,
                        "type": q.type.value,
                        "text": q.ask,
                        "options": list(q.options),
                        "try": msg.try_no,
                        "tries": msg.tries,
                        "hints_left": msg.hints_left,
                        "repeated": msg.repeated,
                    }
                )
            case Feedback():
                lesson, question = self.question or (None, None)
                event: dict[str, Any] = {
                    "event": "graded",
                    "lesson": lesson,
                    "question": question,
                    "input": self.last_input,
                }
                event.update(msg.grade.to_dict())
                event.update(
                    {
                        "final": msg.final,
                        "tries_left": msg.tries_left,
                        "awarded": msg.awarded,
                        "text": msg.text,
                        "answer": msg.answer,
                        "explain": msg.explain,
                        "understood": msg.understood,
                        "graded_text": msg.graded_text,
                    }
                )
                self.emit(event)
            case Hint():
                lesson, question = self.question or (None, None)
                self.emit(
                    {
                        "event": "hint",
                        "lesson": lesson,
                        "question": question,
                        "number": msg.number,
                        "total": msg.total,
                        "text": msg.text,
                    }
                )
            case Info():
                info: dict[str, Any] = {"event": "info", "kind": msg.kind, "text": msg.text}
                if msg.understood:  # a reply to a line that was not an answer
                    lesson, question = self.question or (None, None)
                    info.update(
                        {
                            "event": "reply",
                            "understood": msg.understood,
                            "act": msg.act,
                            "input": self.last_input,
                            "lesson": lesson,
                            "question": question,
                            "lesson_ref": msg.lesson_ref,
                        }
                    )
                self.emit(info)
            case Finished():
                s = msg.summary
                self.emit(
                    {
                        "event": "finished",
                        "mode": s.mode,
                        "title": s.title,
                        "lesson": s.lesson_id,
                        "completed": s.completed,
                        "score": round(s.score, 4),
                        "earned": s.earned,
                        "possible": s.possible,
                        "by_lesson": [
                            {"lesson": lid, "earned": e, "possible": p} for lid, e, p in s.by_lesson
                        ],
                        "results": [
                            {
                                "lesson": r.lesson_id,
                                "question": r.question_id,
                                "result": r.result,
                                "awarded": r.awarded,
                                "tries": r.tries,
                                "hints_used": r.hints_used,
                                "answer": r.answer,
                                "given": r.given,
                            }
                            for r in s.results
                        ],
                        "suggestion": s.suggestion,
                        "suggested_command": s.suggested_command,
                        "next_lesson": s.next_lesson_id,
                        **{k: v for k, v in msg.extra.items() if _jsonable(v)},
                    }
                )
            case _:
                assert_never(msg)

    def continue_prompt(self) -> None:
        pass


def json_line(event: Any) -> str:
    """``event`` as one line of JSON: non-ASCII kept readable; control characters and Unicode
    line breaks escaped (:func:`tutor.safetext.json_text`), so it holds no control byte."""
    return json_text(event)


def _jsonable(value: Any) -> bool:
    import json  # with the first JSON event: plain text mode never needs it

    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True
