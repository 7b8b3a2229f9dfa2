"""Dashboard charts, checked on their Axes."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from careerlab.classroom.charts import (
    dashboard_figure, missed_chart, quiz_chart, role_fit_chart, trait_chart,
)
from careerlab.classroom.load import load_class_results
from careerlab.paths import data_path
from test_classroom_summary import make_class


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_trait_chart_has_one_row_per_trait_and_a_legend():
    ax = trait_chart(make_class())
    assert len(ax.get_yticklabels()) == 7 and ax.get_yticklabels()[0].get_text() == \
        "Numbers and money"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["One learner", "Class mean"]
    assert ax.get_xlabel() and ax.get_title()
    assert "50" in [t.get_text() for t in ax.texts]  # the mean label of numbers_money


def test_role_fit_chart_counts():
    ax = role_fit_chart(make_class())
    assert [p.get_height() for p in ax.patches] == [1, 1, 1, 1]
    assert len({p.get_hatch() for p in ax.patches}) == 4  # told apart without colour
    assert ax.get_ylabel() == "Learners"


def test_quiz_chart_bars_are_mean_scores():
    ax = quiz_chart(make_class())
    assert [p.get_height() for p in ax.patches] == [50.0, 50.0]
    assert ax.get_ylabel() == "Mean score (%)"
    assert "n=3" in ax.texts[0].get_text()


def test_missed_chart_bars_are_shares_missed():
    ax = missed_chart(make_class())
    widths = [round(p.get_width(), 3) for p in ax.patches]
    assert widths == [round(200 / 3, 3), 50.0, round(100 / 3, 3)]
    assert ax.get_yticklabels()[0].get_text() == "01 · q1"
    labelled = missed_chart(make_class(), prompts={"01/q1": "Who codes the visit? Choose all that apply."})
    assert labelled.get_yticklabels()[0].get_text() == "01 · Who codes the visit?"


def test_charts_say_when_there_is_no_data():
    empty = make_class().iloc[:0]
    for chart in (trait_chart, quiz_chart, missed_chart):
        ax = chart(empty)
        assert ax.texts and ax.texts[0].get_text().startswith("No ")


def test_dashboard_figure_of_the_sample_class(tmp_path):
    df, _ = load_class_results(data_path("class-sample"))
    fig = dashboard_figure(df)
    assert len(fig.axes) == 4
    assert [a.get_title() for a in fig.axes] == [
        "Trait scores across the class", "Which role the class leans to",
        "Knowledge-check scores by lesson", "Questions most often missed"]
    assert sum(p.get_height() for p in fig.axes[1].patches) == len(df)
    target = tmp_path / "classroom_dashboard.png"  # tests write only under tmp_path
    fig.savefig(target, dpi=60)
    assert target.read_bytes().startswith(b"\x89PNG")


def test_lesson_labels_stay_short_and_real_lessons_read_as_before():
    from careerlab.classroom.charts import _lesson_label

    assert _lesson_label("06-revenue-cycle-simulation") == "06\nrevenue\ncycle\nsimulation"
    assert _lesson_label("05-self-assessment") == "05\nself\nassessment"
    assert _lesson_label("13-" + "a" * 60) == "13\n" + "a" * 10 + "…"
    assert _lesson_label("1-a-b-c-d-e-f-g-h-i-j-k-l-m-n").count("\n") == 3


def test_dashboard_missed_labels_stay_clear_of_the_quiz_chart():
    """Seen in lesson 07: the missed questions' labels ran over the knowledge-check bars."""
    from careerlab.classroom.load import question_prompts

    df, _ = load_class_results(data_path("class-sample"))
    prompts = question_prompts()
    fig = dashboard_figure(df, prompts=prompts)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    quiz, missed = fig.axes[2], fig.axes[3]
    labels = [t for t in missed.get_yticklabels() if t.get_text()]
    assert len(labels) == 8 and any("\n" in t.get_text() for t in labels)  # real, long prompts
    quiz_box = quiz.get_tightbbox(renderer)  # the bars, their value labels and tick labels
    for label in labels:
        box = label.get_window_extent(renderer)
        assert box.x0 > quiz_box.x1 + 10, label.get_text()  # a visible gap, not just no overlap
        assert box.x0 >= 0 and box.y0 >= 0
    for ax in fig.axes:  # and nothing spills off the figure
        box = ax.get_tightbbox(renderer)
        assert box.x0 >= 0 and box.x1 <= fig.bbox.x1 and box.y0 >= 0 and box.y1 <= fig.bbox.y1


def test_missed_chart_labels_count_the_wrong_answers_like_the_bars():
    """The walk: bars were the share wrong but their labels said "10/31 right". Each label now counts the
    wrong answers, and its two numbers give the bar's length."""
    m = make_class()
    ax = missed_chart(m)
    labels = [t.get_text() for t in ax.texts]
    assert len(labels) == len(ax.patches) and not any("right" in label for label in labels)
    for label, bar in zip(labels, ax.patches):
        wrong, _, rest = label.partition(" of ")
        attempts, _, word = rest.partition(" ")
        assert word == "wrong" and int(wrong) <= int(attempts)
        assert 100 * int(wrong) / int(attempts) == pytest.approx(bar.get_width())


def _sample():
    return load_class_results(data_path("class-sample"))[0]


@pytest.mark.parametrize("where", ["tab", "dashboard"])
def test_trait_means_are_read_clear_of_the_dots(tmp_path, where):
    """The walk: each mean's number, drawn above its diamond, sat on the row's dots. On the sample class, in
    lesson 07's tab and on the dashboard's figure, no mean label touches a dot (or another label), every
    label is inside the figure, and it reads the row's mean."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    import careerlab.classroom.chart_widgets as cc
    from careerlab.classroom.summary import trait_summary

    df = _sample()
    if where == "tab":
        fig = Figure(figsize=cc.SIZES[0], dpi=cc.DPI)
        FigureCanvasAgg(fig)
        fig.subplots_adjust(**cc.FIRST_MARGINS)
        ax = trait_chart(df, ax=fig.add_subplot())
    else:
        fig = dashboard_figure(df)
        ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    fig.savefig(tmp_path / f"traits-{where}.png")
    means = [t for t in ax.texts if t.get_text() != "Mean"]
    s = trait_summary(df)
    assert [t.get_text() for t in means] == [f"{m:.0f}" for m in s["mean"]]
    boxes = [t.get_window_extent(renderer) for t in means]
    radius = 5  # a dot is 22 pt² (about 5 pt across) plus its edge: pixels at 100 dpi, with room
    dots = [c for c in ax.collections]
    assert len(dots) == 8  # seven rows of learners, one of means
    fig_box = fig.bbox
    for box in boxes:
        grown = box.expanded(1, 1).padded(radius)
        for c in dots:
            for x, y in c.get_offset_transform().transform(c.get_offsets()):
                assert not grown.contains(x, y), (box, x, y)
        assert fig_box.x0 <= box.x0 and box.x1 <= fig_box.x1
    for a, b in zip(boxes, boxes[1:]):
        assert not a.overlaps(b)
