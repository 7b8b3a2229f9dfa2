"""Lesson 07's class charts as tabs, driven from code: only the first tab is drawn when the cell
runs, each other tab the first time it is opened, and never twice."""
from __future__ import annotations

import base64
import html
import re

import pytest

import careerlab.classroom.chart_widgets as cc
from careerlab.classroom import class_charts, load_class_results, question_prompts
from careerlab.classroom.text import describe_missed, describe_quizzes, describe_split, describe_traits
from careerlab.paths import data_path

CHARTS = ("trait_chart", "role_fit_chart", "quiz_chart", "missed_chart")
CHART_TITLES = ("Trait scores across the class", "Which role the class leans to",
                "Knowledge-check scores by lesson", "Questions most often missed")


@pytest.fixture(scope="module")
def sample():
    results, _ = load_class_results(data_path("class-sample"))
    return results, question_prompts()


@pytest.fixture
def drawn(monkeypatch):
    """Every Axes each chart function drew on, by chart (the real charts still draw)."""
    calls: dict[str, list] = {name: [] for name in CHARTS}
    for name in CHARTS:
        real = getattr(cc, name)

        def counting(df, ax=None, *args, _real=real, _name=name, **kwargs):
            calls[_name].append(ax)
            return _real(df, ax, *args, **kwargs)

        monkeypatch.setattr(cc, name, counting)
    return calls


def counts(calls) -> list[int]:
    return [len(calls[name]) for name in CHARTS]


def image(page: str) -> tuple[bytes, str]:
    """The PNG and the alt text of the one <img> in a tab's HTML."""
    found = re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]*)"', page)
    assert len(found) == 1, page[:300]
    return base64.b64decode(found[0][0]), html.unescape(found[0][1])


def test_only_the_first_tab_is_drawn_when_the_cell_runs(sample, drawn):
    results, prompts = sample
    tabs = class_charts(results, prompts)
    assert list(tabs.titles) == ["Traits", "Role fit", "Quiz scores", "Most missed"]
    assert tabs.selected_index == 0 and tabs.children == tuple(tabs.pages)
    assert counts(drawn) == [1, 0, 0, 0]
    assert "<img" in tabs.pages[0].value and not any("<img" in p.value for p in tabs.pages[1:])
    png, alt = image(tabs.pages[0].value)
    assert png.startswith(b"\x89PNG") and png == tabs.pngs[0] and set(tabs.pngs) == {0}
    assert alt.startswith(f"Chart: {CHART_TITLES[0]}.") and "sentence below the chart" in alt
    assert html.escape(describe_traits(results)) in tabs.pages[0].value  # the lesson's words, dots and all
    assert "each dot is one learner" in describe_traits(results)
    assert "How to read it:" in tabs.pages[0].value and "orange diamond" in tabs.pages[0].value


def test_opening_a_tab_draws_its_chart_once(sample, drawn):
    results, prompts = sample
    tabs = class_charts(results, prompts)
    tabs.selected_index = 1
    assert counts(drawn) == [1, 1, 0, 0]
    tabs.selected_index = 0
    tabs.selected_index = 1  # a second visit shows the kept chart
    assert counts(drawn) == [1, 1, 0, 0]
    tabs.selected_index = 3
    tabs.selected_index = 2
    tabs.selected_index = 3
    assert counts(drawn) == [1, 1, 1, 1]
    lessons = sorted({key.split("/")[0] for key in prompts})
    sentences = (describe_traits(results), describe_split(results),
                 describe_quizzes(results, lessons=lessons), describe_missed(results, prompts=prompts))
    for i, (page, title, sentence) in enumerate(zip(tabs.pages, CHART_TITLES, sentences)):
        png, alt = image(page.value)
        assert png == tabs.pngs[i] and png.startswith(b"\x89PNG")
        assert alt.startswith(f"Chart: {title}."), alt
        assert html.escape(sentence) in page.value
        assert cc.READING[i] in page.value
    # The missed chart was drawn with the question texts, as the lesson drew it.
    labels = [t.get_text() for t in drawn["missed_chart"][0].get_yticklabels()]
    assert labels and all(re.match(r"\d\d · ", label) for label in labels)
    assert any("HCPCS" in label for label in labels)


def test_an_empty_class_gets_each_charts_own_no_data_drawing(tmp_path, drawn):
    results, problems = load_class_results(tmp_path)  # an empty folder
    assert results.empty
    tabs = class_charts(results, {})
    for index in (1, 2, 3):
        tabs.selected_index = index
    assert counts(drawn) == [1, 1, 1, 1] and set(tabs.pngs) == {0, 1, 2, 3}
    for name in ("trait_chart", "quiz_chart", "missed_chart"):
        ax = drawn[name][0]
        assert ax.texts and ax.texts[0].get_text().startswith("No "), name
    assert [p.get_height() for p in drawn["role_fit_chart"][0].patches] == [0, 0, 0, 0]
    for page in tabs.pages:
        assert "<img" in page.value and "Sorry" not in page.value
    assert html.escape(describe_traits(results)) in tabs.pages[0].value


def test_a_failing_chart_says_so_in_its_tab_and_is_tried_again(sample, monkeypatch):
    results, prompts = sample
    tabs = class_charts(results, prompts)

    def broken(*args, **kwargs):
        raise RuntimeError("the chart broke at /srv/home/ada/secret.py")

    real = cc.quiz_chart
    monkeypatch.setattr(cc, "quiz_chart", broken)
    tabs.selected_index = 2
    page = tabs.pages[2].value
    assert "Something went wrong" in page and "Traceback" not in page and "/srv/home" not in page
    assert 2 not in tabs.pngs
    monkeypatch.setattr(cc, "quiz_chart", real)
    tabs.selected_index = 0
    tabs.selected_index = 2  # opened again: drawn this time
    assert 2 in tabs.pngs and "<img" in tabs.pages[2].value


def test_something_other_than_results_gets_a_plain_message(tmp_path):
    results, problems = load_class_results(tmp_path)
    tabs = class_charts(problems, {})  # the other half of load_class_results' answer
    assert "needs the class&#x27;s results table" in tabs.pages[0].value
    assert "load_class_results(folder)" in tabs.pages[0].value and not tabs.pngs


def test_the_first_tabs_fixed_margins_hold_its_labels_and_legend(sample, drawn):
    """The traits chart is drawn without the constrained layout: its tick labels, axis label and
    legend must still fit inside the picture."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    results, prompts = sample
    class_charts(results, prompts)
    ax = drawn["trait_chart"][0]
    fig = ax.figure
    assert fig.get_layout_engine() is None
    renderer = FigureCanvasAgg(fig).get_renderer()
    box, page = ax.get_tightbbox(renderer), fig.bbox
    assert box.x0 >= page.x0 and box.y0 >= page.y0 and box.x1 <= page.x1 and box.y1 <= page.y1, (box, page)
    assert ax.get_legend() is not None and ax.get_yticklabels()[0].get_text() == "Numbers and money"


def test_few_widget_models(sample):
    """Every widget model costs Run All time: the four pages share one layout and one style."""
    from ipywidgets.widgets.widget import _instances

    results, prompts = sample
    before = set(_instances)
    tabs = class_charts(results, prompts)
    made = set(_instances) - before
    assert len({id(p.layout) for p in tabs.pages}) == 1 and len({id(p.style) for p in tabs.pages}) == 1
    assert len(made) <= 8, len(made)  # the Tab and its layout, four pages, their layout and style


def test_tab_labels_are_large_enough_for_a_projector(sample):
    """The walk: the tab labels (ipywidgets' 13 px) were small on a projector. Every page, drawn or
    not yet, carries the rule that sets these tabs' label size to at least the lesson text's 14 px,
    scoped to these tabs (the class the tab widget carries), so no other widget changes."""
    results, prompts = sample
    tabs = class_charts(results, prompts)
    assert "careerlab-class-charts" in tabs._dom_classes
    tabs.selected_index = 1  # one drawn page besides the first, two placeholders
    for page in tabs.pages:
        rule = re.search(r"<style>\.careerlab-class-charts \{([^}]*)\}</style>", page.value)
        assert rule, page.value[:200]
        size = re.search(r"--jp-widgets-font-size:\s*(\d+)px", rule.group(1))
        height = re.search(r"--jp-widgets-horizontal-tab-height:\s*(\d+)px", rule.group(1))
        assert size and int(size.group(1)) >= 16 and height and int(height.group(1)) >= 1.8 * int(size.group(1))
