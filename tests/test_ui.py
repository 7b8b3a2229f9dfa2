"""Shared widget helpers: messages never rely on colour alone, and a failing callback shows a
plain message instead of a traceback."""
import ipywidgets as W

from careerlab.ui import message_html, safe_callback


def test_message_carries_icon_and_word_and_escapes_text():
    box = message_html("<b>5 < 6</b>", "error")
    assert "Not quite" in box and "✖" in box
    assert "&lt;b&gt;5 &lt; 6&lt;/b&gt;" in box
    assert "Saved" in message_html("x", "ok", title="Saved")


def test_safe_callback_turns_an_error_into_a_message():
    out = W.HTML()
    button = W.Button(description="Go")

    @safe_callback(out)
    def boom(_):
        raise KeyError("visit-7")

    button.on_click(boom)
    button.click()  # must not raise
    assert "Sorry" in out.value and "nothing you saved was lost" in out.value and "visit-7" in out.value


def test_show_table_shows_everything_and_is_never_typeset_as_maths():
    import pandas as pd

    from careerlab.ui import no_maths, show_table

    long = "The claim arrived after the filing deadline, so the practice writes it off " * 2
    frame = pd.DataFrame({"Meaning": [long, "<b>x</b>"], "Paid": ["$30.81", "$1,003.46"], "charge ($)": ["1", "2"]})
    html = show_table(frame).to_html()
    import re

    assert re.search(r'<table id="careerlab-t\w+" tabindex="0" class="[^"]*mathjax_ignore tex2jax_ignore', html)
    assert long.strip() in html and "..." not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x" not in html
    # the money columns (2nd and 3rd after the row labels) right-aligned, the text left-aligned
    mark = re.search(r'<table id="(careerlab-t\w+)"', html).group(1)
    assert f"#{mark} td:nth-child(3) {{text-align: right}}" in html
    assert f"#{mark} td:nth-child(4) {{text-align: right}}" in html
    assert f"td:nth-child(2) {{text-align: right}}" not in html and "text-align: left" in html
    assert show_table(frame).data is frame
    assert no_maths("$1 and $2").startswith('<div class="mathjax_ignore')


def test_a_named_row_index_shares_the_one_header_row():
    """A table keyed by a named index (codes, claim ids) has one header row, the name on top of
    its row labels, not a second, nearly empty header row."""
    import re

    import pandas as pd

    from careerlab.ui import show_table

    frame = pd.DataFrame({"Meaning": ["a visit", "a test"], "Fee ($)": ["1.00", "2.00"]},
                         index=pd.Index(["99213", "87880"], name="Code"))
    html = show_table(frame).to_html()
    head = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
    assert head.count("<tr") == 1
    assert re.findall(r"<th>(.*?)</th>", head) == ["Code", "Meaning", "Fee ($)"]
    assert re.findall(r"<tbody>.*?<th>(.*?)</th>", html, re.S)[0] == "99213"
    assert show_table(frame).data.index.name == "Code"  # the learner's frame is left as it was


def test_say_shows_plain_text_wrapped_and_not_as_maths():
    from careerlab.ui import say

    shown = say("Billed $150.00, allowed $88.51 <b>\nnext line").data
    assert "mathjax_ignore" in shown and "line-height:1.45" in shown
    assert "&lt;b&gt;" in shown and "<br>" in shown and "$150.00" in shown


def test_an_error_message_never_shows_a_server_path():
    out = W.HTML()

    @safe_callback(out)
    def boom(_=None):
        raise PermissionError(13, "Permission denied", "/srv/jupyter/users/ada/.careerlab/progress.json")

    boom()
    assert "Sorry" in out.value and "nothing you saved was lost" in out.value
    assert "/srv" not in out.value and "jupyter/users" not in out.value
    assert "permission" in out.value.lower()

    @safe_callback(out)
    def other(_=None):
        raise ValueError("cannot parse /home/ada/data/visits.csv near 'C:\\Users\\ada\\x.json'")

    other()
    assert "/home/ada" not in out.value and "C:\\Users" not in out.value and "visits.csv" in out.value


def test_warnings_and_errors_hide_absolute_paths_but_keep_ordinary_slashes():
    from careerlab.ui import hide_paths

    assert hide_paths("see /tmp/a/b/progress.json now") == "see progress.json now"
    assert hide_paths("and/or 1/2 ICD-10-CM/PCS https://example.org/a/b") == \
        "and/or 1/2 ICD-10-CM/PCS https://example.org/a/b"
    box = message_html("Could not read /var/lib/careerlab/visits.csv", "error")
    assert "/var/lib" not in box and "visits.csv" in box


def test_a_plain_words_error_shows_its_own_message_not_a_crash(caplog):
    from careerlab.progress import ProgressError

    out = W.HTML()

    @safe_callback(out)
    def refused(_=None):
        raise ProgressError("Your results file could not be written: the folder for it cannot be "
                            "written on this computer. Your answers are not affected.")

    with caplog.at_level("INFO", logger="careerlab"):
        refused()
    assert "Your results file could not be written" in out.value and "Your answers are not affected." in out.value
    assert "Details" not in out.value and "Restart" not in out.value and ".." not in out.value
    assert not any(r.exc_info for r in caplog.records)  # expected: no traceback logged
    out.value = ""

    @safe_callback(out)
    def boom(_=None):
        raise KeyError("visit-7")

    boom()
    assert "Details" in out.value and "Restart" in out.value  # the unexpected still get the generic message


def test_paths_are_shown_home_relative_or_by_name_alone(tmp_path, monkeypatch):
    from careerlab.ui import shown_path

    monkeypatch.setenv("HOME", str(tmp_path / "ada"))
    assert shown_path(tmp_path / "ada" / ".careerlab" / "progress.json") == "~/.careerlab/progress.json"
    assert shown_path(str(tmp_path / "ada" / "exports" / "r.json")) == "~/exports/r.json"
    assert shown_path("/srv/jupyter/users/ada/progress.json") == "progress.json"


def _run_in_a_kernel(*cells: str):
    """A notebook of ``cells`` run in a fresh kernel of this environment (outputs kept)."""
    import os

    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    env_path = os.environ.get("PYTHONPATH", "")
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": env_path.split(os.pathsep)[0] or "."}}).execute()
    return nb


def test_a_chart_shown_in_a_kernel_carries_alt_text_and_its_png_is_made_once():
    """plt.show() in a lesson: JupyterLab draws text/html in preference to image/png, and its
    image renderer gives an <img> no alt, so the figure's HTML form is the PNG with alt text."""
    import base64

    from careerlab.ui import CHART_ALT_SUFFIX

    source = ("import matplotlib\nmatplotlib.use('module://matplotlib_inline.backend_inline')\n"
              "import matplotlib.pyplot as plt\nimport careerlab.ui\n"
              "from matplotlib.backend_bases import FigureCanvasBase as Canvas\ncalls = []\n"
              "_print = Canvas.print_figure\n"
              "def counted(self, *a, **k):\n    calls.append(1)\n    return _print(self, *a, **k)\n"
              "Canvas.print_figure = counted\n"
              "fig, ax = plt.subplots()\nax.bar([1, 2], [3, 4])\nax.set_title('Claims <paid> by month')\n"
              "plt.show()")
    nb = _run_in_a_kernel(source, "print(len(calls))")
    shown = [o for o in nb.cells[0].outputs if o.output_type == "display_data"]
    assert len(shown) == 1
    data = shown[0].data
    html_img = data["text/html"]
    assert f'alt="Chart: Claims &lt;paid&gt; by month. {CHART_ALT_SUFFIX}"' in html_img
    assert f"data:image/png;base64,{data['image/png'].strip()}" in html_img.replace("\n", "")
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")
    assert nb.cells[1].outputs[0].text.strip() == "1", "the PNG was drawn twice"


def test_a_constrained_lesson_chart_is_shown_at_its_own_size_uncropped():
    """Lesson charts use layout="constrained", which already fits them; the inline backend's tight
    crop measures every artist again (about a third of a chart's cost). Shown in a kernel, such a
    chart is a PNG of exactly figsize × dpi, with its alt text."""
    import base64
    import io

    from PIL import Image

    source = ("import matplotlib\nmatplotlib.use('module://matplotlib_inline.backend_inline')\n"
              "import matplotlib.pyplot as plt\nimport careerlab.ui\n"
              "fig, ax = plt.subplots(figsize=(5, 2), layout='constrained')\nax.bar([1, 2], [3, 4])\n"
              "ax.set_title('Paid')\nplt.show()")
    nb = _run_in_a_kernel(source, "print(fig.dpi)")
    shown = [o for o in nb.cells[0].outputs if o.output_type == "display_data"]
    png = base64.b64decode(shown[0].data["image/png"])
    dpi = float(nb.cells[1].outputs[0].text)
    assert Image.open(io.BytesIO(png)).size == (round(5 * dpi), round(2 * dpi))
    assert "alt=" in shown[0].data["text/html"]


def test_a_table_can_be_named_and_framed_for_a_widget():
    """Inside a widget's HTML (no JupyterLab table styles) a framed table draws its cells; its name is
    what a screen reader announces. Both are scoped to the table's own id."""
    import re

    import pandas as pd

    from careerlab.ui import show_table

    frame = pd.DataFrame({"Code": ["99213"], "Paid": ["$30.19"]})
    framed = show_table(frame, label='Box 24 "lines"', framed=True).to_html()
    mark = re.search(r'<table id="(careerlab-t\w+)"', framed).group(1)
    assert 'aria-label="Box 24 &quot;lines&quot;"' in framed
    assert f"#{mark} th, #{mark} td {{border: 1px solid #888; padding: 3px 6px}}" in framed
    plain = show_table(frame).to_html()
    assert "border: 1px" not in plain and "aria-label" not in plain


def test_a_two_level_row_index_shares_the_one_header_row_too():
    """A table keyed by claim and line (lesson 03's 835 read back) has one header row, its level names on
    top of their row labels, not a second row of names under the column names."""
    import re

    import pandas as pd

    from careerlab.ui import show_table

    frame = pd.DataFrame({"Code": ["99213", "36415"], "Paid": ["$30.19", "$3.39"]},
                         index=pd.MultiIndex.from_tuples([("V01", 1), ("V01", 2)], names=["Claim", "Line"]))
    html = show_table(frame).to_html()
    head = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
    assert head.count("<tr") == 1
    assert re.findall(r"<th>(.*?)</th>", head) == ["Claim", "Line", "Code", "Paid"]
    mark = re.search(r'<table id="(careerlab-t\w+)"', html).group(1)
    assert f"#{mark} td:nth-child(4) {{text-align: right}}" in html  # Paid, after the two row labels


def test_a_date_column_is_never_split_at_its_hyphens():
    """Walk (issue 16): the work queue's dates wrapped as "2026-10-" / "08" in a narrow column."""
    import re

    import pandas as pd

    from careerlab.ui import show_table

    shown = show_table(pd.DataFrame({"First billed": ["2026-10-08", "2025-12-10"], "Note": ["a", "b"]})).to_html()
    mark = re.search(r'<table id="(careerlab-t\w+)"', shown).group(1)
    assert f"#{mark} td:nth-child(2) {{white-space: nowrap}}" in shown
    assert f"td:nth-child(3) {{white-space: nowrap}}" not in shown
