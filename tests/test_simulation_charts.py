"""Charts of the simulation, checked on their Axes."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from careerlab.simulation.charts import money_chart, revenue_chart
from careerlab.simulation.kpis import monthly_collections
from careerlab.simulation.simulate import simulate_claims


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_revenue_chart_has_12_months_labels_and_legend():
    df = simulate_claims(4_000, seed=1)
    fig, ax = plt.subplots()
    assert revenue_chart(df, ax=ax, baseline=simulate_claims(4_000, seed=2)) is ax
    assert len(ax.patches) == 12 and len(ax.lines) == 1
    assert len(ax.lines[0].get_xdata()) == 12
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Default practice",
                                                                 "Your settings"]
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["Jan", "Feb"]
    # bar heights add up to the payments made inside the year, in thousand dollars
    in_year = df[(df.paid_day >= 0) & (df.paid_day < 365)]
    total = sum(p.get_height() for p in ax.patches)
    assert total == pytest.approx(in_year.paid_cents.sum() / 100 / 1000)


def test_monthly_collections_puts_a_payment_in_its_month():
    df = simulate_claims(50, seed=1).head(2).copy()
    df["paid_day"] = [0, 364]       # 1 January and 31 December
    df["paid_cents"] = [1_000, 2_500]
    months = monthly_collections(df)
    assert months[0] == 10.0 and months[11] == 25.0 and months.sum() == 35.0


def test_money_chart_bars_and_labels(tmp_path):
    df, base = simulate_claims(4_000, seed=1), simulate_claims(4_000, coding_error_rate=0.2,
                                                               seed=1)
    ax = money_chart(df, baseline=base)
    assert len(ax.patches) == 4            # 2 kinds of loss × 2 scenarios
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Written off after denials",
                                                           "Lost to under-coding"]
    widths = [p.get_width() for p in ax.patches]
    assert widths[0] == pytest.approx(df.written_off_cents.sum() / 100_000)
    assert widths[3] == pytest.approx(base.undercoded_cents.sum() / 100_000)
    assert len(ax.get_legend().get_texts()) == 2
    assert all(t.get_text().startswith("$") for t in ax.texts)
    assert np.all(np.array(widths) >= 0)
    plt.gcf().savefig(tmp_path / "money_chart.png", dpi=70)
    assert (tmp_path / "money_chart.png").stat().st_size > 0
