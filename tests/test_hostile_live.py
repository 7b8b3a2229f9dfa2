"""Live answers attacked: share_live as "true", 1, None or a list never counts; answers of any
shape never crash the counts; names and file labels never reach the view."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.classroom.live import count_answers
from careerlab.classroom.live_widgets import LiveAnswers, folder_source, lesson_banks
from careerlab.paths import sample_class_folder
from careerlab.progress.record import LEARNER, NAME, SHARE_LIVE, quiz_section

BANKS = lesson_banks()
BY_TYPE = {q.type: (b.lesson, q) for b in BANKS.values() for q in b.questions}
LEAF = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
VALUE = st.recursive(LEAF, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=5), c, max_size=4),
                     max_leaves=10)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(sorted(BY_TYPE)), st.lists(st.tuples(VALUE, VALUE), max_size=8))
def test_only_learners_who_opted_in_with_true_are_counted(kind, records):
    lesson, question = BY_TYPE[kind]
    progress = [{LEARNER: {SHARE_LIVE: share}, quiz_section(lesson): {question.id: {"answer": answer}}}
                for share, answer in records]
    counts = count_answers(progress, lesson, question)
    assert counts.answered <= sum(share is True for share, _ in records)
    assert sum(r.learners for r in counts.rows) >= 0


def test_hostile_names_labels_and_share_values_never_reach_the_view(tmp_path):
    lesson, question = BY_TYPE["single"]
    base = json.loads(sorted(sample_class_folder().glob("*.json"))[0].read_text(encoding="utf-8"))
    shares = ["true", 1, None, "yes", [True], True]
    for i, share in enumerate(shares):
        doc = json.loads(json.dumps(base))
        doc[LEARNER] = f"<script>alert({i})</script>Zed{i}zed /srv/secret"
        doc["progress"][LEARNER] = {SHARE_LIVE: share, NAME: doc[LEARNER]}
        doc["progress"][quiz_section(lesson)] = {question.id: {"answer": question.answer}}
        (tmp_path / f"r{i}-<img onerror=x>.json").write_text(json.dumps(doc), encoding="utf-8")
    view = LiveAnswers(folder_source(tmp_path), BANKS)
    view.lesson.value = lesson
    view.question.value = question.id
    view.refresh()
    assert view.counts.answered == 1  # only the exact True
    shown = view.status.value + view.table.value
    for leak in ("<script", "Zed", "/srv/secret", str(tmp_path), "onerror"):
        assert leak not in shown
