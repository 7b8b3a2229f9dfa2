"""The live answers view (lesson 07): counts per answer for one question, only for learners who
opted in, never a name, nothing below MIN_ANSWERS answers, hostile files skipped."""
from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.classroom import MIN_ANSWERS, count_answers, describe_live, live_answers, shared_records
from careerlab.classroom.live_widgets import LiveAnswers, folder_source
from careerlab.paths import sample_class_folder
from careerlab.quiz import lesson_bank_path, load_bank

LESSON = "01-two-roles"
BANK = load_bank(lesson_bank_path(LESSON))
Q = {q.id: q for q in BANK.questions}
SETTINGS = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def doc(name: str, answers: dict, share=True, when="2026-11-27T10:00:00+00:00") -> dict:
    learner = {"name": name} if share is None else {"name": name, "share_live": share}
    section = {qid: {"answer": a, "correct": False} for qid, a in answers.items()}
    return {"format": "careerlab-results", "version": 1, "learner": name, "exported_at": when,
            "progress": {"learner": learner, f"quiz:{LESSON}": section}}


def items(*docs: dict) -> list[tuple[str, bytes]]:
    return [(f"careerlab-results-{d['learner'].replace(' ', '-')}.json", json.dumps(d).encode()) for d in docs]


def counts_of(*docs: dict, qid: str = "q-roles-1"):
    records, _not_shared, _problems = shared_records(items(*docs))
    return count_answers(records, LESSON, Q[qid])


def test_the_threshold_is_a_few_learners():
    assert MIN_ANSWERS == 3
    two = counts_of(doc("Ann A", {"q-roles-1": "a"}), doc("Ben B", {"q-roles-1": "b"}))
    assert not two.enough and two.rows == () and two.answered == 2
    assert "Not enough answers yet" in describe_live(two) and "2 learners" in describe_live(two)
    three = counts_of(doc("Ann A", {"q-roles-1": "a"}), doc("Ben B", {"q-roles-1": "b"}),
                      doc("Cai C", {"q-roles-1": "a"}))
    assert three.enough
    by_text = {r.answer: (r.learners, r.right) for r in three.rows}
    assert by_text["The medical coder"] == (2, True) and by_text["The medical biller"] == (1, False)
    assert by_text["The patient"] == (0, False) and sum(r.learners for r in three.rows) == 3
    assert three.correct == 2 and "2 of 3 answered it right" in describe_live(three)


@pytest.mark.parametrize("share", [None, False, "yes", 1, "true", [True]])
def test_only_learners_who_opted_in_are_counted(share):
    others = [doc(f"Out {i}", {"q-roles-1": "b"}, share=share) for i in range(5)]
    two_in = [doc("In A", {"q-roles-1": "a"}), doc("In B", {"q-roles-1": "a"})]
    records, not_shared, _ = shared_records(items(*others, *two_in))
    assert not_shared == 5 and len(records) == 2
    counted = count_answers(records, LESSON, Q["q-roles-1"])
    assert counted.answered == 2 and not counted.enough  # five answers did not reach the view
    # count_answers itself also refuses records that did not opt in
    assert count_answers([json.loads(b)["progress"] for _, b in items(*others)], LESSON, Q["q-roles-1"]).answered == 0


def test_a_folder_keeps_the_newest_export_of_each_learner_and_one_identical_copy():
    old = doc("Ann A", {"q-roles-1": "b"}, when="2026-11-01T10:00:00+00:00")
    new = doc("Ann A", {"q-roles-1": "a"}, when="2026-11-28T10:00:00+00:00")
    same = doc("Ben B", {"q-roles-1": "a"})
    pairs = items(old, new, same) + [("copy.json", json.dumps(same).encode())]
    records, _, problems = shared_records(pairs)
    assert len(records) == 2 and [p.file for p in problems] == ["copy.json"]
    # on the hub, one hand-in per account: two learners who typed the same name both count
    records, _, _ = shared_records(items(old, new), one_per_name=False)
    assert len(records) == 2


def test_typed_words_and_lone_numbers_are_never_shown():
    typed = [doc(f"L{i}", {"q-roles-8": t, "q-roles-7": n}) for i, (t, n) in
             enumerate([("CO", "57.70"), ("Zelda Secretname", "57.7"), ("pr", "1234.56"), ("co", "17.70"),
                        ("contractual obligation", "17.7")])]
    text = counts_of(*typed, qid="q-roles-8")
    assert [(r.answer, r.learners) for r in text.rows] == [("CO", 3), ("another answer", 2)]
    number = counts_of(*typed, qid="q-roles-7")
    shown = {r.answer: r.learners for r in number.rows}
    assert shown == {"$57.70": 2, "$17.70": 2, "another number": 1}
    assert "1234" not in repr(number) and "Zelda" not in repr(text)


def test_tick_all_questions_count_each_option():
    ticks = [doc(f"L{i}", {"q-roles-2": a}) for i, a in enumerate([["a", "b", "d"], ["a", "c"], ["b", "d", "a"]])]
    c = counts_of(*ticks, qid="q-roles-2")
    assert c.multiple and c.correct == 2
    by_text = {r.answer[:7]: r.learners for r in c.rows}
    assert by_text == {"Sending": 3, "Posting": 2, "Working": 2, "Choosin": 1}


def test_answers_of_the_wrong_shape_are_left_out():
    odd = [doc(f"L{i}", {"q-roles-1": a}) for i, a in enumerate(["a", "zz", ["a"], None, 3, {"x": 1}])]
    assert counts_of(*odd).answered == 1


def write(folder, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


def test_hostile_files_are_skipped_with_a_message_and_never_named(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for i, d in enumerate([doc("Zelda Secretname", {"q-roles-1": "a"}), doc("Ben B", {"q-roles-1": "a"}),
                           doc("Cai C", {"q-roles-1": "b"})]):
        write(folder, f"results-{i}-Zelda.json" if i == 0 else f"results-{i}.json", json.dumps(d).encode())
    write(folder, "broken-Yuri.json", b'{"format": "careerlab-res')
    write(folder, "empty.json", b"")
    write(folder, "nan.json", b'{"format": "careerlab-results", "version": 1, "progress": {"x": NaN}}')
    (folder / "link.json").symlink_to(tmp_path)
    os.mkfifo(folder / "pipe.json")
    view = live_answers(folder)
    view.lesson.value = LESSON
    view.question.value = "q-roles-1"
    view.refresh_button.click()
    shown = view.status.value + view.table.value + re.sub(r"base64,[^\"]+", "", view.chart.value)
    assert "3 learners shared an answer" in view.status.value
    assert "5 files could not be read for live answers" in view.status.value
    for secret in ("Zelda", "Secretname", "Yuri", "Ben B", "results-", str(tmp_path)):
        assert secret not in shown
    assert "<img" in view.chart.value and "The medical coder" in view.table.value


def test_the_widget_picks_questions_by_lesson_and_refreshes(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    view = LiveAnswers(folder_source(folder))
    view.lesson.value = "03-the-medical-biller"
    assert [v for _, v in view.question.options] == [q.id for q in load_bank(lesson_bank_path("03-the-medical-biller")).questions]
    view.lesson.value = LESSON
    view.question.value = "q-roles-9"
    view.refresh_button.click()
    assert "No learner has shared" in view.status.value and view.table.value == ""
    for i, name in enumerate(["Ann A", "Ben B", "Cai C"]):  # three learners hand in during the class
        write(folder, f"r{i}.json", json.dumps(doc(name, {"q-roles-9": "a"})).encode())
    assert "No learner has shared" in view.status.value  # nothing changes until Refresh
    view.refresh_button.click()
    assert "3 learners shared an answer; 3 of 3 answered it right" in view.status.value
    assert "A rejection" in view.table.value and "100 %" in view.table.value


def test_the_sample_class(tmp_path):
    """The live view on data/class-sample counts exactly the sample learners who opted in."""
    want: dict[str, int] = {}
    for path in sample_class_folder().glob("careerlab-results-learner-*.json"):
        d = json.loads(path.read_text(encoding="utf-8"))
        if d["progress"]["learner"].get("share_live") is True:
            entry = d["progress"].get("quiz:03-the-medical-biller", {}).get("q-biller-6")
            if entry:
                want[entry["answer"]] = want.get(entry["answer"], 0) + 1
    view = live_answers(sample_class_folder())
    view.lesson.value = "03-the-medical-biller"
    view.question.value = "q-biller-6"
    view.refresh_button.click()
    q = {q.id: q for q in load_bank(lesson_bank_path("03-the-medical-biller")).questions}["q-biller-6"]
    texts = {o.id: o.text for o in q.options}
    rows = {r.answer: r.learners for r in view.counts.rows}
    assert rows == {texts[i]: want.get(i, 0) for i in texts}
    assert view.counts.answered == sum(want.values()) >= MIN_ANSWERS
    assert "did not opt in" in view.status.value and "(sample)" not in view.status.value + view.table.value


@settings(max_examples=60, **SETTINGS)
@given(st.lists(st.binary(max_size=200) | st.text(max_size=200).map(str.encode), max_size=6))
def test_any_bytes_never_raise(blobs):
    records, not_shared, problems = shared_records([(f"f{i}.json", b) for i, b in enumerate(blobs)])
    assert len(records) + not_shared + len(problems) <= len(blobs)
    for qid in ("q-roles-1", "q-roles-2", "q-roles-7", "q-roles-8"):
        count_answers(records, LESSON, Q[qid])


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                       max_leaves=8)


@settings(max_examples=80, **SETTINGS)
@given(st.lists(JSONISH, min_size=0, max_size=6))
def test_any_saved_answer_never_raises_and_never_reaches_the_view_unshared(answers):
    records = [{"learner": {"share_live": i % 2 == 0}, f"quiz:{LESSON}": {"q-roles-2": {"answer": a}}}
               for i, a in enumerate(answers)]
    c = count_answers(records, LESSON, Q["q-roles-2"])
    assert c.answered <= (len(answers) + 1) // 2
    assert c.rows == () or c.enough
    assert all(re.fullmatch(r"[\w ,.'()-]+", r.answer) for r in c.rows)


def test_the_view_opens_on_a_question_with_its_answers_shown():
    """After Run All the view is never an empty picker with nothing under it: the lesson's first
    question is chosen and the sample class's answers to it are shown at once."""
    from careerlab.classroom.live_widgets import live_answers

    w = live_answers()
    assert w.question.value == w.question.options[0][1] and "Live answers" in w.status.value
    w.lesson.value = list(w.banks)[-1]
    assert w.question.value == w.question.options[0][1] and w.question.value.startswith("q-")


def test_a_missing_folder_is_said_plainly_not_counted_as_a_file(tmp_path):
    """A missing hand-in folder read 'could not be read for live answers' as if it were a file."""
    view = LiveAnswers(folder_source(tmp_path / "no-such-folder"))
    view.lesson.value = LESSON
    view.question.value = "q-roles-1"
    view.refresh_button.click()
    assert "“no-such-folder”: this folder does not exist, so no answers were read" in view.status.value
    assert "could not be read for live answers" not in view.status.value
    assert str(tmp_path) not in view.status.value


def test_the_answers_table_has_spaced_framed_cells(tmp_path):
    """The walk: the live-answers table had no column spacing (a widget's HTML gets none of JupyterLab's
    table styles, so 'A rejection3100 %yes' ran together). Every cell now has its own padding and border,
    through a rule on the table's own id."""
    folder = tmp_path / "class"
    folder.mkdir()
    for i, name in enumerate(["Ann A", "Ben B", "Cai C"]):
        write(folder, f"r{i}.json", json.dumps(doc(name, {"q-roles-9": "a"})).encode())
    view = LiveAnswers(folder_source(folder))
    view.lesson.value = LESSON
    view.question.value = "q-roles-9"
    view.refresh_button.click()
    shown = view.table.value
    (table_id,) = re.findall(r'<table id="([^"]+)"', shown)
    cells = " ".join(re.findall(rf"#{table_id} th, #{table_id} td \{{([^}}]*)\}}", shown))
    assert re.search(r"padding: *\d+px +[1-9]\d*px", cells) and "border:" in cells, shown[:400]
    assert re.search(r"<th[^>]*>Answer</th>", shown) and "A rejection" in shown
    assert 'aria-label="The class' in shown
