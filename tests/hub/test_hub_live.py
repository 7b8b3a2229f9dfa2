"""Live class answers on a real class hub: three learners tick "Share my answers live" in their own
kernels and answer one question; the instructor's live view (lesson 07) shows exactly the three
shared answers, counts only, with no name. When one learner unticks it (which hands in at once), their
answer leaves the view (two answers are below the threshold: nothing is shown)."""
from __future__ import annotations

import re


QUESTION = "q-roles-9"
CHOICES = ["A rejection", "A rejection", "A denial"]  # the three learners' answers, by option text

# In a learner's kernel: tick the box in the progress panel, answer one question with the quiz widget.
SHARE_AND_ANSWER = '''
import json
from careerlab.progress import default_store, progress_panel
from careerlab.quiz import show_quiz
store = default_store()
store.record("learner", "name", {name!r})
panel = progress_panel(store).children_by_role
panel["share_live"].value = {share!r}
quiz = show_quiz("01-two-roles", store)
view = next(v for v in quiz.views if v.question.id == {qid!r})
view.input.value = next(o.id for o in view.question.options if o.text == {choice!r})
view.check.click()
print(json.dumps({{"share": store.get("learner", "share_live"), "feedback": view.feedback.value,
                  "note": panel["share_note"].value}}))
'''

LIVE_VIEW = '''
import json
from careerlab.classroom import live_answers
v = live_answers()
v.lesson.value = "01-two-roles"
v.question.value = {qid!r}
v.refresh_button.click()
print(json.dumps({{"rows": {{r.answer: r.learners for r in v.counts.rows}}, "answered": v.counts.answered,
                  "status": v.status.value, "table": v.table.value, "alt": v.chart.value.split("alt=")[-1]}}))
'''




def test_three_learners_share_live_and_the_instructor_sees_their_three_answers(class_hub):
    names = [f"Live Learner {i}" for i in range(3)]
    for i, learner in enumerate(class_hub.learners):
        got = class_hub.run(learner, SHARE_AND_ANSWER.format(name=names[i], share=True, qid=QUESTION,
                                                              choice=CHOICES[i]))
        assert got["share"] is True and "live view (counts only, never your name)" in got["feedback"], got
    seen = class_hub.run(class_hub.instructor, LIVE_VIEW.format(qid=QUESTION))
    assert seen["answered"] == 3
    assert seen["rows"] == {"A rejection": 2, "A denial": 1, "An appeal": 0}
    assert "3 learners shared an answer; 2 of 3 answered it right" in seen["status"]
    assert "did not opt in" not in seen["status"]
    shown = seen["status"] + seen["table"] + seen["alt"]
    for secret in [*names, *class_hub.learners, class_hub.instructor]:
        assert not re.search(rf"\b{re.escape(secret)}\b", shown), secret
    # The third learner unticks the box (which hands in at once): that answer leaves the live view.
    last = class_hub.learners[2]
    got = class_hub.run(last, SHARE_AND_ANSWER.format(name=names[2], share=False, qid=QUESTION, choice="An appeal"))
    assert got["share"] is False and "live view" not in got["feedback"]
    assert "no longer counts your answers" in got["note"], got["note"]
    seen = class_hub.run(class_hub.instructor, LIVE_VIEW.format(qid=QUESTION))
    assert seen["answered"] == 2 and seen["rows"] == {}
    assert "Not enough answers yet" in seen["status"] and "1 learner did not opt in" in seen["status"]
