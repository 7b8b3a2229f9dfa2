"""Lesson 01 charts: assert on the Axes (labels, boxes, legend), never on pixels."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from careerlab.roles import OWNERS, load_contacts, load_stages
from careerlab.roles.charts import contacts_chart, revenue_cycle_chart
from careerlab.roles.text import contacts_summary, revenue_cycle_summary


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_revenue_cycle_chart_has_one_box_per_stage_in_its_owner_column():
    stages = load_stages()
    fig, ax = plt.subplots()
    assert revenue_cycle_chart(ax=ax, stages=stages) is ax
    boxes = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(boxes) == len(stages) == 16
    assert [t.get_text() for t in ax.get_yticklabels()][4] == "5. Coding"
    columns = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    assert columns == ["Front desk / clinician", "Coder", "Shared", "Biller", "Payer"]
    # the Coding box (step 5) sits in the Coder column (x = 1): its centre is 1
    coding = next(b for b in boxes if abs(b.get_y() + b.get_height() / 2 - 5) < 1e-9)
    assert coding.get_x() + coding.get_width() / 2 == pytest.approx(1.0)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_revenue_cycle_ownership_is_not_shown_by_colour_alone():
    fig, ax = plt.subplots()
    revenue_cycle_chart(ax=ax)
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [OWNERS[o] for o in ("front", "coder", "shared", "biller", "payer")]
    # each box names its owner in words and sits in its owner's column (colour is a third sign)
    stages = load_stages()
    words = [t.get_text() for t in ax.texts]
    assert words.count("Biller") == sum(s.owner == "biller" for s in stages)
    column = {s.step: ("front", "coder", "shared", "biller", "payer").index(s.owner) for s in stages}
    named = {"Front desk": 0, "Clinician": 0, "Coder": 1, "Shared": 2, "Biller": 3, "Payer": 4}
    for label in ax.texts:
        x, y = label.get_position()
        assert x == column[round(y)] == named[label.get_text()]
    assert len({p.get_facecolor() for p in legend.get_patches()}) == 5
    assert all(t.get_fontsize() >= 10 for t in ax.texts + ax.get_yticklabels())


def test_revenue_cycle_summary_counts_each_owner():
    text = revenue_cycle_summary(load_stages())
    assert text.startswith("The chart shows 16 stages")
    assert "coder 1 (Coding)" in text and "payer (insurer) 2 (Adjudication, Remittance and payment)" in text


def test_contacts_chart_draws_every_contact_and_the_link():
    contacts = load_contacts()
    fig, ax = plt.subplots()
    assert contacts_chart(ax=ax, contacts=contacts) is ax
    texts = {t.get_text() for t in ax.texts}
    assert {"CODER", "BILLER", "Clinicians", "Facility staff", "Insurance companies", "Patients"} <= texts
    edges = [line for line in ax.lines if isinstance(line, Line2D)]
    assert len(edges) == len(contacts) == 5  # 2 coder edges + 2 biller edges + the coder-biller link
    styles = {line.get_linestyle() for line in edges}
    assert styles == {"-", "--", "-."}  # line style, not colour, tells the roles apart
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Coder works with", "Biller works with", "Coder and biller work with each other"]
    assert ax.get_title()


def test_contacts_chart_without_the_link_row():
    contacts = [c for c in load_contacts() if c.contact != "Biller"]
    fig, ax = plt.subplots()
    contacts_chart(ax=ax, contacts=contacts)
    assert len(ax.lines) == 4 and len(ax.get_legend().get_texts()) == 2


def test_contacts_summary():
    text = contacts_summary(load_contacts())
    assert "Coders work with clinicians, facility staff and billers." in text
    assert "Billers work with insurance companies, patients and coders." in text


def test_charts_make_their_own_axes(tmp_path):
    ax = revenue_cycle_chart()
    ax2 = contacts_chart()
    assert ax.figure is not ax2.figure
    ax.figure.savefig(tmp_path / "cycle.png")
    assert (tmp_path / "cycle.png").stat().st_size > 0


def test_stage_boxes_name_front_desk_or_clinician_in_words_that_fit():
    from careerlab.roles.charts import box_label

    fig, ax = plt.subplots()
    revenue_cycle_chart(ax=ax)
    texts = [t.get_text() for t in ax.texts]
    assert texts[:3] == ["Front desk", "Front desk", "Clinician"]
    assert all(len(t) <= 10 for t in texts)
    assert box_label(load_stages()[4]) == "Coder"


def test_contacts_legend_lines_are_long_enough_to_show_the_dashes():
    fig, ax = plt.subplots()
    contacts_chart(ax=ax)
    legend = ax.get_legend()
    assert legend.handlelength >= 4
    styles = {t.get_text(): h.get_linestyle() for t, h in zip(legend.get_texts(), legend.legend_handles)}
    assert styles["Biller works with"] == "--" and styles["Coder works with"] == "-"
    assert "Medical Billing Vs Medical Coding" in ax.get_title()
