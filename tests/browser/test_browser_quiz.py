"""A knowledge check in JupyterLab: choose an answer, press Check, read the feedback."""
from __future__ import annotations

import pytest

from .conftest import TIMEOUT_MS
from .lab import run_notebook, screenshot_notebook
from .quizdriver import check_and_read, correct_answer, give_answer, load_bank, question_box, squash
from .servers import REPO

pytestmark = pytest.mark.browser

LESSON = "01-two-roles"
NOTEBOOK = REPO / "notebooks" / f"{LESSON}.ipynb"


@pytest.mark.skipif(not NOTEBOOK.exists(), reason=f"notebooks/{NOTEBOOK.name} does not exist yet")
def test_quiz_gives_feedback_when_answered_by_clicking(lab_page, lab_server):
    report = run_notebook(lab_page, lab_server, f"notebooks/{NOTEBOOK.name}", TIMEOUT_MS)
    assert not report.errors, "\n".join(report.errors)
    bank = load_bank(LESSON)
    questions = bank["questions"]
    quiz = lab_page.locator(".careerlab-quiz").last
    quiz.scroll_into_view_if_needed()
    assert quiz.locator(".careerlab-quiz-question").count() == len(questions)

    # 1. The first single-choice question, answered wrongly: "Not quite" and that option's feedback.
    n1, q1 = next((i, q) for i, q in enumerate(questions, 1) if q["type"] == "single")
    wrong = next(o for o in q1["options"] if o["id"] != q1["answer"])
    box = question_box(quiz, n1)
    give_answer(box, q1, wrong["id"])
    text = check_and_read(box, "Not quite")
    assert squash(wrong["feedback"]) in text

    # 2. The same question, answered rightly: "Correct" and the explanation.
    give_answer(box, q1, q1["answer"])
    text = check_and_read(box, "Correct")
    assert squash(q1["explanation"]) in text

    # 3. A typed answer (numeric or text question), right first time.
    n2, q2 = next((i, q) for i, q in enumerate(questions, 1) if q["type"] in ("numeric", "text"))
    box2 = question_box(quiz, n2)
    give_answer(box2, q2, correct_answer(q2))
    assert squash(q2["explanation"]) in check_and_read(box2, "Correct")

    # 4. An empty answer is a plain note, not an error, and does not count as answered.
    n3, q3 = next((i, q) for i, q in enumerate(questions, 1) if i not in (n1, n2))
    check_and_read(question_box(quiz, n3), "No answer yet")

    # Two questions answered, both right in the end: "2 of <number of questions> correct".
    score = quiz.locator(".careerlab-quiz-score")
    score.filter(has_text=f"Score: 2 of {len(questions)} correct").wait_for(timeout=TIMEOUT_MS)
    assert "Something went wrong" not in lab_page.inner_text("body")
    screenshot_notebook(lab_page, f"quiz-{LESSON}")
