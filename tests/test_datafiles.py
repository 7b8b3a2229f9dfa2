"""The shared data-file readers: every problem names the file (and line) in plain words."""
import pytest

from careerlab.datafiles import read_csv_rows, read_json_object


class LessonDataError(ValueError):
    pass


def test_json_object_problems(tmp_path):
    (tmp_path / "list.json").write_text("[1]")
    (tmp_path / "bad.json").write_text("{oops")
    (tmp_path / "ok.json").write_text('{"a": 1}')
    assert read_json_object(tmp_path / "ok.json") == {"a": 1}
    for name, words in (("list.json", "JSON object"), ("bad.json", "not valid JSON"), ("none.json", "not found")):
        with pytest.raises(LessonDataError, match=words) as err:
            read_json_object(tmp_path / name, LessonDataError)
        assert str(err.value).startswith(name)


@pytest.mark.parametrize("text,words", [
    ("a,b\n1,2\n", None), ("a\n1\n", "missing column"), ("a,b\n1,\n", "line 2: empty b"), ("a,b\n", "no rows"),
])
def test_csv_rows_problems(tmp_path, text, words):
    path = tmp_path / "table.csv"
    path.write_text(text)
    if words is None:
        assert read_csv_rows(path, ("a", "b")) == [{"a": "1", "b": "2"}]
        return
    with pytest.raises(LessonDataError, match=words):
        read_csv_rows(path, ("a", "b"), LessonDataError)


def test_csv_required_columns_can_be_fewer(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,\n")
    assert read_csv_rows(path, ("a", "b"), required=("a",))[0]["b"] == ""
