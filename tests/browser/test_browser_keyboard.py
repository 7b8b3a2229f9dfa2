"""Keyboard alone (issue 16, item 5): a knowledge check in JupyterLab and the self-assessment
page (Voilà, like `make app`) can be done with Tab, Space, Enter and the arrow keys only; and
the self-assessment's Next page / Previous page / Submit / Retake put the focus on the statement
to go on with (lesson 05 in JupyterLab, and the Voilà page), and its message box is a live region
(role="status") before "Still unanswered: ..." appears in it, so a screen reader reads it out.

Nothing here clicks or sets a value: page.keyboard presses keys, and the page is only read to
know where the focus is. The right answers come from the question bank (data/quizzes, through
careerlab.quiz.load_bank), matched by option text, since the options' order is shuffled."""
from __future__ import annotations

import re

import pytest

from careerlab.quiz import lesson_bank_path, load_bank

from .assessmentdriver import SCALE, coder_leaning_answers, expected_headline_numbers, item_ids
from .conftest import TIMEOUT_MS
from .keyboarddriver import describe, focus, radio_is, shown_items, tab_until, wait_for_focus
from .lab import run_notebook
from .quizdriver import squash

pytestmark = pytest.mark.browser

LESSON = "00-start-here"
ASSESSMENT_LESSON = "05-self-assessment"
PAGE_SIZE = 7  # statements a page (careerlab.assessment.widgets.PAGE_SIZE)
FOCUS_WAIT_MS = 15_000  # the focus moves when the kernel has answered the button press

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


PAGE_RE = re.compile(r"^Page \d+ of \d+$")
FIRST = SCALE[1]  # the first choice of every statement: where the focus lands on a question


def page_label(page) -> str:
    label = page.locator(".careerlab-assessment p").filter(has_text=PAGE_RE)
    return label.first.inner_text().strip() if label.count() else "no page label"


def wait_for_page(widget, number: int) -> list[str]:
    """Wait until page `number` is the one shown; the items on it, in order."""
    widget.locator("p", has_text=PAGE_RE).filter(has_text=f"Page {number} of").first.wait_for(timeout=TIMEOUT_MS)
    shown = shown_items(widget)
    assert len(shown) == PAGE_SIZE, f"page {number} shows {len(shown)} statements"
    return shown


def focus_is_on_first_choice(page, item_id: str, why: str) -> None:
    """The keyboard focus moved (no key pressed) to the first choice of that statement."""
    wait_for_focus(page, radio_is(item_id, FIRST), f"{why}: the focus should be on {item_id}'s {FIRST!r}",
                   FOCUS_WAIT_MS)


def press_button(page, kind: str, key: str, where: str) -> None:
    """Tab (forward) to the questionnaire's `kind` button (next, prev, submit) and press `key`."""
    tab_until(page, lambda f: f"careerlab-assessment-{kind}" in f.get("classes", ""), f"{kind} on {where}")
    page.keyboard.press(key)


def answer_shown_page(page, widget, answers, done: set[str], skip: frozenset[str] = frozenset()) -> None:
    """Tab forward to each shown statement's answer and press Space (those in `skip` are left)."""
    on_page = [i for i in shown_items(widget) if i not in skip]
    label = page_label(page)
    for _ in on_page:
        f = tab_until(page, lambda f: f.get("type") == "radio" and f.get("item") in on_page
                      and f["item"] not in done and f.get("label") == SCALE[answers[f["item"]]],
                      f"an answer on {label} (answered: {len(done)})")
        page.keyboard.press("Space")
        assert focus(page)["checked"], f"Space did not select {describe(f)}"
        done.add(f["item"])


def checked_on_shown_page(widget) -> int:
    return widget.evaluate("""root => [...root.querySelectorAll('.careerlab-assessment-item input:checked')]
      .filter(e => e.offsetParent !== null).length""")


# What a screen reader knows of a message box: its live-region attributes, whether it is still the
# element it was (in the page), the text it reads out (not what is aria-hidden, like the icon), and
# how many live regions or roles are inside it.
LIVE_REGION_JS = """box => {
  const copy = box.cloneNode(true); copy.querySelectorAll('[aria-hidden="true"]').forEach(e => e.remove());
  return {role: box.getAttribute('role'), live: box.getAttribute('aria-live'),
          atomic: box.getAttribute('aria-atomic'), connected: box.isConnected,
          text: copy.textContent.replace(/\\s+/g, ' ').trim(),
          inner: box.querySelectorAll('[role], [aria-live]').length};
}"""
LIVE = {"role": "status", "live": "polite", "atomic": "true", "connected": True, "inner": 0}


def live_region(widget, css: str):
    """The message box `css` once it is a live region (its role is set when it is drawn)."""
    box = widget.locator(f".{css}[role='status']")
    box.wait_for(state="attached", timeout=TIMEOUT_MS)
    return box.element_handle()


def region_state(page, box) -> tuple[dict, dict]:
    """What LIVE_REGION_JS reads, and the part of it to compare with LIVE."""
    state = page.evaluate(LIVE_REGION_JS, box)
    return state, {k: state[k] for k in LIVE}


# Command mode on the cell whose output holds the questionnaire (lesson 05 has cells after it).
SELECT_ASSESSMENT_CELL_JS = """() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  const i = nb.widgets.findIndex(c => c.node.querySelector('.careerlab-assessment'));
  nb.mode = 'command'; nb.activeCellIndex = i; nb.activeCell.node.scrollIntoView(); nb.node.focus();
  return i;
}"""


def test_self_assessment_pages_move_the_focus_in_jupyterlab(lab_page, lab_server):
    """Lesson 05 in JupyterLab: after Next page, Submit with nothing answered, Previous page and
    Retake, pressed with the keyboard, the focus is on the first statement of the page now shown;
    "Still unanswered" appears in a message box that was a live region before it."""
    report = run_notebook(lab_page, lab_server, f"notebooks/{ASSESSMENT_LESSON}.ipynb", TIMEOUT_MS)
    assert not report.errors, "\n".join(report.errors)
    order = item_ids()
    assert lab_page.evaluate(SELECT_ASSESSMENT_CELL_JS) >= 0, "no questionnaire in the notebook"
    widget = lab_page.locator(".careerlab-assessment").first
    assert wait_for_page(widget, 1) == order[:PAGE_SIZE]
    box = live_region(widget, "careerlab-assessment-message")
    state, live = region_state(lab_page, box)
    assert live == LIVE and state["text"] == "", state  # a live region before any message is in it

    press_button(lab_page, "next", "Enter", "page 1")
    assert wait_for_page(widget, 2) == order[PAGE_SIZE:2 * PAGE_SIZE]
    focus_is_on_first_choice(lab_page, order[PAGE_SIZE], "Next page (Enter) to page 2")
    assert not focus(lab_page)["editor"]  # still in the widget, not in a cell's code

    press_button(lab_page, "submit", "Enter", "page 2")  # nothing answered: back to statement 1
    widget.locator(".careerlab-assessment-message").filter(
        has_text=f"Still unanswered: {len(order)} questions").wait_for(timeout=TIMEOUT_MS)
    wait_for_page(widget, 1)
    focus_is_on_first_choice(lab_page, order[0], "Submit with nothing answered")
    state, live = region_state(lab_page, box)  # the same element, now with the text
    assert live == LIVE and f"Still unanswered: {len(order)} questions" in state["text"], state

    press_button(lab_page, "next", "Space", "page 1")
    wait_for_page(widget, 2)
    focus_is_on_first_choice(lab_page, order[PAGE_SIZE], "Next page (Space) to page 2")
    press_button(lab_page, "prev", "Enter", "page 2")
    wait_for_page(widget, 1)
    focus_is_on_first_choice(lab_page, order[0], "Previous page (Enter) to page 1")
    press_button(lab_page, "next", "Enter", "page 1")
    wait_for_page(widget, 2)
    focus_is_on_first_choice(lab_page, order[PAGE_SIZE], "Next page (Enter) to page 2 again")
    press_button(lab_page, "retake", "Enter", "page 2")
    wait_for_page(widget, 1)
    focus_is_on_first_choice(lab_page, order[0], "Retake (Enter) on page 2")


def test_self_assessment_with_the_keyboard_alone_in_voila(page, voila_app):
    """Every statement answered with Tab and Space; after Next page, Previous page and a Submit with
    one statement left, the focus is on the statement to go on with, not left behind."""
    page.goto(voila_app.url + "/", timeout=TIMEOUT_MS)
    widget = page.locator(".careerlab-assessment").first
    widget.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator(".careerlab-assessment-footer").wait_for(state="visible", timeout=TIMEOUT_MS)
    answers, fit = coder_leaning_answers()
    order = item_ids()
    pages = [order[i:i + PAGE_SIZE] for i in range(0, len(order), PAGE_SIZE)]
    left = pages[0][2]  # page 1's third statement is left for Submit to find
    done: set[str] = set()

    assert wait_for_page(widget, 1) == pages[0]
    answer_shown_page(page, widget, answers, done, skip=frozenset({left}))  # from the top of the page
    press_button(page, "next", "Enter", "page 1")
    assert wait_for_page(widget, 2) == pages[1]
    focus_is_on_first_choice(page, pages[1][0], "Next page (Enter) to page 2")
    answer_shown_page(page, widget, answers, done)

    # Previous page (Space): back on page 1's first statement, its answers kept; Next page again.
    press_button(page, "prev", "Space", "page 2")
    assert wait_for_page(widget, 1) == pages[0]
    focus_is_on_first_choice(page, pages[0][0], "Previous page (Space) to page 1")
    assert checked_on_shown_page(widget) == PAGE_SIZE - 1
    press_button(page, "next", "Space", "page 1")
    wait_for_page(widget, 2)
    focus_is_on_first_choice(page, pages[1][0], "Next page (Space) to page 2 again")
    assert checked_on_shown_page(widget) == PAGE_SIZE

    for number in range(3, len(pages) + 1):
        press_button(page, "next", "Enter", f"page {number - 1}")
        assert wait_for_page(widget, number) == pages[number - 1]
        focus_is_on_first_choice(page, pages[number - 1][0], f"Next page (Enter) to page {number}")
        answer_shown_page(page, widget, answers, done)

    # Submit with one statement left: page 1 is shown and the focus is on that statement.
    press_button(page, "submit", "Enter", f"page {len(pages)}")
    widget.locator(".careerlab-assessment-message").filter(
        has_text="Still unanswered: 1 question").wait_for(timeout=TIMEOUT_MS)
    wait_for_page(widget, 1)
    focus_is_on_first_choice(page, left, "Submit with a statement left")
    answer_shown_page(page, widget, answers, done, skip=frozenset(set(pages[0]) - {left}))
    widget.get_by_text(f"{len(answers)} of {len(answers)} answered").wait_for(timeout=TIMEOUT_MS)
    press_button(page, "submit", "Enter", "page 1")
    fit_box = widget.locator(".careerlab-assessment-fit")
    fit_box.locator(".careerlab-assessment-headline").wait_for(timeout=TIMEOUT_MS)
    text = " ".join(fit_box.inner_text().split())
    assert "lean toward medical coding" in text and expected_headline_numbers(fit) in text


def test_self_assessment_message_is_a_live_region_and_retake_moves_the_focus_in_voila(page, voila_app):
    """Before Submit, the empty message box is already a live region; Submit with nothing answered
    puts "Still unanswered" in that same box. Retake (Enter) from page 2, after an answer there:
    page 1 is shown and the focus is on its first statement's first choice."""
    page.goto(voila_app.url + "/", timeout=TIMEOUT_MS)
    widget = page.locator(".careerlab-assessment").first
    widget.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator(".careerlab-assessment-footer").wait_for(state="visible", timeout=TIMEOUT_MS)
    order = item_ids()
    assert wait_for_page(widget, 1) == order[:PAGE_SIZE]
    box = live_region(widget, "careerlab-assessment-message")
    export_box = live_region(widget, "careerlab-assessment-export-message")
    for region in (box, export_box):
        state, live = region_state(page, region)
        assert live == LIVE and state["text"] == "", state  # there, and empty, before any message

    press_button(page, "submit", "Enter", "page 1")
    widget.locator(".careerlab-assessment-message").filter(
        has_text=f"Still unanswered: {len(order)} questions").wait_for(timeout=TIMEOUT_MS)
    state, live = region_state(page, box)  # the same element as before Submit, now with the text
    assert live == LIVE, state
    assert state["text"].startswith(f"Check this: Still unanswered: {len(order)} questions. Page 1:"), state
    focus_is_on_first_choice(page, order[0], "Submit with nothing answered")

    press_button(page, "next", "Enter", "page 1")
    assert wait_for_page(widget, 2) == order[PAGE_SIZE:2 * PAGE_SIZE]
    focus_is_on_first_choice(page, order[PAGE_SIZE], "Next page (Enter) to page 2")
    page.keyboard.press("Space")
    widget.get_by_text(f"1 of {len(order)} answered").wait_for(timeout=TIMEOUT_MS)
    press_button(page, "retake", "Enter", "page 2")
    assert wait_for_page(widget, 1) == order[:PAGE_SIZE]
    focus_is_on_first_choice(page, order[0], "Retake (Enter) on page 2")
    widget.get_by_text(f"0 of {len(order)} answered").wait_for(timeout=TIMEOUT_MS)
    state, live = region_state(page, box)
    assert live == LIVE and state["text"].startswith("Note: Answers cleared."), state
