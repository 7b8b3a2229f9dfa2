"""Sharing answers live: off by default, a tick box in the progress panel, and only through the
course's hand-in store (a learner who did not tick it never reaches the instructor's live view)."""
from __future__ import annotations

import re

import pytest

from careerlab.classroom import live_answers
from careerlab.handin import client
from careerlab.progress import ProgressStore, progress_panel
from careerlab.quiz import lesson_bank_path, load_bank, quiz_widget
from handin_helpers import handin_service, off_hub, on_hub

LESSON = "01-two-roles"


@pytest.fixture
def service(tmp_path):
    with handin_service(tmp_path / "store") as got:
        yield got




def answer(store: ProgressStore, qid: str, option_text: str):
    quiz = quiz_widget(load_bank(lesson_bank_path(LESSON)), store)
    view = next(v for v in quiz.views if v.question.id == qid)
    view.input.value = next(o.id for o in view.question.options if o.text == option_text)
    view.check.click()
    return view


def test_the_tick_box_is_off_by_default_says_what_is_shared_and_saves_the_choice(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    parts = progress_panel(store).children_by_role
    box, note = parts["share_live"], parts["share_note"]
    assert box.value is False and store.get("learner", "share_live") is None
    assert "never a name" in note.value and "Off unless you tick it" in note.value
    box.value = True
    assert store.get("learner", "share_live") is True and "<b>On:</b>" in note.value
    assert progress_panel(ProgressStore(tmp_path / "p.json")).children_by_role["share_live"].value is True
    box.value = False
    assert store.get("learner", "share_live") is False and "<b>Off:</b>" in note.value
    box.value = True
    parts["reset"].click()
    parts["confirm"].click()
    assert box.value is False and store.get("learner", "share_live") is not True


def test_no_hand_in_unless_opted_in_and_on_a_hub(tmp_path, monkeypatch):
    sent = []
    monkeypatch.setattr(client, "hand_in", lambda doc, timeout=None: sent.append(doc) or client.Receipt(True, "ok"))
    store = ProgressStore(tmp_path / "p.json")
    on_hub(monkeypatch, "http://127.0.0.1:9/x/", "tok")
    view = answer(store, "q-roles-1", "The medical coder")
    assert sent == [] and "live view" not in view.feedback.value  # not opted in
    store.record("learner", "share_live", True)
    off_hub(monkeypatch)
    answer(store, "q-roles-1", "The medical coder")
    assert sent == []  # opted in, but off a hub nothing is sent
    on_hub(monkeypatch, "http://127.0.0.1:9/x/", "tok")
    view = answer(store, "q-roles-9", "A denial")
    assert len(sent) == 1 and "live view (counts only, never your name)" in view.feedback.value
    assert sent[0]["progress"]["quiz:01-two-roles"]["q-roles-9"]["answer"] == \
        next(o.id for o in view.question.options if o.text == "A denial")


def test_unticking_on_a_hub_hands_in_at_once_so_the_live_view_stops_counting(tmp_path, monkeypatch):
    sent = []
    monkeypatch.setattr(client, "hand_in", lambda doc, timeout=None: sent.append(doc) or client.Receipt(True, "ok"))
    store = ProgressStore(tmp_path / "p.json")
    store.record("learner", "share_live", True)
    off_hub(monkeypatch)
    parts = progress_panel(store).children_by_role
    parts["share_live"].value = False
    assert sent == []  # off a hub nothing is sent, ever
    on_hub(monkeypatch, "http://127.0.0.1:9/x/", "tok")
    parts["share_live"].value = True
    assert sent == []  # ticking sends nothing by itself
    parts["share_live"].value = False
    assert len(sent) == 1 and sent[0]["progress"]["learner"]["share_live"] is False
    assert "no longer counts your answers" in parts["share_note"].value


def test_a_hub_problem_is_one_plain_sentence_and_the_answer_is_still_saved(tmp_path, monkeypatch):
    on_hub(monkeypatch, "http://127.0.0.1:9/x/", "tok")
    monkeypatch.setattr(client, "_call", lambda method, route, body=None, timeout=None: (0, {}))
    store = ProgressStore(tmp_path / "p.json")
    store.record("learner", "share_live", True)
    view = answer(store, "q-roles-1", "The medical coder")
    assert "Not shared live" in view.feedback.value and "did not answer" in view.feedback.value
    assert store.get("quiz:01-two-roles", "q-roles-1")["correct"] is True


def test_three_learners_who_opt_in_reach_the_instructors_live_view(tmp_path, monkeypatch, service):
    url, _store = service
    for token, choice, share in (("tok-ada", "A rejection", True), ("tok-bob", "A rejection", True),
                                 ("tok-cai", "A denial", True), ("tok-dee", "An appeal", False)):
        store = ProgressStore(tmp_path / token / "progress.json")
        store.record("learner", "name", f"Secret {token}")
        if share:
            store.record("learner", "share_live", True)
        on_hub(monkeypatch, url, token)
        answer(store, "q-roles-9", choice)
        if not share:  # dee hands in with the button: her answers reach the dashboard, not the live view
            assert client.hand_in(client.results_document(store)).ok
    on_hub(monkeypatch, url, "tok-teacher")
    view = live_answers()
    view.lesson.value = LESSON
    view.question.value = "q-roles-9"
    view.refresh_button.click()
    rows = {r.answer: r.learners for r in view.counts.rows}
    assert rows == {"A rejection": 2, "A denial": 1, "An appeal": 0}
    assert "3 learners shared an answer" in view.status.value and "1 learner did not opt in" in view.status.value
    shown = view.status.value + view.table.value + re.sub(r"base64,[^\"]+", "", view.chart.value)
    for secret in ("Secret", "ada", "bob", "cai", "dee", "hand-in 1"):
        assert secret not in shown


def test_a_live_share_waits_only_a_short_time_for_the_hub(tmp_path, monkeypatch):
    """A live share rides on the quiz's Check: it waits at most LIVE_TIMEOUT for the hand-in
    service, never the full hand-in timeout, so a slow hub cannot freeze the quiz."""
    waited = []
    monkeypatch.setattr(client, "_call", lambda method, route, body=None, timeout=None: waited.append(timeout) or (0, {}))
    store = ProgressStore(tmp_path / "p.json")
    store.record("learner", "share_live", True)
    on_hub(monkeypatch, "http://127.0.0.1:9/x/", "tok")
    view = answer(store, "q-roles-1", "The medical coder")
    assert waited == [client.LIVE_TIMEOUT] and client.LIVE_TIMEOUT < client.TIMEOUT
    assert "Not shared live" in view.feedback.value
