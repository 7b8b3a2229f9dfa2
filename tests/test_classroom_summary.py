"""Class summaries on small hand-made classes (expected values worked out by hand)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from careerlab.classroom.export import export_class_summary
from careerlab.classroom.results_file import TRAITS
from careerlab.classroom.summary import (
    LEANINGS, class_table, hide_names, leaning, most_missed, quiz_summary, role_fit_split, trait_summary,
)
from careerlab.classroom.tables import results_preview
from careerlab.classroom.text import describe_missed, describe_quizzes, describe_split, describe_traits


def make_class() -> pd.DataFrame:
    rows = []
    #            name      coder biller  numbers quiz01  quiz02  answers
    spec = [("Ana Sample", 70, 50, 20, 100.0, None, {"01/q1": True, "01/q2": True}),
            ("Ben Sample", 40, 60, 80, 50.0, 25.0, {"01/q1": False, "01/q2": True,
                                                    "02/q9": False}),
            ("Cy Sample", 52, 50, 50, 0.0, 75.0, {"01/q1": False, "01/q2": False,
                                                  "02/q9": True}),
            ("Dee Sample", None, None, None, None, None, {})]
    for name, coder, biller, numbers, q1, q2, answers in spec:
        row = {"file": f"{name}.json", "learner": name, "exported_at": "",
               "fit:coder": coder, "fit:biller": biller, "quiz:01": q1, "quiz:02": q2,
               "answers": answers}
        row.update({f"trait:{t}": None for t in TRAITS})
        row["trait:numbers_money"] = numbers
        rows.append(row)
    return pd.DataFrame(rows)


def test_leaning_uses_a_five_point_margin():
    assert leaning(70, 50) == "leans to coding"
    assert leaning(55, 50) == "leans to coding"       # exactly 5 apart
    assert leaning(52, 50) == "about equal"
    assert leaning(40, 60) == "leans to billing"
    assert leaning(float("nan"), 3) == "not taken yet"


def test_trait_summary():
    s = trait_summary(make_class())
    row = s.loc["numbers_money"]
    assert row["learners"] == 3 and row["mean"] == 50.0  # (20 + 80 + 50) / 3
    assert row["min"] == 20 and row["max"] == 80
    assert s.loc["people_service", "learners"] == 0 and math.isnan(s.loc["people_service", "mean"])


def test_role_fit_split():
    split = role_fit_split(make_class())
    assert list(split.index) == list(LEANINGS)
    assert split.to_dict() == {"leans to coding": 1, "about equal": 1, "leans to billing": 1,
                               "not taken yet": 1}


def test_quiz_summary():
    q = quiz_summary(make_class())
    assert list(q.index) == ["01", "02"]
    assert q.loc["01", "learners"] == 3 and q.loc["01", "mean"] == 50.0   # (100+50+0)/3
    assert q.loc["02", "learners"] == 2 and q.loc["02", "mean"] == 50.0   # (25+75)/2


def test_most_missed_orders_by_share_missed():
    m = most_missed(make_class())
    # 01/q1 missed 2 of 3; 02/q9 missed 1 of 2; 01/q2 missed 1 of 3
    assert list(zip(m["lesson"], m["question"])) == [("01", "q1"), ("02", "q9"), ("01", "q2")]
    assert list(m["missed"]) == [2, 1, 1] and list(m["attempts"]) == [3, 2, 3]
    assert m.loc[0, "missed_share"] == pytest.approx(2 / 3)
    assert len(most_missed(make_class(), top=1)) == 1
    with_prompts = most_missed(make_class(), prompts={"01/q1": "Who codes?"})
    assert list(with_prompts["prompt"]) == ["Who codes?", "", ""]


def test_hide_names_removes_names_and_file_names():
    hidden = hide_names(make_class())
    assert list(hidden["learner"]) == ["Learner 1", "Learner 2", "Learner 3", "Learner 4"]
    assert not hidden["file"].str.contains("Sample").any()
    assert make_class()["learner"][0] == "Ana Sample"  # the original is not changed


def test_class_table_has_a_mean_row():
    t = class_table(make_class())
    assert list(t["learner"]) == ["Learner 1", "Learner 2", "Learner 3", "Learner 4",
                                  "Class mean"]
    assert t.iloc[-1]["fit:coder"] == pytest.approx(54.0)  # (70 + 40 + 52) / 3
    assert t.iloc[1]["leaning"] == "leans to billing"
    assert "Ana Sample" in list(class_table(make_class(), names=True)["learner"])


def test_export_writes_csv_into_my_results(careerlab_home):
    from careerlab.progress.store import results_folder  # my-results/ beside the notebook

    df = make_class()
    df.loc[0, "learner"] = "=cmd()"
    path = export_class_summary(df, names=True)
    assert path.parent == results_folder() and path.suffix == ".csv"
    back = pd.read_csv(path)
    assert back["learner"][0] == "'=cmd()"  # a spreadsheet will not run it as a formula
    assert back["learner"].iloc[-1] == "Class mean"
    hidden = pd.read_csv(export_class_summary(make_class(), careerlab_home / "h.csv"))
    assert not hidden["learner"].str.contains("Sample").any()


def test_sentences_name_the_numbers():
    df = make_class()
    assert describe_split(df) == ("Of 4 learners: leaning to coding 1, leaning to billing 1, "
                                  "about equal 1 (fits less than 5 points apart), "
                                  "self-assessment not taken yet 1.")
    assert "01: mean 50 % (3 learners)" in describe_quizzes(df)
    assert describe_missed(df).startswith("Most often missed: q1 in 01 (2 of 3 missed it)")
    assert "Numbers and money" in describe_traits(df)
    empty = df.iloc[:0]
    assert "No learner" in describe_traits(empty) and "No question" in describe_missed(empty)


def test_results_preview_reads_well_on_screen():
    df = make_class()
    df.loc[0, "exported_at"] = "2026-11-23T16:38:00+00:00"
    df.loc[1, "quiz:02"] = 100 / 3
    p = results_preview(df, rows=2)
    assert len(p) == 2 and "file" not in p and "answers" not in p
    assert p.loc[0, "exported_at"] == "2026-11-23 16:38"
    assert p.loc[0, "fit:coder"] == "70.0" and p.loc[1, "quiz:02"] == "33.3"
    assert p.loc[0, "quiz:02"] == "–" and p.loc[0, "learner"] == "Ana Sample"
    assert df.loc[1, "quiz:02"] == 100 / 3  # the results table itself is unchanged


def test_plain_tables_for_the_instructor():
    from careerlab.classroom import column_label, missed_table, results_table, short_prompt

    df = make_class()
    t = results_table(df, rows=2)
    assert list(t.index) == [1, 2] and "Learner" in t.columns and "Coding fit" in t.columns
    assert not any(":" in str(c) for c in t.columns)
    m = missed_table(df, prompts={"01/q1": "Who codes? Choose all that apply."})
    assert list(m.columns[:3]) == ["Lesson", "Question", "Missed (%)"]
    assert m.loc[1, "Missed (%)"] == "67 %" and m.loc[1, "Question"].startswith("Who codes?")
    assert column_label("trait:people_service") == "People and service"
    assert short_prompt("Who codes? Choose all that apply.") == "Who codes?"


def test_describe_quizzes_names_lessons_nobody_answered_and_missed_uses_text():
    df = make_class()
    text = describe_quizzes(df, lessons=["01", "02", "06", "07"])
    assert text.endswith("knowledge check of 06 and 07 yet, so the chart has no bar for them.")
    assert "no bar" not in describe_quizzes(df)
    assert describe_missed(df, prompts={"01/q1": "Who codes?"}).startswith(
        "Most often missed: “Who codes?” (q1) in 01 (2 of 3 missed it)")


def test_two_exports_in_the_same_second_get_two_files(careerlab_home, monkeypatch):
    import datetime as real_datetime

    from careerlab.classroom import export

    class Frozen(real_datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return real_datetime.datetime(2025, 1, 2, 3, 4, 5)

    monkeypatch.setattr(export, "datetime", Frozen)
    first = export_class_summary(make_class(), names=True)
    second = export_class_summary(make_class(), names=False)
    third = export_class_summary(make_class(), names=False)
    assert [p.name for p in (first, second, third)] == [
        "class-summary-20250102-030405.csv", "class-summary-20250102-030405-2.csv",
        "class-summary-20250102-030405-3.csv"]
    assert pd.read_csv(first)["learner"].str.contains("Sample").any()  # the first is not overwritten
    assert not pd.read_csv(second)["learner"].str.contains("Sample").any()
    assert not list(first.parent.glob("*.tmp"))


def test_export_to_a_given_path_is_written_atomically(careerlab_home, monkeypatch):
    from careerlab.progress import fileio

    target = careerlab_home / "given.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("old contents", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", fail)
    with pytest.raises(OSError):
        export_class_summary(make_class(), target)
    assert target.read_text(encoding="utf-8") == "old contents"  # never half-written
    assert not list(careerlab_home.glob("*.tmp"))


def test_export_writes_a_score_of_minus_zero_as_zero(careerlab_home):
    df = make_class()
    df["fit:biller"] = df["fit:biller"].astype(float)
    df.loc[0, "fit:biller"] = -0.0
    text = export_class_summary(df, careerlab_home / "z.csv", names=True).read_text(encoding="utf-8")
    assert "-0.0" not in text


def test_a_class_level_on_every_trait_is_not_called_highest_and_lowest_on_one():
    df = make_class()
    for t in TRAITS:
        df[f"trait:{t}"] = df["trait:numbers_money"]  # every trait the same, learner by learner
    text = describe_traits(df)
    assert "highest" not in text and "lowest" not in text and "on every trait" in text
    df["trait:independence"] = df["trait:independence"] + 20  # one trait now stands out
    assert "highest on Working independently" in describe_traits(df)
