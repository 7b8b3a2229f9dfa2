"""Office-visit levels. Thresholds are the 2024 CPT values from CONTENT_BRIEF section 3 (typed
here from the brief, not copied from the code): new 15/30/45/60, established 10/20/30/40."""
import pytest

from careerlab.codes import em_code_by_mdm, em_code_by_time, em_level_by_mdm, em_table, time_thresholds

NEW = {"99202": 15, "99203": 30, "99204": 45, "99205": 60}
EST = {"99212": 10, "99213": 20, "99214": 30, "99215": 40}


def test_data_file_matches_the_brief():
    assert time_thresholds(True) == NEW and time_thresholds(False) == EST
    table = em_table()
    assert "2024" in table["source"] and table["not_by_time_or_mdm"] == ["99211"]


@pytest.mark.parametrize("new_patient,table", [(True, NEW), (False, EST)])
def test_every_boundary(new_patient, table):
    codes = list(table)
    for i, (code, minutes) in enumerate(table.items()):
        below = codes[i - 1] if i else None
        assert em_code_by_time(minutes, new_patient) == code  # met
        assert em_code_by_time(minutes - 1, new_patient) == below  # one minute short
        assert em_code_by_time(minutes + 0.5, new_patient) == code  # exceeded


def test_long_visits_stay_at_the_top_level_and_never_99211():
    assert em_code_by_time(200, True) == "99205" and em_code_by_time(200, False) == "99215"
    assert all(em_code_by_time(m, False) != "99211" for m in range(0, 120))
    assert em_code_by_time(0, False) is None and em_code_by_time(9, False) is None


@pytest.mark.parametrize("typed,expected", [("25", "99213"), (" 25 min ", "99213"), ("30 minutes", "99214")])
def test_minutes_as_text(typed, expected):
    assert em_code_by_time(typed, False) == expected


@pytest.mark.parametrize("bad,words", [("", "empty"), ("abc", "not a number"), (-5, "negative"), (None, "number"),
                                       (True, "number"), (float("nan"), "number")])
def test_bad_minutes_give_plain_messages(bad, words):
    with pytest.raises(ValueError, match=words):
        em_code_by_time(bad, False)


@pytest.mark.parametrize("p,d,r,level", [
    ("high", "low", "straightforward", "low"),  # sorted: s, l, h -> middle is low
    ("moderate", "moderate", "straightforward", "moderate"),
    ("high", "high", "high", "high"),
    ("straightforward", "high", "moderate", "moderate"),
    ("low", "straightforward", "straightforward", "straightforward"),
    ("HIGH", " Moderate ", "high", "high"),
])
def test_two_of_three_rule(p, d, r, level):
    assert em_level_by_mdm(p, d, r) == level


def test_mdm_level_to_code_same_for_new_and_established():
    assert [em_code_by_mdm(lv, True) for lv in ("straightforward", "low", "moderate", "high")] == list(NEW)
    assert [em_code_by_mdm(lv, False) for lv in ("straightforward", "low", "moderate", "high")] == list(EST)


@pytest.mark.parametrize("bad", ["", "medium", None, 3])
def test_bad_mdm_level(bad):
    with pytest.raises(ValueError, match="Choose the"):
        em_level_by_mdm(bad, "low", "low")


def test_lesson_02_teaches_the_emergency_visit_family_the_shift_bills():
    """Issue 16: the shift's ED charts bill 99284, but the lesson only taught office visits."""
    import json
    import re
    from pathlib import Path

    from careerlab.codes import practice_cases
    from careerlab.codes.placement import ED_VISITS

    billed = {k.code for c in practice_cases() if c.setting == "emergency" for k in c.services}
    assert billed & ED_VISITS
    lesson = Path(__file__).resolve().parents[1] / "notebooks" / "02-the-medical-coder.ipynb"
    cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    taught = [p for p in text.split("\n\n") if re.search(r"`?99281`?\s*[–-]\s*`?99285`?", p)]
    assert taught, "lesson 02 never names the emergency-department visit codes 99281-99285"
    said = taught[0].lower()
    assert "emergency department" in said and "decision making" in said and "time" in said
    assert "source" in said and re.search(r"\b20\d\d\b", said)


def test_quiz_mdm_questions_use_each_elements_own_level_names():
    """A self-check question that gives the three MDM elements names each one's level in the words the
    lesson teaches for that element (data "limited", not "low"; risk "minimal", not "straightforward"),
    and its key is the level the 2-of-3 rule gives."""
    import json
    import re

    from careerlab.codes.em import MDM_ELEMENT_LEVELS, MDM_LEVELS
    from careerlab.paths import data_path

    pattern = re.compile(r"problems are ([a-z ]+?), the data are ([a-z ]+?) and the risk is ([a-z ]+?)\.")
    found = 0
    for path in sorted(data_path("quizzes").glob("*.json")):
        for q in json.loads(path.read_text(encoding="utf-8"))["questions"]:
            match = pattern.search(q["prompt"])
            if not match:
                continue
            found += 1
            ranks = []
            for element, word in zip(("problems", "data", "risk"), match.groups()):
                assert word in MDM_ELEMENT_LEVELS[element], (q["id"], element, word)
                ranks.append(MDM_ELEMENT_LEVELS[element].index(word))
            expected = MDM_LEVELS[sorted(ranks)[1]]  # the level at least two elements meet or exceed
            assert em_level_by_mdm(*(MDM_LEVELS[r] for r in ranks)) == expected
            key = next(o["text"] for o in q["options"] if o["id"] == q["answer"])
            assert key.lower() == expected, q["id"]
    assert found >= 1


def test_every_visit_code_the_shift_bills_is_taught_in_lesson_02():
    """The walk's finding: the shift's check-up charts bill 99397 and G0439, but only their answer keys
    explained them. Each visit code (99xxx, and Medicare's G04xx wellness visits) the shift bills is
    named in lesson 02's text, itself or inside a range the lesson gives (`99202`–`99205`)."""
    import json
    import re
    from pathlib import Path

    from careerlab.codes import practice_cases

    billed = {k.code for c in practice_cases() for k in c.services
              if k.code.startswith("99") or k.code.startswith("G04")}
    assert {"99397", "G0439"} <= billed
    lesson = Path(__file__).resolve().parents[1] / "notebooks" / "02-the-medical-coder.ipynb"
    cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    named = set(re.findall(r"`([0-9A-Z]{5})`", text))
    ranges = [(int(a), int(b)) for a, b in re.findall(r"`(\d{5})`\s*[–-]\s*`(\d{5})`", text)]
    untaught = sorted(c for c in billed if c not in named
                      and not any(c.isdigit() and a <= int(c) <= b for a, b in ranges))
    assert not untaught, f"the shift bills visit codes lesson 02 never names: {untaught}"
