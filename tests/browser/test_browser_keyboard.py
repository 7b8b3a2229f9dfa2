"""Keyboard alone (issue 16, item 5): a knowledge check in JupyterLab and the self-assessment
page (Voilà, like `make app`) can be done with Tab, Space, Enter and the arrow keys only.

Nothing here clicks or sets a value: page.keyboard presses keys, and the page is only read to
know where the focus is. The right answers come from the question bank (data/quizzes, through
careerlab.quiz.load_bank), matched by option text, since the options' order is shuffled."""
from __future__ import annotations

import re

import pytest

from careerlab.quiz import lesson_bank_path, load_bank

from .assessmentdriver import SCALE, coder_leaning_answers, expected_headline_numbers
from .conftest import TIMEOUT_MS
from .keyboarddriver import describe, focus, radio_is, tab_until
from .lab import run_notebook
from .quizdriver import squash

pytestmark = pytest.mark.browser

LESSON = "00-start-here"

# Command mode on the quiz's cell, where a learner who moved there with the arrow keys would be.
SELECT_LAST_CELL_JS = """() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  nb.mode = 'command'; nb.activeCellIndex = nb.widgets.length - 1;
  const cell = nb.activeCell; cell.node.scrollIntoView(); nb.node.focus();
}"""


def test_quiz_with_the_keyboard_alone_in_jupyterlab(lab_page, lab_server):
    report = run_notebook(lab_page, lab_server, f"notebooks/{LESSON}.ipynb", TIMEOUT_MS)
    assert not report.errors, "\n".join(report.errors)
    bank = load_bank(lesson_bank_path(LESSON))
    n1, q1 = next((i, q) for i, q in enumerate(bank.questions) if q.type == "single")
    right = next(o.text for o in q1.options if o.id == q1.answer)
    lab_page.evaluate(SELECT_LAST_CELL_JS)

    # Tab to the right option of the first single-choice question and press Space.
    tab_until(lab_page, radio_is(n1, right), f"question {n1 + 1}'s option {right!r}")
    lab_page.keyboard.press("Space")
    assert focus(lab_page)["checked"], f"Space did not select {right!r}"
    # Tab on to its Check button and press Enter.
    tab_until(lab_page, lambda f: f.get("question") == n1 and "careerlab-quiz-check" in f.get("classes", ""),
              f"question {n1 + 1}'s Check button")
    lab_page.keyboard.press("Enter")
    quiz = lab_page.locator(".careerlab-quiz").last
    feedback = quiz.locator(".careerlab-quiz-question").nth(n1).locator(".careerlab-quiz-feedback")
    feedback.filter(has_text="Correct").wait_for(timeout=TIMEOUT_MS)
    assert squash(q1.explanation) in squash(feedback.inner_text())

    # A multiple-choice question: Space ticks each right box, Tab moves on, Space presses Check.
    n2, q2 = next((i, q) for i, q in enumerate(bank.questions) if q.type == "multiple")
    ticks = {o.text for o in q2.options if o.id in q2.answer}
    tab_until(lab_page, lambda f: f.get("question") == n2 and f.get("type") == "checkbox",
              f"question {n2 + 1}'s boxes")
    while (f := focus(lab_page)).get("type") == "checkbox" and f.get("question") == n2:
        if (f["label"] in ticks) != f["checked"]:
            lab_page.keyboard.press("Space")
        lab_page.keyboard.press("Tab")
    assert "careerlab-quiz-check" in focus(lab_page).get("classes", ""), describe(focus(lab_page))
    lab_page.keyboard.press("Space")
    feedback2 = quiz.locator(".careerlab-quiz-question").nth(n2).locator(".careerlab-quiz-feedback")
    feedback2.filter(has_text="Correct").wait_for(timeout=TIMEOUT_MS)
    quiz.locator(".careerlab-quiz-score").filter(
        has_text=f"Score: 2 of {len(bank.questions)} correct").wait_for(timeout=TIMEOUT_MS)


def page_label(page) -> str:
    label = page.locator(".careerlab-assessment p").filter(has_text=re.compile(r"^Page \d+ of \d+$"))
    return label.first.inner_text().strip() if label.count() else "no page label"


def test_self_assessment_with_the_keyboard_alone_in_voila(page, voila_app):
    page.goto(voila_app.url + "/", timeout=TIMEOUT_MS)
    widget = page.locator(".careerlab-assessment").first
    widget.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator(".careerlab-assessment-footer").wait_for(state="visible", timeout=TIMEOUT_MS)
    answers, fit = coder_leaning_answers()
    done: set[str] = set()
    key = "Tab"  # page 1 from the top; after "Next page" the focus stays on that button, below the page
    while True:
        label = page_label(page)
        on_page = [re.search(r"careerlab-item-(\S+)", c).group(1) for c in
                   widget.locator(".careerlab-assessment-item").evaluate_all("els => els.map(e => e.className)")]
        for _ in on_page:
            f = tab_until(page, lambda f: f.get("type") == "radio" and f.get("item") in on_page
                          and f["item"] not in done and f.get("label") == SCALE[answers[f["item"]]],
                          f"an answer on {label} (answered: {len(done)})", key=key)
            page.keyboard.press("Space")
            assert focus(page)["checked"], f"Space did not select {describe(f)}"
            done.add(f["item"])
        if len(done) == len(answers):
            break
        tab_until(page, lambda f: "careerlab-assessment-next" in f.get("classes", ""), f"Next page on {label}")
        page.keyboard.press("Enter")
        widget.locator("p", has_text=re.compile(r"^Page \d+ of \d+$")).filter(
            has_not_text=label).first.wait_for(timeout=TIMEOUT_MS)
        key = "Shift+Tab"
    widget.get_by_text(f"{len(answers)} of {len(answers)} answered").wait_for(timeout=TIMEOUT_MS)
    tab_until(page, lambda f: "careerlab-assessment-submit" in f.get("classes", ""), "Submit")
    page.keyboard.press("Enter")
    fit_box = widget.locator(".careerlab-assessment-fit")
    fit_box.locator(".careerlab-assessment-headline").wait_for(timeout=TIMEOUT_MS)
    text = " ".join(fit_box.inner_text().split())
    assert "lean toward medical coding" in text and expected_headline_numbers(fit) in text

