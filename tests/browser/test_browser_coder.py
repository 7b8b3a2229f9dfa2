"""The coder lesson in JupyterLab: type a code, press the button, read the feedback."""
from __future__ import annotations

import json

import pytest

from .conftest import TIMEOUT_MS
from .lab import run_notebook, screenshot_notebook
from .servers import REPO

pytestmark = pytest.mark.browser

NOTEBOOK = REPO / "notebooks" / "02-the-medical-coder.ipynb"


def widget(page, css_class: str):
    """The (only) widget on the page carrying `css_class`, scrolled into view."""
    found = page.locator(f".{css_class}")
    assert found.count() == 1, f"expected one .{css_class} on the page, found {found.count()}"
    found.first.scroll_into_view_if_needed()
    return found.first


def type_into(root, css_class: str, text: str) -> None:
    """Type into the text box with `css_class` (a learner's click, select-all and typing)."""
    box = root.locator(f".{css_class} input")
    box.fill(text)
    box.press("Tab")


def press_and_wait(root, button_class: str, result_class: str, expected: str) -> str:
    """Press the button, wait until the result area shows `expected`; return the result's text."""
    root.locator(f".{button_class}").click()
    result = root.locator(f".{result_class}")
    result.locator(".careerlab-msg").filter(has_text=expected).first.wait_for(timeout=TIMEOUT_MS)
    return " ".join(result.inner_text().split())


@pytest.mark.skipif(not NOTEBOOK.exists(), reason=f"notebooks/{NOTEBOOK.name} does not exist yet")
def test_coder_lesson_gives_feedback_on_typed_codes(lab_page, lab_server, tmp_path):
    report = run_notebook(lab_page, lab_server, f"notebooks/{NOTEBOOK.name}", TIMEOUT_MS)
    assert not report.errors, "\n".join(report.errors)

    # Look-up: descriptions are ICD-10-CM's own (checked by hand against the FY2026 release:
    # M54.50 "Low back pain, unspecified" is billable; M54.5 became a header in FY2022).
    lookup = widget(lab_page, "careerlab-codes-lookup")
    look_up = ("careerlab-codes-lookup-button", "careerlab-codes-lookup-result")
    type_into(lookup, "careerlab-codes-lookup-input", "M54.50")
    text = press_and_wait(lookup, *look_up, "Low back pain, unspecified")
    assert "Billable:" in text
    type_into(lookup, "careerlab-codes-lookup-input", "M54.5")
    press_and_wait(lookup, *look_up, "Not billable")
    type_into(lookup, "careerlab-codes-lookup-input", "hello")  # not a code: a plain message, not an error
    press_and_wait(lookup, *look_up, "Not a billable diagnosis code")

    # Visit-note exercise, first note (the one shown by default): its answer key, typed in.
    note = json.loads((REPO / "data" / "codes" / "visit_notes.json").read_text(encoding="utf-8"))["notes"][0]
    exercise = widget(lab_page, "careerlab-codes-exercise")
    check = ("careerlab-codes-exercise-check", "careerlab-codes-exercise-feedback")
    type_into(exercise, "careerlab-codes-exercise-diagnoses", ", ".join(note["diagnoses"]))
    type_into(exercise, "careerlab-codes-exercise-services", ", ".join(note["services"]))
    text = press_and_wait(exercise, *check, "All the codes the note supports are there")
    assert text.count("Score") == 1, text  # one "Score:" heading, not "Score: Score:"
    correct = exercise.locator(".careerlab-codes-exercise-feedback .careerlab-msg-ok").filter(has_text="Correct")
    assert correct.count() == len(note["diagnoses"]) + len(note["services"])

    # A word instead of a code: told plainly that it is not a code.
    type_into(exercise, "careerlab-codes-exercise-diagnoses", "hello")
    type_into(exercise, "careerlab-codes-exercise-services", "")
    press_and_wait(exercise, *check, "Not a code")
    assert "Something went wrong" not in lab_page.inner_text("body")

    # MDM widget: the chosen buttons are dark blue with a check mark, not pale grey, and a
    # learner can choose with the keyboard alone (the focus stays on the button pressed).
    mdm = widget(lab_page, "careerlab-codes-mdm")
    chosen = mdm.locator(".careerlab-choice button.mod-active")
    assert chosen.count() == 4
    for i in range(4):
        look = chosen.nth(i).evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color,"
                                      " getComputedStyle(e, '::before').content]")
        assert look[:2] == ["rgb(11, 79, 138)", "rgb(255, 255, 255)"] and "✔" in look[2], look
    mdm.screenshot(path=str(tmp_path / "mdm-widget.png"))  # to look at after a run
    cut = mdm.locator("button").evaluate_all("bs => bs.filter(b => b.scrollWidth > b.clientWidth)"
                                             ".map(b => b.textContent)")
    assert not cut, f"labels cut short: {cut}"
    problems = mdm.locator(".careerlab-choice").first.locator("button")
    high = problems.nth(3)
    high.focus()
    lab_page.keyboard.press("Space")
    mdm.locator(".careerlab-choice").first.locator("button.mod-active").filter(has_text="High").wait_for(
        timeout=TIMEOUT_MS)
    assert high.evaluate("e => e === document.activeElement"), "the focus left the button pressed"
    lab_page.keyboard.press("Shift+Tab")  # back to "Moderate", chosen with Space again
    lab_page.keyboard.press("Space")
    mdm.locator(".careerlab-choice").first.locator("button.mod-active").filter(has_text="Moderate").wait_for(
        timeout=TIMEOUT_MS)
    assert problems.nth(2).evaluate("e => e === document.activeElement")
    screenshot_notebook(lab_page, "coder-02-the-medical-coder")
