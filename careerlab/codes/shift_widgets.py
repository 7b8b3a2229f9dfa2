"""The coder's shift as a widget: a queue of charts, a clock per chart, feedback and rationales
after each, and the pace and accuracy at the end beside published figures.

Each ``shift_widget()`` owns its ``Shift`` (queue, clock, results): two learners, or two copies
of the widget, never share one. Nothing is drawn until **Start the shift** is pressed, so a
lesson's Run All stays cheap.
"""
from __future__ import annotations

import html
import time
from typing import Callable, Sequence

import ipywidgets as W

from careerlab.codes.exercise_widgets import feedback_html
from careerlab.codes.grading import rationale
from careerlab.codes.model import CPT_NOTICE, LESSON, PACE_FIGURES, PracticeCase
from careerlab.codes.shift import DEFAULT_CHARTS, MAX_CHART_SECONDS, Shift, draw_shift, shift_record
from careerlab.codes.text import clock_text, shift_summary_text
from careerlab.codes.widgets import block
from careerlab.handin.widgets import hand_in_row
from careerlab.progress import default_store
from careerlab.progress.record import CODER_SHIFT, SHIFT_NUMBER, SHIFT_SHAPE, exercise_section
from careerlab.ui import message_html, safe_callback, show_message

SECTION = exercise_section(LESSON)
TICK_MS = 1000  # how often the browser asks for the clock to be redrawn


def _bank() -> list[PracticeCase]:
    """Every practice case of the bank (hand-written charts and their variants)."""
    from careerlab.codes import cases  # the case bank, loaded only when a shift starts

    return list(cases.practice_cases())


def _salt(store) -> str | None:
    """The learner's own salt (the quizzes' option order uses the same one), saved once."""
    from careerlab.quiz.widgets import order_salt

    return order_salt(store)


def pace_html() -> str:
    """The published figures a shift is set beside, each with its source and year."""
    rows = "".join(f"<tr><td>{html.escape(p.what)}</td><td>{html.escape(p.figure)}</td>"
                   f"<td style='font-size:12px'>{html.escape(p.source)}</td></tr>" for p in PACE_FIGURES)
    return block("<p style='margin:6px 0'>What working coders report (it varies by employer, specialty and "
                 "setting; a learner is not expected to reach it in a first shift):</p>"
                 "<table style='border-collapse:collapse' cellpadding='4'><tr><th align='left'>Who</th>"
                 f"<th align='left'>Figure</th><th align='left'>Source</th></tr>{rows}</table>"
                 "<p style='font-size:12px'>No accuracy percentage is shown: the often-quoted “95 %” has no "
                 "AHIMA or AAPC standard behind it that we could find; employers set and audit their own.</p>")


def rationale_html(case: PracticeCase) -> str:
    """After a chart: every key code with why it is right and the rule that decides it."""
    rows = "".join(f"<li><b>{html.escape(code)}</b> ({'diagnosis' if box == 'diagnosis' else 'service'}): "
                   f"{html.escape(why or 'no rationale written')}"
                   + (f" <i>Rule: {html.escape(rule)}</i>" if rule else "") + "</li>"
                   for box, code, why, rule in rationale(case))
    return block(f"<p style='margin:6px 0'>The answer key, in order, with reasons:</p><ul>{rows}</ul>"
                 f"<p style='font-size:12px'>{html.escape(CPT_NOTICE)}</p>")


def shift_widget(n: int = DEFAULT_CHARTS, store=None, cases: Sequence[PracticeCase] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> W.VBox:
    """A shift of ``n`` charts for this learner (``cases`` and ``clock`` are for tests)."""
    store = store or default_store()
    state: dict = {"shift": None, "no": 0}
    size = W.Dropdown(options=[5, 10, 20], value=n if n in (5, 10, 20) else DEFAULT_CHARTS,
                      description="Charts in this shift:", style={"description_width": "initial"})
    start = W.Button(description="Start the shift", button_style="primary", tooltip="Draw the charts and start the clock")
    head, timer, note, feedback, end = W.HTML(), W.HTML(), W.HTML(), W.HTML(), W.HTML()
    label = {"description_width": "120px"}  # one width for both labels, so the two boxes line up
    dx = W.Text(description="Diagnosis codes:", placeholder="first-listed first, e.g. M17.11, R05.1",
                style=label, layout=W.Layout(width="600px"))
    svc = W.Text(description="Service codes:", placeholder="with modifiers and units, e.g. 99213-25, 20610-RT, J3301 x4",
                 style=label, layout=W.Layout(width="600px"))
    submit = W.Button(description="Submit chart", button_style="primary", disabled=True)
    nxt = W.Button(description="Next chart", disabled=True)
    pause = W.Button(description="Pause the clock", icon="pause", disabled=True,
                     tooltip="Take a break: the clock stops and the chart is hidden until you resume")
    ticker = W.Play(value=0, min=0, max=10 ** 7, interval=TICK_MS, show_repeat=False,
                    layout=W.Layout(display="none"))  # the browser ticks; the kernel reads the clock
    work = W.VBox([head, timer, note, dx, svc, W.HBox([submit, nxt, pause]), feedback],
                  layout=W.Layout(display="none"))
    for w, part in ((start, "start"), (size, "size"), (head, "head"), (timer, "timer"), (note, "note"),
                    (dx, "diagnoses"), (svc, "services"), (submit, "submit"), (nxt, "next"), (pause, "pause"),
                    (feedback, "feedback"), (end, "end")):
        w.add_class(f"careerlab-shift-{part}")

    def show_case():
        shift: Shift = state["shift"]
        case = shift.current
        k, total = shift.position + 1, len(shift.cases)
        payer = f" · payer: {html.escape(case.payer)}" if case.payer else ""
        head.value = block(f"<p style='font-size:16px;margin:4px 0'><b>Chart {k} of {total}</b> · "
                           f"{html.escape(case.specialty)} · {html.escape(case.setting)}{payer}</p>")
        body = html.escape(case.text).replace("\n", "<br>")
        note.value = block(f"<div style='border:1px solid #888;padding:8px 12px;max-width:680px'>"
                           f"<b>{html.escape(case.title)}</b><br>{body}</div>")
        dx.value, svc.value, feedback.value = "", "", ""
        nxt.disabled, pause.disabled = True, False
        show_paused(False)  # the note shown, the boxes and Submit open
        tick()

    def show_paused(paused: bool) -> None:
        note.layout.display = "none" if paused else ""
        dx.disabled = svc.disabled = submit.disabled = paused
        pause.description, pause.icon = ("Resume", "play") if paused else ("Pause the clock", "pause")

    @safe_callback(timer)
    def tick(_=None):
        shift = state["shift"]
        if shift is None or shift.current is None:
            return
        seconds = shift.elapsed()
        if shift.submitted:
            word, after = "You took", ""
        elif shift.paused:
            word, after = "Clock paused at", " · the chart is hidden until you press <b>Resume</b>"
        else:
            word = "Time on this chart"
            after = (f" · the clock stops at {MAX_CHART_SECONDS // 60} min a chart, so a break is not counted"
                     if seconds >= MAX_CHART_SECONDS else "")
        timer.value = block(f"<p style='margin:2px 0'>{word}: <b>{clock_text(seconds)}</b>{after}</p>")

    @safe_callback(timer)
    def on_pause(_=None):
        shift = state["shift"]
        if shift is None or shift.current is None or shift.submitted:
            return
        if shift.paused:
            shift.resume()
        else:
            shift.pause()
        show_paused(shift.paused)
        tick()

    @safe_callback(feedback)
    def on_start(_=None):
        if state["shift"] is not None:
            return  # a shift is under way (Start is disabled): a stray click never throws its charts away
        pool = list(cases) if cases is not None else _bank()
        if not pool:
            show_message(feedback, "There are no practice charts to draw from, so the shift cannot start.", "warn")
            return
        saved = store.read(SECTION, CODER_SHIFT, SHIFT_SHAPE, None)
        earlier = saved.get(SHIFT_NUMBER) if isinstance(saved, dict) else None
        ok = isinstance(earlier, int) and not isinstance(earlier, bool) and 0 <= earlier < 10 ** 6
        state["no"] = earlier + 1 if ok else 0  # a hand-edited or damaged count starts again at 0
        drawn = draw_shift(pool, _salt(store), size.value, state["no"])
        state["shift"] = Shift(drawn, clock=clock)
        state["shift"].start_case()
        start.disabled = size.disabled = True
        start.description = "Shift under way"
        end.value = ""
        work.layout.display = ""
        ticker.playing = True
        show_case()

    @safe_callback(feedback)
    def on_submit(_=None):
        shift: Shift = state["shift"]
        if shift is None or shift.current is None:
            return
        if shift.paused:
            return  # the boxes are locked while paused; a stray click changes nothing
        if not (dx.value.strip() or svc.value.strip()):
            show_message(feedback, "Both boxes are empty: type the codes this chart supports, then press Submit chart.",
                         "warn")
            return
        graded = shift.submit(dx.value, svc.value)
        order = message_html(graded.order, "ok" if graded.order.startswith("First") else "warn",
                             title="Diagnosis order") if graded.order else ""
        feedback.value = feedback_html(graded) + order + rationale_html(shift.current)
        submit.disabled, nxt.disabled, pause.disabled = True, False, True
        dx.disabled = svc.disabled = True
        nxt.description = "Next chart" if shift.position + 1 < len(shift.cases) else "Finish the shift"
        tick()

    @safe_callback(feedback)
    def on_next(_=None):
        shift: Shift = state["shift"]
        if shift is None or not shift.submitted:
            return
        if shift.next() is not None:
            show_case()
            return
        finish()

    def finish():
        shift: Shift = state["shift"]
        ticker.playing = False
        summary = shift.summary()
        saved = store.record(SECTION, CODER_SHIFT, shift_record(summary, state["no"]))
        note_saved = "Saved in your progress (and in the results you export)." if saved else \
            "It could not be saved just now; your other answers are safe."
        work.layout.display = "none"
        end.value = (message_html(shift_summary_text(summary) + " " + note_saved, "info", title="Your shift")
                     + pace_html())
        start.disabled = size.disabled = False
        start.description = "Start another shift"
        handin.layout.display = None
        handin.message.value = ""  # an earlier receipt belongs to an earlier shift
        state["shift"] = None

    start.on_click(on_start)
    submit.on_click(on_submit)
    nxt.on_click(on_next)
    pause.on_click(on_pause)
    ticker.observe(tick, names="value")
    intro = block(f"<p>A shift of charts, one at a time. For each chart: read the note, type the "
                  "<b>diagnosis codes</b> (the main reason for the visit first) and the <b>service codes</b> "
                  "with any modifier after a dash and units after an x (<code>99213-25</code>, <code>J3301 x4</code>), press <b>Submit chart</b>, read the "
                  "feedback and the reasons, then press <b>Next chart</b>. A clock times each chart; reading the "
                  "feedback does not count, and <b>Pause the clock</b> stops it for a break. At the end you see your accuracy and pace.</p>")
    handin = hand_in_row(store, "your shift and your other results")
    handin.layout.display = "none"  # shown once a shift is finished
    widget = W.VBox([W.HTML(intro), W.HBox([size, start]), work, end, ticker, handin])
    widget.handin = handin
    widget.add_class("careerlab-shift")
    return widget
