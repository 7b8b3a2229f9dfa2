"""Lessons 02 and 03 in JupyterLab: after Run All each chart waits for **Draw the chart**, its sentence
already shown; pressed, the chart appears above the sentence with alt text, and axe finds nothing serious."""
from __future__ import annotations

import pytest

from .axedriver import audit_outputs
from .conftest import TIMEOUT_MS
from .lab import run_notebook, screenshots_dir

pytestmark = pytest.mark.browser

CHARTS = [("02-the-medical-coder", "careerlab-search-chart", "Where “diabetes” lands", "matches"),
          ("03-the-medical-biller", "careerlab-remittance-chart", "Where each billed dollar went", "Of $")]


@pytest.mark.parametrize("lesson, css, title, sentence", CHARTS, ids=[c[0][:2] for c in CHARTS])
def test_the_chart_is_drawn_when_asked_under_its_sentence(lab_page, lab_server, lesson, css, title, sentence):
    rel = f"notebooks/{lesson}.ipynb"
    report = run_notebook(lab_page, lab_server, rel, TIMEOUT_MS)
    assert not report.errors, "\n".join(report.errors)
    box = lab_page.locator(f".{css}")
    assert box.count() == 1
    box.scroll_into_view_if_needed()
    assert sentence in box.inner_text() and box.locator("img").count() == 0  # the words now, no chart yet
    box.get_by_role("button", name="Draw the chart").click()
    img = box.locator("img")
    img.wait_for(timeout=TIMEOUT_MS)
    lab_page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    assert img.get_attribute("alt").startswith(f"Chart: {title}")
    img_box, text_box = img.bounding_box(), box.locator(".careerlab-say").bounding_box()
    assert img_box["height"] > 150 and img_box["y"] + img_box["height"] <= text_box["y"] + 1  # the sentence is under it
    box.scroll_into_view_if_needed()
    box.screenshot(path=str(screenshots_dir() / f"chart-{lesson}.png"))
    audit = audit_outputs(lab_page, rel, f".{css}")
    assert not audit.blocking(), audit.describe(audit.blocking())
