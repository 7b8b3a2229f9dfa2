"""The work-queue widget attacked: double clicks, a claim already worked, two widgets on one store."""
from __future__ import annotations

from careerlab.claims.queue_widgets import SECTION, WorkQueueWidget
from careerlab.claims.queue_work import work_claim
from careerlab.claims.queue_model import QueueError
from careerlab.progress import ProgressStore
from careerlab.progress.record import WORK_QUEUE

import pytest


def _right_action(widget):
    return sorted(widget.queue.claim(widget.claim_pick.value).right)[0]


def test_a_double_click_on_submit_works_one_claim_once(tmp_path):
    w = WorkQueueWidget(store=ProgressStore(tmp_path / "progress.json"))
    first = w.claim_pick.value
    w.action.value = _right_action(w)
    w.submit.click()
    w.submit.click()  # the second click: the next claim, no action chosen yet
    assert [d.claim_id for d in w.done] == [first]
    assert "Choose an action" in w.feedback.value
    assert first not in [value for _label, value in w.claim_pick.options]


def test_a_claim_already_worked_is_refused_in_plain_words(tmp_path):
    w = WorkQueueWidget(store=ProgressStore(tmp_path / "progress.json"))
    claim = w.claim_pick.value
    w.action.value = _right_action(w)
    w.submit.click()
    with pytest.raises(QueueError, match="already been worked"):
        work_claim(w.queue, w.done, claim, "hold")


def test_two_widgets_on_one_store_keep_their_own_queues(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    a, b = WorkQueueWidget(store=store), WorkQueueWidget(store=store)
    a.action.value = _right_action(a)
    a.submit.click()
    assert len(a.done) == 1 and b.done == () and b.claim_pick.value == a.done[0].claim_id
    assert store.get(SECTION, WORK_QUEUE)["worked"] == 1
