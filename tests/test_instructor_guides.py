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
    assert set(c.strip() for c in services.split(",")) == set(note.services), f"{note.id}: services"
    assert set(", ".join(optional).split(", ")) - {""} == set(note.optional), f"{note.id}: optional codes"
    assert grade_note(note, required, services).score == 1.0


def lesson_exercises(lesson: str) -> dict[str, dict]:
    """{exercise id: {item or None: expected}} for the exercises a lesson has (from data/)."""
    number = lesson[:2]
    if number == "01":
        return {"who-does-it": _who_does_it()}
    if number == "02":
        return {**{nid: {None: note} for nid, note in _notes().items()}, "code-set-drill": _drill()}
    if number == "03":
        return {eid: {None: share} for eid, share in _share_exercises().items()}
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


def _em_time(item: str) -> str:
    from careerlab.codes.em import em_code_by_time

    kind, minutes = item.split("-")
    return str(em_code_by_time(int(minutes), new_patient=kind == "new"))


def _em_mdm(item: str) -> str:
    from careerlab.codes.em import em_level_by_mdm

    return em_level_by_mdm(*item.split("/"))


def _code_set(item: str) -> str:
    from careerlab.codes import code_set_of

    return str(code_set_of(item))


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
}


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_figure_a_guide_quotes_matches_the_data(lesson):
    for name, item, text in marks(guide(lesson), "Value"):
        assert name in VALUES, f"{lesson}: no check for the figure {name!r} (add it to VALUES)"
        assert VALUES[name](item) == text, f"{lesson}: {name} {item or ''} is {VALUES[name](item)!r}, the guide says {text!r}"


def test_readme_links_every_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For instructors", 1)[1].split("\n## ", 1)[0]
    for lesson in LESSONS:
        assert f"(instructors/{lesson}.md)" in section, f"the README's For instructors section does not link {lesson}"
    assert "(instructors/presenting.md)" in section
