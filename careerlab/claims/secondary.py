"""Coordination of benefits: the primary pays first, then a secondary claim carries the primary's payment and
adjustments, and the secondary pays toward what the patient still owes."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from careerlab.claims.money import parse_money
from careerlab.claims.pricing import share_breakdown


@dataclass(frozen=True)
class SecondaryResult:
    """One service line worked through both plans: the secondary's normal benefit, what it pays, and the
    balance left for the patient."""

    primary_paid: Decimal
    patient_after_primary: Decimal
    normal_benefit: Decimal
    secondary_paid: Decimal
    patient_balance: Decimal


def secondary_payment(allowed: object, primary_paid: object, patient_after_primary: object,
                      secondary_deductible: object, secondary_coinsurance: object) -> SecondaryResult:
    """A common coordination rule (plans' contracts vary; the numbers here are synthetic): the secondary works out
    what it would pay on the allowed amount as if it were primary (its *normal benefit*) and pays the lesser of
    that and what the patient still owes after the primary.

    >>> r = secondary_payment("108.55", "86.84", "21.71", "100.00", "0.20")
    >>> r.normal_benefit, r.secondary_paid, r.patient_balance  # 108.55 - 100 - 20 % x 8.55 (1.71) = 6.84
    (Decimal('6.84'), Decimal('6.84'), Decimal('14.87'))
    """
    left = parse_money(patient_after_primary, "What the patient owes after the primary")
    normal = share_breakdown(allowed, secondary_deductible, secondary_coinsurance).payer
    paid = min(normal, left)
    return SecondaryResult(parse_money(primary_paid, "Primary payment"), left, normal, paid, left - paid)


def msp_primary(age: int, still_working: bool, employer_size: int) -> str:
    """Who pays first for a patient with Medicare by age and an employer group health plan through current work:
    the employer plan when the employer has 20 or more employees (Medicare Secondary Payer rules for the
    "working aged"; CMS MSP Manual ch. 1 s. 10.1), otherwise Medicare. Disability and ESRD have other rules.

    >>> msp_primary(67, True, 50), msp_primary(67, True, 12), msp_primary(67, False, 500)
    ('employer plan', 'Medicare', 'Medicare')
    """
    if age >= 65 and still_working and employer_size >= 20:
        return "employer plan"
    return "Medicare"
