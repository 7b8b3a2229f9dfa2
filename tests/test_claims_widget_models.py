"""Lesson 03's widgets share their Layout and Style models: each model is a message to the browser and
costs Run All time (issue 16). Shared ones are never changed after they are made, so sharing is safe."""
import ipywidgets as W
import pytest

from careerlab.chart_widgets import ChartOnDemand
from careerlab.claims import claim_builder, process_exercise, share_exercise, work_queue
from careerlab.progress.store import ProgressStore


def parts(widget) -> tuple[int, int]:
    """(widgets in the tree, distinct Layout and Style models they use)."""
    seen, extras, todo = set(), set(), [widget]
    while todo:
        w = todo.pop()
        if id(w) in seen:
            continue
        seen.add(id(w))
        for part in (getattr(w, "layout", None), getattr(w, "style", None)):
            if isinstance(part, W.Widget):
                extras.add(id(part))
        todo += list(getattr(w, "children", ()))
    return len(seen), len(extras)


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress.json")


@pytest.mark.parametrize("build, most", [
    (lambda s: process_exercise("eligibility", store=s), 6),      # was 11: a layout and a style for each part
    (lambda s: process_exercise("secondary-claim", store=s), 5),  # was 9
    (lambda s: share_exercise("share-1", "What does the patient pay?", "120.00", "283.00", "0.20", store=s), 5),  # was 10
    (lambda s: claim_builder(store=s), 23),                       # was 54; 2 of them the Remove buttons' own
    (lambda s: work_queue(store=s), 23),                          # was 47
    (lambda s: ChartOnDemand(lambda ax: None, "A sentence.", (4, 3), "a chart"), 5),
], ids=["choice", "secondary", "share", "claim-builder", "work-queue", "chart"])
def test_parts_share_their_layouts_and_styles(store, build, most):
    assert parts(build(store))[1] <= most


def test_a_shared_layout_is_never_changed_by_the_widgets_using_it(store):
    """The claim builder's buttons share one layout: each is at least 200 px wide (never cut), and pressing them changes no layout."""
    w = claim_builder(store=store)
    buttons = (w.scrub_button, w.submit_button, w.reset_button, w.file_button)
    assert len({id(b.layout) for b in buttons}) == 1 and w.scrub_button.layout.min_width == "200px"
    before = {id(b.layout): dict(b.layout.get_state()) for b in buttons}
    for b in buttons:
        b.click()
    assert {id(b.layout): dict(b.layout.get_state()) for b in buttons} == before
    w.visit.value = w.visit.options[-1][1]  # another visit: its line boxes reuse the same widths
    assert [r["code"].layout.width for r in w.line_rows] == ["130px"] * len(w.line_rows)
