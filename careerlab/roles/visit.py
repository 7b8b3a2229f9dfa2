"""Pure helpers for lesson 01's synthetic visit: price it, split who pays, lay out the claim."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

# One implementation of the money rules for the whole series: lesson 03's.
from careerlab.claims.money import cents
from careerlab.claims.pricing import Share, fee_schedule_amount, share_breakdown

_PARTS = ("work", "pe", "mp")


@dataclass(frozen=True)
class Remittance:
    """What the insurer's remittance advice says about one visit."""

    billed: Decimal
    allowed: Decimal
    share: Share

    @property
    def contractual(self) -> Decimal:
        """Billed minus allowed: written off by the practice (group CO, reason 45)."""
        return self.billed - self.allowed

    def rows(self) -> list[dict[str, Any]]:
        """Each amount on the remittance, in the order a biller reads and posts them."""
        return [
            {"amount": self.billed, "group": "", "reason": "", "meaning": "Billed charge (the practice's own price)"},
            {"amount": self.contractual, "group": "CO", "reason": "45",
             "meaning": "Above the fee schedule: the practice writes it off and may not bill the patient for it"},
            {"amount": self.allowed, "group": "", "reason": "", "meaning": "Allowed amount (billed minus CO-45)"},
            {"amount": self.share.deductible, "group": "PR", "reason": "1",
             "meaning": "Deductible: the patient pays it"},
            {"amount": self.share.coinsurance, "group": "PR", "reason": "2",
             "meaning": "Coinsurance: the patient pays it"},
            {"amount": self.share.payer, "group": "", "reason": "", "meaning": "Paid by the insurer"},
            {"amount": self.share.patient, "group": "", "reason": "", "meaning": "Billed to the patient in all"},
        ]


def price_visit(visit: Mapping[str, Any]) -> Remittance:
    """Price every service of the visit with the fee-schedule formula and split the allowed amount."""
    pricing = visit["pricing"]
    billed = sum((cents(Decimal(str(s["charge"]))) for s in visit["services"]), Decimal("0"))
    allowed = fee_schedule_amount(*(pricing["rvus"][p] for p in _PARTS),
                                  gpci=tuple(pricing["gpcis"][p] for p in _PARTS),
                                  conversion_factor=pricing["conversion_factor"])
    allowed = min(allowed, billed)  # an insurer never allows more than was billed
    share = share_breakdown(allowed, visit["patient"]["deductible_remaining"], pricing["coinsurance_rate"])
    return Remittance(billed, allowed, share)


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
