"""Display tables for lesson 03: the claim as a CMS-1500-style form (HTML), and tables of rules, payers,
codes, findings, the remittance and the posting (pandas imported only when a table is asked for)."""
from __future__ import annotations

import html

from careerlab.claims.data import ClaimTables, default_tables
from careerlab.claims.model import SLOT_LETTERS, Claim
from careerlab.claims.money import ZERO, fmt_money
from careerlab.claims.posting import post_payment
from careerlab.claims.queue import age_days, shown_deadline
from careerlab.claims.queue_model import STATUSES, Decision, WorkQueue
from careerlab.claims.scrubber import Finding
from careerlab.claims.text import KIND_LABELS, adjustment_text, locality_text, rule_name
from careerlab.ui import TEXT_STYLE, no_maths, show_table


def claim_form_html(claim: Claim) -> str:
    """The claim laid out like the boxes of a CMS-1500 (the paper twin of the electronic 837P); box 24 is a
    table like every lesson table (words left, the charge right, one header row)."""
    e = html.escape
    dx = " &nbsp; ".join(f"<b>{letter}.</b> {e(code)}" for letter, code in zip(SLOT_LETTERS, claim.diagnoses)) or "<i>empty</i>"
    return (
        f"<div style='{TEXT_STYLE}'><b>Claim {e(claim.claim_id)}</b> (synthetic) to payer <b>{e(claim.payer_id)}</b>, "
        f"priced for {e(locality_text(claim))}<br>"
        f"Box 1a insured's ID: {e(claim.member_id)} &nbsp; Box 2 patient: {e(claim.patient_name)} &nbsp; "
        f"Box 3 birth date: {e(claim.patient_dob.isoformat() if claim.patient_dob else '')}<br>"
        f"Box 4 insured: {e(claim.insured_name)} &nbsp; Box 6 relationship: {e(claim.relationship)}<br>"
        f"Box 21 diagnoses (ICD-10-CM): {dx}<br>"
        f"{show_table(service_lines_table(claim), label='Box 24 service lines', framed=True).to_html()}"
        f"Box 28 total charge: <b>{e(fmt_money(claim.total_charge))}</b> &nbsp; "
        f"Box 33a billing NPI: {e(claim.billing_npi)} (all NPIs here are fictional)</div>")


def service_lines_table(claim: Claim) -> "pandas.DataFrame":
    """Box 24 of the claim, one row per service line, numbered from 1 (text; the charge in dollars)."""
    import pandas as pd

    rows = [{"24A date": line.date_of_service.isoformat() if line.date_of_service else "",
             "24B place": line.place_of_service, "24D code": line.code, "24D modifiers": " ".join(line.modifiers),
             "24E pointer": "".join(line.pointers), "24F charge": fmt_money(line.charge), "24G units": str(line.units),
             "24J rendering NPI": claim.rendering_npi} for line in claim.lines]
    columns = ["24A date", "24B place", "24D code", "24D modifiers", "24E pointer", "24F charge", "24G units",
               "24J rendering NPI"]
    return pd.DataFrame(rows, columns=columns, index=pd.RangeIndex(1, len(rows) + 1, name="Line"))


def findings_table(findings: list[Finding]) -> "pandas.DataFrame":
    """The scrubber's findings as a table numbered from 1: rule (in words), field, severity, problem, fix."""
    import pandas as pd

    table = pd.DataFrame([{"Rule": rule_name(f.rule), "Field": f.field, "Severity": f.severity, "Problem": f.message,
                           "How to fix": f.fix} for f in findings],
                         columns=["Rule", "Field", "Severity", "Problem", "How to fix"])
    table.index = pd.RangeIndex(1, len(table) + 1, name="Finding")
    return table


def rules_table(tables: ClaimTables | None = None) -> "pandas.DataFrame":
    """The scrub rules the lesson uses, in plain words, with the reason code a payer gives if one is missed."""
    import pandas as pd

    tables = tables or default_tables()
    return pd.DataFrame([{"Rule": rule_name(r["rule"]), "What it checks": r["checks"], "Why it matters": r["why_it_matters"],
                          "Reason code if missed": r["carc_if_missed"]} for r in tables.rules]).set_index("Rule")


def payers_table(tables: ClaimTables | None = None) -> "pandas.DataFrame":
    """The three synthetic payer contracts side by side."""
    import pandas as pd

    tables = tables or default_tables()
    return pd.DataFrame([{"Payer": p.payer_id, "Name": p.name, "% of fee schedule": f"{p.percent_of_fee_schedule} %",
                          "Coinsurance": f"{p.coinsurance * 100:.0f} %", "Copay": fmt_money(p.copay),
                          "Filing limit": p.filing_limit.replace("m", " months").replace("d", " days"),
                          "No patient share on": ", ".join(KIND_LABELS.get(k, k) for k in p.no_patient_share_kinds) or "-"}
                         for p in tables.payers.values()]).set_index("Payer")


def services_table(tables: ClaimTables | None = None) -> "pandas.DataFrame":
    """The practice's service codes in plain words with their teaching RVUs (not CMS's) and usual charge."""
    import pandas as pd

    tables = tables or default_tables()
    return pd.DataFrame([{"Code": c, "Code set": r["code_set"], "Kind": KIND_LABELS.get(r["kind"], r["kind"]),
                          "In plain words": r["plain_words"],
                          "Work RVU": r["work_rvu"], "PE RVU": r["pe_rvu"], "MP RVU": r["mp_rvu"],
                          "Usual charge": fmt_money(r["usual_charge"])} for c, r in tables.services.items()]).set_index("Code")


def reason_codes_table(tables: ClaimTables | None = None) -> "pandas.DataFrame":
    """Group codes and the ten reason codes of the lesson, explained in our own words."""
    import pandas as pd

    tables = tables or default_tables()
    rows = [{"Code": g, "Kind": "group", "Meaning": f"{r['name']}: {r['plain_words']}", "Next step": ""}
            for g, r in tables.groups.items()]
    rows += [{"Code": c, "Kind": "reason (CARC)", "Meaning": r["plain_words"], "Next step": r["next_step"]}
             for c, r in tables.carc.items()]
    return pd.DataFrame(rows).set_index("Code")


POSTING_ROWS = {
    "billed": "Charges billed",
    "paid": "Paid by the payer",
    "contractual_CO": "Contractual write-off (CO)",
    "other_OA_PI": "Other adjustments (OA, PI)",
    "patient_PR": "Patient responsibility (PR)",
    "balance_after_posting": "Balance after posting (the patient owes)",
}


def posting_table(remit: "pandas.DataFrame") -> "pandas.DataFrame":
    """What ``post_payment`` records on the account, one labelled row per total, amounts as dollars."""
    import pandas as pd

    totals = post_payment(remit)
    return pd.DataFrame({"Amount": [fmt_money(totals[key]) for key in POSTING_ROWS]},
                        index=list(POSTING_ROWS.values()))


def remittance_table(remit: "pandas.DataFrame") -> "pandas.DataFrame":
    """The remittance as an ERA/EOB-style table for people: dollars as text, adjustments spelled as group-reason."""
    import pandas as pd

    table = pd.DataFrame({
        "Line": remit["line"], "Code": remit["code"], "Modifiers": remit["modifiers"],
        "Billed": remit["billed"].map(fmt_money), "Allowed": remit["allowed"].map(fmt_money),
        "Paid": remit["paid"].map(fmt_money), "Patient owes": remit["patient_share"].map(fmt_money),
        "Adjustments (group-reason amount)": remit["adjustments"].map(adjustment_text),
        "Status": remit["status"],
    })
    return table.set_index("Line")


def show_document(text: str) -> "IPython.display.HTML":
    """A patient statement or a letter shown as it would print: monospace, with its line breaks and
    columns kept, its dollar amounts never typeset as maths (display it, or end a cell with it)."""
    from IPython.display import HTML

    return HTML(no_maths("<pre style='font-family:ui-monospace,Menlo,Consolas,\"DejaVu Sans Mono\",monospace;"
                         f"font-size:13px;line-height:1.4;white-space:pre-wrap'>{html.escape(text)}</pre>"))


# The 837P's loops and segments beside the CMS-1500 boxes they fill. Box numbers: NUCC, "1500 Claim Form Map
# to the X12 Health Care Claim: Professional (837)" (as reproduced in vendor help pages, checked 2026) and CMS,
# MLN4462429 "Form CMS-1500 / 837P" web-based training, lesson 5 (checked 2026). Box 24J is the form's own label.
X12_MAP = (
    ("envelope", "ISA, GS, ST ... SE, GE, IEA", "", "The envelope: who sends the file to whom and when, and a count of "
     "what is inside so the receiver can tell nothing was lost. Paper has no such thing."),
    ("1000A", "NM1*41, PER", "", "Who sends the file (the practice or its billing service) and whom to call about it."),
    ("1000B", "NM1*40", "", "Who receives it: here a clearinghouse, which checks it and passes it to the payer."),
    ("2010AA", "NM1*85, N3, N4", "33, 33a", "The billing provider: the practice asking to be paid, its address, "
     "and its NPI (the last element of NM1*85) for box 33a."),
    ("2010AA", "REF*EI", "25", "The billing provider's federal tax ID."),
    ("2000B", "SBR", "1, 6", "The insurance: the last element says what kind (MB = Medicare Part B, 12 = PPO, HM = HMO); "
     "18 means the patient is the insured."),
    ("2010BA", "NM1*IL, N3, N4, DMG", "1a, 4, 7 (2, 3, 5)", "The insured person, their member ID (box 1a) and "
     "address; when the patient is the insured, also the patient's name, birth date and address."),
    ("2010BB", "NM1*PR", "top of the form", "The payer the claim goes to, with its payer ID."),
    ("2000C, 2010CA", "PAT, NM1*QC, N3, N4, DMG", "6, 2, 3, 5", "Only when the patient is not the insured: how they "
     "are related (01 = spouse, 19 = child), and the patient's own name, address and birth date."),
    ("2300", "CLM", "28, 24B", "The claim: the practice's claim number, the total charge (box 28), and the place of "
     "service for the whole claim (11 = office)."),
    ("2300", "HI", "21", "The diagnoses, A to L in order, written without the dot (E11.9 becomes E119). ABK marks the "
     "first (principal) one, ABF the others."),
    ("2310B", "NM1*82", "24J", "The rendering provider: the clinician who gave the care. Left out when it is the "
     "billing provider."),
    ("2400", "LX", "24 (a row)", "Service line number: one loop per row of box 24."),
    ("2400", "SV1", "24D, 24F, 24G, 24E", "The service: HC and the code with its modifiers (24D), the charge (24F), "
     "the units (24G) and the diagnosis pointers (24E), written as numbers: 1 = A, 2 = B ..."),
    ("2400", "DTP*472", "24A", "The date of service of the line."),
    ("2400", "REF*6R", "(none)", "Line item control number (here claim and line, e.g. V01-1): the 835 sends it "
     "back, so each payment posts to its line."),
)


def x12_map_table(file_text: str = "") -> "pandas.DataFrame":
    """The 837P's loops and segments beside the CMS-1500 boxes, in plain words; given a file, its own segment too."""
    import pandas as pd

    from careerlab.claims.x12 import X12Error, split_segments

    try:
        seps, segments = split_segments(file_text) if file_text else (None, [])
    except X12Error:
        seps, segments = None, []

    def example(names: str) -> str:
        first = names.split(",")[0].strip()
        tag, _, qualifier = first.partition("*")
        for seg in segments:
            if seg[0] == tag and (not qualifier or seg[1:2] == [qualifier]):
                return seps.element.join(seg)
        return ""

    rows = [{"Segments": names, "Loop": loop, "CMS-1500 box": box or "-", "In plain words": words,
             **({"In this file": example(names)} if segments else {})} for loop, names, box, words in X12_MAP]
    return pd.DataFrame(rows).set_index("Segments")  # segments are unique; a loop holds several


def era_table(era) -> "pandas.DataFrame":
    """A read 835 as one row per service line: claim, code, billed, allowed, paid, adjustments, patient owes."""
    import pandas as pd

    rows = [{"Claim": c.claim_id, "Line": line.line, "Code": " ".join((line.code, *line.modifiers)),
             "Billed": fmt_money(line.charge), "Allowed": "" if line.allowed is None else fmt_money(line.allowed),
             "Paid": fmt_money(line.paid), "Adjustments (group-reason amount)": adjustment_text(list(line.adjustments)),
             "Patient owes": fmt_money(sum((a[2] for a in line.adjustments if a[0] == "PR"), ZERO))}
            for c in era.claims for line in c.lines]
    return pd.DataFrame(rows, columns=["Claim", "Line", "Code", "Billed", "Allowed", "Paid",
                                       "Adjustments (group-reason amount)", "Patient owes"]).set_index(["Claim", "Line"])


def appeals_table() -> "pandas.DataFrame":
    """Medicare's five appeal levels: who decides, the days to file, and the 2026 minimum amount in dispute."""
    import pandas as pd

    from careerlab.claims.appeals import LEVELS

    return pd.DataFrame([{"Level": lv.number, "Appeal": lv.name, "Decided by": lv.decided_by,
                          "File within": f"{lv.days_to_file} days of receiving "
                                         + ("the initial determination (the remittance)" if lv.number == 1
                                            else f"the level {lv.number - 1} decision"),
                          "Minimum amount in dispute, 2026 ($)": (fmt_money(lv.minimum_2026) if lv.minimum_2026
                                                                   else "no minimum")}
                         for lv in LEVELS]).set_index("Level")


def notices_table() -> "pandas.DataFrame":
    """The Medicare Summary Notice (the patient's) beside the remittance (the practice's)."""
    import pandas as pd

    from careerlab.claims.notices import MSN_VS_REMITTANCE

    return pd.DataFrame([{"": a, "Medicare Summary Notice (MSN)": b, "Remittance (835 / ERA)": c}
                         for a, b, c in MSN_VS_REMITTANCE]).set_index("")


def queue_table(queue: WorkQueue, done: tuple[Decision, ...] = ()) -> "pandas.DataFrame":
    """The work queue as a biller's screen shows it: one row per claim not yet worked, in claim order."""
    import pandas as pd

    worked = {d.claim_id for d in done}
    rows = []
    for claim in queue.claims:
        if claim.claim_id in worked:
            continue
        due = shown_deadline(queue, claim)
        left = (due - queue.as_of).days
        code = f", {claim.group}-{claim.carc}" if claim.carc else ""
        rows.append({"Claim": claim.claim_id, "Patient": claim.patient,
                     "Payer": queue.payer(claim).name.split(" (")[0], "What happened": STATUSES[claim.status] + code,
                     "First billed": claim.billed_on.isoformat(), "Age (days)": age_days(queue, claim),
                     "Balance": fmt_money(claim.balance),
                     "Next deadline": f"{due.isoformat()} ({left} days)" if left >= 0 else f"passed {due.isoformat()}"})
    # "First billed" is the date the age counts from; the balance's cells carry their own "$"
    columns = ["Claim", "Patient", "Payer", "What happened", "First billed", "Age (days)", "Balance", "Next deadline"]
    return pd.DataFrame(rows, columns=columns).set_index("Claim")
