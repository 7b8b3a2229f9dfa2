"""The A/R and denials work queue as a widget: choose the claims to work first, then work each one and watch the
money collected and days in A/R change. Each widget keeps its own queue state (two learners never share one)."""
from __future__ import annotations

import html

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from careerlab.claims.data import ClaimsDataError, default_tables, load_work_queue
from careerlab.claims.money import fmt_money
from careerlab.claims.queue import check_top_picks, priority_order
from careerlab.claims.queue_work import queue_metrics, queue_result, work_claim
from careerlab.claims.queue_model import ACTIONS, STATUSES, QueueError
from careerlab.claims.tables import queue_table
from careerlab.claims.text import aging_summary, days_in_ar_text, decision_text
from careerlab.handin.widgets import hand_in_row
from careerlab.progress import default_store
from careerlab.progress.record import WORK_QUEUE, exercise_section
from careerlab.ui import chart_alt, chart_html, message_html, no_maths, readable, safe_callback, show_table

LESSON = "03-the-medical-biller"
SECTION = exercise_section(LESSON)
ORDER_ID = "work-queue-order"  # the exercise id of "which claims first?" in SECTION
PICKS = 3
NONE = ("(choose a claim)", "")


class WorkQueueWidget(widgets.VBox):
    """Part 1: pick the first three claims to work, with feedback against the priority order. Part 2: work
    each claim with an action and Submit; the feedback, money collected and days in A/R follow each decision."""

    def __init__(self, queue=None, store=None):
        super().__init__()
        self.queue = queue if queue is not None else load_work_queue()
        self.store = store or default_store()
        self.done: tuple = ()
        self.before = queue_metrics(self.queue)
        ids = [c.claim_id for c in self.queue.claims]
        # Shared layouts and styles (none is changed after it is made): every widget model costs Run All time.
        plain, text = widgets.Layout(), HTMLStyle()
        pick_style, pick_width = DescriptionStyle(description_width="60px"), widgets.Layout(width="270px")
        self.table = widgets.HTML(layout=plain, style=text)
        self.picks = [widgets.Dropdown(options=[NONE, *((i, i) for i in ids)], value="", description=f"{n}",
                                       style=pick_style, layout=pick_width) for n in ("First", "Second", "Third")]
        for pick, words in zip(self.picks, ("first", "second", "third")):
            pick.tooltip = f"The claim you would work {words}"
        self.order_button = widgets.Button(description="Check my order", icon="check", tooltip="Check my order",
                                           layout=plain)
        self.order_feedback = widgets.HTML(layout=plain, style=text)
        self.claim_pick = widgets.Dropdown(description="Claim", layout=widgets.Layout(width="560px"))
        self.detail = widgets.HTML(layout=plain, style=text)
        self.action = widgets.RadioButtons(options=[(label, key) for key, label in ACTIONS.items()], value=None,
                                           description="Action", layout=widgets.Layout(width="760px"))
        self.submit = widgets.Button(description="Submit", icon="paper-plane", button_style="primary",
                                     tooltip="Submit this action for the chosen claim", layout=plain)
        self.reset_button = widgets.Button(description="Start the queue over", icon="undo",
                                           tooltip="Start the queue over", layout=widgets.Layout(width="220px"))
        self.feedback = widgets.HTML(layout=plain, style=text)
        self.scoreboard = widgets.HTML(layout=plain, style=text)
        self.handin = hand_in_row(self.store, "your work queue and your other results")
        # The A/R by age is drawn when asked (after some decisions), never at Run All.
        self.aging_button = widgets.Button(description="Draw the A/R by age", icon="bar-chart",
                                           tooltip="Draw the open A/R by age, before and after your decisions",
                                           layout=widgets.Layout(width="220px"))
        self.aging = widgets.HTML(layout=plain, style=text)
        self.aging_button.on_click(safe_callback(self.aging)(lambda _b: self.draw_aging()))
        self.order_button.on_click(safe_callback(self.order_feedback)(lambda _b: self.check_order()))
        self.submit.on_click(safe_callback(self.feedback)(lambda _b: self.work()))
        self.reset_button.on_click(safe_callback(self.feedback)(lambda _b: self.reset()))
        self.claim_pick.observe(safe_callback(self.feedback)(lambda _c: self.show_claim()), names="value")
        self.children = [
            widgets.HTML("<b>Part 1. Which three claims would you work first?</b>", layout=plain, style=text), self.table,
            widgets.HBox(self.picks, layout=plain), self.order_button, self.order_feedback,
            # the verdict on the claim just worked sits above the next claim, never under its story
            widgets.HTML("<b>Part 2. Work the claims, one at a time</b>", layout=plain, style=text), self.scoreboard,
            self.feedback, self.claim_pick, self.detail, self.action,
            widgets.HBox([self.submit, self.reset_button], layout=plain),
            widgets.HTML("<b>Part 3. What changed: the A/R by age</b>", layout=plain, style=text), self.aging_button,
            self.aging,
            self.handin]
        self.refresh()

    @property
    def after(self):
        """The queue's money after the decisions so far (compare with ``before``)."""
        return queue_metrics(self.queue, self.done)

    def refresh(self) -> None:
        """Redraw the table, the claims left to work and the scoreboard (a chart drawn before is out of date)."""
        self.aging.value = ""
        worked = {d.claim_id for d in self.done}
        left = [c for c in self.queue.claims if c.claim_id not in worked]
        self.table.value = (no_maths(show_table(queue_table(self.queue, self.done), "The work queue", framed=True).to_html())
                            if left else "")
        self.claim_pick.options = [(f"{c.claim_id}: {c.patient}, {fmt_money(c.balance)}", c.claim_id) for c in left]
        self.claim_pick.value = left[0].claim_id if left else None
        self.show_claim()
        m, right = self.after, sum(d.right for d in self.done)
        self.scoreboard.value = message_html(
            f"Worked {len(self.done)} of {len(self.queue.claims)} claims, {right} right. Collected "
            f"{fmt_money(m.collected)}; adjusted off {fmt_money(m.written_off)}; open A/R {fmt_money(m.ar_total)}.\n"
            + days_in_ar_text(self.queue, m), "info", title="The queue so far")

    def show_claim(self) -> None:
        """Show the chosen claim's story and remittance in words, and clear the action."""
        self.action.value = None
        if not self.claim_pick.value:
            self.detail.value = message_html("Every claim is worked. Press Draw the A/R by age (below) to see what changed.", "ok",
                                             title="Queue done")
            return
        claim, e = self.queue.claim(self.claim_pick.value), html.escape
        payer = self.queue.payer(claim).name
        second = f"; secondary: {e(self.queue.payers[claim.secondary_id].name)}" if claim.secondary_id else ""
        code = ""
        if claim.carc:
            words = default_tables().carc[claim.carc]["plain_words"]
            code = f"<br><b>{e(claim.group)}-{e(claim.carc)}</b> (our paraphrase): {e(words)}"
        self.detail.value = no_maths(readable(  # a normal line height: a widget's 28 px reads as double-spaced
            f"<div style='max-width:760px'><b>{e(claim.claim_id)}</b>, {e(claim.patient)}: "
            f"{e(payer)}{second}. Service {claim.date_of_service:%Y-%m-%d}, billed {claim.billed_on:%Y-%m-%d}"
            + (f", latest notice {claim.notice_date:%Y-%m-%d}" if claim.notice_date else "")
            + f". Balance <b>{e(fmt_money(claim.balance))}</b>, {e(STATUSES[claim.status])}.{code}"
            f"<br>{e(claim.story)}</div>", "careerlab-text careerlab-queue-claim"))

    def draw_aging(self) -> None:
        """Draw the open A/R by age, before and after the decisions so far, with its sentence under it."""
        from matplotlib.figure import Figure

        from careerlab.charting import figure_png
        from careerlab.claims.charts import ar_aging_chart

        fig = Figure(figsize=(8, 4.5), layout="constrained")
        after = self.after
        ar_aging_chart(self.before, after, ax=fig.add_subplot())
        self.aging.value = (chart_html(figure_png(fig), chart_alt(fig), 760, "careerlab-aging-chart")
                            + readable(f"<p>{html.escape(aging_summary(self.before, after, len(self.done)))}</p>"))

    def check_order(self) -> None:
        """Score the three picks against the priority order and save the score."""
        picks = [p.value for p in self.picks]
        if not all(picks) or len(set(picks)) < PICKS:
            self.order_feedback.value = message_html(f"Choose {PICKS} different claims, one in each box.", "warn")
            return
        score, lines = check_top_picks(self.queue, picks, PICKS)
        kind = "ok" if score == 1 else "warn" if score else "error"
        text = "\n".join(f"{'✓' if ok else '✗'} {claim_id}: {why}" for claim_id, ok, why in lines)
        rule = ("The lesson's order (practices set their own, much like it): deadlines within 30 days first, soonest "
                "first, because money past a deadline is lost for good; then money to collect, largest first; then "
                "write-offs; then claims to hold.")
        self.order_feedback.value = message_html(f"{round(score * PICKS)} of your {PICKS} are in the top {PICKS}.\n"
                                                 f"{text}\n{rule}", kind, title="Your order")
        self.store.record(SECTION, ORDER_ID, {"answer": picks, "score": score})

    def work(self) -> None:
        """Work the chosen claim with the chosen action; feedback, money and days in A/R update."""
        if not self.claim_pick.value:
            self.feedback.value = message_html("Every claim is already worked; start the queue over to try again.", "warn")
            return
        if self.action.value is None:
            self.feedback.value = message_html("Choose an action for this claim first, then Submit.", "warn")
            return
        try:
            decision = work_claim(self.queue, self.done, self.claim_pick.value, self.action.value)
        except QueueError as err:
            self.feedback.value = message_html(str(err), "warn")
            return
        self.done = (*self.done, decision)
        self.feedback.value = message_html(decision_text(self.queue, decision), "ok" if decision.right else "error",
                                           title=f"{decision.claim_id}: {'right' if decision.right else 'not this one'}")
        self.store.record(SECTION, WORK_QUEUE, queue_result(self.queue, self.done))
        self.refresh()

    def reset(self) -> None:
        """Put every claim back in the queue (what was saved stays until the next decision)."""
        self.done = ()
        self.feedback.value = message_html("The queue is back as it was this morning. Your saved result stays "
                                           "as it is until your next decision replaces it.", "info")
        self.refresh()

    def order(self) -> list[str]:
        """The claim ids in the priority order (for the instructor's answer key)."""
        return [r.claim.claim_id for r in priority_order(self.queue)]


def work_queue(queue=None, store=None):
    """Build the work-queue widget (see WorkQueueWidget); a damaged queue file gives a message instead."""
    try:
        return WorkQueueWidget(queue=queue, store=store)
    except ClaimsDataError as err:
        return widgets.HTML(message_html(f"The work queue could not be read: {err}", "error",
                                         title="Cannot open the work queue"))
