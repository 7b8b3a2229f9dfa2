"""Hostile results files: each one is skipped (or kept without its bad value) and named in the
load report, and none crashes the load, the dashboard, the charts or the CSV export."""
from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from careerlab.classroom.charts import dashboard_figure, missed_chart, quiz_chart
from careerlab.classroom.export import export_class_summary
from careerlab.classroom.load import load_class_results
from careerlab.classroom.widgets import class_dashboard, learners_table_html, problems_html
from test_classroom_load import folder_fingerprint, results, write

GOOD = ["Ana Sample", "Ben Sample"]
DOC = json.dumps(results("Hal Hostile"))


def _replace(old: str, new: str) -> str:
    assert old in DOC
    return DOC.replace(old, new, 1)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "a-good.json", results(GOOD[0], quiz={"01-two-roles": {"q1": True, "q2": False}}))
    write(folder, "b-good.json", results(GOOD[1], fit=(30, 70)))
    return folder


def check_everything_survives(folder: Path, tmp_path: Path):
    """Load, summarise, draw, export: nothing raises, the folder is unchanged, good rows kept."""
    before = folder_fingerprint(folder)
    df, problems = load_class_results(folder)
    assert folder_fingerprint(folder) == before
    assert set(GOOD) <= set(df["learner"])
    fig = dashboard_figure(df, fig=plt.figure(figsize=(6, 4)))
    fig.savefig(io.BytesIO(), format="png", dpi=20)  # drawing is where mathtext would fail
    target = export_class_summary(df, tmp_path / "out" / "summary.csv", names=True)
    target.read_text(encoding="utf-8")
    learners_table_html(df, names=True).encode("utf-8")
    problems_html(problems).encode("utf-8")
    return df, {p.file: p.reason for p in problems}


SKIPPED = {
    "deep-list": ("[" * 100_000 + "]" * 100_000, "nested"),
    "deep-object": ('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested"),
    "huge-int-score": (_replace('"coder": 60', '"coder": ' + "9" * 5000), "number"),
    "huge-int-elsewhere": (_replace('"version": 1,', '"version": 1, "x": -' + "7" * 5000 + ","),
                           "number"),
    "float-overflow": (_replace('"coder": 60', '"coder": 1e400'), "number"),
    "nan": (_replace('"coder": 60', '"coder": NaN'), "NaN"),
    "infinity": (_replace('"coder": 60', '"coder": -Infinity'), "NaN"),
    "duplicate-key": (_replace('"version": 1,', '"version": 1, "version": 1,'), "twice"),
    "tz-year-1": (_replace("2026-11-20T10:00:00+00:00", "0001-01-01T00:00:00+23:59"),
                  "export time"),
    "tz-year-9999": (_replace("2026-11-20T10:00:00+00:00", "9999-12-31T23:59:59-23:59"),
                     "export time"),
    "utf-16": (None, "not a text file"),
    "too-many-lessons": (json.dumps(results("Hal", quiz={f"{i:02d}-x": {"q": True}
                                                         for i in range(200)})), "lessons"),
}


@pytest.mark.parametrize("case", sorted(SKIPPED))
def test_a_hostile_file_is_skipped_and_named(tmp_path, case):
    text, words = SKIPPED[case]
    folder = good_folder(tmp_path)
    if text is None:
        (folder / "hostile.json").write_bytes(DOC.encode("utf-16"))
    else:
        write(folder, "hostile.json", text)
    df, by_file = check_everything_survives(folder, tmp_path)
    assert sorted(df["learner"]) == GOOD
    assert words in by_file["hostile.json"] and "skipped" in by_file["hostile.json"]


def test_an_older_file_with_an_overflowing_export_time_does_not_crash(tmp_path):
    folder = good_folder(tmp_path)
    write(folder, "c.json", results("Hal", when="2026-11-20T10:00:00+00:00"))
    write(folder, "d.json", results("Hal", when="0001-01-01T00:00:00+23:59"))
    df, by_file = check_everything_survives(folder, tmp_path)
    assert "Hal" in set(df["learner"]) and "export time" in by_file["d.json"]


def test_a_byte_order_mark_and_a_naive_time_are_fine(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "c.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(
        results("Cy", when="2026-11-20T10:00:00")).encode())
    df, by_file = check_everything_survives(folder, tmp_path)
    assert "Cy" in set(df["learner"]) and by_file == {}


@pytest.mark.parametrize("where, value", [
    ("trait_scores", [1, 2]), ("role_fit", "high"), ("coder", "60"), ("coder", True),
    ("coder", -1), ("coder", 100.5), ("coder", None), ("coder", {"a": [1] * 500}),
])
def test_wrong_values_are_left_out_and_named(tmp_path, where, value):
    doc = results("Hal")
    if where in ("trait_scores", "role_fit"):
        doc["progress"]["assessment"][where] = value
    else:
        doc["progress"]["assessment"]["role_fit"][where] = value
    folder = good_folder(tmp_path)
    write(folder, "hostile.json", doc)
    df, by_file = check_everything_survives(folder, tmp_path)
    hal = df.set_index("learner").loc["Hal"]
    assert hal.isna()["trait:numbers_money" if where == "trait_scores" else "fit:coder"]
    if value is not None:
        assert "ignored" in by_file["hostile.json"] and len(by_file["hostile.json"]) < 300


def test_an_empty_quiz_section_and_odd_question_ids(tmp_path):
    doc = results("Hal", quiz={"01-two-roles": {"q1": True}})
    doc["progress"]["quiz:02-empty"] = {}
    doc["progress"]["quiz:03-odd"] = {"a  b": {"correct": False}, "x" * 500: {"correct": True},
                                      "_score": []}
    folder = good_folder(tmp_path)
    write(folder, "hostile.json", doc)
    df, by_file = check_everything_survives(folder, tmp_path)
    hal = df.set_index("learner").loc["Hal"]
    assert hal["quiz:03-odd"] == 50.0 and pd_isna(hal["quiz:02-empty"])
    assert set(hal["answers"]) == {"01-two-roles/q1", "03-odd/a b", "03-odd/" + "x" * 59 + "…"}


def pd_isna(value) -> bool:
    return value is None or value != value


@pytest.mark.parametrize("progress", [
    [], "text", {"assessment": []}, {"learner": "Hal"}, {"quiz:01": [True]}, {"quiz:01": None},
])
def test_a_damaged_progress_part_is_skipped(tmp_path, progress):
    doc = dict(results("Hal"), progress=progress)
    folder = good_folder(tmp_path)
    write(folder, "hostile.json", doc)
    df, by_file = check_everything_survives(folder, tmp_path)
    assert sorted(df["learner"]) == GOOD and "progress part" in by_file["hostile.json"]


@pytest.mark.parametrize("value", [True, 1.0, [1], "1", {"v": 1}, "x" * 10_000])
def test_a_strange_version_is_skipped_with_a_short_reason(tmp_path, value):
    folder = good_folder(tmp_path)
    write(folder, "hostile.json", dict(results("Hal"), version=value))
    df, by_file = check_everything_survives(folder, tmp_path)
    assert sorted(df["learner"]) == GOOD
    assert "version" in by_file["hostile.json"] and len(by_file["hostile.json"]) < 200


def test_a_file_too_large_is_not_read(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "big.json").write_bytes(b" " * 3_000_000 + DOC.encode())
    df, by_file = check_everything_survives(folder, tmp_path)
    assert "too large" in by_file["big.json"]


def test_a_file_removed_between_listing_and_reading(tmp_path, monkeypatch):
    import careerlab.classroom.load as load

    folder = good_folder(tmp_path)
    real = load.results_files
    monkeypatch.setattr(load, "results_files", lambda f: real(f) + [f / "gone.json"])
    df, by_file = check_everything_survives(folder, tmp_path)
    assert sorted(df["learner"]) == GOOD and "removed" in by_file["gone.json"]


def test_links_are_never_followed(tmp_path):
    folder = good_folder(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "secret.json", results("Sid Outside"))
    (folder / "to-outside.json").symlink_to(outside / "secret.json")
    (folder / "to-inside.json").symlink_to(folder / "a-good.json")
    (folder / "to-folder.json").symlink_to(outside)
    (folder / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    df, by_file = check_everything_survives(folder, tmp_path)
    assert sorted(df["learner"]) == GOOD
    for name in ("to-outside.json", "to-inside.json", "to-folder.json", "dangling.json"):
        assert "link" in by_file[name] and "skipped" in by_file[name]


def test_things_that_are_not_regular_files_are_named_and_never_opened(tmp_path):
    folder = good_folder(tmp_path)
    os.mkfifo(folder / "pipe.json")  # opening this plainly would block for ever
    os.mknod(folder / "socket.json", stat.S_IFSOCK | 0o600)
    (folder / "folder.json").mkdir()
    write(folder / "folder.json", "inner.json", results("In Folder"))
    names = ["pipe.json", "socket.json", "folder.json"]
    try:
        os.mknod(folder / "device.json", stat.S_IFCHR | 0o600, os.makedev(1, 3))
        names.append("device.json")
    except OSError:
        pass  # no permission to make a device file here
    df, by_file = check_everything_survives(folder, tmp_path)
    assert sorted(df["learner"]) == GOOD
    for name in names:
        assert "not a regular file" in by_file[name]


HOSTILE_NAMES = ["$\\frac{$x$", "$x^2$", "<b>bold</b><script>alert(1)</script>", "\ud800 lone",
                 "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "tab\there", "new\nline",
                 "\u202eevil", "\x00nul", "&amp;", "a" * 5000]


def hostile_class(folder: Path) -> None:
    for i, name in enumerate(HOSTILE_NAMES):
        write(folder, f"h{i:02d}.json", results(name, fit=(20 + i, 50), quiz={
            f"{i:02d}-{name}": {name: False, "q$1$": i % 2 == 0}}))


def test_hostile_names_are_kept_as_plain_text(tmp_path):
    folder = good_folder(tmp_path)
    hostile_class(folder)
    df, by_file = check_everything_survives(folder, tmp_path)
    assert by_file == {} and len(df) == len(HOSTILE_NAMES) + 2
    assert all(len(n) <= 100 and n.isprintable() for n in df["learner"])
    assert "\ufffd lone" in set(df["learner"]) and "new line" in set(df["learner"])
    assert "$x^2$" in set(df["learner"])


def test_chart_labels_are_never_maths(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    hostile_class(folder)
    df, _ = load_class_results(folder)
    for chart in (quiz_chart, missed_chart):
        ax = chart(df)
        labels = ax.get_xticklabels() + ax.get_yticklabels()
        assert any("$" in t.get_text() for t in labels)
        assert all(not t.get_parse_math() for t in labels if "$" in t.get_text())
        assert all(t.get_text().count("\n") <= 3 for t in labels)
        ax.figure.savefig(io.BytesIO(), format="png", dpi=20)
    prompts = {f"{lesson}/q$1$": "Pay $12.00 or $8.50?" for lesson in
               (c[5:] for c in df.columns if c.startswith("quiz:"))}
    ax = missed_chart(df, prompts=prompts)
    assert any("$12.00" in t.get_text() for t in ax.get_yticklabels())
    assert all(not t.get_parse_math() for t in ax.get_yticklabels())


def test_csv_is_safe_to_open_in_a_spreadsheet(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    hostile_class(folder)
    df, _ = load_class_results(folder)
    target = export_class_summary(df, tmp_path / "summary.csv", names=True)
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    cells = [cell for row in rows for cell in row]
    texts = [c for c in cells if c and not c.replace(".", "", 1).lstrip("-").isdigit()]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in texts)
    assert "'=HYPERLINK(\"http://x\")" in cells and "'-2" in cells
    assert "\ufffd lone" in cells


def test_a_surrogate_that_reaches_the_csv_is_replaced(tmp_path):
    from test_classroom_summary import make_class

    df = make_class()
    df.loc[0, "learner"] = "\udcff raw"
    target = export_class_summary(df, tmp_path / "s.csv", names=True)
    assert "\ufffd raw" in target.read_text(encoding="utf-8")


def test_file_names_in_messages_are_one_plain_line(tmp_path):
    folder = good_folder(tmp_path)
    bad = os.fsencode(folder) + b"/evil\xff\n\xe2\x80\xaeb-good.json: fine.json"
    with open(bad, "w", encoding="utf-8") as handle:
        handle.write("")
    df, by_file = check_everything_survives(folder, tmp_path)
    [name] = [n for n in by_file if n.startswith("evil")]
    assert name.isprintable() and "\ufffd" in name and "\n" not in name
    assert by_file[name].startswith("the file is empty")


def test_the_dashboard_opens_on_a_hostile_folder(tmp_path, careerlab_home):
    folder = good_folder(tmp_path)
    hostile_class(folder)
    write(folder, "deep.json", "[" * 100_000 + "]" * 100_000)
    write(folder, "tz.json", results("Zed", when="0001-01-01T00:00:00+23:59"))
    os.mkfifo(folder / "pipe.json")
    (folder / "link.json").symlink_to(folder / "a-good.json")
    before = folder_fingerprint(folder)
    d = class_dashboard(folder)
    d.charts.value = True
    assert d.png.startswith(b"\x89PNG") and "Sorry" not in d.status.value
    for name in ("deep.json", "tz.json", "pipe.json", "link.json"):
        assert name in d.status.value
    d.hide.value = False
    for html_text in (d.status.value, d.summary.value, d.table.value):
        html_text.encode("utf-8")  # a lone surrogate here would break the widget's message
        assert "<script>" not in html_text and "mathjax_ignore" in html_text
    assert "&lt;script&gt;" in d.table.value
    d.export_button.click()
    assert "Saved" in d.status.value
    assert "'=HYPERLINK" in d.exported.read_text(encoding="utf-8")
    assert folder_fingerprint(folder) == before
    assert str(tmp_path) not in d.status.value.replace(str(careerlab_home), "")


def test_a_folder_problem_names_the_folder_not_its_path(tmp_path):
    _, problems = load_class_results(tmp_path / "missing-class")
    assert str(problems[0]) == "missing-class: this folder does not exist" and problems[0].folder


@pytest.mark.parametrize("swap", ["fifo", "link"])
def test_an_entry_swapped_after_the_check_is_still_not_followed(tmp_path, monkeypatch, swap):
    """Between the lstat check and the open, a file becomes a pipe or a link: the open itself
    refuses to block or follow (O_NONBLOCK, O_NOFOLLOW) and the file is named, not read."""
    import careerlab.classroom.folder as folder_mod

    folder = good_folder(tmp_path)
    target = folder / "swapped.json"
    if swap == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(folder / "a-good.json")
    regular = os.stat(folder / "b-good.json")
    real_lstat = os.lstat
    monkeypatch.setattr(folder_mod.os, "lstat",
                        lambda p: regular if Path(p).name == "swapped.json" else real_lstat(p))
    df, problems = load_class_results(folder)
    monkeypatch.undo()
    reason = {p.file: p.reason for p in problems}["swapped.json"]
    assert ("not a regular file" if swap == "fifo" else "link") in reason
    assert sorted(df["learner"]) == GOOD


def test_a_failed_export_is_a_plain_message_without_a_path(tmp_path, monkeypatch):
    import careerlab.classroom.widgets as cw

    d = class_dashboard(good_folder(tmp_path))

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "exports" / "x.csv"))

    monkeypatch.setattr(cw, "export_class_summary", full)
    d.export_button.click()
    assert "could not be saved (No space left on device)" in d.status.value
    assert str(tmp_path) not in d.status.value and "Sorry" not in d.status.value
