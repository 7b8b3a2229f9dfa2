"""The self-assessment page for a shared computer (app/self-assessment.ipynb, served by `make app`):
no notebook instructions, no raw Python values, the attribution and "not career advice" on the page."""
import importlib.util
from pathlib import Path

import nbformat

from careerlab.assessment import show_app_footer
from careerlab.assessment.display import app_footer_html
from careerlab.assessment.data import profile_sources

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app" / "self-assessment.ipynb"
_spec = importlib.util.spec_from_file_location("escape_markdown", ROOT / "tools" / "escape_markdown.py")
escape_markdown = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(escape_markdown)


def _cells(kind):
    return [c.source for c in nbformat.read(APP, as_version=4).cells if c.cell_type == kind]


def test_make_app_serves_the_app_page():
    app_lines = [line for line in (ROOT / "Makefile").read_text().splitlines() if "/voila " in line]
    assert app_lines and all("voila app/self-assessment.ipynb --port=8866" in line for line in app_lines)


def test_the_page_is_committed_without_outputs():
    nb = nbformat.read(APP, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_the_text_says_what_it_is_and_nothing_about_cells():
    text = "\n".join(_cells("markdown"))
    assert text.startswith("# Self-assessment")
    assert "not a validated" in text and "https://www.mynextmove.org/explore/ip" in text
    for notebook_only in ("cell", "Shift", "Enter", "run the", "Run the", "Try it", "kernel"):
        assert notebook_only not in text, notebook_only
    assert not escape_markdown.unescaped_dollars(text) and not escape_markdown.unescaped_onet(text)


def test_the_code_only_shows_widgets_and_the_footer():
    code = _cells("code")
    assert "show_assessment(fresh=True)" in code[0] and code[-1].strip() == "show_app_footer()"
    # Every cell ends in a call that displays something made for people, never a bare value.
    assert all(cell.strip().splitlines()[-1].startswith("show_") for cell in code)


def test_footer_has_the_attribution_and_not_career_advice():
    html = app_footer_html()
    assert "Not career advice" in html
    assert profile_sources()[1] in html.replace("&#x27;", "'")
    assert "CC BY 4.0" in html and "USDOL/ETA" in html
    assert show_app_footer().data == html
