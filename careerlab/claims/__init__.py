"""Billing tools for lesson 03: build a claim, scrub it, price it, adjudicate it, read the remittance.

Widgets and charts live in `careerlab.claims.widgets` and `careerlab.claims.charts` (imported on demand).
"""
from careerlab.claims.adjudication import adjudicate, adjustment_text, remittance_table
from careerlab.claims.model import Claim, ClaimError, ServiceLine, claim_from_dict, replace_line
from careerlab.claims.money import MoneyError, fmt_money, parse_money, parse_rate, parse_units
from careerlab.claims.posting import draft_appeal, explain_adjustments, patient_statement, post_payment, rate_percent
from careerlab.claims.pricing import (CONVERSION_FACTOR_2026, Payer, contracted_amount, fee_schedule_amount,
                                      filing_deadline, share_breakdown, split_allowed)
from careerlab.claims.scrubber import Finding, blocking, scrub
from careerlab.claims.tables import ClaimTables, TableError, default_tables, get_payer, load_tables, load_visits

__all__ = [
    "CONVERSION_FACTOR_2026", "Claim", "ClaimError", "ClaimTables", "Finding", "MoneyError", "Payer", "ServiceLine",
    "TableError", "adjudicate", "adjustment_text", "blocking", "claim_from_dict", "contracted_amount", "default_tables",
    "draft_appeal", "explain_adjustments", "fee_schedule_amount", "filing_deadline", "fmt_money", "get_payer",
    "load_tables", "load_visits", "parse_money", "parse_rate", "parse_units", "patient_statement", "post_payment",
    "rate_percent", "remittance_table", "replace_line", "scrub", "share_breakdown", "split_allowed",
]
