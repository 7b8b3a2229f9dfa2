"""Load and check the reference tables in data/claims/ (payers, codes, edits, reason codes, visits),
read through ``careerlab.datafiles``."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from careerlab.claims.model import Claim, ClaimError, claim_from_dict
from careerlab.claims.money import MoneyError, parse_money, parse_rate
from careerlab.claims.pricing import Payer, filing_deadline
from careerlab.claims.queue_model import ACTIONS, STATUSES, QueueClaim, QueuePayer, WorkQueue
from careerlab.datafiles import read_csv_rows, read_json_object
from careerlab.errors import DataFileError
from careerlab.paths import data_path


class ClaimsDataError(DataFileError):
    """A file in data/claims/ is missing, unreadable or inconsistent; the message names the file and row."""


@dataclass(frozen=True)
class ClaimTables:
    """Everything the scrubber and the payer look things up in."""

    payers: dict[str, Payer]
    localities: dict[str, tuple[Decimal, Decimal, Decimal]]
    services: dict[str, dict]
    bundled_pairs: tuple[dict, ...]
    coverage: dict[str, tuple[str, ...]]
    carc: dict[str, dict]
    groups: dict[str, dict]
    rules: tuple[dict, ...]


def _rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...] = ()) -> list[dict]:
    """The rows of a CSV file that has ``columns`` (and fills ``required``), every cell trimmed."""
    rows = []
    for number, row in enumerate(read_csv_rows(path, columns, ClaimsDataError, required=required), start=2):
        if None in row or None in row.values():
            raise ClaimsDataError(f"{path.name} line {number}: the number of cells does not match the header "
                                  "(put text that contains commas in double quotes).")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def _decimal(text: str, where: str) -> Decimal:
    """A Decimal from a table cell, or a ClaimsDataError naming the cell."""
    try:
        return Decimal(text)
    except Exception:
        raise ClaimsDataError(f"{where}: '{text}' is not a number.") from None


def _payer(row: dict, where: str) -> Payer:
    """One payer row, checked."""
    try:
        kinds = tuple(k.strip().lower() for k in row["no_patient_share_kinds"].split(";") if k.strip())
        payer = Payer(row["payer_id"].upper(), row["name"], row["kind"], _decimal(row["percent_of_fee_schedule"], where),
                      parse_rate(row["coinsurance"], where), parse_money(row["copay"], where), row["filing_limit"], row["note"],
                      kinds, parse_rate(row["sequestration"] or "0", where))
        filing_deadline(date(2026, 1, 1), payer.filing_limit)  # checks the format
    except (MoneyError, ValueError) as err:
        raise ClaimsDataError(f"{where}: {err}") from None
    return payer


def load_tables(folder: Path | None = None) -> ClaimTables:
    """Read every reference table from `folder` (default data/claims/) and cross-check them."""
    base = Path(folder) if folder else data_path("claims")
    payers = {}
    for i, row in enumerate(_rows(base / "payers.csv", ("payer_id", "name", "kind", "percent_of_fee_schedule",
                                                        "coinsurance", "copay", "filing_limit", "no_patient_share_kinds",
                                                        "sequestration", "note"), ("payer_id",)), start=2):
        payer = _payer(row, f"payers.csv line {i}")
        payers[payer.payer_id] = payer
    localities = {}
    for i, row in enumerate(_rows(base / "gpci.csv", ("locality", "work_gpci", "pe_gpci", "mp_gpci"), ("locality",)), start=2):
        where = f"gpci.csv line {i}"
        localities[row["locality"].upper()] = tuple(_decimal(row[k], where) for k in ("work_gpci", "pe_gpci", "mp_gpci"))
    services = {}
    for i, row in enumerate(_rows(base / "service_codes.csv", ("code", "code_set", "kind", "plain_words", "work_rvu",
                                                               "pe_rvu", "mp_rvu", "usual_charge", "global_days"), ("code",)),
                             start=2):
        where = f"service_codes.csv line {i}"
        if row["global_days"] not in {"", "0", "10", "90"}:
            raise ClaimsDataError(f"{where}: global_days must be empty (no global period), 0, 10 or 90.")
        for key in ("work_rvu", "pe_rvu", "mp_rvu", "usual_charge"):
            row[key] = _decimal(row[key], where)
        services[row["code"].upper()] = row
    pairs = tuple(_rows(base / "bundled_pairs.csv", ("column1", "column2", "modifier_indicator", "teaching_note"),
                       ("column1", "column2")))
    coverage = {r["code"]: tuple(p.strip().upper() for p in r["covered_diagnosis_prefixes"].split(";") if p.strip())
                for r in _rows(base / "coverage.csv", ("code", "covered_diagnosis_prefixes"), ("code",))}
    carc = {r["code"]: r for r in _rows(base / "carc.csv", ("code", "usual_group", "plain_words", "next_step"), ("code",))}
    groups = {r["group"]: r for r in _rows(base / "group_codes.csv", ("group", "name", "plain_words"), ("group",))}
    rules = tuple(_rows(base / "scrub_rules.csv", ("rule", "checks", "severity", "why_it_matters", "carc_if_missed"),
                        ("rule",)))
    for pair in pairs:
        if pair["column1"] not in services or pair["column2"] not in services or pair["modifier_indicator"] not in {"0", "1"}:
            raise ClaimsDataError(f"bundled_pairs.csv: pair {pair['column1']}/{pair['column2']} uses an unknown code or indicator.")
    known_kinds = {row["kind"] for row in services.values()}
    for payer in payers.values():
        if unknown := set(payer.no_patient_share_kinds) - known_kinds:
            raise ClaimsDataError(f"payers.csv: payer {payer.payer_id} names unknown service kind(s) {', '.join(sorted(unknown))}; "
                                  f"use kinds from service_codes.csv ({', '.join(sorted(known_kinds))}).")
    for code in coverage:
        if code not in services:
            raise ClaimsDataError(f"coverage.csv: {code} is not in service_codes.csv.")
    for rule in rules:
        if rule["carc_if_missed"] not in carc:
            raise ClaimsDataError(f"scrub_rules.csv: rule {rule['rule']} names reason code {rule['carc_if_missed']}, not in carc.csv.")
    return ClaimTables(payers, localities, services, pairs, coverage, carc, groups, rules)


@lru_cache(maxsize=1)
def default_tables() -> ClaimTables:
    """The tables from data/claims/, read once."""
    return load_tables()


def load_visits(path: Path | None = None) -> dict[str, Claim]:
    """The synthetic visits as claims, keyed by visit id (V01, V02, ...)."""
    path = Path(path) if path else data_path("claims", "visits.json")
    raw = read_json_object(path, ClaimsDataError)
    if not isinstance(raw.get("visits"), list):
        raise ClaimsDataError(f"{path.name}: expected an object with a 'visits' list.")
    visits = {}
    for i, record in enumerate(raw["visits"], start=1):
        try:
            claim = claim_from_dict(record)
        except ClaimError as err:
            raise ClaimsDataError(f"{path.name}, visit {i}: {err}") from None
        if not claim.claim_id or claim.claim_id in visits:
            raise ClaimsDataError(f"{path.name}, visit {i}: the visit id is empty or repeated.")
        visits[claim.claim_id] = claim
    return visits


def get_payer(payer: Payer | str, tables: ClaimTables | None = None) -> Payer:
    """A Payer object from itself or its id; an unknown id gets a message listing the known ones."""
    if isinstance(payer, Payer):
        return payer
    tables = tables or default_tables()
    key = str(payer or "").strip().upper()
    if key not in tables.payers:
        known = ", ".join(sorted(tables.payers))
        raise ClaimError(f"Payer '{payer}' is not one we know. Choose one of: {known}.")
    return tables.payers[key]


# --- the A/R and denials work queue (data/claims/work_queue.json) ---------------------------------------------

class QueueDataError(ClaimsDataError):
    """The work-queue file is missing, unreadable or inconsistent; the message names the claim and the field."""


def _queue_date(raw: dict, key: str, where: str, *, blank: bool = False) -> date | None:
    """A YYYY-MM-DD date from a queue record (None only when ``blank`` allows it)."""
    value = raw.get(key)
    if blank and value in (None, ""):
        return None
    try:
        if isinstance(value, str):
            return date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise QueueDataError(f"{where}: {key} {str(value)[:40]!r} is not a date written YYYY-MM-DD.")


def _queue_text(raw: dict, key: str, where: str, *, blank: bool = False) -> str | None:
    """A text field of a queue record, trimmed (None only when ``blank`` allows it)."""
    value = raw.get(key)
    if blank and value in (None, ""):
        return None
    if not isinstance(value, str) or not value.strip():
        raise QueueDataError(f"{where}: {key} must be a non-empty text.")
    return value.strip()


def _queue_money(raw: dict, key: str, where: str) -> Decimal:
    """An amount of money from a queue record, exact to the cent."""
    if isinstance(raw.get(key), bool):
        raise QueueDataError(f"{where}: {key} must be an amount such as \"120.00\".")
    try:
        return parse_money(raw.get(key), f"{where}: {key}")
    except MoneyError as err:
        raise QueueDataError(str(err)) from None


def _queue_payer(raw: object, where: str) -> QueuePayer:
    """One payer of the queue, its limits checked."""
    if not isinstance(raw, dict):
        raise QueueDataError(f"{where}: expected the fields of a payer.")
    payer = QueuePayer(_queue_text(raw, "payer_id", where).upper(), _queue_text(raw, "name", where),
                       _queue_text(raw, "kind", where), _queue_text(raw, "filing_limit", where),
                       _queue_text(raw, "appeal_limit", where, blank=True), _queue_text(raw, "source", where))
    for limit in (payer.filing_limit, payer.appeal_limit):
        try:
            if limit is not None:
                filing_deadline(date(2026, 1, 1), limit)
        except ValueError as err:
            raise QueueDataError(f"{where}: {err}") from None
    return payer


def _queue_claim(raw: object, where: str, payers: dict, carc: dict, as_of: date) -> QueueClaim:
    """One claim of the queue, checked against the payers, the reason codes and the actions."""
    if not isinstance(raw, dict):
        raise QueueDataError(f"{where}: expected the fields of a claim.")
    right = raw.get("right")
    if not isinstance(right, list) or not right or not all(isinstance(a, str) and a in ACTIONS for a in right):
        raise QueueDataError(f"{where}: right must list one or more of the actions {', '.join(ACTIONS)}.")
    claim = QueueClaim(
        _queue_text(raw, "claim_id", where).upper(), _queue_text(raw, "patient", where),
        _queue_text(raw, "payer", where).upper(), (_queue_text(raw, "secondary", where, blank=True) or "").upper() or None,
        _queue_date(raw, "date_of_service", where), _queue_date(raw, "billed_on", where),
        _queue_date(raw, "notice_date", where, blank=True), _queue_money(raw, "charge", where),
        _queue_money(raw, "balance", where), _queue_text(raw, "status", where),
        _queue_text(raw, "group", where, blank=True), _queue_text(raw, "carc", where, blank=True),
        _queue_text(raw, "story", where), tuple(right), _queue_text(raw, "why", where),
        _queue_money(raw, "collects", where))
    for payer_id in (claim.payer_id, claim.secondary_id):
        if payer_id is not None and payer_id not in payers:
            raise QueueDataError(f"{where}: payer {payer_id[:20]!r} is not in the queue's payers ({', '.join(payers)}).")
    if claim.status not in STATUSES:
        raise QueueDataError(f"{where}: status {claim.status[:30]!r} is not one of {', '.join(STATUSES)}.")
    if (claim.group is None) != (claim.carc is None) or (claim.carc is not None and claim.carc not in carc):
        raise QueueDataError(f"{where}: give a group code and a reason code from carc.csv together, or neither.")
    if not claim.date_of_service <= claim.billed_on <= as_of or (claim.notice_date and not claim.billed_on <= claim.notice_date <= as_of):
        raise QueueDataError(f"{where}: the dates must run service <= billed <= notice <= the queue's as_of date.")
    if raw.get("age_days") != (as_of - claim.billed_on).days:
        raise QueueDataError(f"{where}: age_days must be the days from billed_on to as_of, "
                             f"{(as_of - claim.billed_on).days}.")
    if claim.balance <= 0 or claim.balance > claim.charge or claim.collects > claim.balance:
        raise QueueDataError(f"{where}: need 0 < balance <= charge and collects <= balance.")
    return claim


def load_work_queue(path: Path | None = None) -> WorkQueue:
    """The A/R and denials work queue (data/claims/work_queue.json), every claim checked."""
    path = Path(path) if path else data_path("claims", "work_queue.json")
    raw = read_json_object(path, QueueDataError)
    name = path.name
    as_of = _queue_date(raw, "as_of", name)
    charges = _queue_money(raw, "charges_last_90_days", name)
    follow_up = raw.get("follow_up_after_days")
    if type(follow_up) is not int or not 1 <= follow_up <= 365 or charges <= 0:
        raise QueueDataError(f"{name}: follow_up_after_days must be 1 to 365 and charges_last_90_days above 0.")
    if not isinstance(raw.get("payers"), list) or not isinstance(raw.get("claims"), list) or not raw["claims"]:
        raise QueueDataError(f"{name}: expected a 'payers' list and a non-empty 'claims' list.")
    payers: dict[str, QueuePayer] = {}
    for i, item in enumerate(raw["payers"], start=1):
        payer = _queue_payer(item, f"{name}, payer {i}")
        if payer.payer_id in payers:
            raise QueueDataError(f"{name}, payer {i}: {payer.payer_id} appears twice.")
        payers[payer.payer_id] = payer
    tables = default_tables()
    for payer in payers.values():  # the same payer as in payers.csv has the same filing limit
        if payer.payer_id in tables.payers and tables.payers[payer.payer_id].filing_limit != payer.filing_limit:
            raise QueueDataError(f"{name}: {payer.payer_id}'s filing limit differs from payers.csv.")
    claims: list[QueueClaim] = []
    for i, item in enumerate(raw["claims"], start=1):
        claim = _queue_claim(item, f"{name}, claim {i}", payers, tables.carc, as_of)
        if claim.claim_id in {c.claim_id for c in claims}:
            raise QueueDataError(f"{name}, claim {i}: the claim id {claim.claim_id} is repeated.")
        claims.append(claim)
    return WorkQueue(as_of, charges, follow_up, payers, tuple(claims), str(raw.get("about") or ""))
