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
    assert "0 answered" in quiz.score_label.value
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
    quiz.try_again.click()
    assert quiz.views[0].input.value is None and quiz.views[0].feedback.value == ""
    assert "Score: 0 of 4" in quiz.score_label.value
    assert store.get("quiz:99-sample", "_score")["answered"] == 0


def test_saved_answers_come_back_in_a_new_widget(tmp_path):
    quiz, store = make(tmp_path)
    quiz.views[3].input.value = "co"
    quiz.views[3].check.click()
    again = quiz_widget(parse_bank(sample_bank_doc()), ProgressStore(store.path))
    assert again.views[3].input.value == "co"
    assert "Correct" in again.views[3].feedback.value
    assert "Score: 1 of 4" in again.score_label.value


def test_numeric_hint_and_odd_numbers_in_the_widget(tmp_path):
    from careerlab.amounts import HINT

    quiz, store = make(tmp_path)
    num = quiz.views[2]
    assert "57,70 is read as 57.70" in num.box.children[0].value and HINT in num.box.children[0].value
    for typed, words in (("1e999999999", "too large"), ("9" * 5000, "too large"), ("1,234,5", "more than one way")):
        num.input.value = typed
        num.check.click()
        assert words in num.feedback.value and "Sorry" not in num.feedback.value
    assert num.tries == 0 and store.get("quiz:99-sample", "num-1") is None
    num.input.value = "57,70"
    num.check.click()
    assert "Correct" in num.feedback.value
