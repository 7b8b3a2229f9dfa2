"""The self-assessment widget, driven from code: answer, submit, read results, retake, export."""
import base64
import json
import re

import ipywidgets as W
import pytest

from careerlab.assessment import TRAIT_IDS, explain_fit, load_example_responses, load_items, score
from careerlab.assessment.message_widgets import LIVE_CLASS, StatusMessage
from careerlab.assessment.widgets import AssessmentWidget, show_assessment
from careerlab.progress import ProgressStore, default_store

ITEMS = load_items()


@pytest.fixture
def store(careerlab_home):
    return default_store()


def answer_all(w, responses):
    for item_id, value in responses.items():
        w.questions[item_id].value = value


def test_progress_bar_counts_answers(store):
    w = show_assessment(store)
    assert w.progress.value == 0 and "0 of 28 answered" in w.progress_label.value
    w.questions[ITEMS[0].id].value = 4
    w.questions[ITEMS[3].id].value = 2
    assert w.progress.value == 2 and "2 of 28 answered" in w.progress_label.value


def shown_pages(w):
    """The pages a browser displays (the others are there, hidden)."""
    return [p for p in w.page_box.children if p.layout.display != "none"]


@pytest.fixture
def focused(monkeypatch):
    """The questions the widget asked the browser to focus, in order (the focus message of
    ipywidgets' DOMWidget.focus, recorded instead of sent: there is no browser here)."""
    sent = []

    def send(self, content, buffers=None):
        if content == {"do": "focus"}:
            sent.append(self)

    monkeypatch.setattr(W.RadioButtons, "send", send)
    return sent


def test_pages_show_seven_items_at_a_time(store):
    w = show_assessment(store)
    assert len(w.pages) == 4 and "Page 1 of 4" in w.page_label.value and w.prev_button.disabled
    w.next_button.click()
    assert w.page == 1 and "Page 2 of 4" in w.page_label.value
    shown = shown_pages(w)
    assert len(shown) == 1 and len(shown[0].children) == 7
    for _ in range(5):
        w.next_button.click()
    assert w.page == 3 and w.next_button.disabled


def test_next_and_previous_show_one_page_hide_the_others_and_keep_answers(store):
    w = show_assessment(store)
    pages = list(w.page_box.children)
    assert pages == w.pages and len(pages) == 4  # every page stays in the widget: its views stay alive
    assert shown_pages(w) == [pages[0]]
    assert [q.description for q in pages[0].children] == [f"{n}. {i.text}" for n, i in enumerate(ITEMS[:7], 1)]
    first = {ITEMS[0].id: 4, ITEMS[6].id: 1}
    answer_all(w, first)
    w.next_button.click()
    assert shown_pages(w) == [pages[1]] and all(p.layout.display == "none" for p in pages if p is not pages[1])
    assert [q.description.split(".")[0] for q in pages[1].children] == [str(n) for n in range(8, 15)]
    w.questions[ITEMS[7].id].value = 5
    w.prev_button.click()
    assert w.page == 0 and shown_pages(w) == [pages[0]] and list(w.page_box.children) == pages
    assert w.answers() == {**first, ITEMS[7].id: 5} and "3 of 28 answered" in w.progress_label.value
    w.next_button.click()
    w.next_button.click()
    w.next_button.click()
    assert shown_pages(w) == [pages[3]] and w.next_button.disabled and not w.prev_button.disabled


def test_next_and_previous_move_the_focus_to_the_pages_first_question(store, focused):
    w = show_assessment(store)
    assert focused == []  # nothing is focused while the widget is built (there is no view yet)
    w.next_button.click()
    assert focused == [w.questions[ITEMS[7].id]]  # question 8, the first of page 2
    w.next_button.click()
    w.prev_button.click()
    w.prev_button.click()
    assert focused[1:] == [w.questions[ITEMS[14].id], w.questions[ITEMS[7].id], w.questions[ITEMS[0].id]]
    w.prev_button.click()  # already on page 1 (the button is disabled in the browser): still on question 1
    assert focused[-1] is w.questions[ITEMS[0].id]


def test_the_focus_message_reaches_the_browser_after_the_page_is_shown(store, monkeypatch):
    w = show_assessment(store)
    sent = []  # every message in the order the kernel sends it
    monkeypatch.setattr(W.Widget, "send_state", lambda self, key=None: sent.append(("state", self, key)))
    monkeypatch.setattr(W.RadioButtons, "send", lambda self, content, buffers=None: sent.append(("msg", self, content)))
    w.next_button.click()
    shown = next(i for i, m in enumerate(sent) if m[:2] == ("state", w.pages[1].layout))
    focus = sent.index(("msg", w.questions[ITEMS[7].id], {"do": "focus"}))
    assert shown < focus  # a hidden input cannot take the focus


def test_submit_with_gaps_shows_and_focuses_the_first_unanswered_question(store, focused):
    w = show_assessment(store)
    answers = load_example_responses()
    del answers[ITEMS[9].id], answers[ITEMS[20].id]  # questions 10 (page 2) and 21 (page 3)
    answer_all(w, answers)
    for _ in range(3):
        w.next_button.click()
    focused.clear()
    w.submit_button.click()
    assert w.page == 1 and shown_pages(w) == [w.pages[1]] and "Page 2 of 4" in w.page_label.value
    assert focused == [w.questions[ITEMS[9].id]]  # question 10 itself, not the page's first
    assert w.answers() == answers  # nothing answered is lost on the way


def test_submit_with_gaps_names_them_and_saves_nothing(store):
    w = show_assessment(store)
    answers = load_example_responses()
    del answers[ITEMS[1].id], answers[ITEMS[20].id]  # questions 2 and 21
    answer_all(w, answers)
    w.submit_button.click()
    assert "Still unanswered: 2 questions" in w.message.value
    assert "Page 1: question 2." in w.message.value and "Page 3: question 21." in w.message.value
    assert w.page == 0 and w.results.children == ()
    # Nothing is scored or saved as a result; only the draft (the answers so far) is kept.
    assert set(store.section("assessment")) == {"draft_responses"}
    assert store.get("assessment", "draft_responses") == answers


def test_answer_every_item_submit_and_find_charts_and_fit(store):
    w = show_assessment(store)
    answers = load_example_responses()
    answer_all(w, answers)
    w.submit_button.click()
    expected = score(answers)
    assert store.get("assessment", "responses") == answers
    assert store.get("assessment", "trait_scores") == {t: round(v, 1) for t, v in expected.items()}
    fit = store.get("assessment", "role_fit")
    assert set(fit) == {"coder", "biller"} and fit["coder"] > fit["biller"]  # the example leans coder
    bars = w.results.figures["trait-scores"].axes[0]
    assert len(bars.patches) == len(TRAIT_IDS)
    assert w.results.figures["radar"].axes[0].name == "polar"
    assert set(w.results.pngs) == {"trait-scores", "radar"}
    assert all(png.startswith(b"\x89PNG") for png in w.results.pngs.values())
    assert "You lean toward medical coding" in w.results.fit.value
    assert "Traits that pulled toward coding" in w.results.fit.value
    assert "CPC" in w.results.fit.value and "AAPC" in w.results.fit.value
    assert "<a href='https://www.aapc.com/certification/cpc/'" in w.results.fit.value  # the body's own page
    assert "Interest Profiler" in w.results.fit.value and "not a validated" in w.results.fit.value


def test_the_result_charts_are_pictures_with_alt_text_and_their_sentence_under_them(store):
    w = show_assessment(store)
    answer_all(w, load_example_responses())
    w.submit_button.click()
    for name in ("trait-scores", "radar"):
        shown = [c.value for c in w.results.children if f"careerlab-assessment-chart-{name}" in getattr(c, "value", "")]
        assert len(shown) == 1, name
        src = re.search(r'src="data:image/png;base64,([^"]+)"', shown[0]).group(1)
        assert base64.b64decode(src) == w.results.pngs[name]  # the same picture the export saves
        alt = re.search(r'alt="([^"]+)"', shown[0]).group(1)
        title = w.results.figures[name].axes[0].get_title()
        assert alt.startswith("Chart: ") and title and title.split()[0] in alt and "sentence below" in alt


def test_close_result_says_both_paths(store):
    w = show_assessment(store)
    answer_all(w, {i.id: 3 for i in ITEMS})
    w.submit_button.click()
    assert explain_fit(score({i.id: 3 for i in ITEMS})).close
    assert "close" in w.results.fit.value and "Both paths are real" in w.results.fit.value


def test_retake_shows_page_1_and_moves_the_focus_to_question_1(store, focused):
    """Retake pressed with the keyboard: the results the focus was near are gone, so it goes on
    from question 1, on page 1 (like Previous page)."""
    w = show_assessment(store)
    answer_all(w, load_example_responses())
    w.next_button.click()
    w.next_button.click()
    w.submit_button.click()
    assert w.page == 2 and w.results.children  # the results show; page 3 is still the one shown
    focused.clear()
    w.retake_button.click()
    assert w.page == 0 and shown_pages(w) == [w.pages[0]] and "Page 1 of 4" in w.page_label.value
    assert focused == [w.questions[ITEMS[0].id]]
    assert "Answers cleared" in w.message.value


def test_retake_sends_the_focus_after_page_1_is_shown(store, monkeypatch):
    w = show_assessment(store)
    w.next_button.click()
    sent = []  # every message in the order the kernel sends it
    monkeypatch.setattr(W.Widget, "send_state", lambda self, key=None: sent.append(("state", self, key)))
    monkeypatch.setattr(W.RadioButtons, "send", lambda self, content, buffers=None: sent.append(("msg", self, content)))
    w.retake_button.click()
    shown = next(i for i, m in enumerate(sent) if m[:2] == ("state", w.pages[0].layout))
    focus = sent.index(("msg", w.questions[ITEMS[0].id], {"do": "focus"}))
    assert shown < focus  # a hidden input cannot take the focus


def test_messages_show_in_live_regions_there_before_their_text(store):
    """A screen reader reads out "Still unanswered: ..." when it appears only if the live region
    was in the page before: the box is drawn empty with its marker, and only its text changes."""
    w = show_assessment(store)
    for box in (w.message, w.export_message):
        assert isinstance(box, StatusMessage) and LIVE_CLASS in box._dom_classes
        assert box.value == "" and box.children == (box.marker, box.text)
        onload = re.search(r'onload="([^"]+)"', box.marker.value).group(1)
        for attribute in ("'role', 'status'", "'aria-live', 'polite'", "'aria-atomic', 'true'"):
            assert f"setAttribute({attribute})" in onload
        assert f"closest('.{LIVE_CLASS}')" in onload and box.marker.layout.display == "none"
    marker = w.message.marker.value
    w.questions[ITEMS[0].id].value = 3
    w.submit_button.click()
    assert "Still unanswered: 27 questions" in w.message.value and "Page 1: questions 2, 3" in w.message.value
    assert "role=" not in w.message.value  # one live region, not a second one inside it
    assert w.message.marker.value == marker and w.message.children == (w.message.marker, w.message.text)
    w.export_button.click()
    assert "nothing to export yet" in w.export_message.value and "role=" not in w.export_message.value


def test_the_other_questionnaire_messages_read_well_in_the_live_region(store):
    """What a screen reader reads there: the kind of message in words, then the sentence (the icon
    is hidden from it)."""
    w = show_assessment(store)
    answer_all(w, load_example_responses())
    w.submit_button.click()
    assert re.search(r'<span aria-hidden="true">.</span> <b>Saved:</b> Your answers', w.message.value)
    w.retake_button.click()
    assert re.search(r'<span aria-hidden="true">.</span> <b>Note:</b> Answers cleared', w.message.value)
    for box in (w.message, w.export_message):
        assert "role=" not in box.value


def test_retake_clears_answers_but_keeps_saved_results(store):
    w = show_assessment(store)
    answer_all(w, load_example_responses())
    w.submit_button.click()
    saved = store.section("assessment")
    w.retake_button.click()
    assert w.progress.value == 0 and all(q.value is None for q in w.questions.values())
    assert w.results.children == () and store.section("assessment") == saved


def test_export_writes_results_file_and_pngs(store, careerlab_home):
    w = show_assessment(store)
    w.export_button.click()
    assert "nothing to export yet" in w.export_message.value
    answer_all(w, load_example_responses())
    w.submit_button.click()
    w.name.value = "Ada Example"
    paths = w.export()
    assert len(paths) == 3 and all(p.exists() for p in paths)
    doc = json.loads(paths[0].read_text())
    assert doc["format"] == "careerlab-results" and doc["learner"] == "Ada Example"
    assert doc["progress"]["assessment"]["role_fit"] == store.get("assessment", "role_fit")
    assert paths[1].read_bytes().startswith(b"\x89PNG") and paths[1].parent == paths[0].parent
    assert paths[0].parent == careerlab_home.parent / "my-results"  # the copy beside the lessons
    assert "Exported" in w.export_message.value
    assert w.children[-1] is w.export_message  # right under the Export button, not far above
    w.retake_button.click()
    assert w.export_message.value == ""  # the old message belongs to the old answers


def _downloads(html_text):
    """(download name, mime, decoded bytes) for every <a download> link in the HTML."""
    found = re.findall(r'<a download="([^"]+)"[^>]*href="data:([^;]+);base64,([^"]+)"', html_text)
    return [(name, mime, base64.b64decode(data)) for name, mime, data in found]


def test_export_offers_the_files_as_browser_downloads(store):
    w = show_assessment(store)
    answer_all(w, load_example_responses())
    w.submit_button.click()
    w.name.value = "Ada Example"
    paths = w.export()
    assert f"Saved as my-results/{paths[0].name}" in w.export_message.value
    links = _downloads(w.export_message.value)
    assert [name for name, _, _ in links] == [p.name for p in paths]
    name, mime, data = links[0]
    assert name.startswith("careerlab-results-ada-example-") and name.endswith(".json")
    assert mime == "application/json" and data == paths[0].read_bytes()
    doc = json.loads(data)
    assert doc["format"] == "careerlab-results" and doc["learner"] == "Ada Example"
    assert doc["progress"]["assessment"]["role_fit"] == store.get("assessment", "role_fit")
    assert all(m == "image/png" and d.startswith(b"\x89PNG") for _, m, d in links[1:]) and len(links) == 3
    # in the lesson the copy is named as the learner finds it, in my-results, never by a server path
    assert str(paths[0].parent) not in w.export_message.value


def test_the_app_page_shows_downloads_not_server_paths(store):
    w = show_assessment(store, fresh=True)
    answer_all(w, load_example_responses())
    w.submit_button.click()
    paths = w.export()
    assert len(_downloads(w.export_message.value)) == 3
    assert str(paths[0].parent) not in w.export_message.value  # a visitor cannot reach the server's folders


def test_reopening_restores_answers_and_results(store):
    w = show_assessment(store)
    answer_all(w, load_example_responses())
    w.submit_button.click()
    again = show_assessment(store)
    assert again.answers() == load_example_responses()
    assert "from last time" in again.results.children[0].value


def test_answers_so_far_survive_a_kernel_restart(store):
    w = show_assessment(store)
    some = {ITEMS[0].id: 4, ITEMS[1].id: 2, ITEMS[9].id: 5}  # three answers, on pages 1 and 2
    answer_all(w, some)
    assert store.get("assessment", "draft_responses") == some  # saved as the learner answers
    w.questions[ITEMS[1].id].value = 3  # a changed answer is saved too
    assert store.get("assessment", "draft_responses")[ITEMS[1].id] == 3
    again = show_assessment(store)  # a new widget on the same store, as after a restart
    assert again.answers() == {**some, ITEMS[1].id: 3}
    assert again.progress.value == 3 and "Welcome back" in again.message.value
    assert store.get("assessment", "responses") is None  # still not submitted


def test_draft_is_cleared_by_submit_and_by_retake(store):
    w = show_assessment(store)
    answers = load_example_responses()
    answer_all(w, answers)
    assert store.get("assessment", "draft_responses") == answers
    w.submit_button.click()
    assert store.get("assessment", "draft_responses") == {}
    w.retake_button.click()
    w.questions[ITEMS[0].id].value = 1  # start again: only this one answer is on screen
    assert store.get("assessment", "draft_responses") == {ITEMS[0].id: 1}
    again = show_assessment(store)
    assert again.answers() == {ITEMS[0].id: 1}  # the draft wins over the last submitted answers
    assert "from last time" in again.results.children[0].value  # last results still shown


def test_a_hand_edited_draft_keeps_only_usable_answers(store):
    store.record("assessment", "draft_responses", {ITEMS[0].id: 4, ITEMS[1].id: 9, "bogus": 3, ITEMS[2].id: "x"})
    w = show_assessment(store)
    assert w.answers() == {ITEMS[0].id: 4}


def test_hand_edited_saved_answers_start_empty_with_a_message(store):
    store.record("assessment", "responses", {"nm1": "lots", "bogus": 3})
    w = show_assessment(store)
    assert w.progress.value == 0
    assert "could not be used" in w.message.value and "Nothing" in w.message.value
    assert store.get("assessment", "responses") == {"nm1": "lots", "bogus": 3}  # nothing deleted


def test_corrupt_progress_file_is_reported_not_raised(careerlab_home):
    careerlab_home.mkdir(parents=True, exist_ok=True)
    (careerlab_home / "progress.json").write_text("{ broken")
    w = AssessmentWidget(ProgressStore(careerlab_home / "progress.json"))
    assert "could not be used" in w.message.value


def test_an_error_in_a_callback_becomes_a_message(store, monkeypatch):
    w = show_assessment(store)
    answer_all(w, load_example_responses())

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(store, "record", boom)
    w.submit_button.click()  # must not raise
    assert "Sorry" in w.message.value and "disk full" in w.message.value
    assert "Traceback" not in w.message.value


def test_widgets_carry_stable_css_classes(store):
    w = show_assessment(store)
    assert "careerlab-assessment" in w._dom_classes
    for button, cls in ((w.submit_button, "submit"), (w.retake_button, "retake"), (w.export_button, "export"),
                        (w.next_button, "next"), (w.prev_button, "prev")):
        assert f"careerlab-assessment-{cls}" in button._dom_classes
    assert "careerlab-assessment-item" in w.questions[ITEMS[0].id]._dom_classes
    assert w.questions[ITEMS[0].id].description == f"1. {ITEMS[0].text}"  # announced by screen readers


def test_buttons_show_their_whole_label(store):
    w = show_assessment(store)
    for button in (w.prev_button, w.next_button, w.submit_button, w.retake_button, w.export_button):
        assert button.layout.width == "auto", f"{button.description!r} could be cut short"


def test_results_text_has_a_normal_line_height(store):
    w = show_assessment(store)
    answer_all(w, load_example_responses())
    w.submit_button.click()
    # JupyterLab gives HTML-widget text a 28 px line height (double-spaced) unless the HTML sets its own.
    texts = [c.value for c in w.results.children if hasattr(c, "value") and "<p>" in str(c.value)]
    assert len(texts) == 3  # the two chart summaries and the fit
    assert all(t.startswith('<div class="careerlab-text" style="line-height:1.45') for t in texts)
    assert w.results.fit.value.startswith('<div class="careerlab-text"')


def test_a_fresh_page_shows_nothing_from_the_last_visitor(store):
    first = show_assessment(store)
    answer_all(first, load_example_responses())
    first.submit_button.click()
    first.name.value = "Previous Visitor"
    first.export()
    first.questions[ITEMS[0].id].value = 1  # a half-done retake leaves a draft too
    kiosk = show_assessment(store, fresh=True)
    assert kiosk.answers() == {} and kiosk.progress.value == 0
    assert kiosk.results.children == () and kiosk.name.value == "" and kiosk.message.value == ""
    regular = show_assessment(store)  # the lesson still picks up where the learner stopped
    assert regular.answers() and regular.name.value == "Previous Visitor"


def test_a_fresh_page_never_exports_under_the_last_visitors_name(store):
    first = show_assessment(store, fresh=True)
    answer_all(first, load_example_responses())
    first.submit_button.click()
    first.name.value = "Previous Visitor"
    first.export()
    kiosk = show_assessment(store, fresh=True)
    answers = {i.id: 3 for i in ITEMS}
    answer_all(kiosk, answers)
    kiosk.submit_button.click()
    doc = json.loads(kiosk.export()[0].read_text())  # name box left empty
    assert doc["learner"] == "learner" and doc["progress"]["assessment"]["responses"] == answers
