"""Lesson 02's new parts in JupyterLab: Enter runs the look-up, the shift's clock ticks in the
page, a chart is submitted and its feedback and reasons shown, the modifier drill answers."""
from __future__ import annotations

import re
import time

import pytest

from .conftest import TIMEOUT_MS
from .lab import run_notebook
from .servers import REPO
from .test_browser_coder import widget

pytestmark = pytest.mark.browser

NOTEBOOK = REPO / "notebooks" / "02-the-medical-coder.ipynb"


def _seconds(text: str) -> int:
    found = re.search(r"(?:(\d+) min )?(\d+) s", text)
    return int(found.group(1) or 0) * 60 + int(found.group(2))


def test_enter_runs_the_lookup_and_the_shift_runs_in_the_page(lab_page, lab_server, tmp_path):
    report = run_notebook(lab_page, lab_server, f"notebooks/{NOTEBOOK.name}", TIMEOUT_MS, shot_name="shift-02")
    assert not report.errors, "\n".join(report.errors)

    lookup = widget(lab_page, "careerlab-codes-lookup")
    box = lookup.locator(".careerlab-codes-lookup-input input")
    box.fill("m54.5")
    box.press("Enter")  # no button: Enter alone runs it, and the answer names the code
    lookup.locator(".careerlab-msg").filter(has_text="M54.5 — Not billable").first.wait_for(timeout=TIMEOUT_MS)
    assert "E11.9 — Billable" not in lookup.inner_text()

    shift = widget(lab_page, "careerlab-shift")
    shift.locator(".careerlab-shift-size select").select_option("5")
    shift.locator(".careerlab-shift-start").click()
    shift.locator(".careerlab-shift-head").filter(has_text="Chart 1 of 5").wait_for(timeout=TIMEOUT_MS)
    timer = shift.locator(".careerlab-shift-timer")
    first = _seconds(timer.inner_text())
    time.sleep(3.5)  # the page's ticker asks the kernel to redraw the clock every second
    assert _seconds(timer.inner_text()) >= first + 2, timer.inner_text()
    shift.locator(".careerlab-shift-diagnoses input").fill("I10")
    shift.locator(".careerlab-shift-services input").fill("99213 25")
    shift.locator(".careerlab-shift-submit").click()
    shift.locator(".careerlab-shift-feedback").filter(has_text="answer key, in order").wait_for(timeout=TIMEOUT_MS)
    shift.locator(".careerlab-shift-timer").filter(has_text="You took").wait_for(timeout=TIMEOUT_MS)
    shown = _seconds(timer.inner_text())
    time.sleep(2.5)
    assert _seconds(timer.inner_text()) == shown, "the clock stops once the chart is submitted"
    shift.screenshot(path=str(tmp_path / "shift-widget.png"))
    for k in range(2, 6):  # the rest of the shift, quickly, to its end
        shift.locator(".careerlab-shift-next").click()
        shift.locator(".careerlab-shift-head").filter(has_text=f"Chart {k} of 5").wait_for(timeout=TIMEOUT_MS)
        shift.locator(".careerlab-shift-diagnoses input").fill("R05.1")
        shift.locator(".careerlab-shift-submit").click()
        shift.locator(".careerlab-shift-feedback").filter(has_text="answer key, in order").wait_for(timeout=TIMEOUT_MS)
    shift.locator(".careerlab-shift-next").filter(has_text="Finish the shift").click()
    end = shift.locator(".careerlab-shift-end")
    end.filter(has_text="charts an hour").wait_for(timeout=TIMEOUT_MS)
    assert "You coded 5 charts" in end.inner_text() and "AAPC" in end.inner_text()
    shift.screenshot(path=str(tmp_path / "shift-end.png"))
    assert "Something went wrong" not in lab_page.inner_text("body")

    drill = widget(lab_page, "careerlab-modifier-drill")
    drill.locator(".careerlab-modifier-drill-choice label").filter(has_text="57").click()
    drill.locator(".careerlab-modifier-drill-check").click()
    drill.locator(".careerlab-modifier-drill-feedback .careerlab-msg").first.wait_for(timeout=TIMEOUT_MS)
    drill.screenshot(path=str(tmp_path / "modifier-drill.png"))
