"""The "whose task is it?" exercise, driven from code."""
from careerlab.compare import load_tasks, task_sort_exercise
from careerlab.progress import default_store


def test_blank_answers_are_named_and_nothing_is_saved(careerlab_home):
    store = default_store()
    w = task_sort_exercise(store)
    tasks = load_tasks()
    w.choices[tasks[0].id].value = tasks[0].answer
    w.check_button.click()
    assert "tasks 2, 3" in w.feedback.value and "Check this" in w.feedback.value
    assert store.section("exercise:04-side-by-side") == {}


def test_all_right_scores_one_and_saves(careerlab_home):
    store = default_store()
    w = task_sort_exercise(store)
    for t in load_tasks():
        w.choices[t.id].value = t.answer
    w.check_button.click()
    saved = store.get("exercise:04-side-by-side", "task-sort")
    assert saved["score"] == 1.0 and saved["answer"] == {t.id: t.answer for t in load_tasks()}
    assert f"{len(load_tasks())} of {len(load_tasks())} right" in w.feedback.value


def test_one_wrong_answer_is_explained(careerlab_home):
    store = default_store()
    w = task_sort_exercise(store)
    tasks = load_tasks()
    for t in tasks:
        w.choices[t.id].value = t.answer
    first = tasks[0]
    w.choices[first.id].value = "both" if first.answer != "both" else "coder"
    w.check_button.click()
    n = len(tasks)
    assert store.get("exercise:04-side-by-side", "task-sort")["score"] == round((n - 1) / n, 3)
    assert "Not quite" in w.feedback.value and first.why in w.feedback.value.replace("&#x27;", "'")


def test_check_button_shows_its_whole_label(careerlab_home):
    w = task_sort_exercise(default_store())
    assert w.check_button.description == "Check my answers" and w.check_button.layout.width == "auto"
    assert w.check_button.layout.align_self == "flex-start"  # in a column, "auto" alone stretches it full width


def test_feedback_list_has_a_normal_line_height(careerlab_home):
    w = task_sort_exercise(default_store())
    for t in load_tasks():
        w.choices[t.id].value = t.answer
    w.check_button.click()
    # JupyterLab gives HTML-widget text a 28 px line height (double-spaced) unless the HTML sets its own.
    assert '<div class="careerlab-text" style="line-height:1.45' in w.feedback.value
    assert w.feedback.value.index("line-height:1.45") < w.feedback.value.index("<ul>")


def test_side_by_side_table_is_never_typeset_as_maths():
    from careerlab.compare import show_side_by_side
    shown = show_side_by_side().data
    assert "$50,250" in shown and 'class="mathjax_ignore tex2jax_ignore"' in shown
