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
