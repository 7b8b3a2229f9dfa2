"""The self-assessment in JupyterLab: answer every statement by clicking, submit, see the charts
and the role fit, export the results file."""
from __future__ import annotations

import pytest

from .assessmentdriver import (answer_every_item, check_export, coder_leaning_answers,
                               expected_headline_numbers, submit_and_read_results)
from .conftest import TIMEOUT_MS
from .lab import run_notebook, screenshot_notebook
from .servers import REPO

pytestmark = pytest.mark.browser

NOTEBOOK = REPO / "notebooks" / "05-self-assessment.ipynb"


@pytest.mark.skipif(not NOTEBOOK.exists(), reason=f"notebooks/{NOTEBOOK.name} does not exist yet")
def test_self_assessment_by_clicking_in_jupyterlab(lab_page, lab_server):
    report = run_notebook(lab_page, lab_server, f"notebooks/{NOTEBOOK.name}", TIMEOUT_MS)
    assert not report.errors, "\n".join(report.errors)
    answers, fit = coder_leaning_answers()
    assert fit["coder"] > fit["biller"]
    widget = lab_page.locator(".careerlab-assessment").first
    widget.scroll_into_view_if_needed()

    # Submitting too early is not an error: a note says what is still unanswered.
    widget.locator(".careerlab-assessment-submit").click()
    message = widget.locator(".careerlab-assessment-message")
    message.filter(has_text=f"Still unanswered: {len(answers)} questions").wait_for(timeout=TIMEOUT_MS)
    assert "Check this" in message.inner_text()
    assert not widget.locator("img.careerlab-assessment-chart-radar").count()

    assert answer_every_item(lab_page, answers, TIMEOUT_MS) == len(answers)
    widget.get_by_text(f"{len(answers)} of {len(answers)} answered").wait_for(timeout=TIMEOUT_MS)
    fit_text = submit_and_read_results(lab_page, TIMEOUT_MS)
    assert "lean toward medical coding" in fit_text
    assert expected_headline_numbers(fit) in fit_text
    check_export(lab_page, lab_server.home, "Ada Example", fit, TIMEOUT_MS)
    assert "Something went wrong" not in lab_page.inner_text("body")
    screenshot_notebook(lab_page, "assessment-05-self-assessment")
