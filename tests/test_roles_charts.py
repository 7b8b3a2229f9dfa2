"""Lesson 01's two diagrams, the revenue-cycle grid and the contacts columns: assert on their cells'
texts and colours, read out of the HTML, never on pixels."""
from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import pytest

from careerlab.roles import LANES, OWNERS, load_contacts, load_stages
from careerlab.roles.tables import box_label, contacts_html, revenue_cycle_html
from careerlab.roles.text import contacts_summary, revenue_cycle_summary


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
            if "background:" in self._style:
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


def _columns(contacts) -> _Grid:
    grid = _Grid()
    grid.feed(contacts_html(contacts)._repr_html_())
    return grid


def test_contacts_columns_put_each_contact_under_its_role_with_what_passes():
    contacts = load_contacts()
    grid = _columns(contacts)
    head, body = grid.rows
    assert head == ["Coders work with", "The two roles and their hand-off", "Billers work with"]
    left, middle, right = body
    for c in contacts:
        if c.contact in ("Biller", "Coder"):
            assert c.what_passes in middle  # the hand-off sits between the two roles
            continue
        column, other = (left, right) if c.role == "coder" else (right, left)
        assert c.contact in column and c.what_passes in column and c.contact not in other
    assert middle.index("CODER") < middle.index("BILLER")
    assert "Medical Billing Vs Medical Coding" in grid.caption


def test_contacts_columns_say_their_own_alignment():
    """JupyterLab right-aligns table cells unless a cell says otherwise: the boxes' words sat against their
    right edge in the lab (seen in the browser test's screenshot)."""
    import re

    text = contacts_html(load_contacts())._repr_html_()
    cells = re.findall(r'<t[dh] [^>]*style="([^"]*)"', text)
    assert len(cells) == 6 and all("text-align:" in style for style in cells)


def test_contacts_columns_without_the_link_row_have_no_hand_off():
    contacts = [c for c in load_contacts() if c.contact != "Biller"]
    head, (left, middle, right) = _columns(contacts).rows
    assert head[1] == "The two roles" and middle == "CODERBILLER"


def test_contacts_columns_escape_what_a_contacts_file_says():
    hostile = [dataclasses.replace(load_contacts()[0], contact="<script>x</script>", what_passes="a & b")]
    text = contacts_html(hostile)._repr_html_()
    assert "<script>" not in text and "&lt;script&gt;" in text and "a &amp; b" in text


def test_lesson_01_needs_no_matplotlib():
    """Both of lesson 01's diagrams are text: running its imports and diagram cells loads no matplotlib."""
    import subprocess
    import sys

    code = ("import sys\nfrom careerlab.roles import contacts_html, load_contacts, revenue_cycle_html, load_stages, "
            "who_does_it\nfrom careerlab.quiz import show_quiz\n"
            "contacts_html(load_contacts())._repr_html_(); revenue_cycle_html(load_stages())._repr_html_(); who_does_it()\n"
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_contacts_summary():
    text = contacts_summary(load_contacts())
    assert text.startswith("The columns show each role")
    assert "Coders work with clinicians, facility staff and billers." in text
    assert "Billers work with insurance companies, patients and coders." in text
