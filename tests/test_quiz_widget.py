"""Drive the quiz widget like a learner: set values, click Check, read feedback and the score."""
from careerlab.progress import ProgressStore
from careerlab.quiz import parse_bank, quiz_widget
from quiz_samples import sample_bank_doc


def make(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    return quiz_widget(parse_bank(sample_bank_doc()), store), store


def test_check_shows_feedback_and_updates_the_score(tmp_path):
    quiz, store = make(tmp_path)
    single, multi, num, text = quiz.views
    single.input.value = "b"
    single.check.click()
    assert "Coders assign codes" in single.feedback.value and "Not quite" in single.feedback.value
    single.input.value = "a"
    single.check.click()
    assert "Correct" in single.feedback.value and "Why:" in single.feedback.value
    for cb in multi.input.children:
        cb.value = cb.option_id in ("a", "b")
    multi.check.click()
    num.input.value = "$57.70"
    num.check.click()
    assert "Correct" in num.feedback.value
    assert "Score: 3 of 4 correct" in quiz.score_label.value
    saved = store.get("quiz:99-sample", "_score")
    assert saved == {"correct": 3, "answered": 3, "total": 4}
    assert store.get("quiz:99-sample", "num-1") == {"answer": "$57.70", "correct": True}


def test_empty_and_text_in_numeric_are_explained_not_counted(tmp_path):
    quiz, store = make(tmp_path)
    num = quiz.views[2]
    num.check.click()
    assert "No answer yet" in num.feedback.value
    num.input.value = "about fifty"
    num.check.click()
    assert "is not a number" in num.feedback.value
    assert "Score" not in quiz.score_label.value and "press <b>Check</b>" in quiz.score_label.value
    assert store.get("quiz:99-sample", "num-1") is None


def test_explanation_appears_after_two_wrong_tries(tmp_path):
    quiz, _ = make(tmp_path)
    text = quiz.views[3]
    text.input.value = "PR"
    text.check.click()
    assert "Why:" not in text.feedback.value
    text.check.click()
    assert "Why:" in text.feedback.value


def test_try_again_clears_answers_and_score(tmp_path):
    quiz, store = make(tmp_path)
    quiz.views[0].input.value = "a"
    quiz.views[0].check.click()
    assert "Score: 1 of 4 correct" in quiz.score_label.value and "(1 of 4 answered)" in quiz.score_label.value
    assert quiz.try_again.layout.display is None  # shown once there is something to clear
    quiz.try_again.click()
    assert quiz.views[0].input.value is None and quiz.views[0].feedback.value == ""
    assert "Score" not in quiz.score_label.value and quiz.try_again.layout.display == "none"
    assert store.get("quiz:99-sample", "_score")["answered"] == 0


def test_a_new_quiz_shows_no_score_and_no_try_again(tmp_path):
    """Before any answer there is nothing to score or clear: no "Score: 0 of 4", no Try again."""
    quiz, _ = make(tmp_path)
    assert "Score" not in quiz.score_label.value and quiz.try_again.layout.display == "none"


def test_saved_answers_come_back_in_a_new_widget(tmp_path):
    quiz, store = make(tmp_path)
    quiz.views[3].input.value = "co"
    quiz.views[3].check.click()
    again = quiz_widget(parse_bank(sample_bank_doc()), ProgressStore(store.path))
    assert again.views[3].input.value == "co"
    assert "Correct" in again.views[3].feedback.value
    assert "Score: 1 of 4" in again.score_label.value


def test_numeric_hint_and_odd_numbers_in_the_widget(tmp_path):
    quiz, store = make(tmp_path)
    num = quiz.views[2]
    hint = num.box.children[0].value
    assert "Type an amount in dollars and cents, for example 12.34" in hint and "57.70" not in hint
    for typed, words in (("1e999999999", "too large"), ("9" * 5000, "too large"), ("1,234,5", "more than one way")):
        num.input.value = typed
        num.check.click()
        assert words in num.feedback.value and "Sorry" not in num.feedback.value
    assert num.tries == 0 and store.get("quiz:99-sample", "num-1") is None
    num.input.value = "57,70"
    num.check.click()
    assert "Correct" in num.feedback.value


# --- each learner's order of the options (issue 16) -------------------------------------------
import json  # noqa: E402
from collections import Counter  # noqa: E402

import pytest  # noqa: E402

from careerlab.paths import data_path  # noqa: E402
from careerlab.progress.record import LEARNER, QUIZ_ORDER_SALT  # noqa: E402
from careerlab.quiz import load_bank, option_order  # noqa: E402

BANKS = [load_bank(p) for p in sorted(data_path("quizzes").glob("*.json"))]


def shown_order(view):
    """The option ids in the order the learner sees them (radio buttons or tick boxes)."""
    if view.question.type == "single":
        return tuple(option_id for _label, option_id in view.input.options)
    return tuple(cb.option_id for cb in view.input.children)


def orders(quiz):
    return {v.question.id: shown_order(v) for v in quiz.views if v.question.options}


def test_a_learner_who_comes_back_sees_the_same_order(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    first = [orders(quiz_widget(bank, store)) for bank in BANKS]
    salt = store.get(LEARNER, QUIZ_ORDER_SALT)
    assert isinstance(salt, str) and len(salt) >= 16
    again = ProgressStore(store.path)  # a new session reads the same file
    assert [orders(quiz_widget(bank, again)) for bank in BANKS] == first
    assert again.get(LEARNER, QUIZ_ORDER_SALT) == salt  # saved once, never replaced


def test_two_learners_typically_see_different_orders(tmp_path):
    a = [orders(quiz_widget(b, ProgressStore(tmp_path / "a.json"))) for b in BANKS]
    b = [orders(quiz_widget(b, ProgressStore(tmp_path / "b.json"))) for b in BANKS]
    pairs = [(x[qid], y[qid]) for x, y in zip(a, b) for qid in x]
    assert sum(p != q for p, q in pairs) >= len(pairs) // 2
    for p, q in pairs:
        assert sorted(p) == sorted(q)  # the same options, only the order differs


def test_without_a_saved_salt_the_order_comes_from_the_question_id(tmp_path, monkeypatch):
    store = ProgressStore(tmp_path / "progress.json")
    monkeypatch.setattr(store, "record", lambda *a, **k: False)  # nothing can be saved
    quiz = quiz_widget(BANKS[1], store)
    assert quiz.salt is None
    for view in quiz.views:
        if view.question.options:
            assert shown_order(view) == option_order(view.question, None)
    assert orders(quiz_widget(BANKS[1], store)) == orders(quiz)


def test_the_right_answer_lands_on_every_position_across_learners():
    q = next(q for bank in BANKS for q in bank.questions if q.type == "single" and len(q.options) == 4)
    places = Counter(option_order(q, f"learner-{n}").index(q.answer) for n in range(800))
    assert set(places) == {0, 1, 2, 3}
    assert all(120 <= n <= 280 for n in places.values()), places  # about 200 each


def test_grading_is_by_option_id_whatever_the_order(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    quiz = quiz_widget(BANKS[1], store)
    for view in quiz.views:
        q = view.question
        if q.type == "single":
            view.input.value = q.answer
        elif q.type == "multiple":
            for cb in view.input.children:
                cb.value = cb.option_id in q.answer
        else:
            continue
        view.check.click()
        assert view.correct, q.id
        saved = store.get(quiz.section, q.id)["answer"]
        assert saved == (q.answer if q.type == "single" else sorted(q.answer))  # ids, not positions


def test_an_answer_saved_before_the_shuffle_still_shows_as_selected(tmp_path):
    """Answers were saved by option id before options were shuffled: they come back selected."""
    bank = BANKS[1]  # 01-two-roles
    single = next(q for q in bank.questions if q.type == "single")
    multiple = next(q for q in bank.questions if q.type == "multiple")
    wrong = next(o.id for o in single.options if o.id != single.answer)
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format": "careerlab-progress", "version": 1, "sections": {
        "quiz:01-two-roles": {single.id: {"answer": wrong, "correct": False},
                              multiple.id: {"answer": sorted(multiple.answer), "correct": True}}}}),
                    encoding="utf-8")
    quiz = quiz_widget(bank, ProgressStore(path))
    views = {v.question.id: v for v in quiz.views}
    radio = views[single.id].input
    assert radio.value == wrong
    assert radio.label == next(o.text for o in single.options if o.id == wrong)
    ticked = {cb.option_id for cb in views[multiple.id].input.children if cb.value}
    assert ticked == set(multiple.answer) and views[multiple.id].correct


@pytest.mark.parametrize("bank", BANKS, ids=lambda b: b.lesson)
def test_every_wrong_choice_says_not_quite_once_with_its_reason(tmp_path, bank):
    quiz = quiz_widget(bank, ProgressStore(tmp_path / "progress.json"))
    for view in quiz.views:
        q = view.question
        for option in q.options if q.type == "single" else ():
            if option.id == q.answer:
                continue
            view.input.value = option.id
            view.check.click()
            shown = view.feedback.value
            assert shown.count("Not quite") == 1 and "Not quite:</b>" in shown, (q.id, option.id)
            assert html_text(option.feedback)[:20] in shown
        if q.type in ("numeric", "text"):
            view.input.value = "PR" if q.type == "text" else str(q.answer + q.tolerance + 1000)
            view.check.click()
            assert html_text(q.wrong) in view.feedback.value, q.id


def html_text(text):
    import html
    return html.escape(text)


def test_a_label_in_the_feedback_is_not_said_twice(tmp_path):
    from quiz_samples import sample_bank_doc as doc_

    doc = doc_()
    doc["questions"][0]["options"][1]["feedback"] = "Not quite. Coders assign codes."
    quiz = quiz_widget(parse_bank(doc), ProgressStore(tmp_path / "progress.json"))
    quiz.views[0].input.value = "b"
    quiz.views[0].check.click()
    assert "Not quite:</b> Coders assign codes." in quiz.views[0].feedback.value
    assert quiz.views[0].feedback.value.count("Not quite") == 1


def test_a_hostile_saved_salt_is_replaced_not_fatal(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format": "careerlab-progress", "version": 1,
                                "sections": {LEARNER: {QUIZ_ORDER_SALT: {"not": "text"}}}}), encoding="utf-8")
    store = ProgressStore(path)
    quiz = quiz_widget(BANKS[0], store)
    assert isinstance(quiz.salt, str) and store.get(LEARNER, QUIZ_ORDER_SALT) == quiz.salt


def test_a_quiz_sends_few_layout_and_style_models_and_try_again_keeps_its_own(tmp_path):
    """Every question shares one set of Layout and Style models (each model is a message to the
    browser): a longer bank adds widgets, not layouts; hiding Try again hides nothing else."""
    import ipywidgets as W

    from careerlab.quiz.data import lesson_bank_path, load_bank

    def layouts_and_styles(widget):
        seen, todo = set(), [widget]
        while todo:
            w = todo.pop()
            for part in (getattr(w, "layout", None), getattr(w, "style", None)):
                if isinstance(part, W.Widget):
                    seen.add(id(part))
            todo += list(getattr(w, "children", ()))
        return seen

    store = ProgressStore(tmp_path / "progress.json")
    small, big = quiz_widget(parse_bank(sample_bank_doc()), store), quiz_widget(load_bank(lesson_bank_path("02-the-medical-coder")), store)
    layouts = lambda q: {id(v.box.layout) for v in q.views} | {id(v.check.layout) for v in q.views}
    assert len(layouts(big)) == 1 and len(big.views) > 2 * len(small.views)
    assert len(layouts_and_styles(big)) <= 20  # was 134 for this bank of 13 questions
    assert len(layouts_and_styles(big)) - len(layouts_and_styles(small)) <= 2
    assert all(id(quiz.try_again.layout) not in layouts(quiz) for quiz in (small, big))
    small.views[0].input.value = small.views[0].question.options[0].id
    small.views[0].check.click()
    small.try_again.click()
    assert small.try_again.layout.display == "none" and small.views[0].box.layout.display is None


def test_enter_in_a_typed_answer_box_checks_it_and_check_after_it_is_not_a_second_try(tmp_path):
    """Walk's finding (issue 16): Enter in the text box did nothing. The box sends its value on Enter
    (continuous_update=False), and the new value is checked at once; pressing Check just after it
    (leaving the box for the button sends the value first) shows the same feedback, one try."""
    quiz, store = make(tmp_path)
    text, num = quiz.views[3], quiz.views[2]
    assert text.input.continuous_update is False and num.input.continuous_update is False
    text.input.value = "PR"  # what the browser sends when the learner presses Enter
    assert "Not quite" in text.feedback.value and "Why:" not in text.feedback.value
    assert store.get("quiz:99-sample", "text-1") == {"answer": "PR", "correct": False}
    text.check.click()  # the one press that sent the value: not a second try
    assert text.tries == 1 and "Why:" not in text.feedback.value
    text.check.click()  # pressed again on the same answer: a second try, as before
    assert "Why:" in text.feedback.value
    num.input.value = "57.70"
    assert "Correct" in num.feedback.value and "Score: 1 of 4 correct" in quiz.score_label.value


def test_changing_a_checked_choice_hides_its_old_feedback_until_checked_again(tmp_path):
    """Walk's finding (issue 16): the old "Not quite" stayed under a changed answer. It is replaced by a
    note to press Check; going back to the checked answer shows its feedback again."""
    quiz, _ = make(tmp_path)
    single, multi = quiz.views[0], quiz.views[1]
    single.input.value = "b"
    single.check.click()
    wrong = single.feedback.value
    assert "Not quite" in wrong
    single.input.value = "a"
    assert "Not quite" not in single.feedback.value and "Correct" not in single.feedback.value
    assert "You changed your answer" in single.feedback.value and "press check" in single.feedback.value.lower()
    single.input.value = "b"
    assert single.feedback.value == wrong
    single.input.value = "a"
    single.check.click()
    assert "Correct" in single.feedback.value
    for cb in multi.input.children:
        cb.value = cb.option_id == "a"
    multi.check.click()
    assert "Not quite" in multi.feedback.value
    next(cb for cb in multi.input.children if cb.option_id == "b").value = True
    assert "You changed your answer" in multi.feedback.value and "Not quite" not in multi.feedback.value


def test_restoring_and_clearing_answers_check_nothing_on_their_own(tmp_path):
    """The quiz sets the boxes itself when it restores saved answers or clears them: that is not the
    learner pressing Enter, so nothing is checked again, counted or saved."""
    quiz, store = make(tmp_path)
    quiz.views[3].input.value = "co"
    reopened, saved = ProgressStore(store.path), []
    record = reopened.record
    reopened.record = lambda *args, **kw: saved.append(args) or record(*args, **kw)
    again = quiz_widget(parse_bank(sample_bank_doc()), reopened)
    assert again.views[3].tries == 1 and "Correct" in again.views[3].feedback.value
    assert not [a for a in saved if a[0] == "quiz:99-sample"]  # restoring saves (and shares) nothing
    again.try_again.click()
    assert again.views[3].feedback.value == "" and again.views[3].tries == 0
    assert store.get("quiz:99-sample", "text-1") is None
