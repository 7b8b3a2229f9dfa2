"""Charts drawn on demand (lessons 02 and 03): the sentence is there at once, the chart comes on
**Draw the chart**, with alt text, drawn once and kept; a drawing that fails says so in plain words."""
import base64
import html
import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from careerlab.chart_widgets import BUTTON, ChartOnDemand
from careerlab.claims import adjudicate, remittance_chart_widget, remittance_summary
from careerlab.codes import hits_by_chapter, search_hits_chart_widget, search_hits_summary
from claims_helpers import visit

ROOT = Path(__file__).resolve().parents[1]


def _png(chart_value: str) -> bytes:
    return base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', chart_value).group(1))


def _alt(chart_value: str) -> str:
    return html.unescape(re.search(r'alt="([^"]*)"', chart_value).group(1))


def test_the_remittance_sentence_is_there_before_the_chart_is_drawn():
    remit = adjudicate(visit("V03"))
    w = remittance_chart_widget(remit)
    assert w.png is None and w.chart.value == ""  # nothing drawn at Run All
    assert html.escape(remittance_summary(remit)) in w.sentence.value
    assert "mathjax_ignore" in w.sentence.value  # "$150.00 ... $46.41" is money, not a formula
    assert w.button.description == BUTTON and "billed dollar" in w.button.tooltip
    assert list(w.children) == [w.button, w.chart, w.sentence]  # the sentence sits under the chart


def test_draw_the_chart_shows_it_with_alt_text_and_keeps_it():
    before = plt.get_fignums()
    w = remittance_chart_widget(adjudicate(visit("V03")))
    w.button.click()
    png = _png(w.chart.value)
    assert png.startswith(b"\x89PNG") and png == w.png
    assert _alt(w.chart.value) == ("Chart: Where each billed dollar went. "
                                   "The sentence below the chart says in words what it shows.")
    assert 'width="800"' in w.chart.value
    assert plt.get_fignums() == before  # drawn on its own figure: no pyplot figure left to show twice
    first = w.png
    w.button.click()
    assert w.png is first and _png(w.chart.value) == first  # drawn once, then kept


def test_the_search_chart_widget_says_the_counts_at_once_and_draws_on_demand():
    w = search_hits_chart_widget("diabetes")
    rows = hits_by_chapter("diabetes")
    assert f"matches {sum(c for *_, c in rows)} billable codes" in html.unescape(w.sentence.value)
    assert html.escape(search_hits_summary("diabetes")) in w.sentence.value and w.chart.value == ""
    w.button.click()
    assert "diabetes" in _alt(w.chart.value) and _png(w.chart.value).startswith(b"\x89PNG")
    assert 'width="900"' in w.chart.value


def test_a_chart_that_cannot_be_drawn_says_so_in_plain_words():
    def broken(ax):
        raise ValueError("no data")

    w = ChartOnDemand(broken, "A sentence.", (4, 3), "a broken chart")
    w.button.click()
    assert "Sorry" in w.chart.value and "Traceback" not in w.chart.value and w.png is None
    assert "A sentence." in w.sentence.value


@pytest.mark.parametrize("lesson, call", [("02-the-medical-coder", 'search_hits_chart_widget("diabetes")'),
                                          ("03-the-medical-biller", "remittance_chart_widget(remit)")])
def test_lessons_02_and_03_draw_no_chart_at_run_all(lesson, call):
    """Their one chart each waits for Draw the chart: no cell draws with pyplot, so Run All loads no matplotlib."""
    cells = json.loads((ROOT / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert call in code
    assert not any("plt." in text or "matplotlib" in text for text in code)


def test_lesson_05s_radar_chart_is_drawn_on_demand_on_polar_axes():
    """Lesson 05's second example chart (Robin's radar) waits for Draw the chart; its sentence is there at once."""
    from careerlab.assessment import (load_example_responses, load_role_profiles, radar_chart_widget, radar_summary,
                                      score, trait_labels)

    cells = json.loads((ROOT / "notebooks" / "05-self-assessment.ipynb").read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert any(text.startswith("radar_chart_widget(robin_scores") for text in code)
    assert not any("projection" in text for text in code)
    robin = score(load_example_responses())
    w = radar_chart_widget(robin, title="Robin against the coder and biller profiles", who="Robin")
    assert w.chart.value == "" and html.escape(radar_summary(robin, load_role_profiles(), trait_labels())) in w.sentence.value
    w.button.click()
    assert _png(w.chart.value).startswith(b"\x89PNG") and "Robin against the coder and biller profiles" in _alt(w.chart.value)
    assert 'width="700"' in w.chart.value and not plt.get_fignums()
