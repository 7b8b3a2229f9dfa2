"""The coder lesson in JupyterLab: type a code, press the button, read the feedback."""
from __future__ import annotations

import json

import pytest

from .conftest import TIMEOUT_MS
from .lab import run_notebook, screenshot_notebook
from .servers import REPO

pytestmark = pytest.mark.browser

NOTEBOOK = REPO / "notebooks" / "02-the-medical-coder.ipynb"


def cell_output(page, source_snippet: str):
    """The output area of the (first) code cell whose code contains `source_snippet`."""
    cell = page.locator(".jp-CodeCell").filter(
        has=page.locator(".jp-InputArea-editor", has_text=source_snippet)).first
    cell.scroll_into_view_if_needed()
    return cell.locator(".jp-OutputArea")


def type_into(output, label: str, text: str) -> None:
    """Type into the text box labelled `label` (a learner's click, select-all and typing)."""
    box = output.locator(".widget-text").filter(has_text=label).locator("input")
    box.fill(text)
    box.press("Tab")


def press_and_wait(output, button: str, expected: str) -> str:
    """Press the button and wait until the output shows `expected`; return the output's text."""
    output.get_by_role("button", name=button, exact=True).click()
    output.locator(".careerlab-msg").filter(has_text=expected).first.wait_for(timeout=TIMEOUT_MS)
    return " ".join(output.inner_text().split())


@pytest.mark.skipif(not NOTEBOOK.exists(), reason=f"notebooks/{NOTEBOOK.name} does not exist yet")
def test_coder_lesson_gives_feedback_on_typed_codes(lab_page, lab_server):
    report = run_notebook(lab_page, lab_server, f"notebooks/{NOTEBOOK.name}", TIMEOUT_MS)
    assert not report.errors, "\n".join(report.errors)

    # Look-up: descriptions are ICD-10-CM's own (checked by hand against the FY2026 release:
    # M54.50 "Low back pain, unspecified" is billable; M54.5 became a header in FY2022).
    lookup = cell_output(lab_page, "lookup_widget(")
    type_into(lookup, "Code:", "M54.50")
    text = press_and_wait(lookup, "Look up", "Low back pain, unspecified")
    assert "Billable:" in text
    type_into(lookup, "Code:", "M54.5")
    press_and_wait(lookup, "Look up", "Not billable")
    type_into(lookup, "Code:", "hello")  # not a code: a plain message, not an error
    press_and_wait(lookup, "Look up", "Not a billable diagnosis code")

    # Visit-note exercise, first note (the one shown by default): its answer key, typed in.
    note = json.loads((REPO / "data" / "codes" / "visit_notes.json").read_text(encoding="utf-8"))["notes"][0]
    exercise = cell_output(lab_page, "exercise_widget(")
    type_into(exercise, "Diagnosis codes:", ", ".join(note["diagnoses"]))
    type_into(exercise, "Service codes:", ", ".join(note["services"]))
    press_and_wait(exercise, "Check", "All the codes the note supports are there")
    correct = exercise.locator(".careerlab-msg-ok").filter(has_text="Correct")
    assert correct.count() == len(note["diagnoses"]) + len(note["services"])

    # A word instead of a code: told plainly that it is not a code.
    type_into(exercise, "Diagnosis codes:", "hello")
    type_into(exercise, "Service codes:", "")
    press_and_wait(exercise, "Check", "Not a code")
    assert "Something went wrong" not in lab_page.inner_text("body")
    screenshot_notebook(lab_page, "coder-02-the-medical-coder")
