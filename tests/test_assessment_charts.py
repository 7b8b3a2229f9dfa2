"""Charts of trait scores: asserted on the Axes (bars, markers, legend, labels), never on pixels."""
import pytest
from matplotlib.figure import Figure

from careerlab.assessment import (
    TRAIT_IDS, load_example_responses, load_role_profiles, score, trait_labels)
from careerlab.assessment.charts import radar_chart, trait_bar_chart

SCORES = score(load_example_responses())
PROFILES = load_role_profiles()


def bar_axes():
    return trait_bar_chart(SCORES, ax=Figure().add_subplot())


def test_one_bar_per_trait_with_the_learners_scores():
    ax = bar_axes()
    assert len(ax.patches) == len(TRAIT_IDS) == 7
    assert [p.get_width() for p in ax.patches] == pytest.approx([SCORES[t] for t in TRAIT_IDS])
    assert [t.get_text() for t in ax.get_yticklabels()] == [trait_labels()[t] for t in TRAIT_IDS]


@pytest.mark.parametrize("role", ["coder", "biller"])
def test_both_role_markers_sit_at_the_profile_values(role):
    ax = bar_axes()
    line = next(l for l in ax.get_lines() if l.get_gid() == f"profile-{role}")
    assert list(line.get_xdata()) == pytest.approx([PROFILES[role][t] for t in TRAIT_IDS])
    assert line.get_marker() not in (None, "", "None")  # a shape, not only a colour


def test_bar_chart_legend_and_labels():
    ax = bar_axes()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["You", "Coder profile", "Biller profile"]
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    assert ax.get_xlim() == (0, 108)
    assert all(t.get_fontsize() >= 10 for t in ax.get_yticklabels())


def test_markers_use_different_shapes():
    ax = bar_axes()
    shapes = {l.get_gid(): l.get_marker() for l in ax.get_lines() if l.get_gid()}
    assert shapes["profile-coder"] != shapes["profile-biller"]


def radar_axes():
    return radar_chart(SCORES, ax=Figure().add_subplot(projection="polar"))


def test_radar_has_three_closed_lines_with_legend():
    ax = radar_axes()
    labelled = [l for l in ax.get_lines() if not l.get_label().startswith("_")]
    assert [l.get_label() for l in labelled] == ["Coder profile", "Biller profile", "You"]
    for line in labelled:
        ys = list(line.get_ydata())
        assert len(ys) == len(TRAIT_IDS) + 1 and ys[0] == ys[-1]  # closed loop
    you = labelled[-1]
    assert list(you.get_ydata())[:-1] == pytest.approx([SCORES[t] for t in TRAIT_IDS])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Coder profile", "Biller profile", "You"]


def test_radar_scale_and_labels():
    ax = radar_axes()
    assert ax.get_ylim() == (0, 100)
    assert len(ax.get_xticklabels()) == 7 and ax.get_title()
    assert {l.get_linestyle() for l in ax.get_lines() if not l.get_label().startswith("_")} == {"--", ":", "-"}


def test_radar_on_flat_axes_says_what_to_do():
    with pytest.raises(ValueError, match="polar"):
        radar_chart(SCORES, ax=Figure().add_subplot())


def test_charts_make_their_own_axes_when_none_given():
    import matplotlib.pyplot as plt
    ax = trait_bar_chart(SCORES)
    rad = radar_chart(SCORES)
    try:
        assert len(ax.patches) == 7 and rad.name == "polar"
    finally:
        plt.close(ax.figure)
        plt.close(rad.figure)


def test_charts_name_the_person_shown():
    bars = trait_bar_chart(SCORES, ax=Figure().add_subplot(), who="Robin")
    assert [t.get_text() for t in bars.get_legend().get_texts()][0] == "Robin"
    values = [t.get_text() for t in bars.texts]
    assert values and all(v.startswith("Robin: ") for v in values)
    assert not any("you" in v.lower() for v in values)
    assert all(t.get_text().startswith("you: ") for t in bar_axes().texts)  # the learner's own chart
    radar = radar_chart(SCORES, ax=Figure().add_subplot(projection="polar"), who="Robin")
    assert [t.get_text() for t in radar.get_legend().get_texts()] == ["Coder profile", "Biller profile", "Robin"]
