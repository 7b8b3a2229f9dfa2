"""The simulation's data files: every row sourced, defaults match the model."""
from __future__ import annotations

import dataclasses

import pytest

from careerlab.simulation.data import SimulationDataError, load_assumptions, load_kpi_benchmarks
from careerlab.simulation.model import KPI_KEYS, SimParams
from careerlab.simulation.simulate import CHARGE_CENTS, CHARGE_WEIGHTS


def test_assumption_defaults_are_the_model_defaults():
    table = load_assumptions()
    for f in dataclasses.fields(SimParams):
        assert table[f.name]["default"] == pytest.approx(getattr(SimParams(), f.name)), f.name
    for i, (cents, share) in enumerate(zip(CHARGE_CENTS, CHARGE_WEIGHTS), start=1):
        assert table[f"charge_level_{i}"]["default"] == cents
        assert table[f"level_share_{i}"]["default"] == pytest.approx(share)
    assert all(row["kind"] == "synthetic" for row in table.values())


def test_kpi_benchmarks_are_sourced_and_match_the_brief():
    b = load_kpi_benchmarks()
    assert set(b) == set(KPI_KEYS)
    # brief section 4: clean claim ≥ 95 %, denial < 5–10 %, days in A/R 30–40, net collection ≥ 95 %
    assert b["clean_claim_rate"]["low"] == 0.95 and b["net_collection_rate"]["low"] == 0.95
    assert b["denial_rate"]["high"] == 0.10 and b["days_in_ar"]["high"] == 40
    for row in b.values():
        assert "HFMA" in row["source"] and "MGMA" in row["source"] and row["year"].strip()


def test_damaged_files_raise_plain_errors(tmp_path):
    bad = tmp_path / "kpi.csv"
    bad.write_text("kpi,label\nclean_claim_rate,Clean\n", encoding="utf-8")
    with pytest.raises(SimulationDataError, match="missing column"):
        load_kpi_benchmarks(bad)
    with pytest.raises(SimulationDataError, match="not found"):
        load_assumptions(tmp_path / "nope.csv")
    unsourced = tmp_path / "a.csv"
    unsourced.write_text("parameter,default,unit,meaning,kind,source,year\n"
                         "x,1,days,thing,synthetic,,\n", encoding="utf-8")
    with pytest.raises(SimulationDataError, match="no source or year"):
        load_assumptions(unsourced)
    notnum = tmp_path / "b.csv"
    notnum.write_text("parameter,default,unit,meaning,kind,source,year\n"
                      "x,lots,days,thing,synthetic,me,2026\n", encoding="utf-8")
    with pytest.raises(SimulationDataError, match="not a number"):
        load_assumptions(notnum)
