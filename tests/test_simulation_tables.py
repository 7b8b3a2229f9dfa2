"""The readable views of simulated claims shown in lesson 06."""
from careerlab.simulation import claims_preview, denial_reasons, describe_denials, simulate_claims


def test_claims_preview_shows_dollars_yes_no_and_rows_from_one():
    claims = simulate_claims(500, seed=6)
    p = claims_preview(claims, rows=4)
    assert list(p.index) == [1, 2, 3, 4] and len(p.columns) <= 9
    assert p["Charge ($)"].iloc[0] == f"${claims['charge_cents'].iloc[0] / 100:,.2f}"
    assert set(p["Denied first time?"]) <= {"yes", "no"}
    assert not any("cents" in c for c in p.columns)


def test_denial_reasons_counts_only_denials_and_sums_to_them():
    claims = simulate_claims(2000, seed=6)
    t = denial_reasons(claims)
    assert "not denied" not in set(t["Reason"])
    assert sum(int(n.replace(",", "")) for n in t["Claims denied"]) == int(claims["denied"].sum())
    assert list(t.index) == list(range(1, len(t) + 1))
    sentence = describe_denials(claims)
    assert f"{int(claims['denied'].sum()):,} of 2,000 claims" in sentence and t["Reason"].iloc[0] in sentence


def test_describe_denials_with_no_denials():
    claims = simulate_claims(50, seed=1)
    claims["denied"] = False
    assert describe_denials(claims) == "None of the 50 claims was denied the first time."
