"""Pure helpers for lesson 01's synthetic visit: lay out the note and the claim, and send the claim through
lesson 03's payer (``careerlab.claims``: one claim model, one remittance model for the whole series)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from careerlab.claims import Claim, adjudicate, claim_from_dict

#: What each amount of a remittance means, in the order a biller reads and posts them (our own words).
BILLED = "Billed charge (the practice's own price)"
ALLOWED = "Allowed amount (billed minus CO-45)"
PAID = "Paid by the insurer"
BEFORE_CUT = "The insurer's part before sequestration (allowed minus the patient's parts)"
PATIENT_TOTAL = "Billed to the patient in all"
ADJUSTMENTS = {
    ("CO", "45"): "Above the fee schedule: the practice writes it off and may not bill the patient for it",
    ("PR", "1"): "Deductible: the patient pays it",
    ("PR", "2"): "Coinsurance: the patient pays it",
    ("PR", "3"): "Copay: the patient pays it",
    ("CO", "253"): "Sequestration: Medicare's 2 % cut of its own payment (since July 2022); the practice writes it off",
}
SEQUESTRATION = ("CO", "253")  # read after the patient's parts: it cuts the insurer's payment, not the allowed amount
ALWAYS_SHOWN = (("CO", "45"), ("PR", "1"), ("PR", "2"))  # the three codes lesson 01 explains, even at $0.00


def visit_claim(visit: Mapping[str, Any]) -> Claim:
    """The visit as a claim (boxes 1-33 of the CMS-1500), ready for lesson 03's scrubber and payer."""
    enc, patient = visit["encounter"], visit["patient"]
    lines = [{"date_of_service": enc["date_of_service"], "place_of_service": enc["place_of_service"],
              "code": s["code"], "modifiers": s["modifiers"], "pointers": s["pointers"], "units": s["units"],
              "charge": str(s["charge"])} for s in visit["services"]]
    return claim_from_dict({**visit["claim"], "patient_name": patient["name"], "lines": lines,
                            "diagnoses": [d["code"] for d in visit["diagnoses"]],
                            "deductible_remaining": str(patient["deductible_remaining"])})


def price_visit(visit: Mapping[str, Any]) -> "pandas.DataFrame":
    """The payer's remittance for the visit: lesson 03's ``adjudicate`` on the visit's claim (one row per line)."""
    return adjudicate(visit_claim(visit))


def remittance_rows(remit: "pandas.DataFrame") -> list[dict[str, Any]]:
    """Each amount on the remittance (all lines together), with its group and reason code and what it
    means, in the order a biller reads and posts them: billed, CO write-offs, allowed, the patient's
    parts (PR), the insurer's part before sequestration and its cut (CO-253, Medicare-like payer only), paid,
    and the patient's total."""
    total = {column: sum(remit[column], Decimal("0.00")) for column in ("billed", "allowed", "paid", "patient_share")}
    adjusted: dict[tuple[str, str], Decimal] = dict.fromkeys(ALWAYS_SHOWN, Decimal("0.00"))
    for adjustments in remit["adjustments"]:
        for group, code, amount in adjustments:
            adjusted[(group, code)] = adjusted.get((group, code), Decimal("0.00")) + amount

    def row(key: tuple[str, str]) -> dict[str, Any]:
        meaning = ADJUSTMENTS.get(key, f"Denied or reduced (reason {key[1]}): see lesson 03")
        return {"amount": adjusted[key], "group": key[0], "reason": key[1], "meaning": meaning}

    blank = {"group": "", "reason": ""}
    return [{"amount": total["billed"], **blank, "meaning": BILLED},
            *(row(k) for k in adjusted if k[0] != "PR" and k != SEQUESTRATION),
            {"amount": total["allowed"], **blank, "meaning": ALLOWED},
            *(row(k) for k in sorted(adjusted, key=lambda k: int(k[1])) if k[0] == "PR"),
            *([{"amount": total["paid"] + adjusted[SEQUESTRATION], **blank, "meaning": BEFORE_CUT}, row(SEQUESTRATION)]
              if SEQUESTRATION in adjusted else []),
            {"amount": total["paid"], **blank, "meaning": PAID},
            {"amount": total["patient_share"], **blank, "meaning": PATIENT_TOTAL}]


def note_markdown(visit: Mapping[str, Any]) -> str:
    """The clinician's note as Markdown, with the synthetic label on top."""
    enc, pat, pr = visit["encounter"], visit["patient"], visit["practice"]
    head = (f"**Synthetic record: made up for teaching.** {pr['name']} · {pr['clinician']} · "
            f"patient {pat['name']}, {pat['age']} · {pat['insurance']} · visit {enc['date_of_service']}")
    return head + "\n\n" + "\n".join(f"> {line}  " for line in enc["note"])


def diagnosis_rows(visit: Mapping[str, Any], descriptions: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """Box 21 of the claim: pointer letter, code, (description) and why the coder chose it."""
    rows = []
    for d in visit["diagnoses"]:
        row = {"pointer": d["pointer"], "code": d["code"]}
        if descriptions is not None:
            row["ICD-10-CM description"] = descriptions.get(d["code"], "")
        row["why the coder chose it"] = d["why"]
        rows.append(row)
    return rows


def claim_rows(visit: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Box 24 of the claim: one line per service, with date, place, code, pointers, charge and units."""
    enc = visit["encounter"]
    return [{"date of service": enc["date_of_service"], "place of service": enc["place_of_service"],
             "code": s["code"], "modifiers": " ".join(s["modifiers"]) or "none",
             "diagnosis pointers": "".join(s["pointers"]), "charge ($)": f"{s['charge']:.2f}",
             "units": s["units"]} for s in visit["services"]]
