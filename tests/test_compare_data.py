"""Side-by-side data: loads, carries sources and years, and fails clearly when damaged."""
import json

import pytest

from careerlab.compare import (
    RIASEC, CompareDataError, grade_task_sort, load_pay_outlook, load_riasec, load_side_by_side, load_tasks,
    pay_outlook_lines, side_by_side_html)
from careerlab.compare import data as data_mod
from careerlab.compare.model import Task
from careerlab.paths import data_path


def test_table_covers_the_aspects_the_issue_asks_for():
    ids = {a.id for a in load_side_by_side()}
    assert ids >= {"daily-tasks", "setting", "contacts", "independence", "skills", "certification", "pay", "interests"}
    assert all(a.source for a in load_side_by_side())


def test_certification_row_names_the_awarding_bodies():
    row = next(a for a in load_side_by_side() if a.id == "certification")
    for body in ("AAPC", "AHIMA"):
        assert body in row.coder
    for body in ("AAPC", "American Medical Billing Association", "National Healthcareer Association"):
        assert body in row.biller
    assert "not a legal licence" in row.coder
    # issue 14: the revenue-cycle credential, the apprentice status and AHIMA's health-information credentials
    assert "CRCR" in row.biller and "HFMA" in row.biller
    assert "CPC-A" in row.coder and "apprentice" in row.coder and "RHIT" in row.coder and "RHIA" in row.coder


def test_pay_figures_carry_period_and_source_and_only_the_checked_ones():
    data = load_pay_outlook()
    values = {f["measure"]: (f["value"], f["period"]) for f in data["figures"]}
    assert values["Median annual pay"] == (50250, "May 2024")
    assert values["Projected employment change"] == (7, "2024-34")
    assert values["Number of jobs"] == (194800, "2024")
    assert all("Bureau of Labor Statistics" in f["source"] for f in data["figures"])
    assert not any(f["soc"] == "43-3021" for f in data["figures"])  # unverified: left out
    assert data["left_out"][0]["soc"] == "43-3021"


def test_pay_lines_print_figure_period_and_source():
    lines = pay_outlook_lines()
    assert "$50,250 (May 2024)" in lines[0] and "Source: U.S. Bureau of Labor Statistics" in lines[0]
    assert "+7 % (2024-34)" in lines[2]
    assert lines[-1].startswith("Left out: Billing and Posting Clerks")


def test_riasec_matches_the_onet_figures():
    r = load_riasec()
    assert list(r["coder"]) == list(RIASEC)
    # O*NET 29.3 (May 2025) as quoted in ../shared/reference/onet/README.md
    assert (r["coder"]["Conventional"], r["coder"]["Investigative"], r["coder"]["Social"]) == (6.97, 4.33, 3.38)
    assert (r["biller"]["Conventional"], r["biller"]["Enterprising"], r["biller"]["Realistic"]) == (7.0, 2.75, 2.69)


def test_onet_release_is_named_like_the_data_files():
    from careerlab.compare import ONET_ATTRIBUTION
    assert ONET_ATTRIBUTION.startswith("This product includes information from the O*NET 29.3 Database by")
    rows = data_path("compare", "onet_interests.csv").read_text().splitlines()[1:]
    assert all(",O*NET 29.3 Database (May 2025)," in row for row in rows)
    sources = " ".join(a.source + a.coder + a.biller for a in load_side_by_side())
    assert "O*NET 29.3 (" not in sources and "O*NET 29.3," not in sources


def test_day_in_the_life_names_do_not_collide_with_other_lessons():
    # Sam is lesson 01's patient and Robin lesson 05's example learner; lesson 04 uses its own people.
    nb = json.loads((data_path("compare").parents[1] / "notebooks" / "04-side-by-side.ipynb").read_text())
    text = "".join("".join(c["source"]) for c in nb["cells"])
    assert "Priya, a coder" in text and "Marcus, a biller" in text
    for name in ("Sam", "Jordan", "Robin"):
        assert name not in text, name


def test_table_html_escapes_and_has_a_row_per_aspect():
    aspects = load_side_by_side()
    html = side_by_side_html()
    assert html.count("<tr><th scope='row'") == len(aspects)
    assert "<script>" not in side_by_side_html([aspects[0].__class__("x", "<script>", "a", "b", "c")])


def test_task_answers_are_valid_and_all_three_kinds_occur():
    assert {t.answer for t in load_tasks()} == {"coder", "biller", "both"}


def test_grading_counts_blanks_and_unknown_answers_as_wrong():
    tasks = [Task("a", "x", "coder", "w"), Task("b", "y", "both", "w"), Task("c", "z", "biller", "w")]
    share, results = grade_task_sort({"a": "coder", "b": "nonsense", "c": None}, tasks)
    assert share == pytest.approx(1 / 3)  # one right out of three
    assert [r.correct for r in results] == [True, False, False] and results[1].answer is None


@pytest.mark.parametrize("name, loader, content, words", [
    ("side_by_side.json", data_mod.load_side_by_side, "{oops", "cannot be read"),
    ("side_by_side.json", data_mod.load_side_by_side, '{"aspects": [{"id": "x"}]}', "non-empty text"),
    ("task_sort.json", data_mod.load_tasks,
     '{"tasks": [{"id": "t", "task": "x", "answer": "nurse", "why": "w"}]}', "coder, biller or both"),
])
def test_damaged_files_give_clear_errors(tmp_path, name, loader, content, words):
    bad = tmp_path / name
    bad.write_text(content)
    with pytest.raises(CompareDataError, match=words):
        loader(bad)


def test_damaged_riasec_csv_is_refused(tmp_path):
    text = data_path("compare", "onet_interests.csv").read_text().replace("6.97", "nine")
    bad = tmp_path / "onet_interests.csv"
    bad.write_text(text)
    with pytest.raises(CompareDataError, match="must be a number"):
        load_riasec(bad)


def test_readme_lists_every_data_file():
    readme = data_path("compare", "README.md").read_text()
    for f in data_path("compare").iterdir():
        if f.name != "README.md":
            assert f"`{f.name}`" in readme


def test_quiz_bank_numeric_answer_matches_the_data():
    bank = json.loads(data_path("quizzes", "04-side-by-side.json").read_text())
    pay = next(q for q in bank["questions"] if q["type"] == "numeric")
    median = next(f for f in load_pay_outlook()["figures"] if f["measure"] == "Median annual pay")
    assert pay["answer"] == median["value"]


def test_riasec_differences_are_coders_minus_billers():
    from careerlab.compare import RIASEC, load_riasec, riasec_difference_table, riasec_differences
    scores = load_riasec()
    rows = riasec_differences()
    assert [r["Interest area"] for r in rows] == list(RIASEC)
    for r in rows:
        area = r["Interest area"]
        assert r["Coders minus billers"] == pytest.approx(scores["coder"][area] - scores["biller"][area], abs=0.005)
    assert max(rows, key=lambda r: r["Coders minus billers"])["Interest area"] == "Investigative"
    table = riasec_difference_table()
    assert list(table.index) == list(RIASEC)
    assert table.loc["Investigative", "Coders minus billers"] == "+2.65"
    assert table.loc["Enterprising", "Coders minus billers"].startswith("-")
    assert table.loc["Conventional", "Billers (1-7)"] == "7.00"


def test_onet_figures_are_given_for_both_roles_where_one_is_given():
    """Issue 16: no selective citing. A row that quotes O*NET for one role says what O*NET gives
    (or that it has nothing) for the other, so the billers' lower Social interest is shown."""
    for a in load_side_by_side():
        if "O*NET" in a.coder + a.biller and a.id != "interests":
            assert "O*NET" in a.coder and "O*NET" in a.biller, a.id
    rows = {a.id: a for a in load_side_by_side()}
    assert "1.49" in rows["interests"].biller and "3.38" in rows["interests"].biller
    assert "1.49" in rows["interests"].coder and "3.38" in rows["interests"].coder
    assert "no Independence figure" in rows["independence"].coder
