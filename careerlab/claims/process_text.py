"""Sentences for lesson 03's five processes around the claim: each exercise's situation, question, options with
the reason each wrong one is wrong, and the explanation; the numbers come from the logic modules."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from careerlab.claims.eligibility import Benefits, estimate_share, front_desk_actions
from careerlab.claims.money import fmt_money
from careerlab.claims.notices import abn_modifier, liable_if_denied
from careerlab.claims.prior_auth import Authorization, auth_problem
from careerlab.claims.secondary import SecondaryResult, msp_primary, secondary_payment

VISIT_DAY = date(2026, 11, 16)
BENEFITS = Benefits("NW4471203", "Northwind Commercial PPO (synthetic)", date(2026, 1, 1), None, Decimal("40.00"),
                    Decimal("0.20"), oop_remaining=Decimal("900.00"), auth_required=("20610",),
                    other_coverage="Lakeside Copay HMO (synthetic), through a spouse")
AUTH = Authorization("PA-26-0093", "20610", 1, date(2026, 10, 1), date(2026, 10, 31))
# The secondary claim, worked end to end: NWPPO primary on a 99213 in locality A (lesson 03's tables), then a
# synthetic secondary plan with $100.00 of its deductible left and 20 % coinsurance.
PRIMARY = {"billed": Decimal("150.00"), "allowed": Decimal("108.55"), "co45": Decimal("41.45"),
           "pr2": Decimal("21.71"), "paid": Decimal("86.84")}
SECONDARY_DEDUCTIBLE, SECONDARY_COINSURANCE = Decimal("100.00"), Decimal("0.20")
ACTION_WORDS = {"not-active": "current insurance details (coverage is not active that day)",
                "prior-auth": "a prior authorisation", "coordinate": "the order of the two plans",
                "collect-copay": "the copay at check-in"}


def benefits_lines() -> list[str]:
    """The 271 reply of the eligibility exercise, one fact a line."""
    b = BENEFITS
    return [f"Member {b.member_id}, {b.plan}: coverage active from {b.active_from.isoformat()}, no end date.",
            f"Deductible left this year: {fmt_money(b.deductible_remaining)}; coinsurance {b.coinsurance * 100:.0f} %; "
            f"out-of-pocket maximum left: {fmt_money(b.oop_remaining)}.",
            "Prior authorisation required for: 20610 (joint injection).",
            f"Other coverage on file: {b.other_coverage}."]


def secondary_result() -> SecondaryResult:
    """The secondary payer's answer in the worked example."""
    return secondary_payment(PRIMARY["allowed"], PRIMARY["paid"], PRIMARY["pr2"], SECONDARY_DEDUCTIBLE,
                             SECONDARY_COINSURANCE)


def secondary_working() -> str:
    """The secondary claim worked end to end, step by step."""
    r, p = secondary_result(), PRIMARY
    before = p["allowed"] - SECONDARY_DEDUCTIBLE
    return "\n".join([
        f"1. Primary (NWPPO): billed {fmt_money(p['billed'])}, allowed {fmt_money(p['allowed'])}, CO-45 "
        f"{fmt_money(p['co45'])}, PR-2 coinsurance {fmt_money(p['pr2'])}, paid {fmt_money(p['paid'])}.",
        f"2. Secondary claim: the same services, plus the primary's payment ({fmt_money(p['paid'])}) and its "
        "adjustments (CO-45, PR-2) copied from the primary's remittance.",
        f"3. The secondary's normal benefit as if it were primary: {fmt_money(p['allowed'])} - "
        f"{fmt_money(SECONDARY_DEDUCTIBLE)} deductible = {fmt_money(before)}; 20 % coinsurance on that is "
        f"{fmt_money(before - r.normal_benefit)}, so it would pay {fmt_money(r.normal_benefit)}.",
        f"4. It pays the lesser of that and what the patient still owes ({fmt_money(r.patient_after_primary)}): "
        f"{fmt_money(r.secondary_paid)}.",
        f"5. Patient balance: {fmt_money(r.patient_after_primary)} - {fmt_money(r.secondary_paid)} = "
        f"{fmt_money(r.patient_balance)}, billed on the statement after both remittances are posted.",
    ])


def secondary_hint() -> str:
    """What to look at again after a first wrong try at the secondary claim (no numbers given away)."""
    return ("Hint: the secondary first works out what it would pay if it were the only plan (its own deductible "
            "first, then its coinsurance), then pays the lesser of that and what the patient still owes after the "
            "primary. The patient owes whatever is left. Try again; the full working appears after a second try.")


def _choice(prompt: str, options: list[tuple[str, str, str]], answer: str, explanation: str, situation: list[str]) -> dict:
    return {"situation": situation, "prompt": prompt, "options": options, "answer": answer, "explanation": explanation}


def exercises() -> dict[str, dict]:
    """The choice exercises by id: situation lines, prompt, (id, text, feedback if wrong), answer, explanation."""
    actions = front_desk_actions(BENEFITS, VISIT_DAY, ("99213", "20610"))
    estimate = estimate_share(BENEFITS, "108.55")
    problem = auth_problem(AUTH, "20610", 1, VISIT_DAY) or ""
    ga, gz = abn_modifier(True, True), abn_modifier(True, False)
    return {
        "eligibility": _choice(
            "The visit on 16 November 2026 is a 99213 with a knee injection (20610). What must the front desk do "
            "before it?",
            [("a", "Nothing: coverage is active, so the claim will be paid.",
              "Active coverage is only the first line. Read the rest of the reply: one service needs an approval, "
              "and another plan is on file."),
             ("b", "Get a prior authorisation for 20610 and find out which of the two plans pays first.", ""),
             ("c", "Collect a copay at check-in.",
              "This plan has coinsurance, not a copay: the patient's share is worked out from the allowed amount."),
             ("d", "Send the claim to both plans at once.",
              "Two plans never pay at the same time: one is primary, and the other gets a secondary claim after the "
              "primary's remittance.")],
            "b", f"The reply asks for {' and '.join(ACTION_WORDS[a] for a in actions)}: 20610 needs an approval before the service, and other "
            "coverage on file means the plans' order must be settled (coordination of benefits). The eligibility "
            "check (the 270 question and 271 reply) also lets the front desk estimate the patient's share: on an "
            f"allowed {fmt_money(Decimal('108.55'))} it is {fmt_money(estimate)} (the {fmt_money(BENEFITS.deductible_remaining)} "
            "deductible left, then 20 % of the rest).", benefits_lines()),
        "prior-auth": _choice(
            "The knee injection is booked for 16 November 2026. What happens if the claim is sent with this "
            "authorisation?",
            [("a", "It is paid: the code and the units match.",
              "Code and units match, but check the dates the approval covers."),
             ("c", "The patient pays for it instead.",
              "A missing or lapsed approval is the practice's to fix; in most contracts the patient may not be billed "
              "for it."),
             ("b", "The payer denies the line: the authorisation ended before the visit. Ask for an extension "
                   "before the visit.", "")],
            "b", problem + " A prior authorisation (electronically the 278 transaction) is the payer's approval, "
            "before the service, for services its policy lists; it names the service, the units and the dates it "
            "covers, and its number goes on the claim.",
            [f"Authorisation {AUTH.number} on file: {AUTH.code}, {AUTH.units} unit, valid {AUTH.valid_from.isoformat()} "
             f"to {AUTH.valid_to.isoformat()}."]),
        "msp": _choice(
            "Ms Example is 67 and has Medicare. She still works, and her employer (50 employees) covers her in its "
            "group health plan. Which plan gets the first claim?",
            [("a", "Medicare: it is always primary for people over 65.",
              "Not while she works for an employer with 20 or more employees: then the employer plan pays first "
              "(Medicare Secondary Payer rules)."),
             ("b", "The employer plan; Medicare gets the secondary claim.", ""),
             ("c", "Whichever plan pays more.", "The order is set by rules, not by what pays more.")],
            "b", f"{msp_primary(67, True, 50).capitalize()} first: for the \"working aged\", an employer plan with 20 or "
            "more employees pays before Medicare (CMS Medicare Secondary Payer Manual, ch. 1 s. 10.1; employer "
            "guides agree, 2019). With 12 employees Medicare would be primary. The practice asks every Medicare "
            "patient about other coverage (the MSP questionnaire) so the first claim goes to the right payer.",
            ["Medicare by age; a group health plan through her own current job; her employer has 50 employees."]),
        "abn": _choice(
            "A Medicare patient wants a test that Medicare's coverage policy does not cover for her diagnosis. She "
            "reads and signs an ABN before the test. Which modifier goes on the line, and who pays if Medicare denies it?",
            [("a", f"{ga}: the patient pays if Medicare denies it.", ""),
             ("b", f"{gz}: the patient pays if Medicare denies it.",
              f"{gz} says that no ABN was signed; then the practice is liable, and Medicare denies {gz} lines "
              "automatically."),
             ("c", "No modifier: Medicare will see the ABN.",
              "Medicare never sees the paper form; the modifier is how the claim reports it."),
             ("d", "25: it marks a separate service.", "25 is about a visit on the day of a procedure, not about an ABN.")],
            "a", f"With a signed ABN on file the line carries {ga}, and if Medicare denies it the {liable_if_denied(ga)} "
            f"pays. Without one it carries {gz} and the {liable_if_denied(gz)} pays (Palmetto GBA, Noridian; CMS Claims "
            "Processing Manual ch. 30 s. 50; checked 2026; GZ lines are denied automatically, as CO-50, since "
            "July 2011, CMS MM7228). The ABN (form CMS-R-131) must be given before the service, for a "
            "service Medicare may find not reasonable and necessary.",
            ["The test is normally covered, but not for this diagnosis under Medicare's policy.",
             "An ABN was explained, signed and dated before the test; the practice keeps it on file."]),
        "msn": _choice(
            "Sam calls: his Medicare Summary Notice shows what Medicare paid, and your remittance shows $30.19 paid "
            "and CO-253 $0.62. Should Sam be billed the $0.62?",
            [("b", "No: CO-253 is written off; Sam still owes only his $57.70 (PR-1 and PR-2).", ""),
             ("a", "Yes: Medicare paid less, so the patient makes it up.",
              "CO means contractual obligation: the practice writes it off and may not bill the patient."),
             ("c", "Only if the MSN shows it.",
              "The MSN is the patient's summary, not a bill; what the practice may bill comes from the PR amounts on its "
              "remittance.")],
            "b", "The MSN goes to the patient: what was billed, what Medicare approved and paid, and the most the "
            "patient may be billed. The remittance goes to the practice, with every adjustment coded. Sequestration "
            "(CO-253) cuts Medicare's payment, never the patient's share.",
            ["Sam's visit: allowed $88.51; PR-1 $50.00 and PR-2 $7.70 ($57.70); Medicare's part $30.81, less CO-253 "
             "$0.62 = $30.19 paid."]),
    }
