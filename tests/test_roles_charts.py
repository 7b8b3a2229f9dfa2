"""Lesson 01 charts and the revenue-cycle grid: assert on the Axes (labels, boxes, legend) and on the
grid's cells, never on pixels."""
from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import matplotlib.pyplot as plt
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from careerlab.roles import LANES, OWNERS, load_contacts, load_stages
from careerlab.roles.charts import contacts_chart
from careerlab.roles.tables import box_label, revenue_cycle_html
from careerlab.roles.text import contacts_summary, revenue_cycle_summary


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


class _Grid(HTMLParser):
    """The revenue-cycle grid's caption, header row and body rows, as the cells' texts."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.caption = ""
        self.backgrounds: dict[str, set[str]] = {}
        self._in: str | None = None
        self._style = ""

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.rows[-1].append("")
            self._in = "cell"
        elif tag == "caption":
            self._in = "caption"
        elif tag == "span":
            self._style = dict(attrs).get("style", "")

    def handle_endtag(self, tag):
        if tag in ("td", "th", "caption"):
            self._in = None

    def handle_data(self, data):
        if self._in == "caption":
            self.caption += data
        elif self._in == "cell":
            self.rows[-1][-1] += data
            if self._style:
                colour = self._style.split("background:")[1].split(";")[0]
                self.backgrounds.setdefault(data, set()).add(colour)
                self._style = ""


def _grid(stages) -> _Grid:
    grid = _Grid()
    grid.feed(revenue_cycle_html(stages)._repr_html_())
    return grid


def test_revenue_cycle_grid_has_one_box_per_stage_in_its_owner_column():
    stages = load_stages()
    grid = _grid(stages)
    header, *body = grid.rows
    assert header == ["Stage (in order)", *[OWNERS[o] for o in LANES]]
    assert len(body) == len(stages) == 16
    assert body[4][0] == "5. Coding"
    for stage, row in zip(stages, body):
        filled = [i for i, text in enumerate(row[1:]) if text]
        assert filled == [LANES.index(stage.owner)], row  # one box, in the owner's column
        assert row[1 + filled[0]] == box_label(stage)
    assert grid.caption.startswith("The revenue cycle: who owns each stage")


def test_revenue_cycle_ownership_is_not_shown_by_colour_alone():
    stages = load_stages()
    grid = _grid(stages)
    words = [text for row in grid.rows[1:] for text in row[1:] if text]
    assert words.count("Biller") == sum(s.owner == "biller" for s in stages)
    assert words[:3] == ["Front desk", "Front desk", "Clinician"]
    # each owner's name has one colour of its own (a second sign, after the column and the words)
    colours = {name: found for name, found in grid.backgrounds.items()}
    assert all(len(found) == 1 for found in colours.values())
    assert len({c for found in colours.values() for c in found}) == 5
    assert box_label(stages[4]) == "Coder"


def test_revenue_cycle_grid_escapes_what_a_stage_file_says():
    stage = load_stages()[0]
    hostile = dataclasses.replace(stage, stage="<script>alert(1)</script> & $5 $6")
    html_text = revenue_cycle_html([hostile])._repr_html_()
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text
    assert "mathjax_ignore" in html_text  # two dollar signs are not read as a formula


def test_revenue_cycle_summary_counts_each_owner():
    text = revenue_cycle_summary(load_stages())
    assert text.startswith("The grid shows 16 stages")
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
    ax = contacts_chart()
    ax2 = contacts_chart()
    assert ax.figure is not ax2.figure
    ax.figure.savefig(tmp_path / "contacts.png")
    assert (tmp_path / "contacts.png").stat().st_size > 0


def test_contacts_legend_lines_are_long_enough_to_show_the_dashes():
    fig, ax = plt.subplots()
    contacts_chart(ax=ax)
    legend = ax.get_legend()
    assert legend.handlelength >= 4
    styles = {t.get_text(): h.get_linestyle() for t, h in zip(legend.get_texts(), legend.legend_handles)}
    assert styles["Biller works with"] == "--" and styles["Coder works with"] == "-"
    assert "Medical Billing Vs Medical Coding" in ax.get_title()
