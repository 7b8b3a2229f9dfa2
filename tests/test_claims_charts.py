"""The remittance chart, checked on its Axes."""
import matplotlib.pyplot as plt

from careerlab.claims.adjudication import adjudicate
from careerlab.claims.charts import remittance_chart
from claims_helpers import visit


def test_remittance_chart(tmp_path):
    remit = adjudicate(visit("V03"))
    fig, ax = plt.subplots()
    assert remittance_chart(remit, ax=ax) is ax
    assert ax.get_title() == "Where each billed dollar went" and "Dollars" in ax.get_xlabel()
    assert len(ax.patches) == 3 * 2  # three parts x two lines
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Line 1: 99213 (denied)", "Line 2: 20610"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == 3 and legend[0] == "Paid by the payer"
    assert len({p.get_hatch() for p in ax.patches}) == 3  # a hatch per part, not colour alone
    widths = [p.get_width() for p in ax.patches]
    # line 2: paid 46.41 + patient 11.84 + written off 121.75 (CO-45 120.80 + CO-253 0.95) = 180.00 billed
    assert abs(widths[1] + widths[3] + widths[5] - 180.0) < 1e-9
    fig.savefig(tmp_path / "chart.png")
    plt.close(fig)


def test_remittance_summary_says_what_the_chart_shows_to_the_cent():
    from careerlab.claims.text import remittance_summary

    text = remittance_summary(adjudicate(visit("V03")))
    assert "\n" not in text
    assert "Line 1 (99213, denied): $150.00 billed; paid $0.00, the patient owes $0.00, adjusted off $150.00." in text
    assert "Line 2 (20610): $180.00 billed; paid $46.41, the patient owes $11.84, adjusted off $121.75." in text
