"""The slider explorer: moving a slider redraws the KPIs, the sentence and (once asked for) the one figure."""
from __future__ import annotations

import pytest

import careerlab.simulation.widgets as sim_widgets
from careerlab.simulation.tables import kpi_table_html
from careerlab.simulation.widgets import revenue_cycle_explorer, show_kpis
from careerlab.simulation.data import load_kpi_benchmarks
from careerlab.simulation.simulate import simulate_claims


def _bar_widths(ax):
    return [round(p.get_width(), 6) for p in ax.patches]


@pytest.fixture()
def explorer():
    """An explorer whose charts the learner has asked for."""
    e = revenue_cycle_explorer(n=8_000, seed=3)
    e.chart_button.click()
    return e


def test_the_charts_are_drawn_when_asked_then_follow_the_sliders(tmp_path):
    e = revenue_cycle_explorer(n=8_000, seed=3)
    assert e.fig is None and e.png == b"" and e.chart == ""  # nothing drawn at Run All
    assert "Clean claim rate" in e.kpi_html.value  # the KPIs and the sentence are there at once
    assert "Press Draw the charts" in e.summary.value and "The chart shows" not in e.summary.value
    e.accuracy.value = 97.0  # a move before drawing updates the words, still draws nothing
    assert e.fig is None and e.png == b"" and "more</b>" in e.summary.value
    kids = e.children
    assert kids.index(e.summary) < kids.index(e.chart_button) < kids.index(e.out) < kids.index(e.handin)
    e.chart_button.click()
    assert e.png.startswith(b"\x89PNG") and len(e.fig.axes) == 2 and e.message.value == ""
    assert "The chart shows cash collected each month" in e.summary.value
    assert "Press Draw" not in e.summary.value
    shown = e.chart
    assert 'alt="Chart: cash collected each month' in shown and "data:image/png;base64," in shown
    drawn = e.png
    e.accuracy.value = 85.0  # from now on each move redraws the chart
    assert e.png != drawn and e.png.startswith(b"\x89PNG")
    (tmp_path / "explorer.png").write_bytes(e.png)


def test_ends_with_the_hand_in_row_like_lessons_02_and_03():
    e = revenue_cycle_explorer(n=2_000, seed=3)
    assert e.children[-1] is e.handin
    assert e.handin.button.description == "Hand in" and "your results" in e.handin.children[0].value
    e.handin.button.click()
    assert e.handin.message.value  # a message (off a hub: the file to download), never a traceback
    assert "Traceback" not in e.handin.message.value


def test_starts_at_the_default_practice(explorer):
    assert explorer.settings() == {"coding_error_rate": 0.08, "scrubber_strength": 0.5,
                                   "followup_days": 14.0, "submit_lag_days": 3.0}
    assert "Clean claim rate" in explorer.kpi_html.value
    assert "Typical target" in explorer.kpi_html.value and "HFMA" in explorer.kpi_html.value
    left, right = explorer.fig.axes
    assert len(left.patches) == 12 and len(left.lines) == 1
    assert "$0 more" in explorer.summary.value  # same settings as the baseline


def test_better_coding_redraws_kpis_sentence_and_figure(explorer):
    before_html, before_kpis = explorer.kpi_html.value, dict(explorer.kpis)
    before_loss = _bar_widths(explorer.fig.axes[1])
    before_png = explorer.png
    explorer.accuracy.value = 99.0
    assert explorer.settings()["coding_error_rate"] == pytest.approx(0.01)
    assert explorer.kpi_html.value != before_html
    assert explorer.kpis["denial_rate"] < before_kpis["denial_rate"]
    assert explorer.kpis["clean_claim_rate"] > before_kpis["clean_claim_rate"]
    assert "more</b>" in explorer.summary.value
    assert _bar_widths(explorer.fig.axes[1]) != before_loss
    assert len(explorer.fig.axes) == 2  # still one figure with its two panels, redrawn
    assert explorer.png.startswith(b"\x89PNG") and explorer.png != before_png
    # the loss labels follow the bars: 2 for these settings + 2 for the default practice
    labels = [t.get_text() for t in explorer.fig.axes[1].texts]
    assert len(labels) == 4 and all(label.startswith("$") for label in labels)
    assert explorer.message.value == ""


def test_slow_follow_up_raises_days_in_ar(explorer):
    before = explorer.kpis["days_in_ar"]
    explorer.followup.value = 60
    assert explorer.kpis["days_in_ar"] > before
    assert explorer.settings()["followup_days"] == 60.0


def test_weaker_scrubber_lowers_the_clean_claim_rate(explorer):
    before = explorer.kpis["clean_claim_rate"]
    explorer.scrubber.value = 0
    assert explorer.kpis["clean_claim_rate"] < before


def test_an_error_in_the_model_shows_a_message_not_a_traceback(explorer, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(sim_widgets, "simulate_claims", broken)
    explorer.accuracy.value = 95.0
    assert "went wrong" in explorer.message.value and "model exploded" in explorer.message.value


def test_kpi_table_says_meets_or_misses_in_words():
    b = load_kpi_benchmarks()
    good = {"clean_claim_rate": 0.97, "denial_rate": 0.03, "days_in_ar": 28.0,
            "net_collection_rate": 0.98}
    text = kpi_table_html(good, b)
    assert text.count("meets the typical target") == 4 and "97.0 %" in text
    bad = dict(good, days_in_ar=55.0)
    assert kpi_table_html(bad, b).count("misses the typical target") == 1
    assert "Denial rate" in show_kpis(simulate_claims(500, seed=1)).value


def test_moving_back_gives_the_same_picture(explorer):
    first = explorer.png
    explorer.accuracy.value = 84.0
    explorer.followup.value = 40
    assert explorer.png != first
    explorer.accuracy.value = 92.0
    explorer.followup.value = 14
    assert explorer.png == first  # the fast redraw leaves nothing behind


def test_accuracy_reads_out_a_whole_percent_like_the_other_sliders(explorer):
    """Seen in lesson 06: the accuracy slider showed "92.0" beside "50" and "14"."""
    a = explorer.accuracy
    assert a.readout_format == ".0f" and a.step == 1 and a.value == 92
    for value in range(int(a.min), int(a.max) + 1):  # every stop reads out without losing a digit
        assert format(float(value), a.readout_format) == str(value)
    assert format(a.value, a.readout_format) == "92"
    a.value = 97
    assert explorer.settings()["coding_error_rate"] == 0.03  # still a percent of claims


def _days_in_ar_row(kpi_html):
    import re

    rows = re.findall(r"<tr>(.*?)</tr>", kpi_html)
    (row,) = [r for r in rows if "Days in A/R" in r]
    return row


def test_some_reachable_slider_setting_misses_the_days_in_ar_target():
    """Seen in lesson 06's walk: days in A/R 'meets the typical target' in every setting tried (the three
    sliders then reached 35 days at most). Every corner of the sliders' ranges is tried; at least one must
    miss the 40-day target from kpi_benchmarks.csv, and the table then says so for that KPI."""
    import itertools

    e = revenue_cycle_explorer(n=8_000, seed=3)
    high = load_kpi_benchmarks()["days_in_ar"]["high"]
    sliders = [w for w in e.children if hasattr(w, "min") and hasattr(w, "max")]
    assert len(sliders) == 4
    missed = []
    for corner in itertools.product(*[(s.min, s.max) for s in sliders]):
        for slider, value in zip(sliders, corner):
            slider.value = value
        if e.kpis["days_in_ar"] > high:
            assert "misses the typical target" in _days_in_ar_row(e.kpi_html.value)
            missed.append(corner)
        else:
            assert "meets the typical target" in _days_in_ar_row(e.kpi_html.value)
    assert missed, "no slider setting can miss the days in A/R target"


def test_sending_claims_late_pushes_days_in_ar_past_its_target(explorer):
    """The lesson's own try-it (20,000 claims, seed 6 in the notebook; here the fixture's): claims sent
    25 days after the visit miss the target; sent at the default 3 days they meet it."""
    assert "meets the typical target" in _days_in_ar_row(explorer.kpi_html.value)
    explorer.send_lag.value = 25
    assert explorer.settings()["submit_lag_days"] == 25.0
    assert explorer.kpis["days_in_ar"] > load_kpi_benchmarks()["days_in_ar"]["high"]
    assert "misses the typical target" in _days_in_ar_row(explorer.kpi_html.value)
    assert "40 days or fewer" in _days_in_ar_row(explorer.kpi_html.value)  # the target as one number first
    assert explorer.send_lag.description.startswith("Claim sent")


def test_the_lessons_try_it_misses_the_target_with_the_notebooks_own_year():
    """The notebook's words 'send them 25 days after the visit ... misses' hold for its own year."""
    e = revenue_cycle_explorer()  # the lesson's defaults: 20,000 claims, seed 6
    e.send_lag.value = 25
    assert "misses the typical target" in _days_in_ar_row(e.kpi_html.value)
    e.send_lag.value = 3
    assert "meets the typical target" in _days_in_ar_row(e.kpi_html.value)
