"""The A/R and denials work queue (issue 14, item 3): the data, the priority order, working claims, the money
and days in A/R (checked against sums worked out here from the raw file), the loader on hostile files, and the
widget driven as a learner would."""
import html
import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerlab.claims import (ACTIONS, QueueDataError, QueueError, ar_aging_chart, aging_summary, check_top_picks,
                              deadline, decision_text, load_work_queue, priority_order, queue_metrics, queue_result,
                              why_not, work_claim)
from careerlab.claims.data import default_tables
from careerlab.claims.tables import queue_table
from careerlab.claims.queue_widgets import ORDER_ID, SECTION, work_queue
from careerlab.paths import data_path
from careerlab.progress import ProgressStore
from careerlab.progress.record import QUEUE_SHAPE, WORK_QUEUE
from claims_helpers import column_alignment

RAW = json.loads(data_path("claims", "work_queue.json").read_text(encoding="utf-8"))
QUEUE = load_work_queue()
AS_OF = date.fromisoformat(RAW["as_of"])


def by_patient(name):
    """The claim id of a patient (ids are shuffled, so tests find claims by the story they tell)."""
    return next(c["claim_id"] for c in RAW["claims"] if c["patient"] == name)


def luhn_npi_ok(npi: str) -> bool:
    digits = [int(d) for d in "80840" + npi]
    total = 0
    for i, d in enumerate(reversed(digits)):
        total += d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2)
    return total % 10 == 0


# --- the data ---------------------------------------------------------------------------------------------------

def test_the_queue_is_big_enough_and_teaches_every_action():
    assert len(QUEUE.claims) >= 20
    taught = {a for c in QUEUE.claims for a in c.right}
    assert taught == set(ACTIONS), f"actions never right: {set(ACTIONS) - taught}"
    kinds = {p.kind for p in QUEUE.payers.values()}
    assert {"medicare-like", "commercial", "medicaid-like"} <= kinds
    assert any(c.secondary_id for c in QUEUE.claims)


def test_payers_are_synthetic_and_medicare_uses_its_real_limit():
    for payer in QUEUE.payers.values():
        assert "synthetic" in payer.name.lower() and payer.source
    medicare = [p for p in QUEUE.payers.values() if p.is_medicare]
    assert len(medicare) == 1 and medicare[0].filing_limit == "12m" and "424.44" in medicare[0].source
    assert all("teaching" in p.source for p in QUEUE.payers.values() if not p.is_medicare)


def test_every_claim_is_consistent_with_its_raw_record():
    carc = default_tables().carc
    for raw in RAW["claims"]:
        billed = date.fromisoformat(raw["billed_on"])
        assert raw["age_days"] == (AS_OF - billed).days
        assert raw["carc"] is None or raw["carc"] in carc
        assert Decimal(raw["collects"]) <= Decimal(raw["balance"])
    for text in json.dumps(RAW).split('"'):  # any NPI-like number must be a synthetic, Luhn-valid one
        if text.isdigit() and len(text) == 10:
            assert luhn_npi_ok(text), text


def test_every_claims_right_action_is_accepted():
    for claim in QUEUE.claims:
        for action in claim.right:
            decision = work_claim(QUEUE, (), claim.claim_id, action)
            assert decision.right and decision.message == claim.why
        wrong = [a for a in ACTIONS if a not in claim.right]
        assert all(not work_claim(QUEUE, (), claim.claim_id, a).right for a in wrong)


# --- deadlines and the priority order ---------------------------------------------------------------------------

def test_deadlines_follow_the_medicare_clocks():
    denied = QUEUE.claim(by_patient("Tobias Fictional"))  # CO-50, remittance 14 August 2026
    assert deadline(QUEUE, denied)[0] == date(2026, 8, 14) + timedelta(days=120) == date(2026, 12, 12)
    upheld = QUEUE.claim(by_patient("Marisol Madeup"))  # redetermination upheld 20 June 2026
    assert deadline(QUEUE, upheld)[0] == date(2026, 6, 20) + timedelta(days=180)
    alj = QUEUE.claim(by_patient("Dov Demo"))  # reconsideration upheld 20 October 2026
    assert deadline(QUEUE, alj)[0] == date(2026, 10, 20) + timedelta(days=60)
    assert alj.balance >= Decimal("200")  # the 2026 ALJ amount in controversy (CMS-4209-N)
    reopen = QUEUE.claim(by_patient("Hollis Sample"))  # remittance 26 December 2025: 1 year to reopen
    assert deadline(QUEUE, reopen)[0] == date(2026, 12, 26)
    assert reopen.notice_date + timedelta(days=120) < AS_OF  # the appeal window has passed, the reopening has not
    late = QUEUE.claim(by_patient("Beatrix Pretend"))  # served 10 September 2025, first sent October 2026
    assert late.billed_on > date(2026, 9, 10) and late.right == ("write-off-timely",)


def test_priority_order_puts_deadlines_then_money_then_write_offs_then_holds():
    order = priority_order(QUEUE)
    assert sorted(r.claim.claim_id for r in order) == sorted(c.claim_id for c in QUEUE.claims)
    tiers = [r.tier for r in order]
    assert tiers == sorted(tiers)
    left = {r.claim.claim_id: (deadline(QUEUE, r.claim)[0] - AS_OF).days for r in order if r.tier == 0}
    assert all(0 <= d <= 30 for d in left.values()) and list(left.values()) == sorted(left.values())
    money = [r.claim.balance for r in order if r.tier == 1]
    assert money == sorted(money, reverse=True)
    assert [r.claim.right for r in order if r.tier == 3] == [("hold",)] * 2
    assert all(set(r.claim.right) <= {"write-off-contractual", "write-off-timely"} for r in order if r.tier == 2)
    # by hand: Lakeside's 90-day limit from 8 September 2026 ends 7 December 2026, the soonest deadline
    assert order[0].claim.claim_id == by_patient("Rowan Madeup") and "7 December 2026" in order[0].reason
    assert "6 days" in order[0].reason


def test_top_picks_scored_against_the_order():
    top = [r.claim.claim_id for r in priority_order(QUEUE)[:3]]
    assert check_top_picks(QUEUE, top)[0] == 1.0
    big_but_later = by_patient("Dov Demo")  # the largest balance, but 18 days left
    score, lines = check_top_picks(QUEUE, [top[0], top[1], big_but_later])
    assert score == pytest.approx(2 / 3)
    assert [i for i, ok, _ in lines if not ok] == [big_but_later, top[2]]
    with pytest.raises(QueueError, match="3 different"):
        check_top_picks(QUEUE, [top[0], top[0], top[1]])
    with pytest.raises(QueueError, match="no claim"):
        check_top_picks(QUEUE, [top[0], top[1], "Q99"])


# --- feedback teaches the Medicare facts ------------------------------------------------------------------------

@pytest.mark.parametrize("patient, action, words", [
    ("Ada Demo", "replacement-claim", "duplicate (CARC 18)"),   # Medicare CO-97: reopening, never a resend
    ("Kenji Example", "reopening", "Medicare's processes"),        # commercial CO-97: replacement claim
    ("Greta Testcase", "bill-patient", "Qualified Medicare Beneficiary"),
    ("Noor Sample", "bill-patient", "CO amount may never be billed"),  # CO-253 sequestration
    ("Beatrix Pretend", "redetermination", "no appeal rights"),
    ("Dov Demo", "redetermination", "finished level 2"),
    ("Tobias Fictional", "reconsideration", "has not had level 1"),
    ("Priya Placeholder", "reopening", "cannot be appealed or reopened"),
    ("Felix Testcase", "write-off-timely", "not filed late"),
])
def test_wrong_actions_say_why(patient, action, words):
    claim = QUEUE.claim(by_patient(patient))
    assert words in why_not(QUEUE, claim, action)
    assert not work_claim(QUEUE, (), claim.claim_id, action).right


@pytest.mark.parametrize("claim_id", ["Q15", "Q16"])  # Medicare unprocessable (MA130) and Medicare CO-29
def test_no_feedback_sends_an_unappealable_claim_to_an_appeal(claim_id):
    claim = QUEUE.claim(claim_id)
    assert QUEUE.payer(claim).is_medicare
    for action in ACTIONS:
        if action in claim.right:
            continue
        text = why_not(QUEUE, claim, action).lower()
        for advice in ("choose the level", "way back is an appeal", "redetermination first", "appeal with proof"):
            assert advice not in text, (action, text)
        if action in ("payer-appeal", "reopening", "redetermination", "reconsideration", "alj"):
            assert "no appeal rights" in text, (action, text)


def test_commercial_timely_filing_appeal_needs_proof():
    claim = QUEUE.claim("Q13")
    assert not QUEUE.payer(claim).is_medicare and claim.carc == "29"
    text = why_not(QUEUE, claim, "replacement-claim")
    assert "commercial" in text and "proof of timely filing" in text


def test_every_medicare_rule_taught_names_its_source_and_year():
    import re

    for claim in QUEUE.claims:
        medicare_rule = QUEUE.payer(claim).is_medicare and claim.right[0] != "bill-patient"
        if medicare_rule or "frequency code 7" in claim.why or "code 7" in claim.why:
            assert re.search(r"\((?:[^()]*\b(?:CMS|CFR|Medicare|Medi-Cal|Premera)\b[^()]*)\b20\d\d\b", claim.why), claim.why


def test_the_right_texts_carry_the_medicare_rules():
    texts = {c.patient: c.why for c in QUEUE.claims}
    assert "frequency code 7" in texts["Kenji Example"]
    assert "120 days" in texts["Tobias Fictional"] and "180 days" in texts["Marisol Madeup"]
    assert "60 days" in texts["Dov Demo"] and "one year" in texts["Hollis Sample"]
    assert "2 %" in texts["Noor Sample"] and "not the patient's share" in texts["Noor Sample"]


# --- money and days in A/R --------------------------------------------------------------------------------------

def test_every_decision_reads_as_whole_sentences():
    """Write-offs once ended '...patient.; adjusted off $88.00.' or '...2026.); adjusted off ...': the money is
    now a sentence of its own, after the reason's full stop, for every claim and every action."""
    import re

    queue = load_work_queue()
    for claim in queue.claims:
        for action in ACTIONS:
            text = decision_text(queue, work_claim(queue, (), claim.claim_id, action))
            assert not re.search(r"\.\)?;|\.\.|;\.|\s[.;,]", text), (claim.claim_id, action, text)
    q12 = decision_text(queue, work_claim(queue, (), "Q12", "write-off-contractual"))
    assert q12.endswith("may not be billed to the patient. Adjusted off $88.00.")
    q05 = decision_text(queue, work_claim(queue, (), "Q05", "redetermination"))
    assert q05.endswith("checked 2026.) Collected $301.00; adjusted off $119.00.")


def test_days_in_ar_before_any_work():
    total = sum(Decimal(c["balance"]) for c in RAW["claims"])
    daily = Decimal(RAW["charges_last_90_days"]) / 90
    m = queue_metrics(QUEUE)
    assert m.ar_total == total and m.collected == 0 and m.open_claims == len(RAW["claims"])
    assert m.days_in_ar == (total / daily).quantize(Decimal("0.1"))
    assert sum(m.buckets.values()) == total
    over_90 = sum(Decimal(c["balance"]) for c in RAW["claims"] if c["age_days"] > 90)
    assert m.buckets["90+"] == over_90


def test_working_every_claim_right_collects_what_the_file_says():
    done = ()
    for claim in QUEUE.claims:
        done = (*done, work_claim(QUEUE, done, claim.claim_id, claim.right[0]))
    m = queue_metrics(QUEUE, done)
    held = [c for c in RAW["claims"] if c["right"] == ["hold"]]
    assert m.collected == sum(Decimal(c["collects"]) for c in RAW["claims"])
    assert m.ar_total == sum(Decimal(c["balance"]) for c in held) and m.open_claims == len(held)
    assert m.collected + m.written_off + m.ar_total == sum(Decimal(c["balance"]) for c in RAW["claims"])
    result = queue_result(QUEUE, done)
    assert result["right"] == result["worked"] == result["claims"] == len(RAW["claims"]) and result["score"] == 1.0
    with pytest.raises(QueueError, match="already been worked"):
        work_claim(QUEUE, done, QUEUE.claims[0].claim_id, "hold")


def test_a_wrong_write_off_lowers_ar_but_collects_nothing():
    claim = QUEUE.claim(by_patient("Dov Demo"))
    decision = work_claim(QUEUE, (), claim.claim_id, "write-off-contractual")
    before, after = queue_metrics(QUEUE), queue_metrics(QUEUE, (decision,))
    assert not decision.right and after.collected == 0
    assert before.ar_total - after.ar_total == claim.balance == Decimal("1480.00")
    assert after.days_in_ar < before.days_in_ar
    assert "$1,050.00" in decision.message  # what the ALJ hearing would have collected
    stay = work_claim(QUEUE, (), claim.claim_id, "hold")
    assert queue_metrics(QUEUE, (stay,)).ar_total == before.ar_total


def test_unknown_action_or_claim_is_a_plain_message():
    with pytest.raises(QueueError, match="not an action"):
        work_claim(QUEUE, (), QUEUE.claims[0].claim_id, "shred it")
    with pytest.raises(QueueError, match="no claim 'Q00'"):
        work_claim(QUEUE, (), "Q00", "hold")


# --- the loader on hostile files --------------------------------------------------------------------------------

def _write(tmp_path, doc):
    path = tmp_path / "work_queue.json"
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


def _changed(claim_changes=None, **top):
    doc = json.loads(json.dumps(RAW))
    doc.update(top)
    if claim_changes:
        doc["claims"][0].update(claim_changes)
    return doc


@pytest.mark.parametrize("doc, words", [
    ("{not json", "not valid JSON"),
    ("[]", "JSON object"),
    (_changed(claims=[]), "non-empty 'claims'"),
    (_changed({"age_days": 3}), "age_days"),
    (_changed({"carc": "999"}), "carc.csv"),
    (_changed({"group": None}), "together"),
    (_changed({"right": ["shred"]}), "right must list"),
    (_changed({"right": []}), "right must list"),
    (_changed({"billed_on": "01/02/2026"}), "billed_on"),
    (_changed({"balance": "-5"}), "balance"),
    (_changed({"balance": True}), "balance"),
    (_changed({"collects": "99999.00"}), "collects <= balance"),
    (_changed({"payer": "NOPE"}), "not in the queue's payers"),
    (_changed({"status": "lost"}), "status"),
    (_changed({"notice_date": "2027-01-01"}), "dates must run"),
    (_changed(follow_up_after_days=0), "follow_up_after_days"),
    (_changed(as_of=None), "as_of"),
])
def test_a_damaged_queue_file_is_named_in_plain_words(tmp_path, doc, words):
    path = _write(tmp_path, doc)
    with pytest.raises(QueueDataError, match=words) as info:
        load_work_queue(path)
    assert str(tmp_path) not in str(info.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(QueueDataError, match="not found"):
        load_work_queue(tmp_path / "nope.json")


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(sorted(RAW["claims"][0])), value=JSON, which=st.integers(0, len(RAW["claims"]) - 1))
def test_any_value_in_any_field_loads_or_gives_a_queue_error(tmp_path, field, value, which):
    doc = json.loads(json.dumps(RAW))
    doc["claims"][which][field] = value
    try:
        queue = load_work_queue(_write(tmp_path, doc))
    except QueueDataError as err:
        assert "Traceback" not in str(err) and str(tmp_path) not in str(err)
    else:
        assert len(queue.claims) == len(RAW["claims"])


# --- the chart --------------------------------------------------------------------------------------------------

def test_aging_chart_and_its_summary():
    import matplotlib.pyplot as plt

    before = queue_metrics(QUEUE)
    claim = QUEUE.claim(by_patient("Dov Demo"))  # 90+ days old
    after = queue_metrics(QUEUE, (work_claim(QUEUE, (), claim.claim_id, "alj"),))
    fig, ax = plt.subplots()
    ar_aging_chart(before, after, ax=ax)
    assert len(ax.patches) == 8 and [t.get_text() for t in ax.get_xticklabels()][-1] == "90+ days"
    heights = [p.get_height() for p in ax.patches]
    assert heights[3] - heights[7] == pytest.approx(float(claim.balance))
    assert "42.6" in ax.get_title() and len(ax.get_legend().get_texts()) == 2
    text = aging_summary(before, after)
    assert "90+ days $4,282.00 → $2,802.00" in text and "collected $1,050.00" in text
    plt.close(fig)


# --- the widget -------------------------------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress.json")


def test_widget_order_check_saves_a_score(store):
    w = work_queue(store=store)
    top = w.order()[:3]
    w.picks[0].value, w.picks[1].value = top[0], top[0]
    w.order_button.click()
    assert "3 different claims" in w.order_feedback.value and store.get(SECTION, ORDER_ID) is None
    for pick, claim_id in zip(w.picks, top):
        pick.value = claim_id
    w.order_button.click()
    assert "3 of your 3" in w.order_feedback.value
    assert store.get(SECTION, ORDER_ID) == {"answer": top, "score": 1.0}


def test_the_queue_table_is_a_house_table_keyed_by_claim(store):
    """One header row with the claim first (no 0, 1, 2 ... column), words left, the balance right."""
    widget = work_queue(store=store)
    aligned = column_alignment(widget.table.value)
    assert list(aligned)[:2] == ["Claim", "Patient"] and aligned["Balance"] == "right"
    assert {k for k, v in aligned.items() if v == "right"} == {"Balance"}
    assert ">Q01</th>" in widget.table.value and 'aria-label="The work queue"' in widget.table.value
    # the claim's story at a normal line height, not a widget's double-spaced 28 px rows
    assert '<div class="careerlab-text careerlab-queue-claim" style="line-height:1.45' in widget.detail.value


def test_widget_works_claims_and_saves_the_queue_shape(store):
    w = work_queue(store=store)
    assert "Q01" in w.table.value and "Next deadline" in w.table.value
    w.submit.click()
    assert "Choose an action" in w.feedback.value and store.get(SECTION, WORK_QUEUE) is None
    target = QUEUE.claim(by_patient("Hollis Sample"))
    w.claim_pick.value = target.claim_id
    assert "CO-97" in w.detail.value and "our paraphrase" in w.detail.value
    w.action.value = "reopening"
    w.submit.click()
    assert "right" in w.feedback.value and "$430.00" in w.scoreboard.value
    wrong = QUEUE.claim(by_patient("Ada Demo"))
    w.claim_pick.value = wrong.claim_id
    w.action.value = "replacement-claim"
    w.submit.click()
    assert "not this one" in w.feedback.value and "duplicate" in w.feedback.value
    saved = store.get(SECTION, WORK_QUEUE)
    assert set(saved) == set(QUEUE_SHAPE) | {"score"}
    assert all(isinstance(saved[k], t) for k, t in QUEUE_SHAPE.items())
    total = sum(Decimal(c["balance"]) for c in RAW["claims"])
    expected_days = ((total - target.balance) / (Decimal(RAW["charges_last_90_days"]) / 90)).quantize(Decimal("0.1"))
    assert saved == {"claims": 22, "worked": 2, "right": 1, "collected": 430.0,
                     "days_in_ar": float(expected_days), "score": 1 / 22}
    assert target.claim_id not in [v for _, v in w.claim_pick.options]
    assert f">{target.claim_id}<" not in w.table.value


def test_two_widgets_keep_their_own_queue(tmp_path):
    a = work_queue(store=ProgressStore(tmp_path / "a.json"))
    b = work_queue(store=ProgressStore(tmp_path / "b.json"))
    a.claim_pick.value = a.claim_pick.options[0][1]
    a.action.value = "hold"
    a.submit.click()
    assert len(a.done) == 1 and b.done == () and b.after.ar_total == queue_metrics(QUEUE).ar_total
    assert ProgressStore(tmp_path / "b.json").get(SECTION, WORK_QUEUE) is None


def test_widget_finishes_and_starts_over(store):
    w = work_queue(store=store)
    for claim in QUEUE.claims:
        w.claim_pick.value = claim.claim_id
        w.action.value = claim.right[0]
        w.submit.click()
    assert "Every claim is worked" in w.detail.value and store.get(SECTION, WORK_QUEUE)["score"] == 1.0
    w.submit.click()
    assert "already worked" in w.feedback.value
    w.reset_button.click()
    assert w.done == () and len(w.claim_pick.options) == len(QUEUE.claims)


def test_a_damaged_queue_gives_a_message_not_a_traceback(tmp_path, store, monkeypatch):
    import careerlab.claims.queue_widgets as qw

    def broken():
        raise QueueDataError("work_queue.json: not valid JSON")

    monkeypatch.setattr(qw, "load_work_queue", broken)
    shown = work_queue(store=store)
    assert "could not be read" in shown.value and "not valid JSON" in shown.value


# --- lesson 07 shows the worked queue ---------------------------------------------------------------------------

def test_the_exported_queue_shows_in_the_class_dashboard(tmp_path):
    from careerlab.classroom import parse_results
    from careerlab.classroom.widgets import class_dashboard

    store = ProgressStore(tmp_path / "home" / "progress.json")
    w = work_queue(store=store)
    for claim in QUEUE.claims[:4]:  # right, wrong, right, wrong
        w.claim_pick.value = claim.claim_id
        w.action.value = claim.right[0] if QUEUE.claims.index(claim) % 2 == 0 else "bill-patient"
        w.submit.click()
    folder = tmp_path / "class"
    folder.mkdir()
    store.export(folder / "ana.json", learner="Ana Queue")
    row = parse_results((folder / "ana.json").read_bytes())
    assert row["activity:work-queue"] == pytest.approx(100 * 2 / len(QUEUE.claims)) and row["notes"] == []
    table = class_dashboard(folder).table.value
    assert "Work queue 03 (%)" in table and f">{100 * 2 / len(QUEUE.claims):.0f}<" in table
    from careerlab.classroom import class_table, load_class_results, results_table

    df, problems = load_class_results(folder)
    assert problems == [] and "Work queue 03 (%)" in list(results_table(df).columns)
    assert class_table(df, names=True)["activity:work-queue"].iloc[0] == round(100 * 2 / len(QUEUE.claims), 1)


@pytest.mark.parametrize("saved", [None, "x", {"score": 2}, {**dict.fromkeys(QUEUE_SHAPE, 1), "score": True},
                                   {**dict.fromkeys(QUEUE_SHAPE, -1), "score": 0.5}])
def test_a_damaged_queue_result_is_noted_not_shown(saved):
    from careerlab.classroom import parse_results

    doc = {"format": "careerlab-results", "version": 1, "learner": "B",
           "progress": {SECTION: {WORK_QUEUE: saved}}}
    row = parse_results(json.dumps(doc).encode())
    assert "activity:work-queue" not in row and "work queue 03 result is damaged" in row["notes"][0]


def test_the_table_never_shows_a_misleading_deadline():
    """A claim whose work has no clock shows its filing limit: never one within 30 days unless it has passed."""
    from careerlab.claims.queue import shown_deadline

    for claim in QUEUE.claims:
        if deadline(QUEUE, claim) is None:
            left = (shown_deadline(QUEUE, claim) - AS_OF).days
            assert left < 0 or left > 30, claim.claim_id


def test_lesson_03_ends_its_body_with_the_work_queue():
    nb = json.loads((data_path("claims").parents[1] / "notebooks" / "03-the-medical-biller.ipynb").read_text("utf-8"))
    headings = [line for c in nb["cells"] if c["cell_type"] == "markdown"
                for line in "".join(c["source"]).splitlines() if line.startswith("## ")]
    assert headings[-4:] == ["## Your work queue", "## Self-check", "## Key points", "## What's next"]
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert any("work_queue()" in text for text in code)
    assert not any("rejection_text(" in text or "ar_aging_chart(" in text for text in code)  # on demand, not at Run All


def test_the_verdict_on_a_worked_claim_sits_above_the_next_claim(store):
    """After Submit the widget moves on to the next claim; the feedback on the claim just worked is
    shown above the claim picker, so it never reads as the verdict on the next claim's story."""
    w = work_queue(store=store)
    kids = list(w.children)
    assert kids.index(w.scoreboard) < kids.index(w.feedback) < kids.index(w.claim_pick) < kids.index(w.detail)
    first = w.claim_pick.value
    w.action.value = w.action.options[0][1]
    w.submit.click()
    assert w.claim_pick.value != first and f"{first}:" in w.feedback.value


def test_the_aging_chart_after_decisions_that_moved_no_money_says_what_happened(store):
    """Wrong decisions (or a hold) leave the A/R as it was: the sentence says so, not "Nothing has changed yet"."""
    w = work_queue(store=store)
    for claim_id, action in (("Q01", "hold"), ("Q05", "check-status")):  # wrong, and they move no money
        w.claim_pick.value = claim_id
        w.action.value = action
        w.submit.click()
    w.aging_button.click()
    assert len(w.done) == 2 and w.after == w.before
    assert "Your 2 decisions so far collected nothing and adjusted nothing off" in w.aging.value
    assert "Nothing has changed yet" not in w.aging.value
    assert "Your decision so far" in aging_summary(w.before, w.before, 1)


def test_the_aging_summary_before_any_work_says_how_to_see_a_change(store):
    """Drawn before any claim is worked, the aging chart's sentence says so and what to do, instead of
    a "before → after" with nothing changed."""
    w = work_queue(store=store)
    text = aging_summary(w.before, w.after)
    assert "Nothing has changed yet" in text and "press Draw the A/R by age again" in text and "→" not in text
    w.action.value = "write-off-contractual"  # right or wrong, it takes the claim out of A/R
    w.submit.click()
    assert "→" in aging_summary(w.before, w.after)


def test_the_aging_chart_is_drawn_when_asked_with_its_sentence_and_cleared_when_out_of_date(store):
    """Run All draws no aging chart (it costs a tenth of a second a learner does not need yet); the button
    draws it from this widget's own decisions, with alt text and the summary under it."""
    w = work_queue(store=store)
    kids = list(w.children)
    assert w.aging.value == ""
    assert kids.index(w.aging_button) < kids.index(w.aging) < kids.index(w.handin)
    w.aging_button.click()
    assert '<img class="careerlab-aging-chart"' in w.aging.value and 'alt="' in w.aging.value
    assert "Nothing has changed yet" in w.aging.value
    claim = QUEUE.claim(by_patient("Dov Demo"))  # 90+ days old, its right action collects
    w.claim_pick.value, w.action.value = claim.claim_id, "alj"
    w.submit.click()
    assert w.aging.value == ""  # a chart of the queue before this decision would mislead
    w.aging_button.click()
    expected = aging_summary(w.before, w.after)
    assert "→" in expected and html.escape(expected) in w.aging.value
    w.reset_button.click()
    assert w.aging.value == ""


def test_every_queue_patient_has_an_obviously_made_up_name():
    # synthetic-data rule: no name a living person may carry; same style as visits.json (Avery Sample, Riley Demo)
    made_up = {"Sample", "Example", "Demo", "Testcase", "Fictional", "Madeup", "Placeholder", "Pretend"}
    for claim in RAW["claims"]:
        assert claim["patient"].split()[-1] in made_up, claim["patient"]


def test_the_queue_tables_columns_say_what_they_hold(store):
    """Walk's finding (issue 16): "Billed" held a date, and "Balance ($)" wrote "$" in every cell too.
    The date column is "First billed" (the age counts from it) and holds dates; "Balance" has the "$"
    in its cells only, and is still right-aligned as money."""
    widget = work_queue(store=store)
    aligned = column_alignment(widget.table.value)
    assert "Billed" not in aligned and "Balance ($)" not in aligned
    frame = queue_table(widget.queue)
    assert all(date.fromisoformat(v) for v in frame["First billed"])
    first = widget.queue.claims[0]
    assert (widget.queue.as_of - date.fromisoformat(frame.loc[first.claim_id, "First billed"])).days \
        == frame.loc[first.claim_id, "Age (days)"]
    assert frame["Balance"].str.fullmatch(r"\$[\d,]+\.\d\d").all() and aligned["Balance"] == "right"
