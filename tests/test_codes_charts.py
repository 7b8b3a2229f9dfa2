"""Chart tests on the Axes: bars, labels, titles (never pixels); the family boxes on their HTML."""
import html
import re

import matplotlib.pyplot as plt
import pytest

from careerlab.codes import code_family_html, code_family_summary, hits_by_chapter, search_hits_chart, search_hits_summary


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_search_hits_chart_one_bar_per_chapter():
    fig, ax = plt.subplots()
    assert search_hits_chart("diabetes", ax=ax) is ax
    rows = hits_by_chapter("diabetes")
    assert len(ax.patches) == len(rows) >= 2
    assert [round(p.get_width()) for p in ax.patches] == [c for *_, c in rows]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("Ch. 4")  # chapter 4, endocrine: where diabetes lives
    assert ax.get_xlabel() and "diabetes" in ax.get_title()
    assert all(p.get_hatch() for p in ax.patches)  # not colour alone


def test_search_hits_summary_matches_counts():
    rows = hits_by_chapter("diabetes")
    assert f"matches {sum(c for *_, c in rows)} billable codes" in search_hits_summary("diabetes")


def test_search_hits_chart_no_match():
    ax = search_hits_chart("xyzzyq")
    assert len(ax.patches) == 0 and "No codes match" in ax.texts[0].get_text()


def _boxes(html_text: str) -> list[str]:
    """The family's boxes, as their plain text, top to bottom."""
    items = re.findall(r"<li[^>]*>(.*?)</li>", html_text, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).replace("↳", "").split()) for item in items]


def test_code_family_one_box_per_level_each_a_step_further_in():
    html_text = code_family_html("S52.521A")._repr_html_()
    boxes = _boxes(html_text)
    assert len(boxes) == 7 and boxes[0].startswith("Chapter 19") and boxes[-1].startswith("S52.521A")
    assert [b.split()[0] for b in boxes[1:]] == ["S50-S59", "S52", "S52.5", "S52.52", "S52.521", "S52.521A"]
    assert sum("BILLABLE" in b for b in boxes) == 1 and "BILLABLE" in boxes[-1]
    margins = [float(m) for m in re.findall(r'<li style="margin:4px 0 4px ([0-9.]+)em"', html_text)]
    assert margins == sorted(margins) and len(set(margins)) == 7  # a staircase: each box further in
    assert html_text.count("dashed") == 6 and html_text.count("solid #009E73") == 1
    assert "The family of S52.521A: from chapter to code" in html_text
    assert "Only the last box is billable" in code_family_summary("S52.521A")


def test_code_family_header_and_unknown():
    assert not any("BILLABLE" in b for b in _boxes(code_family_html("E11")._repr_html_()))
    assert "is a header" in code_family_summary("E11")
    unknown = code_family_html("E11.99")._repr_html_()
    assert "not in the ICD-10-CM release" in unknown and "<li" not in unknown
    hostile = code_family_html("<b>x</b>")._repr_html_()
    assert "<b>x</b>" not in hostile and "&lt;b&gt;" in hostile