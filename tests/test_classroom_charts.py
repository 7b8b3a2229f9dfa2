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
