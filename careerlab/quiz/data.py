"""Question banks are data: load a lesson's JSON bank and check every question in it."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from careerlab.datafiles import read_json
from careerlab.errors import DataFileError
from careerlab.paths import data_path
from careerlab.quiz.model import KINDS, TYPES, Bank, Option, Question

__all__ = ["QuizBankError", "lesson_bank_path", "load_bank", "parse_bank"]


class QuizBankError(DataFileError):
    """A question bank is broken; the message names the file, the question and the problem."""


def _fail(source: str, qid: str | None, problem: str) -> QuizBankError:
    where = f"{source}, question {qid!r}" if qid else source
    return QuizBankError(f"{where}: {problem}")


def _text(raw: dict, name: str, source: str, qid: str | None) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _fail(source, qid, f"'{name}' must be a non-empty text")
    return value.strip()


def _options(raw: dict, source: str, qid: str) -> tuple[Option, ...]:
    items = raw.get("options")
    if not isinstance(items, list) or len(items) < 2:
        raise _fail(source, qid, "'options' must be a list of at least two options")
    options = []
    for item in items:
        if not isinstance(item, dict):
            raise _fail(source, qid, f"every option must be an object, not {item!r}")
        options.append(Option(*(_text(item, k, source, qid) for k in ("id", "text", "feedback"))))
    ids = [o.id for o in options]
    if len(set(ids)) != len(ids):
        raise _fail(source, qid, f"option ids repeat: {ids}")
    return tuple(options)


def _question(raw: Any, source: str) -> Question:
    if not isinstance(raw, dict):
        raise _fail(source, None, f"every question must be an object, not {raw!r}")
    qid = _text(raw, "id", source, None)
    qtype = raw.get("type")
    if qtype not in TYPES:
        raise _fail(source, qid, f"unknown question type {qtype!r}; use one of {', '.join(TYPES)}")
    base = dict(id=qid, type=qtype, prompt=_text(raw, "prompt", source, qid),
                explanation=_text(raw, "explanation", source, qid))
    if "answer" not in raw and qtype != "text":
        raise _fail(source, qid, "the answer key 'answer' is missing")
    answer = raw.get("answer")
    if qtype in ("numeric", "text") and "wrong" in raw:
        base["wrong"] = _text(raw, "wrong", source, qid)
    if qtype == "text" and "known_wrong" in raw:
        known = raw["known_wrong"]
        if not isinstance(known, dict) or not all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
                                                  for k, v in known.items()):
            raise _fail(source, qid, "'known_wrong' must map each likely wrong answer to why it is wrong")
        base["known_wrong"] = tuple(known.items())
    if qtype in ("single", "multiple"):
        options = _options(raw, source, qid)
        ids = {o.id for o in options}
        keys = [answer] if qtype == "single" else answer
        if qtype == "single" and not isinstance(answer, str):
            raise _fail(source, qid, f"'answer' must be one option id, not {answer!r}")
        if qtype == "multiple" and (not isinstance(answer, list) or not answer
                                    or not all(isinstance(a, str) for a in answer)):
            raise _fail(source, qid, f"'answer' must be a non-empty list of option ids, not {answer!r}")
        missing = [k for k in keys if k not in ids]
        if missing:
            raise _fail(source, qid, f"answer {missing} is not among the options {sorted(ids)}")
        return Question(**base, options=options, answer=answer if qtype == "single" else tuple(answer))
    if qtype == "numeric":
        tol = raw.get("tolerance", 0)
        for name, value in (("answer", answer), ("tolerance", tol)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise _fail(source, qid, f"'{name}' must be a number, not {value!r}")
        if tol < 0:
            raise _fail(source, qid, "'tolerance' cannot be negative")
        unit = raw.get("unit", "")
        if not isinstance(unit, str):
            raise _fail(source, qid, f"'unit' must be text, not {unit!r}")
        kind = raw.get("kind", KINDS[0])
        if kind not in KINDS:
            raise _fail(source, qid, f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
        return Question(**base, answer=float(answer), tolerance=float(tol), unit=unit, kind=kind)
    accepted = raw.get("accepted")
    if not isinstance(accepted, list) or not accepted or not all(isinstance(a, str) and a.strip() for a in accepted):
        raise _fail(source, qid, "'accepted' must be a non-empty list of accepted answers (texts)")
    return Question(**base, accepted=tuple(accepted))


def parse_bank(doc: Any, source: str = "<bank>") -> Bank:
    """Check a bank already read from JSON and return it as a ``Bank``."""
    if not isinstance(doc, dict):
        raise _fail(source, None, "a bank must be a JSON object with 'lesson', 'title' and 'questions'")
    lesson, title = _text(doc, "lesson", source, None), _text(doc, "title", source, None)
    raw_questions = doc.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise _fail(source, None, "'questions' must be a non-empty list")
    questions = tuple(_question(raw, source) for raw in raw_questions)
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            raise _fail(source, q.id, "duplicate question id")
        seen.add(q.id)
    return Bank(lesson=lesson, title=title, questions=questions, source=source)


def load_bank(path: str | Path) -> Bank:
    """Load and validate a question bank; raise ``QuizBankError`` naming file, question and problem."""
    path = Path(path)
    if not path.is_file():
        raise QuizBankError(f"{path.name}: no such question bank in {path.parent}")
    return parse_bank(read_json(path, QuizBankError), source=path.name)


def lesson_bank_path(lesson_id: str) -> Path:
    """Where the bank of a lesson lives, e.g. ``data/quizzes/01-two-roles.json``."""
    return data_path("quizzes", f"{lesson_id}.json")
