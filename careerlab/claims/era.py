"""What an 835 remittance (ERA) holds once read: the payment, each claim, each service line and its adjustments."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from careerlab.claims.money import ZERO

Adjustment = tuple[str, str, Decimal]  # (group code, reason code, amount), e.g. ("CO", "45", Decimal("61.49"))


@dataclass(frozen=True)
class EraLine:
    """One SVC loop (2110): the service paid, and why the payment differs from the charge."""

    line: int
    code: str
    modifiers: tuple[str, ...]
    charge: Decimal
    paid: Decimal
    units: int = 1
    date_of_service: date | None = None
    allowed: Decimal | None = None
    adjustments: tuple[Adjustment, ...] = ()


@dataclass(frozen=True)
class EraClaim:
    """One CLP loop (2100): the claim's totals, its claim-level adjustments and its lines."""

    claim_id: str
    status: str
    charge: Decimal
    paid: Decimal
    patient_responsibility: Decimal
    filing_indicator: str = ""
    payer_claim_number: str = ""
    patient_name: str = ""
    member_id: str = ""
    adjustments: tuple[Adjustment, ...] = ()
    lines: tuple[EraLine, ...] = ()

    @property
    def all_adjustments(self) -> tuple[Adjustment, ...]:
        """Claim-level and line-level adjustments together."""
        return self.adjustments + tuple(a for line in self.lines for a in line.adjustments)


@dataclass(frozen=True)
class Era:
    """A whole 835: who paid whom, how much, when, and for which claims."""

    payer_name: str
    payee_name: str
    payee_npi: str
    total_paid: Decimal
    method: str
    paid_on: date | None
    trace_number: str
    claims: tuple[EraClaim, ...]

    def balance_problems(self) -> list[str]:
        """Where the money does not add up (an empty list: it balances, to the cent)."""
        problems = []
        if (paid := sum((c.paid for c in self.claims), ZERO)) != self.total_paid:
            problems.append(f"The payment (BPR) is ${self.total_paid:,.2f} but the claims' payments add up to ${paid:,.2f}.")
        for c in self.claims:
            if (adj := sum((a[2] for a in c.all_adjustments), ZERO)) != c.charge - c.paid:
                problems.append(f"Claim {c.claim_id}: charge ${c.charge:,.2f} - paid ${c.paid:,.2f} is not the "
                                f"adjustments' ${adj:,.2f}.")
            for line in c.lines:
                if sum((a[2] for a in line.adjustments), ZERO) != line.charge - line.paid:
                    problems.append(f"Claim {c.claim_id} line {line.line}: charge - paid is not its adjustments.")
        return problems
