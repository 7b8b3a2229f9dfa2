"""Read an 835 remittance (ERA) back: the payment, every claim (CLP), service line (SVC) and adjustment (CAS),
with the separators the file's own ISA declares. A file that cannot be read gets an X12Error in plain words."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from careerlab.claims.era import Era, EraClaim, EraLine
from careerlab.claims.money import ZERO
from careerlab.claims.x12 import X12Error, split_segments

MAX_AMOUNT = Decimal("99999999.99")
_AMOUNT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")  # X12 type R as written: ASCII digits, no exponent
_DIGITS = re.compile(r"[0-9]+")


def _el(seg: list[str], n: int) -> str:
    """Element n of a segment (1-based), '' when the segment is shorter."""
    return seg[n].strip() if n < len(seg) else ""


def _money(seg: list[str], n: int, where: str, blank_ok: bool = False) -> Decimal:
    """Element n as dollars and cents; an X12Error naming the segment if it is not an amount."""
    raw = _el(seg, n)
    if not raw and blank_ok:
        return ZERO
    value = Decimal(raw) if _AMOUNT.fullmatch(raw) and len(raw) <= 18 else None
    if value is None or abs(value) > MAX_AMOUNT or value != value.quantize(Decimal("0.01")):
        raise X12Error(f"{where}: {seg[0]}{n:02d} '{raw[:20]}' is not an amount in dollars and cents.")
    return value.quantize(Decimal("0.01"))


def _date(raw: str, where: str) -> date:
    """CCYYMMDD as a date, or an X12Error."""
    try:
        if len(raw) != 8 or not _DIGITS.fullmatch(raw):
            raise ValueError
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        raise X12Error(f"{where}: '{raw[:20]}' is not a date (CCYYMMDD).") from None


def _cas(seg: list[str], where: str) -> list[tuple[str, str, Decimal]]:
    """A CAS segment's adjustments: its group code, then up to six (reason, amount, quantity) triplets."""
    group = _el(seg, 1)
    if group not in ("CO", "PR", "OA", "PI", "CR"):
        raise X12Error(f"{where}: CAS01 '{group[:5]}' is not a group code (CO, PR, OA or PI).")
    if any(_el(seg, n) for n in range(20, len(seg))):
        raise X12Error(f"{where}: a CAS segment holds at most six adjustments; this one has more.")
    out = []
    for start in range(2, min(len(seg), 20), 3):
        reason = _el(seg, start)
        if reason:
            out.append((group, reason[:5], _money(seg, start + 1, where)))
    if not out:
        raise X12Error(f"{where}: the CAS segment names no reason code.")
    return out


class _Reader:
    """Walks the segments once, keeping the claim and line being filled."""

    def __init__(self, component: str):
        self.component = component
        self.head = {"payer": "", "payee": "", "npi": "", "total": None, "method": "", "paid_on": None, "trace": ""}
        self.claims: list[dict] = []
        self.line: dict | None = None
        self.n1 = ""

    def claim(self, where: str) -> dict:
        if not self.claims:
            raise X12Error(f"{where}: this segment belongs to a claim, but no CLP segment came before it.")
        return self.claims[-1]

    def close_line(self) -> None:
        if self.line is not None:
            self.claims[-1]["lines"].append(EraLine(**{**self.line, "adjustments": tuple(self.line["adjustments"])}))
            self.line = None

    def take(self, seg: list[str], where: str) -> None:
        tag = seg[0]
        if tag == "BPR":
            self.head.update(total=_money(seg, 2, where), method=_el(seg, 4),
                             paid_on=_date(_el(seg, 16), where) if _el(seg, 16) else None)
        elif tag == "TRN":
            self.head["trace"] = _el(seg, 2)
        elif tag == "N1":
            self.n1 = _el(seg, 1)
            if self.n1 == "PR":
                self.head["payer"] = _el(seg, 2)
            elif self.n1 == "PE":
                self.head.update(payee=_el(seg, 2), npi=_el(seg, 4))
        elif tag == "CLP":
            self.close_line()
            if not _el(seg, 1):
                raise X12Error(f"{where}: CLP01 (the claim number) is empty.")
            self.claims.append({"claim_id": _el(seg, 1), "status": _el(seg, 2), "charge": _money(seg, 3, where),
                                "paid": _money(seg, 4, where), "patient_responsibility": _money(seg, 5, where, True),
                                "filing_indicator": _el(seg, 6), "payer_claim_number": _el(seg, 7),
                                "patient_name": "", "member_id": "", "adjustments": [], "lines": []})
        elif tag == "NM1" and _el(seg, 1) in ("QC", "IL"):
            claim = self.claim(where)
            if _el(seg, 1) == "QC":
                claim["patient_name"] = " ".join(p for p in (_el(seg, 4), _el(seg, 3)) if p)
            if _el(seg, 8) == "MI":
                claim["member_id"] = _el(seg, 9)
        elif tag == "SVC":
            claim = self.claim(where)
            self.close_line()
            parts = _el(seg, 1).split(self.component)
            if len(parts) < 2 or not parts[1]:
                raise X12Error(f"{where}: SVC01 names no service code.")
            units = _el(seg, 5) or "1"
            if not _DIGITS.fullmatch(units) or not 0 < int(units) < 10_000:
                raise X12Error(f"{where}: SVC05 '{units[:10]}' is not a number of units.")
            self.line = {"line": len(claim["lines"]) + 1, "code": parts[1], "modifiers": tuple(p for p in parts[2:6] if p),
                         "charge": _money(seg, 2, where), "paid": _money(seg, 3, where), "units": int(units),
                         "adjustments": []}
        elif tag == "CAS":
            found = tuple(_cas(seg, where))
            if self.line is not None:
                self.line["adjustments"] += found
            else:
                self.claim(where)["adjustments"] += found
        elif tag == "DTM" and _el(seg, 1) == "472" and self.line is not None:
            self.line["date_of_service"] = _date(_el(seg, 2), where)
        elif tag == "REF" and _el(seg, 1) == "6R" and self.line is not None:
            number = _el(seg, 2).rsplit("-", 1)[-1]  # our 837P sends '<claim>-<line>' (older files: the line alone)
            if not _DIGITS.fullmatch(number) or not 0 < int(number) < 1000:
                raise X12Error(f"{where}: REF02 '{_el(seg, 2)[:10]}' does not end in a line number.")
            self.line["line"] = int(number)
        elif tag == "AMT" and _el(seg, 1) == "B6" and self.line is not None:
            self.line["allowed"] = _money(seg, 2, where)


def read_835(raw: str) -> Era:
    """The remittance in an 835 file, read with the separators its ISA declares."""
    seps, segments = split_segments(raw)
    ids = [seg[0].strip() for seg in segments]
    if "ST" not in ids or segments[ids.index("ST")][1:2] != ["835"]:
        raise X12Error("This X12 file is not an 835 remittance (its ST segment does not say 835).")
    if "BPR" not in ids:
        raise X12Error("The 835 has no BPR segment, so it does not say what was paid.")
    reader = _Reader(seps.component)
    for number, seg in enumerate(segments, start=1):
        seg[0] = seg[0].strip()
        if seg[0] in ("SE", "GE", "IEA"):
            reader.close_line()
        reader.take(seg, f"Segment {number} ({seg[0][:3]})")
    reader.close_line()
    h = reader.head
    claims = tuple(EraClaim(**{**c, "adjustments": tuple(c["adjustments"]), "lines": tuple(c["lines"])})
                   for c in reader.claims)
    return Era(h["payer"], h["payee"], h["npi"], h["total"], h["method"], h["paid_on"], h["trace"], claims)


def era_remittance(claim: EraClaim) -> "pandas.DataFrame":
    """One claim of a read 835 as the remittance table ``adjudicate`` gives (so posting works from the file)."""
    import pandas as pd

    from careerlab.claims.adjudication import COLUMNS
    from careerlab.claims.data import default_tables

    carc = default_tables().carc
    rows = []
    for line in claim.lines:
        part = {code: sum((a[2] for a in line.adjustments if a[0] == "PR" and a[1] == code), ZERO)
                for code in ("1", "2", "3")}
        share = sum((a[2] for a in line.adjustments if a[0] == "PR"), ZERO)
        allowed = line.allowed if line.allowed is not None else line.paid + share
        denied = allowed == 0 and line.paid == 0
        first = next((a for a in line.adjustments if a[0] != "PR" and a[1] != "45"), None)
        reason = ("Paid under the contract." if not denied else
                  carc.get(first[1], {}).get("plain_words", f"Reason code {first[1]}.") if first else "Denied.")
        rows.append({"line": line.line, "code": line.code, "modifiers": " ".join(line.modifiers), "billed": line.charge,
                     "allowed": allowed, "deductible": part["1"], "coinsurance": part["2"], "copay": part["3"],
                     "patient_share": share, "paid": line.paid,
                     "sequestration": sum((a[2] for a in line.adjustments if a[0] == "CO" and a[1] == "253"), ZERO),
                     "written_off": line.charge - line.paid - share,
                     "status": "denied" if denied else "paid", "adjustments": list(line.adjustments), "reason": reason})
    return pd.DataFrame(rows, columns=COLUMNS)
