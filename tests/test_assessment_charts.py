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


def _nearest_gap(box, cx, cy, radius):
    """How far outside the circle (centre cx, cy) the closest point of ``box`` lies, in pixels."""
    dx = max(box.x0 - cx, 0, cx - box.x1)
    dy = max(box.y0 - cy, 0, cy - box.y1)
    return (dx * dx + dy * dy) ** 0.5 - radius


@pytest.mark.parametrize("who", ["You", "Robin"])
def test_radar_spoke_labels_stay_outside_the_circle_and_apart(who):
    """Each trait's name sits wholly outside the plot circle ("Decoding detail" used to cross it on the
    right) and clear of the other names and of the "100" on the scale, as in the lesson (7 x 7 in)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(7, 7), layout="constrained")
    ax = radar_chart(SCORES, ax=fig.add_subplot(projection="polar"), who=who)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    frame = ax.get_window_extent(renderer)
    cx, cy, radius = (frame.x0 + frame.x1) / 2, (frame.y0 + frame.y1) / 2, min(frame.width, frame.height) / 2
    names = {t.get_text(): t.get_window_extent(renderer) for t in ax.get_xticklabels()}
    assert len(names) == 7
    for text, box in names.items():
        assert _nearest_gap(box, cx, cy, radius) > 0, f"{text!r} crosses the circle"
    boxes = list(names.values())
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    scale = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
    assert not any(s.overlaps(b) for s in scale for b in boxes)
