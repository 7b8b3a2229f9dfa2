"""The O*NET interest chart, asserted on the Axes."""
import pytest
from matplotlib.figure import Figure

from careerlab.compare import RIASEC, load_riasec, riasec_chart, riasec_summary


def test_twelve_bars_two_per_interest_with_the_onet_values():
    ax = riasec_chart(ax=Figure().add_subplot())
    assert len(ax.patches) == 12
    r = load_riasec()
    # bars start at 1, the bottom of O*NET's 1-7 scale, so the top of each bar is the score
    tops = [p.get_y() + p.get_height() for p in ax.patches]
    assert tops == pytest.approx([r["coder"][i] for i in RIASEC] + [r["biller"][i] for i in RIASEC])


def test_labels_legend_and_hatches():
    ax = riasec_chart(ax=Figure().add_subplot())
    assert [t.get_text() for t in ax.get_xticklabels()] == list(RIASEC)
    assert "1 = low" in ax.get_ylabel() and ax.get_xlabel() and "2025" in ax.get_title()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == 2 and "coders" in legend[0] and "billers" in legend[1]
    assert {p.get_hatch() for p in ax.patches} == {"//", ".."}  # not colour alone
    assert len(ax.texts) == 12  # every bar carries its value


def test_summary_names_the_biggest_difference():
    text = riasec_summary()
    # |4.33 - 1.68| = 2.65 is the largest coder-biller gap among the six areas
    assert "biggest difference is Investigative" in text and "2025" in text
