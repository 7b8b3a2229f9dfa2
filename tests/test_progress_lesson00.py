"""Lesson 00 as a first-time learner meets it: what the self-check says about where answers go."""
from careerlab.progress import ProgressStore
from careerlab.quiz import show_quiz


def _where_answers_go(tmp_path):
    quiz = show_quiz("00-start-here", ProgressStore(tmp_path / "p.json"))
    return next(v for v in quiz.views if v.question.id == "q-start-2")


def test_where_answers_go_names_every_way_they_can_leave(tmp_path):
    """Hand in and live sharing do send answers on a class hub: the check must not say "nothing is sent"."""
    view = _where_answers_go(tmp_path)
    view.input.value = "c"  # "sent to your instructor automatically"
    view.check.click()
    said = view.feedback.value
    assert "Not quite" in said or "No." in said
    assert "Hand in" in said and "Share my answers live" in said and "export" in said.lower()
    assert "Nothing leaves your computer" not in said
    view.input.value = "b"
    view.check.click()
    said = view.feedback.value
    assert "Correct" in said and "in your own account on a class hub" in said
    assert "Nothing is sent anywhere" not in said
    assert "Hand in sends your results to your instructor" in said and "Share my answers live" in said
