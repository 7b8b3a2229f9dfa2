"""What the A/R and denials work queue holds: its payers, its claims, the actions a biller can take, and
the decisions made (types and fixed constants only, no I/O)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from careerlab.errors import CareerlabError

# The actions a biller can take on one claim of the queue, in the order the lesson lists them.
ACTIONS = {
    "corrected-new-claim": "Fix the error and send it again as a new claim (the payer never accepted it)",
    "replacement-claim": "Send a replacement claim (frequency code 7, with the payer's claim number)",
    "reopening": "Ask Medicare for a clerical-error reopening (phone, IVR or portal)",
    "redetermination": "Medicare appeal level 1: ask the MAC for a redetermination",
    "reconsideration": "Medicare appeal level 2: ask a QIC for a reconsideration",
    "alj": "Medicare appeal level 3: ask for an Administrative Law Judge hearing",
    "payer-appeal": "Appeal to this (non-Medicare) payer with the records or proof",
    "check-status": "Check the claim's status with the payer (276/277 or the portal)",
    "bill-secondary": "Bill the secondary payer, with the primary's remittance",
    "bill-patient": "Send the patient a statement",
    "write-off-contractual": "Post a contractual write-off (group CO, with the remittance's reason code)",
    "write-off-timely": "Write it off as a timely-filing loss (CO-29)",
    "hold": "Hold: nothing to do yet",
}
WRITE_OFFS = ("write-off-contractual", "write-off-timely")
MEDICARE_ONLY = ("reopening", "redetermination", "reconsideration", "alj")

# What has happened to a claim so far, in plain words.
STATUSES = {
    "rejected": "rejected by the clearinghouse: it never reached the payer",
    "unprocessable": "returned as unprocessable (CO-16 with remark MA130): not counted as filed",
    "denied": "denied by the payer",
    "redetermination-upheld": "denied; the redetermination (appeal level 1) upheld the denial",
    "reconsideration-upheld": "denied; the reconsideration (appeal level 2) upheld the denial",
    "paid-balance": "paid by the payer; a balance is left on the account",
    "no-response": "sent; no answer from the payer yet",
}
# A/R age buckets, in days since the claim was first billed: (label, lowest, highest or None).
AGE_BUCKETS = (("0-30", 0, 30), ("31-60", 31, 60), ("61-90", 61, 90), ("90+", 91, None))


class QueueError(CareerlabError):
    """A request about the work queue cannot be used (an unknown claim or action); the message says which."""


@dataclass(frozen=True)
class QueuePayer:
    """A payer of the queue: its filing limit and appeal limit ("12m", "180d"; teaching values unless cited)."""

    payer_id: str
    name: str
    kind: str  # "medicare-like", "commercial", "medicaid-like"
    filing_limit: str
    appeal_limit: str | None
    source: str

    @property
    def is_medicare(self) -> bool:
        """Whether Medicare's own processes (reopenings, the five appeal levels) apply."""
        return self.kind == "medicare-like"


@dataclass(frozen=True)
class QueueClaim:
    """One unpaid or part-paid claim in the queue, with what the logic knows is the right action."""

    claim_id: str
    patient: str
    payer_id: str
    secondary_id: str | None
    date_of_service: date
    billed_on: date
    notice_date: date | None  # the remittance, rejection or appeal decision the latest clock runs from
    charge: Decimal
    balance: Decimal
    status: str
    group: str | None
    carc: str | None
    story: str
    right: tuple[str, ...]
    why: str
    collects: Decimal  # what the right action brings in (teaching value); the rest of the balance is adjusted off


@dataclass(frozen=True)
class WorkQueue:
    """The queue on its as-of date, with the practice's charges for working out days in A/R."""

    as_of: date
    charges_last_90_days: Decimal
    follow_up_after_days: int
    payers: dict[str, QueuePayer]
    claims: tuple[QueueClaim, ...]
    about: str = ""

    def claim(self, claim_id: str) -> QueueClaim:
        """The claim with this id, or a QueueError naming the ids there are."""
        for claim in self.claims:
            if claim.claim_id == str(claim_id).strip().upper():
                return claim
        raise QueueError(f"There is no claim '{claim_id}' in the queue; the claims are "
                         f"{self.claims[0].claim_id} to {self.claims[-1].claim_id}.")

    def payer(self, claim: QueueClaim) -> QueuePayer:
        """The claim's primary payer."""
        return self.payers[claim.payer_id]


@dataclass(frozen=True)
class Decision:
    """One claim worked: the action chosen, whether it was right, and what it did to the money."""

    claim_id: str
    action: str
    right: bool
    collected: Decimal
    written_off: Decimal
    resolved: bool  # the claim left A/R
    message: str
