"""Widgets for lesson 03's processes around the claim: one short exercise each (eligibility, prior authorisation,
Medicare Secondary Payer, the secondary claim, the ABN, the MSN), saved under the lesson's exercise section."""
from __future__ import annotations

import html

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from careerlab.claims.money import MoneyError, parse_money
from careerlab.claims.process_text import exercises, secondary_hint, secondary_result, secondary_working
from careerlab.progress import default_store
from careerlab.progress.record import exercise_section
from careerlab.ui import message_html, no_maths, safe_callback

LESSON = "03-the-medical-biller"
SECTION = exercise_section(LESSON)


def _shared() -> tuple[widgets.Layout, HTMLStyle]:
    """One plain layout and one text style for an exercise's texts and button: every widget model costs Run
    All time (six exercises in lesson 03). Nothing changes them after they are made."""
    return widgets.Layout(), HTMLStyle()


def _situation(lines: list[str], layout: widgets.Layout, style: HTMLStyle) -> widgets.HTML:
    """The facts of the exercise as a short list (dollar signs never typeset as maths)."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return widgets.HTML(no_maths(f"<ul style='margin:2px 0'>{items}</ul>"), layout=layout, style=style)


class ChoiceExercise(widgets.VBox):
    """One question with options: a wrong choice gets the reason it is wrong, the right one the explanation."""

    def __init__(self, exercise_id: str, store=None):
        super().__init__()
        spec = exercises()[exercise_id]
        self.exercise_id, self.spec, self.store = exercise_id, spec, store or default_store()
        plain, text = _shared()
        self.choice = widgets.RadioButtons(options=[(text, key) for key, text, _ in spec["options"]], value=None,
                                           description="Answer", layout=widgets.Layout(width="auto"))
        self.check_button = widgets.Button(description="Check", icon="check", tooltip="Check my answer", layout=plain)
        self.feedback = widgets.HTML(layout=plain, style=text)
        self.check_button.on_click(safe_callback(self.feedback)(lambda _b: self.check()))
        self.children = [_situation(spec["situation"], plain, text),
                         widgets.HTML(no_maths(f"<p><b>{html.escape(spec['prompt'])}</b></p>"), layout=plain, style=text),
                         self.choice, self.check_button, self.feedback]

    def check(self) -> None:
        """Grade the chosen option and save it; no choice yet gets a message and nothing is saved."""
        if self.choice.value is None:
            self.feedback.value = message_html("Choose one of the answers first.", "warn")
            return
        correct = self.choice.value == self.spec["answer"]
        if correct:
            self.feedback.value = no_maths(message_html(self.spec["explanation"], "ok"))
        else:
            reason = {key: why for key, _, why in self.spec["options"]}[self.choice.value]
            self.feedback.value = no_maths(message_html(reason + " Try another answer.", "error"))
        self.store.record(SECTION, self.exercise_id, {"answer": self.choice.value, "score": 1.0 if correct else 0.0})


class SecondaryClaimExercise(widgets.VBox):
    """The secondary claim worked end to end: the learner types what the secondary pays and the patient's balance."""

    exercise_id = "secondary-claim"

    def __init__(self, store=None):
        super().__init__()
        self.store, self.wrong_tries = store or default_store(), 0
        self.result = secondary_result()
        plain, text = _shared()
        style = TextStyle(description_width="170px")  # one for both boxes
        self.paid = widgets.Text(description="Secondary pays $", placeholder="e.g. 12.34", style=style, layout=plain)
        self.balance = widgets.Text(description="Patient balance $", placeholder="e.g. 12.34", style=style, layout=plain)
        self.check_button = widgets.Button(description="Check", icon="check", tooltip="Check my answers", layout=plain)
        self.feedback = widgets.HTML(layout=plain, style=text)
        self.check_button.on_click(safe_callback(self.feedback)(lambda _b: self.check()))
        self.children = [self.paid, self.balance, self.check_button, self.feedback]

    def check(self) -> None:
        """Grade both amounts to the cent: a hint after the first wrong try, the working after the second."""
        try:
            paid = parse_money(self.paid.value, "What the secondary pays")
            balance = parse_money(self.balance.value, "The patient's balance")
        except MoneyError as err:
            self.feedback.value = message_html(str(err), "warn")
            return
        right = (paid == self.result.secondary_paid, balance == self.result.patient_balance)
        if all(right):
            self.feedback.value = no_maths(message_html("Both right.\n" + secondary_working(), "ok"))
        elif self.wrong_tries == 0:
            self.wrong_tries += 1
            which = "the secondary's payment" if not right[0] else "the patient's balance"
            self.feedback.value = no_maths(message_html(f"Check {which}. " + secondary_hint(), "error"))
        else:
            self.wrong_tries += 1
            self.feedback.value = no_maths(message_html("Not yet. Here is the working:\n" + secondary_working(), "error"))
        self.store.record(SECTION, self.exercise_id, {"answer": {"secondary_paid": str(paid), "patient_balance": str(balance)},
                                                      "score": sum(right) / 2})


def process_exercise(name: str, store=None) -> widgets.VBox:
    """One of the lesson's process exercises by name: eligibility, prior-auth, msp, secondary-claim, abn, msn."""
    if name == SecondaryClaimExercise.exercise_id:
        return SecondaryClaimExercise(store=store)
    if name not in exercises():
        known = ", ".join(sorted([*exercises(), SecondaryClaimExercise.exercise_id]))
        return widgets.VBox([widgets.HTML(message_html(f"There is no exercise called '{name}'. Choose one of: {known}.",
                                                       "warn"))])
    return ChoiceExercise(name, store=store)

