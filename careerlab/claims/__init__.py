"""Lesson 03, the medical biller: build a claim, scrub it, price it, adjudicate it, read the remittance.

Light to import: the tables, the chart and the widgets (pandas, matplotlib, ipywidgets) load on first use.
"""
from __future__ import annotations

from careerlab._lazy import lazy_getattr
from careerlab.claims.adjudication import adjudicate
from careerlab.claims.appeals import LEVELS as APPEAL_LEVELS, filing_limit, reopening_limit
from careerlab.claims.data import (ClaimsDataError, ClaimTables, QueueDataError, default_tables, get_payer, load_tables,
                                   load_visits, load_work_queue)
from careerlab.claims.notices import MSN_VS_REMITTANCE, abn_modifier, liable_if_denied
from careerlab.claims.npi import is_valid_npi, npi_check_digit
from careerlab.claims.era import Era, EraClaim, EraLine
from careerlab.claims.model import Claim, ClaimError, ServiceLine, claim_from_dict, replace_line
from careerlab.claims.money import MoneyError, fmt_money, parse_money, parse_rate, parse_units
from careerlab.claims.posting import draft_appeal, patient_statement, post_payment, rate_percent
from careerlab.claims.pricing import (CONVERSION_FACTOR_2026, SEQUESTRATION_SINCE, Payer, contracted_amount,
                                      fee_schedule_amount, filing_deadline, sequestration_cut, share_breakdown,
                                      split_allowed)
from careerlab.claims.queue import Ranked, check_top_picks, deadline, priority_order
from careerlab.claims.queue_work import QueueMetrics, queue_metrics, queue_result, why_not, work_claim
from careerlab.claims.queue_model import ACTIONS, Decision, QueueClaim, QueueError, WorkQueue
from careerlab.claims.scrubber import Finding, blocking, scrub
from careerlab.claims.text import (adjustment_text, adjustments_text, explain_adjustments, findings_summary,
                                   locality_text, remittance_summary, rule_name)
from careerlab.claims.text import aging_summary, days_in_ar_text, decision_text
from careerlab.claims.x12 import X12Error
from careerlab.claims.x12_835 import to_835
from careerlab.claims.x12_837p import to_837p
from careerlab.claims.x12_check import X12Problem, check_x12, rejection_text
from careerlab.claims.x12_read import era_remittance, read_835

_LAZY = {
    **dict.fromkeys(["appeals_table", "claim_form_html", "era_table", "findings_table", "notices_table",
                     "payers_table", "posting_table", "reason_codes_table", "remittance_table", "rules_table",
                     "queue_table", "services_table", "show_document", "x12_map_table"], "careerlab.claims.tables"),
    "remittance_chart": "careerlab.claims.charts", "ar_aging_chart": "careerlab.claims.charts",
    "remittance_chart_widget": "careerlab.claims.chart_widgets",
    "work_queue": "careerlab.claims.queue_widgets",
    "claim_builder": "careerlab.claims.widgets", "share_exercise": "careerlab.claims.widgets",
    "validator_check": "careerlab.claims.widgets",
    "process_exercise": "careerlab.claims.process_widgets",
}

__all__ = sorted([
    "APPEAL_LEVELS", "filing_limit", "reopening_limit", "MSN_VS_REMITTANCE", "SEQUESTRATION_SINCE", "abn_modifier", "is_valid_npi", "liable_if_denied", "npi_check_digit",
    "sequestration_cut", "ACTIONS", "CONVERSION_FACTOR_2026", "Claim", "ClaimError", "ClaimTables", "ClaimsDataError", "Finding", "MoneyError",
    "Payer", "ServiceLine", "adjudicate", "adjustment_text", "adjustments_text", "blocking", "claim_from_dict",
    "contracted_amount", "default_tables", "draft_appeal", "explain_adjustments", "fee_schedule_amount",
    "filing_deadline", "findings_summary", "fmt_money", "get_payer", "load_tables", "load_visits", "locality_text",
    "parse_money", "parse_rate", "parse_units", "patient_statement", "post_payment", "rate_percent",
    "remittance_summary", "replace_line", "rule_name", "scrub", "share_breakdown", "split_allowed", *_LAZY,
    "Decision", "QueueClaim", "QueueDataError", "QueueError", "QueueMetrics", "Ranked", "WorkQueue", "aging_summary",
    "check_top_picks", "days_in_ar_text", "deadline", "decision_text", "load_work_queue", "priority_order",
    "queue_metrics", "queue_result", "why_not", "work_claim",
    # claims as files (issue 14): the 837P and 835, the 835 read back, pyx12's verdict in plain words
    "Era", "EraClaim", "EraLine", "X12Error", "X12Problem", "check_x12", "era_remittance", "read_835",
    "rejection_text", "to_835", "to_837p",
])

__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return __all__
