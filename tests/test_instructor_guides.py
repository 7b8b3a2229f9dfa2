"""The instructor guides (instructors/NN-<lesson>.md) are checked like the lessons.

Each guide gives its answers in one fixed markup, one per line (a list item is fine):

    **Answer <question id>:** <answer>            a knowledge-check question: the text of the right
                                                  option(s) joined by " | ", or the number or word to type
    **Exercise <exercise id>[ <item>]:** <answer> an exercise (or one item of it), as the lesson grades it
    **Value <name>[ <item>]:** <value>            a figure the guide quotes, recomputed here from data/

Every answer is graded with the package's own grading against the answer key in data/, so a guide
and the data cannot drift apart without a test failing.
"""
from __future__ import annotations

import ast
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from careerlab.quiz import grade, lesson_bank_path, load_bank

ROOT = Path(__file__).resolve().parents[1]
GUIDES = ROOT / "instructors"
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
MARK = re.compile(r"^\s*(?:[-*]\s+)?\*\*(Answer|Exercise|Value) ([^\s:*]+)(?: ([^:*]+))?:\*\* (.+?)\s*$", re.M)
QUESTION_ID = re.compile(r"\bq-[a-z]+-[a-z0-9]+\b")
HEADINGS = ("## Timed plan", "## Discussion prompts", "## Common misconceptions", "## Answers: knowledge check",
            "## Answers: exercises", "## Adapting the lesson")
CPT_NOTICE = "CPT® is a registered trademark of the American Medical Association."


def guide_path(lesson: str) -> Path:
    return GUIDES / f"{lesson}.md"


def guide(lesson: str) -> str:
    return guide_path(lesson).read_text(encoding="utf-8")


def marks(text: str, kind: str) -> list[tuple[str, str | None, str]]:
    return [(m[2], m[3], m[4]) for m in MARK.finditer(text) if m[1] == kind]


def all_banks() -> dict[str, object]:
    return {p.stem: load_bank(p) for p in sorted((ROOT / "data" / "quizzes").glob("[0-9][0-9]-*.json"))}


def money(text: str) -> Decimal:
    return Decimal(text.replace("$", "").replace(",", "").strip())


def test_every_lesson_has_a_guide():
    assert len(LESSONS) == 8
    missing = [lesson for lesson in LESSONS if not guide_path(lesson).is_file()]
    assert not missing, f"no instructor guide for {missing}: add instructors/<lesson>.md"


@pytest.mark.parametrize("lesson", LESSONS)
def test_guide_has_every_part(lesson):
    text = guide(lesson)
    assert text.startswith("# Instructor guide: " + lesson[:2])
    for heading in HEADINGS:
        assert heading in text, f"{lesson}: the guide has no '{heading}' section"
    assert "50-minute" in text and "**Extension:**" in text
    assert f"notebooks/{lesson}.ipynb" in text, "a guide links its lesson"
    if re.search(r"\b99\d{3}\b|\bCPT\b", text):
        assert CPT_NOTICE in text, f"{lesson}: a guide that names CPT codes carries the AMA trademark notice"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_question_named_exists(lesson):
    known = {q.id for bank in all_banks().values() for q in bank.questions}
    named = set(QUESTION_ID.findall(guide(lesson)))
    assert named - known == set(), f"{lesson}: the guide names questions no bank has"


@pytest.mark.parametrize("lesson", LESSONS)
def test_misconceptions_name_the_questions_that_reveal_them(lesson):
    text = guide(lesson)
    part = text.split("## Common misconceptions", 1)[1].split("\n## ", 1)[0]
    ids = {q.id for q in load_bank(lesson_bank_path(lesson)).questions}
    assert set(QUESTION_ID.findall(part)) & ids, f"{lesson}: name the quiz questions that reveal each misconception"


def _choice_ids(question, text: str) -> list[str]:
    by_text = {o.text: o.id for o in question.options}
    wanted = [part.strip() for part in text.split(" | ")]
    unknown = [w for w in wanted if w not in by_text]
    assert not unknown, f"{question.id}: {unknown} is not the text of any option of this question"
    return [by_text[w] for w in wanted]


def _answer_for_grading(question, text: str):
    if question.type == "single":
        ids = _choice_ids(question, text)
        assert len(ids) == 1, f"{question.id} has one right option"
        return ids[0]
    if question.type == "multiple":
        return tuple(_choice_ids(question, text))
    if question.type == "numeric":
        return text.replace("$", "").strip()
    return text


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_question_is_answered_and_the_answer_matches_the_bank(lesson):
    bank = load_bank(lesson_bank_path(lesson))
    given = marks(guide(lesson), "Answer")
    by_id = {qid: answer for qid, _item, answer in given}
    assert len(by_id) == len(given), f"{lesson}: a question is answered twice"
    questions = {q.id: q for q in bank.questions}
    assert set(by_id) - set(questions) == set(), f"{lesson}: answers for questions this lesson's bank lacks"
    for qid in questions:
        assert qid in by_id, (f"instructors/{lesson}.md gives no answer for {qid}: add a line "
                              f"'- **Answer {qid}:** ...' with the right answer")
    for qid, text in by_id.items():
        question = questions[qid]
        result = grade(question, _answer_for_grading(question, text))
        assert result.correct, f"{lesson}: the guide's answer to {qid} ({text!r}) is not the bank's answer"


def test_a_wrong_answer_in_a_guide_would_fail():
    """The check above can fail: a changed option text or number is not accepted."""
    bank = load_bank(lesson_bank_path("01-two-roles"))
    q7 = next(q for q in bank.questions if q.id == "q-roles-7")
    assert not grade(q7, _answer_for_grading(q7, "$67.70")).correct
    q1 = next(q for q in bank.questions if q.id == "q-roles-1")
    with pytest.raises(AssertionError):
        _choice_ids(q1, "The coder")
    text = "- **Answer q-x-1:** A | B\n**Exercise who-does-it note:** Coder\n"
    assert marks(text, "Answer") == [("q-x-1", None, "A | B")]
    assert marks(text, "Exercise") == [("who-does-it", "note", "Coder")]


# ---- exercises: what each lesson has, from its data, and how an answer is checked ----

def _who_does_it():
    from careerlab.roles.data import load_exercise

    exercise = load_exercise()
    labels = json.loads((ROOT / "data" / "roles" / "who_does_it.json").read_text(encoding="utf-8"))["choices"]
    return {t.id: labels[t.answer] for t in exercise.tasks}


def _task_sort():
    from careerlab.compare.data import load_tasks

    return {t.id: t.answer.capitalize() for t in load_tasks()}


def _drill():
    from careerlab.codes.drill import DRILL

    return dict(DRILL)


def _share_exercises():
    """The share exercises of lesson 03, as the notebook calls them: {id: patient share}."""
    from careerlab.claims import split_allowed

    cells = json.loads((ROOT / "notebooks" / "03-the-medical-biller.ipynb").read_text(encoding="utf-8"))["cells"]
    found = {}
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or "share_exercise(" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "share_exercise":
                args = [ast.literal_eval(a) for a in node.args]
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
                exercise_id, _prompt, allowed, deductible, coinsurance = args[:5]
                found[exercise_id] = split_allowed(allowed, deductible, coinsurance,
                                                   copay=kwargs.get("copay", 0),
                                                   oop_remaining=kwargs.get("oop_remaining"))[0]
    return found


def _notes():
    from careerlab.codes.data import load_notes

    return {n.id: n for n in load_notes()}


def _check_note(note, text: str) -> None:
    from careerlab.codes.exercises import grade_note

    diagnoses, services = (part.strip() for part in text.split(";"))
    optional = re.findall(r"\(optional ([^)]+)\)", diagnoses)
    required = re.sub(r"\s*\(optional [^)]+\)", "", diagnoses)
    assert set(c.strip() for c in required.split(",")) == set(note.diagnoses), f"{note.id}: diagnoses"
    from careerlab.codes.normalize import split_modifiers

    assert {split_modifiers(c)[0] for c in services.split(",")} == set(note.services), f"{note.id}: services"
    assert set(", ".join(optional).split(", ")) - {""} == set(note.optional), f"{note.id}: optional codes"
    assert grade_note(note, required, services).score == 1.0


def _modifier_drill():
    from careerlab.codes.modifiers import MODIFIER_DRILL

    return {q.id: q.answer for q in MODIFIER_DRILL}


def _process_exercises():
    """Lesson 03's processes around the claim: {id: {item: the right option's text or the amount}}."""
    from careerlab.claims.process_text import exercises, secondary_result

    found = {eid: {None: next(text for oid, text, _why in e["options"] if oid == e["answer"])}
             for eid, e in exercises().items()}
    result = secondary_result()
    found["secondary-claim"] = {"paid": result.secondary_paid, "balance": result.patient_balance}
    return found


def _work_queue():
    """Lesson 03's work queue: the priority order (claim ids) and each claim's right action (its key)."""
    from careerlab.claims import load_work_queue, priority_order

    queue = load_work_queue()
    order = ", ".join(r.claim.claim_id for r in priority_order(queue))
    return {"work-queue-order": {None: order},
            "work-queue": {c.claim_id: " or ".join(c.right) for c in queue.claims}}


def lesson_exercises(lesson: str) -> dict[str, dict]:
    """{exercise id: {item or None: expected}} for the exercises a lesson has (from data/)."""
    number = lesson[:2]
    if number == "01":
        return {"who-does-it": _who_does_it()}
    if number == "02":
        return {**{nid: {None: note} for nid, note in _notes().items()}, "code-set-drill": _drill(),
                "modifier-drill": _modifier_drill()}
    if number == "03":
        return {**{eid: {None: share} for eid, share in _share_exercises().items()}, **_process_exercises(),
                **_work_queue()}
    if number == "04":
        return {"task-sort": _task_sort()}
    return {}


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_exercise_is_answered_and_matches_the_data(lesson):
    expected = lesson_exercises(lesson)
    given = marks(guide(lesson), "Exercise")
    seen = {(eid, item) for eid, item, _ in given}
    for eid, items in expected.items():
        for item in items:
            assert (eid, item) in seen, (f"instructors/{lesson}.md gives no answer for exercise {eid}"
                                         f"{' ' + item if item else ''}")
    for eid, item, text in given:
        assert eid in expected and item in expected[eid], f"{lesson}: no exercise {eid} {item or ''} in this lesson"
        want = expected[eid][item]
        if eid.startswith("vn-"):
            _check_note(want, text)
        elif isinstance(want, Decimal):
            assert money(text) == want, f"{lesson}: exercise {eid} is {want}, the guide says {text}"
        else:
            assert text == want, f"{lesson}: exercise {eid} {item}: the data says {want!r}, the guide {text!r}"


# ---- figures a guide quotes ----

def _visit_line(column: str) -> str:
    from careerlab.claims import fmt_money
    from careerlab.roles import load_visit, price_visit

    return fmt_money(price_visit(load_visit()).iloc[0][column])


def _stages(owner: str | None) -> str:
    from careerlab.roles import load_stages

    return str(sum(1 for s in load_stages() if owner is None or s.owner == owner))


def _split(item: str) -> str:
    from careerlab.claims import fmt_money, split_allowed

    allowed, deductible, coinsurance = item.split("/")
    return fmt_money(split_allowed(allowed, deductible, coinsurance)[0])


def _em_time(item: str) -> str:  # "established-25"
    from careerlab.codes.em import em_code_by_time

    kind, minutes = item.split("-")
    return str(em_code_by_time(int(minutes), new_patient=kind == "new"))


def _em_mdm(item: str) -> str:
    from careerlab.codes.em import em_level_by_mdm

    return em_level_by_mdm(*item.split("/"))


def _code_set(item: str) -> str:
    from careerlab.codes import code_set_of

    return str(code_set_of(item))


def _scrub(visit: str) -> str:
    from careerlab.claims import load_visits, scrub

    rules = sorted({f.rule for f in scrub(load_visits()[visit])})
    return ", ".join(rules) or "none"


def _first_adjustment(claim) -> str:
    from careerlab.claims import adjudicate

    group, reason, _amount = adjudicate(claim).iloc[0]["adjustments"][0]
    return f"{group}-{reason}"


def _denied(visit: str) -> str:
    from careerlab.claims import load_visits

    return _first_adjustment(load_visits()[visit])


def _scrub_after_fix(visit: str) -> str:
    """The claim builder's fixes the guide gives: V04 M54.50 for M54.5; V07 the lesson's example NPI and POS 11
    on line 2."""
    import dataclasses

    from careerlab.claims import load_visits, replace_line, scrub

    claim = load_visits()[visit]
    if visit == "V04":
        claim = dataclasses.replace(claim, diagnoses=tuple("M54.50" if d == "M54.5" else d for d in claim.diagnoses))
    elif visit == "V07":
        claim = replace_line(dataclasses.replace(claim, rendering_npi="9990000033"), 2, place_of_service="11")
    return ", ".join(sorted({f.rule for f in scrub(claim)})) or "none"


def _line_2(visit: str) -> str:
    from careerlab.claims import adjudicate, load_visits

    group, reason, _amount = adjudicate(load_visits()[visit]).iloc[1]["adjustments"][0]
    return f"{group}-{reason}"


def _sequestration(item: str) -> str:  # "30.81": the CO-253 cut of that payment at Medicare's 2 %
    from careerlab.claims import fmt_money, sequestration_cut

    return fmt_money(sequestration_cut(item, "0.02"))


def _remit_paid(item: str) -> str:  # "V01-1": what the payer pays on line 1 of V01 as keyed
    from careerlab.claims import adjudicate, fmt_money, load_visits

    visit, line = item.split("-")
    return fmt_money(adjudicate(load_visits()[visit]).iloc[int(line) - 1]["paid"])


def _corrected_paid(visit: str) -> str:
    from careerlab.claims import adjudicate, fmt_money, load_visits, replace_line

    return fmt_money(adjudicate(replace_line(load_visits()[visit], 1, modifiers=("25",))).iloc[0]["paid"])


def _queue_metric(item: str) -> str:
    """Lesson 03's work queue before any decision, and after every claim is worked with its right action."""
    from careerlab.claims import fmt_money, load_work_queue
    from careerlab.claims.queue_work import queue_metrics, work_claim

    queue, done = load_work_queue(), ()
    when, what = item.split("-", 1)
    if when == "after":
        for claim in queue.claims:
            done += (work_claim(queue, done, claim.claim_id, claim.right[0]),)
    metrics = queue_metrics(queue, done)
    return {"ar": fmt_money(metrics.ar_total), "days": f"{metrics.days_in_ar}", "collected": fmt_money(metrics.collected),
            "written-off": fmt_money(metrics.written_off), "open": str(metrics.open_claims)}[what]


def _corrected_allowed(visit: str) -> str:
    from careerlab.claims import adjudicate, fmt_money, load_visits, replace_line

    return fmt_money(adjudicate(replace_line(load_visits()[visit], 1, modifiers=("25",))).iloc[0]["allowed"])


def _fee_schedule(item: str) -> str:
    from careerlab.claims import fee_schedule_amount, fmt_money

    work, pe, mp, *gpci = (Decimal(x) for x in item.split("/"))
    return fmt_money(fee_schedule_amount(work, pe, mp, gpci=tuple(gpci)))


def _rate(item: str) -> str:
    from careerlab.claims import rate_percent

    numerator, denominator = (int(x) for x in item.split("/"))
    return str(rate_percent(numerator, denominator, "rate"))


def _pay_outlook(text: str) -> str:
    from careerlab.compare import pay_outlook_lines

    lines = "\n".join(pay_outlook_lines())
    return text if text in lines else f"(not in the lesson's figures: {lines})"


def _riasec(area: str) -> str:
    from careerlab.compare import riasec_difference_table

    return str(riasec_difference_table().loc[area].iloc[-1])


def _items():
    from careerlab.assessment import load_items

    return load_items()


def _robin(item: str | None, changes: dict | None = None):
    from careerlab.assessment import explain_fit, load_example_responses, score

    return explain_fit(score({**load_example_responses(), **(changes or {})}))


def _robin_headline(_item) -> str:
    from careerlab.assessment import fit_headline

    return fit_headline(_robin(None), who="Robin")


def _item_points(item: str) -> str:
    from careerlab.assessment.scoring import item_points

    answer, _, reversed_ = item.partition("-")
    return f"{item_points(int(answer), reversed_ == 'reversed'):g}"


def _per_trait(_item) -> str:
    counts = {}
    for i in _items():
        counts[i.trait] = counts.get(i.trait, 0) + 1
    assert len(set(counts.values())) == 1, "every trait has the same number of statements"
    return str(next(iter(counts.values())))


def _sim(**params):
    from careerlab.simulation import simulate_claims

    return simulate_claims(20_000, seed=6, **params)


def _sim_kpi(key: str) -> str:
    from careerlab.simulation.kpis import format_kpi, revenue_kpis

    return format_kpi(key, revenue_kpis(_sim(coding_error_rate=0.08))[key])


def _sim_extra_cents(item: str) -> int:
    from careerlab.simulation import compare_collections

    if item == "coder":
        return compare_collections(_sim(coding_error_rate=0.10), _sim(coding_error_rate=0.02))
    return compare_collections(_sim(followup_days=45), _sim(followup_days=7))


def _sim_extra(item: str) -> str:
    from careerlab.simulation import dollars

    return dollars(_sim_extra_cents(item))


def _sample():
    from careerlab.classroom import load_class_results
    from careerlab.paths import sample_class_folder

    return load_class_results(sample_class_folder())


def _sample_split(_item) -> str:
    from careerlab.classroom import role_fit_split

    split = role_fit_split(_sample()[0])
    return (f"leaning to coding {split['leans to coding']}, leaning to billing {split['leans to billing']}, "
            f"about equal {split['about equal']}, not taken {split['not taken yet']}")


def _sample_missed(_item) -> str:
    from careerlab.classroom import most_missed

    return ", ".join(most_missed(_sample()[0], top=3)["question"])


def _sharing_live(_item) -> str:
    from careerlab.classroom.live import shares_live

    folder = ROOT / "data" / "class-sample"
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("careerlab-results-learner-*.json")]
    return str(sum(shares_live(d["progress"]) for d in docs))


def _profile(trait: str) -> str:
    from careerlab.assessment import load_role_profiles

    p = load_role_profiles()
    return f"coder {p['coder'][trait]:g}, biller {p['biller'][trait]:g}"


def _next_steps(outcome: str) -> str:
    doc = json.loads((ROOT / "data" / "assessment" / "next_steps.json").read_text(encoding="utf-8"))
    shown = []
    for cert in doc["outcomes"][outcome]["certifications"]:
        short = re.search(r"\(([A-Z]+)\)$", cert["body"])
        shown.append(f"{cert['name'].split(' (')[0]} ({short.group(1) if short else cert['body']})")
    return ", ".join(shown)


VALUES = {
    "visit-allowed": lambda _i: _visit_line("allowed"),
    "visit-patient": lambda _i: _visit_line("patient_share"),
    "visit-payer": lambda _i: _visit_line("paid"),
    "visit-written-off": lambda _i: _visit_line("written_off"),
    "cycle-stages": lambda _i: _stages(None),
    "cycle-biller-stages": lambda _i: _stages("biller"),
    "cycle-coder-stages": lambda _i: _stages("coder"),
    "split": _split,
    "em-time": _em_time,
    "em-mdm": _em_mdm,
    "code-set": _code_set,
    "scrub": _scrub,
    "denied": _denied,
    "corrected-allowed": _corrected_allowed,
    "queue": _queue_metric,
    "sequestration": _sequestration,
    "remit-paid": _remit_paid,
    "corrected-paid": _corrected_paid,
    "scrub-after-fix": _scrub_after_fix,
    "line-2-as-keyed": _line_2,
    "fee-schedule": _fee_schedule,
    "rate": _rate,
    "riasec-difference": _riasec,
    "pay-outlook": _pay_outlook,
    "item-points": _item_points,
    "statements": lambda _i: str(len(_items())),
    "statements-per-trait": _per_trait,
    "reversed-statements": lambda _i: str(sum(i.reverse for i in _items())),
    "close-margin": lambda _i: f"{__import__('careerlab.assessment.model', fromlist=['x']).CLOSE_MARGIN:g}",
    "robin-fit": lambda role: str(round(_robin(None).fit[role])),
    "robin-headline": _robin_headline,
    "robin-ps3-5": lambda role: str(round(_robin(None, {"ps3": 5}).fit[role])),
    "profile": _profile,
    "next-steps": _next_steps,
    "sim-kpi": _sim_kpi,
    "sim-extra": _sim_extra,
    "sim-extra-per-claim": lambda item: f"${_sim_extra_cents(item) / 100 / 20_000:.2f}",
    "sample-loaded": lambda _i: str(len(_sample()[0])),
    "sample-problems": lambda _i: str(len(_sample()[1])),
    "sample-split": _sample_split,
    "sample-most-missed": _sample_missed,
    "sample-sharing-live": _sharing_live,
    "live-threshold": lambda _i: str(__import__("careerlab.classroom.live", fromlist=["x"]).MIN_ANSWERS),
}


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_figure_a_guide_quotes_matches_the_data(lesson):
    for name, item, text in marks(guide(lesson), "Value"):
        if name == "pay-outlook":
            item = text
        assert name in VALUES, f"{lesson}: no check for the figure {name!r} (add it to VALUES)"
        assert VALUES[name](item) == text, f"{lesson}: {name} {item or ''} is {VALUES[name](item)!r}, the guide says {text!r}"


def test_the_work_queue_answers_can_fail():
    """A guide's queue answers are checked against the data: a wrong action or order is not accepted."""
    queue = _work_queue()
    assert len(queue["work-queue"]) == 22 and len(queue["work-queue-order"][None].split(", ")) == 22
    assert queue["work-queue"]["Q03"] != "write-off-contractual"
    assert not queue["work-queue-order"][None].startswith("Q03")


def test_the_claim_builder_example_npi_is_a_valid_synthetic_npi():
    """The NPI the guide and lesson 03 suggest for V07 passes the Luhn check with the prefix 80840."""
    def luhn_ok(digits: str) -> bool:
        total = sum(sum(divmod(int(d) * 2, 10)) if i % 2 else int(d) for i, d in enumerate(reversed(digits)))
        return total % 10 == 0

    assert luhn_ok("80840" + "9990000033")
    assert not luhn_ok("80840" + "9990000037")


def test_readme_links_every_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For instructors", 1)[1].split("\n## ", 1)[0]
    for lesson in LESSONS:
        assert f"(instructors/{lesson}.md)" in section, f"the README's For instructors section does not link {lesson}"
    assert "(instructors/presenting.md)" in section
