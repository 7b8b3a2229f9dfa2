"""Medicare's five appeal levels and their filing limits, and the one-year reopening, for Part B claims.

Sources: NGS Medicare, "Levels of Appeals and Time Limits for Filing" (checked 2026); CGS Medicare, "Five Levels
of Appeals" (checked 2026); the amounts in controversy for 2026 from CMS's notice in the Federal Register
(90 FR 55869, 4 December 2025: $200 for an ALJ hearing, $1,960 for judicial review; set again every year).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from careerlab.claims.pricing import filing_deadline


@dataclass(frozen=True)
class AppealLevel:
    """One level: who decides, how many days there are to file after the notice from the level before, and the
    minimum amount still in dispute (None = no minimum)."""

    number: int
    name: str
    decided_by: str
    days_to_file: int
    minimum_2026: Decimal | None


LEVELS = (
    AppealLevel(1, "Redetermination", "the Medicare Administrative Contractor (MAC) that processed the claim", 120, None),
    AppealLevel(2, "Reconsideration", "a Qualified Independent Contractor (QIC)", 180, None),
    AppealLevel(3, "Hearing before an Administrative Law Judge (ALJ)", "an ALJ or attorney adjudicator (OMHA)", 60,
                Decimal("200")),
    AppealLevel(4, "Medicare Appeals Council review", "the Medicare Appeals Council", 60, None),
    AppealLevel(5, "Judicial review", "a federal district court", 60, Decimal("1960")),
)
REOPENING_LIMIT = "12m"  # a reopening for any reason: within 1 year of the initial determination


def filing_limit(level: int, notice_received: date) -> date:
    """The last day to file an appeal at ``level`` (1-5), counted from the day the notice before it was received.

    >>> filing_limit(1, date(2026, 10, 20))  # 120 days after the remittance
    datetime.date(2027, 2, 17)
    """
    if not 1 <= level <= len(LEVELS):
        raise ValueError(f"Medicare has appeal levels 1 to {len(LEVELS)}, not {level}.")
    return notice_received + timedelta(days=LEVELS[level - 1].days_to_file)


def reopening_limit(initial_determination: date) -> date:
    """The last day to ask for a reopening (for example a clerical-error reopening to add a missing modifier).

    >>> reopening_limit(date(2026, 10, 20))
    datetime.date(2027, 10, 20)
    """
    return filing_deadline(initial_determination, REOPENING_LIMIT)
