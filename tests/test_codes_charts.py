"""Chart tests on the Axes: bars, labels, titles (never pixels)."""
import matplotlib.pyplot as plt
import pytest

from careerlab.codes import code_family_chart, code_family_summary, hits_by_chapter, search_hits_chart, search_hits_summary


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


def test_code_family_chart_one_box_per_level():
    fig, ax = plt.subplots()
    code_family_chart("S52.521A", ax=ax)
    texts = [t.get_text() for t in ax.texts if t.get_text()]
    arrows = [t for t in ax.texts if not t.get_text()]
    assert len(arrows) == 6  # one arrow between each of the 7 levels
    assert len(texts) == 7 and texts[0].startswith("Chapter 19") and texts[-1].startswith("S52.521A")
    assert sum("BILLABLE" in t for t in texts) == 1
    assert "S52.521A" in ax.get_title()
    assert "Only the last box is billable" in code_family_summary("S52.521A")


def test_code_family_chart_header_and_unknown():
    ax = code_family_chart("E11")
    assert not any("BILLABLE" in t.get_text() for t in ax.texts)
    assert "is a header" in code_family_summary("E11")
    ax = code_family_chart("E11.99")
    assert "not in the ICD-10-CM release" in ax.texts[0].get_text()
