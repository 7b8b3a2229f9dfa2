"""The simulation's settings and fixed names: the model's knobs, the year, the denial reasons and
the four KPIs (no I/O, standard library only). Every default is a synthetic teaching value."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

YEAR_DAYS = 365
DENIAL_REASONS = ("not denied", "coding error", "missing information", "late filing", "other")
KPI_KEYS = ("clean_claim_rate", "denial_rate", "days_in_ar", "net_collection_rate")


@dataclass(frozen=True)
class SimParams:
    """The knobs of the model; every default is a synthetic teaching value."""

    coding_error_rate: float = 0.08
    undercode_share: float = 0.30
    scrubber_strength: float = 0.50
    followup_days: float = 14.0
    missing_info_rate: float = 0.04
    late_filing_rate: float = 0.005
    other_denial_rate: float = 0.03
    allowed_fraction: float = 0.60
    submit_lag_days: float = 3.0
    payer_days: float = 18.0
    appeal_window_days: float = 60.0
    resubmit_success: float = 0.90

    def __post_init__(self) -> None:
        for name in ("coding_error_rate", "undercode_share", "scrubber_strength", "missing_info_rate",
                     "late_filing_rate", "other_denial_rate", "allowed_fraction",
                     "resubmit_success"):
            value = getattr(self, name)
            if not 0.0 <= float(value) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1 (a fraction); got {value!r}")
        for name in ("followup_days", "submit_lag_days", "payer_days", "appeal_window_days"):
            value = getattr(self, name)
            if not 0.0 <= float(value) <= 3650.0:
                raise ValueError(f"{name} must be between 0 and 3650 days; got {value!r}")


PARAM_NAMES = tuple(f.name for f in fields(SimParams))


def default_params() -> dict[str, float]:
    """The model's default settings as a plain dict (for tables and widgets)."""
    return asdict(SimParams())
