"""The dashboard widget, driven from code."""
from __future__ import annotations

import base64
import os
import re

import careerlab.classroom.widgets as cw
from careerlab.classroom.widgets import class_dashboard, show_problems
from careerlab.classroom.load import LoadProblem
from test_classroom_load import results, write


def test_opens_on_the_sample_class_with_names_hidden():
    d = class_dashboard()
    assert d.hide.value is True
    assert "Loaded" in d.summary.value and "leaning to coding" in d.summary.value
    assert "(sample)" not in d.table.value and "Learner 01" in d.table.value
    assert "problem-example-empty.json" in d.status.value
    assert not d.export_button.disabled
    assert d.charts.value is False and d.png == b""  # the charts are drawn when asked for
    d.charts.value = True
    assert len(d.fig.axes) == 4 and d.png.startswith(b"\x89PNG")
    d.charts.value = False
    assert d.png == b""


def test_each_dot_is_explained_only_where_dots_are_shown(monkeypatch):
    alts = []
    real = cw.chart_html
    monkeypatch.setattr(cw, "chart_html", lambda png, alt, *a, **k: alts.append(alt) or real(png, alt, *a, **k))
    d = class_dashboard()
    assert "trait scores" in d.summary.value and "dot" not in d.summary.value  # no chart yet
    d.charts.value = True
    assert len(alts) == 1 and "each dot is one learner" in alts[0] and d.png.startswith(b"\x89PNG")
    from careerlab.classroom.text import describe_traits
    assert describe_traits(d.results).endswith("each dot is one learner.")  # beside the lesson's trait chart
    assert not describe_traits(d.results, dots=False).count("dot")


def test_untick_hide_shows_names(tmp_path):
    write(tmp_path, "a.json", results("Ana Sample"))
    d = class_dashboard(tmp_path)
    assert "Ana Sample" not in d.table.value
    d.hide.value = False
    assert "Ana Sample" in d.table.value


def test_load_another_folder_and_export(tmp_path, careerlab_home):
    d = class_dashboard()
    tmp_path = tmp_path / "class"
    tmp_path.mkdir()
    write(tmp_path, "a.json", results("Ana Sample", fit=(80, 20)))
    write(tmp_path, "b.json", results("Ben Sample", fit=(20, 80)))
    d.charts.value = True  # ticked before loading: every Load draws them again
    d.folder.value = str(tmp_path)
    d.load_button.click()
    assert "Loaded 2 learners" in d.summary.value
    assert "Every results file" in d.status.value
    assert sum(p.get_height() for p in d.fig.axes[1].patches) == 2
    d.export_button.click()
    from careerlab.progress.store import results_folder

    assert d.exported is not None and d.exported.parent == results_folder()
    assert "Saved" in d.status.value and "names hidden" in d.status.value
    assert f"my-results/{d.exported.name}" in d.status.value and str(tmp_path) not in d.status.value
    link = re.search(r'download="([^"]+)" [^>]*href="data:text/csv;base64,([^"]+)"', d.status.value)
    assert link.group(1) == d.exported.name and base64.b64decode(link.group(2)) == d.exported.read_bytes()
    assert "Ana Sample" not in d.exported.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]  # untouched


def test_bad_folder_inputs_get_messages(tmp_path):
    d = class_dashboard(tmp_path)  # an empty folder
    assert d.export_button.disabled and "No learner results" in d.summary.value
    d.folder.value = "   "
    d.load_button.click()
    assert "Type the folder" in d.status.value
    d.folder.value = str(tmp_path / "missing")
    d.load_button.click()
    assert "this folder does not exist" in d.status.value and "Folder not found" in d.status.value


def test_an_unexpected_error_is_a_message(tmp_path, monkeypatch):
    d = class_dashboard(tmp_path)

    def broken(folder):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cw, "load_class_results", broken)
    d.load_button.click()
    assert "went wrong" in d.status.value and "disk on fire" in d.status.value


def test_show_problems_lists_files():
    html = show_problems([LoadProblem("x.json", "the file is empty")]).value
    assert "x.json: the file is empty" in html and "1 file needs a look" in html
    assert "Every results file" in show_problems([]).value


def test_learners_table_headers_line_up_with_their_columns():
    import re

    d = class_dashboard()
    table = d.table.value
    # not double-spaced in JupyterLab: the outer block sets its own line height
    assert 'style="line-height:1.45' in table.split(">", 1)[0]
    assert 'style="line-height:1.45' in d.summary.value.split(">", 1)[0]
    heads = re.findall(r"<th[^>]*text-align:(\w+)[^>]*>([^<]*)</th>", table)
    first_row = re.search(r"<tbody><tr>(.*?)</tr>", table).group(1)
    cells = re.findall(r"<td[^>]*text-align:(\w+)[^>]*>([^<]*)</td>", first_row)
    assert [a for a, _ in heads] == [a for a, _ in cells]  # each header aligned like its values
    assert [h for _, h in heads[:4]] == ["Learner", "Leaning", "Coder fit", "Biller fit"]
    assert heads[4] == ("right", "Quiz 00 start here (%)")
    assert cells[0] == ("left", "Learner 01") and cells[2][0] == "right"
    assert "padding:4px 10px" in table and "Class mean" in table and "–" in table


def test_counts_agree_with_one_and_many(tmp_path):
    """ "Loaded 1 learner", never "1 learners": every count in the dashboard's words agrees."""
    import re

    from careerlab.classroom.hub import Roster

    write(tmp_path, "a.json", results("Ana Sample", quiz={"01-two-roles": {"q1": True}}))
    d = class_dashboard(tmp_path)
    one = d.summary.value + d.status.value
    assert "Loaded 1 learner." in one and "1 learner has trait scores" in one
    assert cw.describe_loaded(d.results, "x") == "Loaded 1 learner from the folder x."  # lesson 07's cell
    assert "Of 1 learner:" in one and "(1 learner)" in one
    write(tmp_path, "b.json", results("Ben Sample", quiz={"01-two-roles": {"q1": False}}))
    d.load_button.click()
    two = d.summary.value
    assert "Loaded 2 learners." in two and "2 learners have trait scores" in two
    assert "Of 2 learners:" in two and "(2 learners)" in two
    for text in (one, two, show_problems([LoadProblem("x.json", "empty")] * 2).value):
        assert not re.search(r"\b1 (learners|files|hand-ins)\b|\(s\)", text), text
    assert "2 files need a look" in show_problems([LoadProblem("x.json", "empty")] * 2).value
    assert "1 of 1 learner has handed in" in Roster([("ana", None)], []).html(names=False)
    assert "1 of 3 learners has handed in" in Roster([("ana", None)], ["b", "c"]).html(names=False)
    assert "2 learners have handed in" in Roster([("a", None), ("b", None)]).html(names=False)


def test_the_folder_box_never_shows_the_servers_path(monkeypatch):
    from careerlab.paths import data_path

    monkeypatch.chdir(data_path("class-sample").parents[1] / "notebooks")  # where lesson 07 runs
    d = class_dashboard()
    assert d.folder.value == os.path.join("..", "data", "class-sample")
    assert not os.path.isabs(d.folder.value) and "Loaded" in d.summary.value


def test_a_folder_far_from_the_lessons_still_loads(tmp_path, monkeypatch):
    """The box shows a far folder by its name only; the folder it was given is still the one read,
    and a folder typed into the box afterwards replaces it."""
    far = tmp_path / "x" / "y" / "z" / "w" / "lessons"
    far.mkdir(parents=True)
    monkeypatch.chdir(far)
    monkeypatch.setenv("HOME", str(far))  # the results are outside home too
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    write(hand_ins, "a.json", results("Ana Sample", quiz={"01-two-roles": {"q1": True}}))
    d = class_dashboard(hand_ins)
    assert d.folder.value == "hand-ins" and "Loaded 1 learner." in d.summary.value
    d.load_button.click()
    assert "Loaded 1 learner." in d.summary.value
    d.folder.value = os.path.relpath(tmp_path / "nowhere")
    d.load_button.click()
    assert "“nowhere”: this folder does not exist, so no results were read" in d.status.value
    assert "needs a look" not in d.status.value  # a folder is not a file


def test_a_missing_folder_is_not_counted_as_a_file(tmp_path, monkeypatch):
    """The walk (lesson 07): '~/no-such-folder' typed into the box showed '1 file needs a look'. A missing
    folder is not a file: the box says the folder does not exist, by the name typed, never the server's path."""
    monkeypatch.setenv("HOME", str(tmp_path))
    d = class_dashboard(tmp_path)
    d.folder.value = "~/no-such-folder"
    d.load_button.click()
    shown = d.status.value
    assert "Folder not found" in shown and "“no-such-folder”: this folder does not exist" in shown
    assert "file" not in re.sub(r"<[^>]+>", "", shown).replace("no-such-folder", "")  # no file is counted
    assert str(tmp_path) not in shown and "No learner results to show." in d.summary.value
    (tmp_path / "a-file").write_text("x")
    d.folder.value = "~/a-file"
    d.load_button.click()
    assert "“a-file”: this is a file, not a folder" in d.status.value and "needs a look" not in d.status.value


def test_a_folder_problem_and_file_problems_are_told_apart():
    both = show_problems([LoadProblem("class", "this folder could not be read (Permission denied)", folder=True),
                          LoadProblem("x.json", "the file is empty")]).value
    assert "Folder not read" in both and "“class”: this folder could not be read (Permission denied)" in both
    assert "1 file needs a look" in both and "x.json: the file is empty" in both and "class:" not in both
