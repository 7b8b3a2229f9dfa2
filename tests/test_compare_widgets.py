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
