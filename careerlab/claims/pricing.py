"""Prices and shares: the Medicare physician fee schedule formula, payer contracts, and who pays what."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from careerlab.claims.money import ZERO, MoneyError, cents, parse_money, parse_rate

# CMS, CY 2026 Medicare Physician Fee Schedule final rule: $33.4009 per RVU
# (non-qualifying-APM clinicians; qualifying APM participants get $33.5675). Source year 2026.
CONVERSION_FACTOR_2026 = Decimal("33.4009")

# Medicare sequestration: a 2 % cut of what Medicare pays (not of the allowed amount or the patient's share), on
# claims with dates of service from 1 July 2022, reported as CO-253 (CGS Medicare, "Reminders About
# Sequestration", June 2022; NGS Medicare, revised 2023). The 0 % and 1 % periods before it are not modelled.
SEQUESTRATION_SINCE = date(2022, 7, 1)


@dataclass(frozen=True)
class Payer:
    """A payer contract (synthetic): how much of the fee schedule it allows and what the patient pays."""

    payer_id: str
    name: str
    kind: str
    percent_of_fee_schedule: Decimal
    coinsurance: Decimal
    copay: Decimal
    filing_limit: str  # "12m" = 12 months, "180d" = 180 days
    note: str = ""
    no_patient_share_kinds: tuple[str, ...] = ()  # service kinds with no deductible/coinsurance/copay, e.g. ("lab",)
    sequestration: Decimal = ZERO  # share of the payer's payment cut by sequestration (0.02 on the Medicare-like payer)


@dataclass(frozen=True)
class Share:
    """How one allowed amount splits: the patient's deductible, coinsurance and copay parts, and the payer's part."""

    deductible: Decimal
    coinsurance: Decimal
    copay: Decimal
    payer: Decimal

    @property
    def patient(self) -> Decimal:
        """Everything the patient owes on this amount."""
        return self.deductible + self.coinsurance + self.copay


def _number(value: object, field: str) -> Decimal:
    """A non-negative RVU, GPCI or factor as a Decimal (never a binary float)."""
    try:
        number = Decimal(str(value).strip())
    except Exception:
        raise MoneyError(f"{field}: '{value}' is not a number.") from None
    if not number.is_finite() or number < 0:
        raise MoneyError(f"{field}: {value} must be a number of 0 or more.")
    return number


def fee_schedule_amount(
    work_rvu: object,
    pe_rvu: object,
    mp_rvu: object,
    gpci: tuple = (1.0, 1.0, 1.0),
    conversion_factor: object = CONVERSION_FACTOR_2026,
) -> Decimal:
    """(work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x conversion factor, to the cent.

    >>> fee_schedule_amount(1.30, 1.20, 0.10, gpci=(1.000, 1.050, 0.900))
    Decimal('88.51')
    """
    if len(gpci) != 3:
        raise MoneyError("gpci: give three numbers (work, practice expense, malpractice).")
    rvus = [_number(v, n) for v, n in ((work_rvu, "work_rvu"), (pe_rvu, "pe_rvu"), (mp_rvu, "mp_rvu"))]
    factors = [_number(v, n) for v, n in zip(gpci, ("work GPCI", "PE GPCI", "MP GPCI"))]
    adjusted = sum((r * g for r, g in zip(rvus, factors)), Decimal(0))
    return cents(adjusted * _number(conversion_factor, "conversion_factor"))


def contracted_amount(fee_amount: Decimal, payer: Payer) -> Decimal:
    """What a payer's contract allows: its percentage of the fee-schedule amount, to the cent."""
    return cents(fee_amount * payer.percent_of_fee_schedule / 100)


def sequestration_cut(payment: object, rate: object, date_of_service: date | None = None) -> Decimal:
    """The CO-253 amount: ``rate`` of the payer's payment, rounded to the cent (halves up), for services from
    1 July 2022 (nothing before; a line with no date is treated as current).

    >>> sequestration_cut("30.81", "0.02")  # 2 % of 30.81 = 0.6162 -> 0.62
    Decimal('0.62')
    >>> sequestration_cut("30.81", "0.02", date(2022, 6, 30))
    Decimal('0.00')
    """
    paid = parse_money(payment, "Payment")
    share = parse_rate(rate, "Sequestration rate")
    if date_of_service is not None and date_of_service < SEQUESTRATION_SINCE:
        return ZERO
    return cents(paid * share)


def share_breakdown(
    allowed: object,
    deductible_remaining: object,
    coinsurance_rate: object,
    copay: object = 0,
    oop_remaining: object = None,
) -> Share:
    """Deductible first, then a copay (if any) or coinsurance on the rest, capped by the out-of-pocket maximum left."""
    allowed_d = parse_money(allowed, "Allowed amount")
    ded_left = parse_money(deductible_remaining, "Deductible remaining")
    rate = parse_rate(coinsurance_rate, "Coinsurance rate")
    copay_d = parse_money(copay, "Copay")
    deductible = min(ded_left, allowed_d)
    rest = allowed_d - deductible
    copay_part = min(copay_d, rest) if copay_d > 0 else ZERO
    coins_part = ZERO if copay_d > 0 else cents(rest * rate)
    if oop_remaining is not None and str(oop_remaining).strip() != "":
        cap = parse_money(oop_remaining, "Out-of-pocket maximum remaining")
        deductible = min(deductible, cap)
        cap -= deductible
        copay_part, coins_part = min(copay_part, cap), min(coins_part, cap - min(copay_part, cap))
    payer_part = allowed_d - deductible - copay_part - coins_part
    return Share(deductible=deductible, coinsurance=coins_part, copay=copay_part, payer=payer_part)


def split_allowed(
    allowed: object,
    deductible_remaining: object,
    coinsurance_rate: object,
    copay: object = 0,
    oop_remaining: object = None,
) -> tuple[Decimal, Decimal]:
    """(patient share, payer share) of an allowed amount; the two always add up to it.

    >>> split_allowed("88.51", "50", "0.20")
    (Decimal('57.70'), Decimal('30.81'))
    """
    share = share_breakdown(allowed, deductible_remaining, coinsurance_rate, copay, oop_remaining)
    return share.patient, share.payer


def filing_deadline(date_of_service: date, filing_limit: str) -> date:
    """The last day a claim may be filed: '12m' counts calendar months, '180d' counts days."""
    text = str(filing_limit).strip().lower()
    if len(text) < 2 or not text[:-1].isdigit() or text[-1] not in "md":
        raise ValueError(f"Filing limit '{filing_limit}': write it like '12m' or '180d'.")
    amount = int(text[:-1])
    if text[-1] == "d":
        return date_of_service + timedelta(days=amount)
    month_index = date_of_service.month - 1 + amount
    year, month = date_of_service.year + month_index // 12, month_index % 12 + 1
    day = date_of_service.day
    while True:  # 31 Jan + 1 month -> 28/29 Feb
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def limit_words(filing_limit: str) -> str:
    """A filing limit such as '12m' or '180d' in words.

    >>> limit_words("12m"), limit_words("180d"), limit_words("1m")
    ('12-month', '180-day', '1-month')
    """
    text = str(filing_limit).strip().lower()
    return f"{text[:-1]}-{'month' if text.endswith('m') else 'day'}"


def explain_split(
    allowed: object,
    deductible_remaining: object,
    coinsurance_rate: object,
    copay: object = 0,
    oop_remaining: object = None,
) -> str:
    """The working behind split_allowed, step by step, in plain words: each step's own amount first, then the
    out-of-pocket cap, if any, applied to their total (so every line of the working is true)."""
    s = share_breakdown(allowed, deductible_remaining, coinsurance_rate, copay, oop_remaining)
    free = share_breakdown(allowed, deductible_remaining, coinsurance_rate, copay)  # before any cap
    allowed_d = s.patient + s.payer
    steps = [f"Allowed amount: ${allowed_d:,.2f}.",
             f"1. Deductible first: the patient pays ${free.deductible:,.2f} of it.",
             f"2. Left after the deductible: ${allowed_d - free.deductible:,.2f}."]
    if parse_money(copay, "Copay") > 0:
        steps.append(f"3. This plan uses a copay instead of coinsurance: ${free.copay:,.2f}.")
    else:
        rate = parse_rate(coinsurance_rate, "Coinsurance rate")
        steps.append(f"3. Coinsurance {rate * 100:.0f} % of that: ${free.coinsurance:,.2f}.")
    if oop_remaining is not None and str(oop_remaining).strip() != "":
        cap = parse_money(oop_remaining, "Out-of-pocket maximum remaining")
        if free.patient > cap:
            steps.append(f"4. Together that is ${free.patient:,.2f}, but only ${cap:,.2f} is left before the patient "
                         f"reaches the out-of-pocket maximum, so the patient pays ${s.patient:,.2f} and the plan pays "
                         "the rest.")
        else:
            steps.append(f"4. Together that is ${free.patient:,.2f}, within the ${cap:,.2f} left before the "
                         "out-of-pocket maximum, so the cap changes nothing.")
    steps.append(f"Patient pays ${s.patient:,.2f}; the payer pays ${s.payer:,.2f}; together ${allowed_d:,.2f}.")
    return "\n".join(steps)
