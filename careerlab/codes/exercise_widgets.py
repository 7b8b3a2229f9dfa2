"""Widgets for the hands-on part of lesson 02: code a visit note, the code-set drill, the modifier drill."""
from __future__ import annotations

import hashlib
import html

import ipywidgets as W

from careerlab.codes.codesets import CODE_SETS, WHO_MAINTAINS
from careerlab.codes.data import CodesDataError, load_notes
from careerlab.codes.drill import DRILL, DrillScore
from careerlab.codes.exercises import STATUS_WORDS, explain, grade_note
from careerlab.codes.grading import BOX_NAMES, percent_text
from careerlab.codes.model import CPT_NOTICE, LESSON
from careerlab.codes.widgets import block
from careerlab.progress import default_store
from careerlab.progress.record import exercise_section
from careerlab.ui import message_html, safe_callback, show_message

KIND_OF = {"correct": "ok", "optional": "ok", "not_specific": "warn", "modifier": "warn", "duplicate": "info"}
SECTION = exercise_section(LESSON)


def feedback_html(result) -> str:
    """HTML for a GradeResult: one message per typed code, then the score."""
    parts = [message_html(fb.message, KIND_OF.get(fb.status, "error"),
                          title=f"{STATUS_WORDS[fb.status]} ({BOX_NAMES[fb.box].lower()})")
             for fb in result.feedback]
    if not result.feedback:
        parts.append(message_html("Both boxes are empty: type at least one code, then press Check.", "warn"))
    parts.append(message_html(result.score_text(), "info", title="Score"))
    return "".join(parts)


def _best_score(saved) -> float | None:
    """The saved score of an earlier attempt if it is a number from 0 to 1 (a hand-edited one is ignored)."""
    if not isinstance(saved, dict):
        return None
    score = saved.get("score")
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
        return None
    return float(score)


def exercise_widget(note_id: str | None = None, store=None) -> W.VBox:
    """Pick a visit note, type the diagnosis and service codes, Check, and Show me why."""
    store = store or default_store()
    try:
        notes = {n.id: n for n in load_notes()}
    except CodesDataError as exc:
        return W.VBox([W.HTML(message_html(f"The practice notes could not be loaded, so this exercise is "
                                           f"unavailable (nothing you saved is affected). {exc}", "warn"))])
    picker = W.Dropdown(options=[(f"{i + 1}. {n.title}", n.id) for i, n in enumerate(notes.values())],
                        value=note_id if note_id in notes else next(iter(notes)), description="Visit note:",
                        style={"description_width": "initial"})
    note_box = W.HTML()
    label = {"description_width": "120px"}  # one width for both labels, so the two boxes line up
    dx = W.Text(description="Diagnosis codes:", placeholder="ICD-10-CM, separated by commas or spaces",
                style=label, layout=W.Layout(width="560px"))
    svc = W.Text(description="Service codes:", placeholder="CPT or HCPCS Level II, e.g. 99213-25, J3301 x4",
                 style=label, layout=W.Layout(width="560px"))
    check = W.Button(description="Check", button_style="primary", tooltip="Grade my codes")
    why = W.Button(description="Show me why", tooltip="Show the answer key with explanations")
    result = W.HTML()
    for w, part in ((picker, "picker"), (note_box, "note"), (dx, "diagnoses"), (svc, "services"),
                    (check, "check"), (why, "why"), (result, "feedback")):
        w.add_class(f"careerlab-codes-exercise-{part}")

    def current():
        return notes[picker.value]

    @safe_callback(result)
    def on_pick(_=None):
        note = current()
        body = html.escape(note.text).replace("\n", "<br>")
        note_box.value = block(f"<div style='border:1px solid #888;padding:8px 12px;max-width:640px'>"
                               f"<b>{html.escape(note.title)}</b> ({note.patient} patient)<br>{body}</div>")
        dx.value, svc.value, result.value = "", "", ""

    @safe_callback(result)
    def on_check(_=None):
        note = current()
        graded = grade_note(note, dx.value, svc.value)
        if not graded.feedback:  # nothing typed: a reminder, no score and nothing saved
            result.value = message_html("Both boxes are empty: type at least one code, then press Check.", "warn")
            return
        score = round(graded.score, 3)
        best = _best_score(store.read(SECTION, note.id, {"answer": dict}, None))
        if best is None or score >= best:  # the best attempt is kept: a later, worse try never replaces it
            saved = store.record(SECTION, note.id, {"answer": {"diagnoses": dx.value, "services": svc.value},
                                                    "score": score})
            said = ("Saved as your best score on this note." if saved
                    else "It could not be saved just now; your other answers are safe.")
        else:
            said = f"Your best score on this note, {percent_text(best, 1)}, stays saved."
        result.value = feedback_html(graded) + message_html(said, "info")

    @safe_callback(result)
    def on_why(_=None):
        rows = "".join(f"<li><b>{html.escape(code)}</b>: {html.escape(text)}</li>" for code, text in explain(current()))
        result.value = block(f"<p>Answer key and reasons:</p><ul>{rows}</ul>"
                             f"<p style='font-size:13px'>{html.escape(CPT_NOTICE)}</p>")

    picker.observe(on_pick, names="value")
    check.on_click(on_check)
    why.on_click(on_why)
    on_pick()
    widget = W.VBox([picker, note_box, dx, svc, W.HBox([check, why]), result])
    widget.add_class("careerlab-codes-exercise")
    return widget


def code_set_drill(store=None) -> W.VBox:
    """Which code set is this? One code at a time; feedback and a running score."""
    store = store or default_store()
    state = {"i": 0}
    saved = store.read(SECTION, "code-set-drill", {"answer": {"choices": dict}}, None)
    score = DrillScore.from_choices(saved["answer"]["choices"] if saved else None, CODE_SETS)
    prompt = W.HTML()
    choice = W.RadioButtons(options=list(CODE_SETS), value=None, description="Code set:")
    check = W.Button(description="Check", button_style="primary")
    nxt = W.Button(description="Next code")
    result = W.HTML()

    def show():
        code = DRILL[state["i"]][0]
        prompt.value = block(f"<p style='font-size:16px'>Code {state['i'] + 1} of {len(DRILL)}: <b>{code}</b></p>")
        first = score.choices.get(code)
        choice.value = first  # a saved first answer is shown; otherwise nothing is picked
        result.value = "" if first is None else message_html(
            f"You already answered this code ({html.escape(first)}): your first answer is the one that counts. "
            f"Score so far: {score.right} of {score.answered}.", "info")

    @safe_callback(result)
    def on_check(_=None):
        code, answer = DRILL[state["i"]]
        if choice.value is None:
            show_message(result, "Choose a code set first, then press Check.", "warn")
            return
        counted = score.answer(code, choice.value, answer)
        text = f"{code} is {answer}: maintained by {WHO_MAINTAINS[answer]}. "
        if not counted:
            text += "You already answered this code: your first answer is the one that counts. "
        result.value = message_html(text + f"Score so far: {score.right} of {score.answered}.",
                                    "ok" if choice.value == answer else "error")
        if counted:
            store.record(SECTION, "code-set-drill", score.record())

    @safe_callback(result)
    def on_next(_=None):
        state["i"] = (state["i"] + 1) % len(DRILL)
        show()

    check.on_click(on_check)
    nxt.on_click(on_next)
    show()
    return W.VBox([prompt, choice, W.HBox([check, nxt]), result])


def _choice_order(salt: str | None, qid: str, choices) -> list[str]:
    """A question's choices in this learner's own stable order (as the quizzes order options)."""
    return sorted(choices, key=lambda c: hashlib.sha256(f"{salt or ''}\x1f{qid}\x1f{c}".encode()).digest())


def modifier_drill(store=None) -> W.VBox:
    """Which modifier fits? One situation at a time, feedback on every choice, first answers scored."""
    from careerlab.codes.modifiers import MODIFIER_DRILL, OTHER_MODIFIERS, check_modifier
    from careerlab.quiz.widgets import order_salt

    store = store or default_store()
    salt = order_salt(store)
    state = {"i": 0}
    saved = store.read(SECTION, "modifier-drill", {"answer": {"choices": dict}}, None)
    first: dict = {}
    if saved:
        first = {q.id: saved["answer"]["choices"][q.id] for q in MODIFIER_DRILL
                 if isinstance(saved["answer"]["choices"].get(q.id), str)}
    prompt, result = W.HTML(), W.HTML()
    choice = W.RadioButtons(options=["25"], value=None, description="Modifier:")
    check = W.Button(description="Check", button_style="primary")
    nxt = W.Button(description="Next situation")
    for w, part in ((prompt, "prompt"), (choice, "choice"), (check, "check"), (nxt, "next"), (result, "feedback")):
        w.add_class(f"careerlab-modifier-drill-{part}")

    def right_count() -> int:
        return sum(first[q.id] == q.answer for q in MODIFIER_DRILL if q.id in first)

    def show():
        q = MODIFIER_DRILL[state["i"]]
        prompt.value = block(f"<p><b>Situation {state['i'] + 1} of {len(MODIFIER_DRILL)}.</b> "
                             f"{html.escape(q.situation)}</p>")
        choice.options = _choice_order(salt, q.id, q.choices)
        choice.value = None
        result.value = ""

    @safe_callback(result)
    def on_check(_=None):
        q = MODIFIER_DRILL[state["i"]]
        ok, text = check_modifier(q, choice.value)
        if choice.value is None:
            show_message(result, text, "warn")
            return
        counted = q.id not in first
        if counted:
            first[q.id] = choice.value
            store.record(SECTION, "modifier-drill",
                         {"answer": {"choices": dict(first), "right": right_count(), "answered": len(first)},
                          "score": round(right_count() / len(first), 3)})
        tally = f" First answers right so far: {right_count()} of {len(first)}."
        note = "" if counted else " (Only your first answer to each situation counts.)"
        title = f"Yes, {choice.value}" if ok else f"Not {choice.value}"
        result.value = message_html(text + tally + note, "ok" if ok else "error", title=title)

    @safe_callback(result)
    def on_next(_=None):
        state["i"] = (state["i"] + 1) % len(MODIFIER_DRILL)
        show()

    check.on_click(on_check)
    nxt.on_click(on_next)
    show()
    widget = W.VBox([prompt, choice, W.HBox([check, nxt]), result,
                     W.HTML(block(f"<p style='font-size:13px'>{html.escape(OTHER_MODIFIERS)} {html.escape(CPT_NOTICE)}</p>"))])
    widget.add_class("careerlab-modifier-drill")
    return widget
