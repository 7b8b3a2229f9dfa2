"""Answer a careerlab quiz (show_quiz) by clicking and typing, as a learner would.

The expected feedback comes from the question bank itself (the option's own feedback text,
the question's explanation), never from what the widget happened to print."""
from __future__ import annotations

import json
import re

from .servers import REPO


def load_bank(lesson: str) -> dict:
    return json.loads((REPO / "data" / "quizzes" / f"{lesson}.json").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    """Whitespace-insensitive text (HTML line breaks and wrapping differ from the JSON)."""
    return " ".join(str(text).split())


def question_box(quiz, number: int):
    """The box of question `number` (1-based) inside one `.careerlab-quiz` locator."""
    return quiz.locator(".careerlab-quiz-question").nth(number - 1)


def option_text(question: dict, option_id: str) -> str:
    return next(o["text"] for o in question["options"] if o["id"] == option_id)


def give_answer(box, question: dict, answer) -> None:
    """Click the radio button / tick the boxes / type the text for `answer`."""
    kind = question["type"]
    if kind == "single":
        box.locator(".careerlab-quiz-input label").filter(
            has_text=re.compile(rf"^\s*{re.escape(option_text(question, answer))}\s*$")).locator("input").check()
    elif kind == "multiple":
        for option in question["options"]:
            checkbox = box.locator(".careerlab-quiz-input .widget-checkbox").filter(
                has_text=option["text"]).locator("input[type=checkbox]")
            checkbox.set_checked(option["id"] in answer)
    else:
        field = box.locator(".careerlab-quiz-input input")
        field.fill(str(answer))
        field.press("Tab")


def correct_answer(question: dict):
    if question["type"] == "text":
        return question["accepted"][0]
    if question["type"] == "numeric":
        return question["answer"]
    return question["answer"]


def check_and_read(box, expected: str, timeout_ms: int = 30_000) -> str:
    """Press this question's Check button and wait until its feedback contains `expected`."""
    feedback = box.locator(".careerlab-quiz-feedback")
    box.locator(".careerlab-quiz-check").click()
    feedback.filter(has_text=expected).wait_for(state="visible", timeout=timeout_ms)
    return squash(feedback.inner_text())
