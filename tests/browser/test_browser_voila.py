"""The standalone self-assessment (`make app`, Voilà, app/self-assessment.ipynb): no code and no
notebook instructions on the page, the same questions, scoring, charts and export as in lesson 05.
The kiosk's privacy, culling and cap are in test_browser_kiosk.py."""
from __future__ import annotations

import nbformat
import pytest

from .assessmentdriver import (answer_every_item, check_kiosk_export, coder_leaning_answers,
                               expected_headline_numbers, submit_and_read_results)
from .conftest import TIMEOUT_MS, VOILA_NOTEBOOK
from .lab import screenshots_dir
from .servers import REPO

pytestmark = pytest.mark.browser


def code_lines(notebook) -> list[str]:
    """Lines of the notebook's code (long enough to be unmistakable) that must not show on the page."""
    nb = nbformat.read(notebook, as_version=4)
    return [line.strip() for cell in nb.cells if cell.cell_type == "code"
            for line in cell.source.splitlines() if len(line.strip()) >= 12]


def screenshot_voila(page, name: str) -> None:
    """The whole Voilà page: its cells scroll inside #rendered_cells, so grow the window to fit."""
    height = page.evaluate("""() => { const r = document.querySelector('#rendered_cells') || document.body;
        return r.scrollHeight + (window.innerHeight - r.clientHeight); }""")
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 20, 16000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(screenshots_dir() / f"{name}.png"))


def test_standalone_self_assessment_in_voila(page, voila_app):
    page.goto(voila_app.url + "/", timeout=TIMEOUT_MS)
    widget = page.locator(".careerlab-assessment").first
    widget.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator(".careerlab-assessment-footer").wait_for(state="visible", timeout=TIMEOUT_MS)  # the last cell ran

    # No code: no code-cell inputs or editors, and none of the notebook's code lines as text.
    assert page.locator(".jp-CodeCell .jp-InputArea:visible, .cm-editor:visible").count() == 0
    text = page.inner_text("body")
    shown = [line for line in code_lines(REPO / VOILA_NOTEBOOK) if line in text]
    assert not shown, f"code visible on the Voilà page: {shown[:3]}"
    for notebook_only in ("code cell", "Shift + Enter", "Run the next cell", "Try it", "{'coder'"):
        assert notebook_only not in text, f'the kiosk page shows notebook-only text: "{notebook_only}"'
    for needed in ("not a validated", "Interest Profiler", "CC BY 4.0", "Not career advice"):
        assert needed in text, f'the kiosk page does not say "{needed}"'
    for problem in ("Traceback", "There was an error when executing", "Error displaying widget",
                    "Something went wrong with this exercise"):
        assert problem not in text, f'the Voilà page shows "{problem}"'
    assert page.locator("mjx-container").count() == 0, "a pair of $ signs is drawn as a maths formula"

    answers, fit = coder_leaning_answers()
    assert fit["coder"] > fit["biller"]
    assert answer_every_item(page, answers, TIMEOUT_MS) == len(answers)
    fit_text = submit_and_read_results(page, TIMEOUT_MS)
    assert "lean toward medical coding" in fit_text
    assert expected_headline_numbers(fit) in fit_text
    # The results come as a download only; nothing goes to CAREERLAB_HOME (it was: exports/ there).
    check_kiosk_export(page, "Kiosk Example", answers, fit, TIMEOUT_MS)
    assert not voila_app.home.exists() or list(voila_app.home.iterdir()) == []
    assert "Something went wrong" not in page.inner_text("body")
    screenshot_voila(page, "voila-app-self-assessment")
