"""Benchmarks for claims as files (lesson 03, issue 14): writing one claim's 837P, reading an 835 of 100 claims.

Each time is the median of many runs in this process, beside a floor measured the same way: for the 837P,
the claim as JSON (json.dumps of its fields); for the 835, splitting the same file into segments and elements
with str.split, the least any reader must do. Targets (issue 14): 837P for one claim <= 5 ms; reading one 835
of 100 claims <= 50 ms.
"""
from __future__ import annotations

import json
import statistics
import time
from datetime import date


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm: imports, cached tables
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _row(name, value, target="", floor=None, ok=None) -> dict:
    return {"name": name, "value": round(value, 3), "unit": "ms", "target": target,
            "floor": None if floor is None else round(floor, 3), "ok": ok}


def run() -> list[dict]:
    """Time to_837p on visit V01 and read_835 on one 835 of 100 synthetic FEDMED claims."""
    from careerlab.claims import adjudicate, claim_from_dict, load_visits, read_835, to_835, to_837p
    from careerlab.claims.model import claim_to_dict

    visits = load_visits()
    claim = visits["V01"]
    write = _median_ms(lambda: to_837p(claim), 300)
    write_floor = _median_ms(lambda: json.dumps(claim_to_dict(claim)), 300)

    base = claim_to_dict(visits["V01"])
    claims = [claim_from_dict({**base, "visit_id": f"B{n:03d}"}) for n in range(100)]
    text = to_835([(c, adjudicate(c, today=date(2026, 12, 1))) for c in claims])
    read = _median_ms(lambda: read_835(text), 30)
    read_floor = _median_ms(lambda: [s.split("*") for s in text.split("~")], 30)
    return [
        _row("837P for one claim (to_837p, visit V01; floor: the claim as JSON)", write, "≤ 5 ms", write_floor,
             write <= 5),
        _row(f"read one 835 of 100 claims (read_835, {len(text):,} characters; floor: str.split into segments "
             "and elements)", read, "≤ 50 ms", read_floor, read <= 50),
    ]
