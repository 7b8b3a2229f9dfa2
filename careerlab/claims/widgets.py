"""Widgets for lesson 03: the claim builder and the patient-share exercises."""
from __future__ import annotations

import html

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from careerlab.claims.adjudication import adjudicate
from careerlab.claims.correction import FIRST_SEND, correction_route, denied_codes
from careerlab.claims.data import ClaimsDataError, get_payer, load_visits
from careerlab.claims.model import ClaimError, claim_from_dict, claim_to_dict
from careerlab.claims.money import MoneyError, fmt_money, parse_money
from careerlab.claims.pricing import explain_split, split_allowed
from careerlab.claims.scrubber import blocking, scrub
from careerlab.claims.tables import claim_form_html, findings_table, remittance_table
from careerlab.claims.text import explain_adjustments, remittance_summary, share_wrong_reason
from careerlab.claims.x12 import X12Error
from careerlab.claims.x12_835 import payer_claim_number
from careerlab.claims.x12_837p import to_837p
from careerlab.claims.x12_check import check_x12
from careerlab.progress import default_store
from careerlab.progress.record import exercise_section
from careerlab.ui import download_link, message_html, no_maths, readable, safe_callback, show_table

LESSON = "03-the-medical-biller"
SECTION = exercise_section(LESSON)
# (field, label, tooltip, width, placeholder): a placeholder is a short hint that fits its box beside
# the label, and never suggests an answer (an empty Mods box says "none", not "e.g. 25").
LINE_FIELDS = (("place_of_service", "Place", "Place of service, box 24B (11 = office)", "115px", "e.g. 11"),
               ("code", "Code", "Service code, box 24D", "130px", "5 chars"),
               ("modifiers", "Mods", "Modifiers, box 24D (e.g. 25)", "120px", "none"),
               ("pointers", "Ptrs", "Diagnosis pointers, box 24E (letters A-L)", "110px", "letters"),
               ("units", "Units", "Units, box 24G", "110px", "number"),
               ("charge", "Charge $", "Charge in dollars, box 24F", "150px", "0.00"))
STALE_FORM = ("This is the claim as it was last read, before your latest changes: fix the fields named "
              "below and press Scrub the claim again to update it.")


class ClaimBuilder(widgets.VBox):
    """Pick a synthetic visit, fix fields, scrub, submit, and read the remittance."""

    def __init__(self, visits=None, store=None):
        super().__init__()
        self.visits = visits if visits is not None else load_visits()
        self.store = store or default_store()
        # Shared layouts and styles (none is changed after it is made): every widget model costs Run All time.
        self._plain, self._text = widgets.Layout(), HTMLStyle()
        self._line_style = TextStyle(description_width="initial")
        self._line_widths = {w: widgets.Layout(width=w) for _, _, _, w, _ in LINE_FIELDS}
        self._remove_width, self._remove_style = widgets.Layout(width="100px"), widgets.ButtonStyle()
        self.result = widgets.HTML(layout=self._plain, style=self._text)
        self.form = widgets.HTML(layout=self._plain, style=self._text)
        self.last_findings, self.last_remittance = None, None
        self.answered = None  # once the payer has answered: how it takes a correction (a Correction)
        self.visit = widgets.Dropdown(options=[(f"{k}: {c.title}", k) for k, c in self.visits.items()],
                                      description="Visit", layout=widgets.Layout(width="560px"))
        style, wide = TextStyle(description_width="190px"), widgets.Layout(width="460px")
        self.fields = {
            "rendering_npi": widgets.Text(description="Rendering NPI (24J)", style=style, layout=wide),
            "member_id": widgets.Text(description="Insured's ID (1a)", style=style, layout=wide),
            "diagnoses": widgets.Text(description="Diagnoses (21), commas", style=style, layout=wide),
            "filed_on": widgets.Text(description="Date sent (YYYY-MM-DD)", style=style, layout=wide),
        }
        self.lines_box = widgets.VBox(layout=self._plain)
        self.line_rows: list[dict[str, widgets.Text]] = []
        width = widgets.Layout(width="auto", min_width="200px")  # one for all four: "Send a replacement claim" is never cut
        self.scrub_button = widgets.Button(description="Scrub the claim", icon="search", button_style="info", layout=width)
        self.submit_button = widgets.Button(description=FIRST_SEND, icon="paper-plane", button_style="primary",
                                            layout=width)
        self.reset_button = widgets.Button(description="Start this visit over", icon="undo", layout=width)
        self.file_button = widgets.Button(description="Show the 837P file", icon="file-text", layout=width)
        for b in (self.scrub_button, self.submit_button, self.reset_button, self.file_button):
            b.tooltip = b.description
        self.scrub_button.on_click(safe_callback(self.result)(lambda _b: self.run_scrub()))
        self.submit_button.on_click(safe_callback(self.result)(lambda _b: self.run_submit()))
        self.reset_button.on_click(safe_callback(self.result)(lambda _b: self.load_visit()))
        self.file_button.on_click(safe_callback(self.result)(lambda _b: self.show_file()))
        self.visit.observe(safe_callback(self.result)(lambda _c: self.load_visit()), names="value")
        self.children = [self.visit, self.form, *self.fields.values(), widgets.HTML("<b>Service lines (box 24)</b>"),
                         self.lines_box, widgets.HBox([self.scrub_button, self.submit_button, self.reset_button, self.file_button]),
                         self.result]
        self.load_visit()

    def load_visit(self) -> None:
        """Fill the fields from the chosen visit, as it was originally keyed."""
        raw = claim_to_dict(self.visits[self.visit.value])
        for key, box in self.fields.items():
            box.value = ", ".join(raw[key]) if key == "diagnoses" else str(raw[key])
        self.base = dict(raw, lines=list(raw["lines"]))  # a line removed here goes from the form's copy only
        self.line_rows = []
        for line in raw["lines"]:
            row = {k: widgets.Text(value=" ".join(line[k]) if isinstance(line[k], list) else str(line[k]),
                                   description=label, tooltip=tip, placeholder=hint,
                                   style=self._line_style, layout=self._line_widths[w])
                   for k, label, tip, w, hint in LINE_FIELDS}
            self.line_rows.append(row)
        self._draw_lines()
        self.form_html = self.form.value = claim_form_html(claim_from_dict(raw))
        self.result.value = message_html(self.visits[self.visit.value].story, "info", title="The visit")
        self._answered(None)

    def _draw_lines(self) -> None:
        """One row per service line, numbered from 1, each with its own Remove button."""
        rows = []
        for n, row in enumerate(self.line_rows, start=1):
            remove = widgets.Button(description="Remove", icon="trash", tooltip=f"Take line {n} off this claim",
                                    layout=self._remove_width, style=self._remove_style)
            remove.on_click(safe_callback(self.result)(lambda _b, r=row: self.remove_line(r)))
            rows.append(widgets.HBox([widgets.HTML(f"<b>Line {n}</b>&nbsp;", layout=self._plain, style=self._text),
                                      *row.values(), remove], layout=self._plain))
        self.lines_box.children = rows

    def remove_line(self, row: dict) -> None:
        """Take a service line off the claim (a service the notes do not support is not billed at all);
        the last line stays, since a claim bills at least one service. Start this visit over brings it back."""
        if row not in self.line_rows:
            return
        if len(self.line_rows) == 1:
            self.result.value = message_html("A claim needs at least one service line, so the last one stays. "
                                             "Change its fields instead, or press Start this visit over.", "warn")
            return
        n = self.line_rows.index(row)
        del self.line_rows[n]
        del self.base["lines"][n]
        self._draw_lines()
        self.last_findings = None
        try:
            self.form_html = self.form.value = claim_form_html(self.current_claim())
        except (ClaimError, MoneyError):
            pass  # a field being typed: the form redraws at the next Scrub
        self.result.value = message_html(f"Line {n + 1} is off the claim; the lines below it moved up. Scrub the "
                                         "claim again. Start this visit over brings the line back.", "info",
                                         title="Line removed")

    def _answered(self, correction) -> None:
        """Remember how the payer takes a correction now (None: nothing sent yet); the send button says it."""
        self.answered = correction
        self.submit_button.description = self.submit_button.tooltip = correction.button if correction else FIRST_SEND

    def current_claim(self):
        """The claim as the fields now say; a ClaimError names any field that cannot be read."""
        raw = dict(self.base)
        raw.update({k: (box.value.split(",") if k == "diagnoses" else box.value) for k, box in self.fields.items()})
        raw["lines"] = [dict(base, **{k: (row[k].value.replace(",", " ").split() if k in ("modifiers", "pointers")
                                          else row[k].value) for k in row})
                        for base, row in zip(self.base["lines"], self.line_rows)]
        return claim_from_dict(raw)

    def _claim_or_message(self):
        """The current claim, or None after showing the learner what to fix."""
        try:
            claim = self.current_claim()
        except (ClaimError, MoneyError) as err:
            self.result.value = message_html(str(err), "error", title="Cannot read the form")
            self.form.value = (message_html(STALE_FORM, "warn", title="Not up to date")
                               + f"<div class='careerlab-stale' style='border-left:4px dashed #6b4200;padding-left:8px'>{self.form_html}</div>")
            return None
        self.form_html = self.form.value = claim_form_html(claim)
        return claim

    def run_scrub(self) -> None:
        """Scrub the claim and list the findings (or say it is clean)."""
        claim = self._claim_or_message()
        if claim is None:
            return
        self.last_findings = scrub(claim)
        if not self.last_findings:
            self.result.value = message_html("No problems found: this claim is clean. Submit it.", "ok", title="Clean claim")
            return
        n = len(self.last_findings)
        found = "1 problem found. Fix it" if n == 1 else f"{n} problems found. Fix them"
        self.result.value = (message_html(f"{found} and scrub again.", "warn")
                             + no_maths(show_table(findings_table(self.last_findings), framed=True).to_html()))

    def run_submit(self) -> None:
        """Send the claim (even with errors, to see the denials) and show the remittance. Once the payer has
        answered, the claim goes the way this payer takes corrections (a reopening, a replacement claim or a
        new claim), never as the same claim again (lesson section 8)."""
        claim = self._claim_or_message()
        if claim is None:
            return
        sent_as = self.answered
        if sent_as is not None and sent_as.route == "none":
            self.result.value = message_html(sent_as.why, "warn", title=sent_as.done)
            return
        errors = blocking(scrub(claim))
        remit = adjudicate(claim)
        self.last_remittance = remit
        denied = int((remit["status"] == "denied").sum())
        # "Paid" only when the payer pays something: $0.00 with no denial (all of it to the deductible) is processed
        outcome = ("paid" if sum(remit["paid"]) > 0 else "processed, $0.00 paid") if denied == 0 else "still denied"
        word = outcome.capitalize() if denied == 0 else "Denial"
        title = word if sent_as is None else f"{sent_as.done}: {outcome}"
        text = remittance_summary(remit)
        if errors:
            text += f" You sent it with {len(errors)} scrubber error{'' if len(errors) == 1 else 's'}."
        if sent_as is not None:
            text = f"{sent_as.why}\n{text}"
        nxt = correction_route(get_payer(claim.payer_id), denied_codes(remit), payer_claim_number(claim))
        if denied:
            text += f"\n{nxt.why}" if nxt.route == "none" else f"\nTo correct it, change the fields and press {nxt.button}."
        explained = "".join(f"<li>{html.escape(t)}</li>" for t in explain_adjustments(remit))
        self.result.value = (message_html(text, "ok" if denied == 0 else "error", title=title)
                             + no_maths(show_table(remittance_table(remit), "The remittance", framed=True).to_html())
                             + readable(f"<ul style='margin:4px 0'>{explained}</ul>", "careerlab-text careerlab-adjustments"))
        self._answered(nxt)
        self.store.record(SECTION, f"claim-{claim.claim_id}",
                          {"answer": {"denied_lines": denied, "paid": str(sum(remit["paid"]))},
                           "score": 1.0 if denied == 0 else 0.0})

    def show_file(self) -> None:
        """The claim as the 837P file the practice would send, pyx12's verdict on it, and a download link."""
        claim = self._claim_or_message()
        if claim is None:
            return
        route = self.answered.route if self.answered else ""
        replacing = route == "replacement"
        text = to_837p(claim, frequency=self.answered.frequency if self.answered else "1",
                       payer_claim_number=payer_claim_number(claim) if replacing else "")
        name = f"{claim.claim_id or 'claim'}-837P.txt".replace("/", "-")
        about = {"replacement": "This is the replacement claim: frequency code 7 (the last part of CLM05) and "
                                "the payer's number for the first claim (REF*F8).",
                 "reopening": "The payer already has this claim: a reopening is asked for by phone, the IVR "
                              "line or the portal, so no new file is sent. This is the claim as a file."}.get(route)
        self.result.value = ((message_html(about, "info", title="Which file") if about else "")
                             + file_verdict_html(text)
                             + no_maths(f"<pre style='font-size:12px;line-height:1.35'>{html.escape(text)}</pre>")
                             + download_link(name, text.encode("ascii", "replace"), f"Download {name}"))


def file_verdict_html(text: str) -> str:
    """pyx12's verdict on an 837P as a message: accepted, rejected with the reasons, or why it cannot check."""
    title = "The claim as an 837P file"
    try:
        problems = check_x12(text)
    except X12Error as err:  # e.g. the checker is not installed: the file is still shown
        return message_html(str(err), "warn", title=title)
    if problems:
        return message_html("The clearinghouse would reject this file before any payer saw it:\n"
                            + "\n".join(p.plain for p in problems), "error", title="Rejected")
    return message_html("The validator (pyx12) accepts this file's layout. (It does not check the billing rules: "
                        "that is the scrubber's job.)", "ok", title=title)


def validator_check(text: str, label: str = "Run the validator") -> widgets.VBox:
    """A button that runs the validator (pyx12) over an 837P or 835 and shows its verdict in plain words.
    Run when pressed, as a clearinghouse does on upload: pyx12 reads its format maps first (about a
    quarter of a second), which Run All of the lesson does not wait for."""
    button = widgets.Button(description=label, icon="check-square-o", tooltip=label,
                            layout=widgets.Layout(width="220px"))
    verdict = widgets.HTML()

    def run(_b=None) -> None:
        verdict.value = file_verdict_html(text)

    button.on_click(safe_callback(verdict)(run))
    return widgets.VBox([button, verdict])


def claim_builder(visits=None, store=None):
    """Build the claim-builder widget (see ClaimBuilder); if the visits file is damaged, a message instead."""
    try:
        return ClaimBuilder(visits=visits, store=store)
    except ClaimsDataError as err:
        return widgets.HTML(message_html(f"The practice's visit file could not be read: {err}", "error",
                                         title="Cannot open the claim builder"))


class ShareExercise(widgets.VBox):
    """A numeric exercise: how much does the patient pay? Checked to the cent: a first wrong answer gets a hint
    (or, for a share right before the out-of-pocket cap, what the cap does), a second one the full working."""

    def __init__(self, exercise_id, prompt, allowed, deductible_remaining, coinsurance, copay=0, oop_remaining=None,
                 store=None):
        super().__init__()
        self.exercise_id, self.store = exercise_id, store or default_store()
        self.args = (allowed, deductible_remaining, coinsurance, copay, oop_remaining)
        self.expected = split_allowed(*self.args)[0]
        self.wrong_tries = 0  # this widget's own count: the working is shown from the second wrong try
        # one plain layout and one text style for the parts: every widget model costs Run All time
        plain, text = widgets.Layout(), HTMLStyle()
        self.answer = widgets.Text(description="Patient pays $", placeholder="e.g. 12.34",
                                   style={"description_width": "120px"}, layout=plain)
        self.check_button = widgets.Button(description="Check", icon="check", tooltip="Check my answer", layout=plain)
        self.feedback = widgets.HTML(layout=plain, style=text)
        self.check_button.on_click(safe_callback(self.feedback)(lambda _b: self.check()))
        self.children = [widgets.HTML(f"<p>{html.escape(prompt)}</p>", layout=plain, style=text),
                         widgets.HBox([self.answer, self.check_button], layout=plain), self.feedback]

    def check(self) -> None:
        """Grade the typed answer; a blank or non-number gets a message and nothing is saved."""
        try:
            given = parse_money(self.answer.value, "Your answer")
        except MoneyError as err:
            self.feedback.value = message_html(str(err), "warn")
            return
        correct = given == self.expected  # to the cent, as a statement is
        if correct:
            self.feedback.value = message_html(f"{fmt_money(self.expected)} is right.\n" + explain_split(*self.args), "ok")
        elif self.wrong_tries == 0:
            self.wrong_tries += 1
            self.feedback.value = message_html(f"{fmt_money(given)} is not it.\n" + share_wrong_reason(given, *self.args),
                                               "error")
        else:
            self.wrong_tries += 1
            self.feedback.value = message_html(f"{fmt_money(given)} is not it. Here is the working:\n"
                                               + explain_split(*self.args), "error")
        self.store.record(SECTION, self.exercise_id, {"answer": str(given), "score": 1.0 if correct else 0.0})


def share_exercise(exercise_id, prompt, allowed, deductible_remaining, coinsurance, copay=0, oop_remaining=None,
                   store=None) -> ShareExercise:
    """Build one patient-share exercise (see ShareExercise)."""
    return ShareExercise(exercise_id, prompt, allowed, deductible_remaining, coinsurance, copay, oop_remaining, store)
