"""Small widget helpers every lesson shares: friendly messages and safe callbacks."""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

from careerlab.errors import CareerlabError


log = logging.getLogger("careerlab")
_MONEY = re.compile(r"-?\$-?[\d,]+\.\d\d")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# The folders of an absolute path (POSIX or Windows), not the file name at its end; "and/or",
# "1/2", "ICD-10-CM/PCS" and web addresses do not match (a letter, digit or slash comes before).
_FOLDERS = re.compile(r"(?<![\w.~/\\-])(?:[A-Za-z]:[\\/]|/)(?:[^\s/\\'\"<>:|*?]+[\\/])+")

_KINDS = {
    # kind: (icon, word, text colour, background) -- the icon and the word carry the meaning,
    # so the message never depends on colour alone.
    "ok": ("✔", "Correct", "#005a3c", "#e6f4ee"),
    "warn": ("⚠", "Check this", "#6b4200", "#fff4dc"),
    "error": ("✖", "Not quite", "#8a1c00", "#fde9e2"),
    "info": ("ℹ", "Note", "#003d66", "#e8f2fb"),
}


_MIME = {".json": "application/json", ".png": "image/png", ".csv": "text/csv", ".txt": "text/plain"}
_LINK_STYLE = "font-weight:bold;color:#0b57a4;text-decoration:underline"  # looks like a link in any theme


def download_link(filename: str, data: bytes, text: str, css: str = "") -> str:
    """An ``<a download>`` link holding the file itself (base64), so a browser saves it with no server path.

    >>> download_link("r.json", b"{}", "Results")
    '<a download="r.json" href="data:application/json;base64,e30=" style="font-weight:bold;color:#0b57a4;text-decoration:underline">Results</a>'
    """
    mime = _MIME.get(Path(filename).suffix.lower(), "application/octet-stream")
    encoded = base64.b64encode(data).decode("ascii")
    cls = f' class="{html.escape(css)}"' if css else ""
    return (f'<a download="{html.escape(filename)}"{cls} href="data:{mime};base64,{encoded}" '
            f'style="{_LINK_STYLE}">{html.escape(text)}</a>')


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as a learner may see it: home-relative under the home folder, else the file name.

    >>> import pathlib; shown_path(pathlib.Path.home() / ".careerlab" / "progress.json")
    '~/.careerlab/progress.json'
    >>> shown_path("/srv/jupyter/ada/progress.json")
    'progress.json'
    """
    target = Path(path).expanduser()
    home = Path.home()
    for base in dict.fromkeys((home, Path(os.path.realpath(home)))):
        try:
            rest = target.relative_to(base)
        except ValueError:
            continue
        return "~/" + rest.as_posix() if rest.parts else "~"
    return target.name


def typed_path(path: str | os.PathLike[str]) -> str:
    """A folder as it may be shown in a box and typed back: relative to the working folder when it
    is near (``../data/class-sample`` from the lessons), else home-relative (``~/...``), else its
    name; never the server's absolute path.

    >>> typed_path(Path.cwd() / "results")
    'results'
    """
    target = Path(path).expanduser()
    try:
        rel = os.path.relpath(target)
    except ValueError:  # another drive (Windows)
        rel = ""
    if rel and Path(rel).parts[:3].count("..") < 3:
        return rel
    return shown_path(target)


def hide_paths(text: str) -> str:
    """Drop the folders of absolute paths from a message, keeping the file names.

    >>> hide_paths("could not open /srv/home/ada/progress.json")
    'could not open progress.json'
    """
    return _FOLDERS.sub("", text)


def plain_error(exc: BaseException) -> str:
    """A learner-facing sentence for an exception: no server paths, no file-system jargon."""
    if isinstance(exc, OSError):
        why = (exc.strerror or hide_paths(str(exc)) or "the computer refused").lower()
        return f"a file on this computer could not be read or written ({why})"
    return hide_paths(str(exc))


def message_html(text: str, kind: str = "info", *, title: str | None = None) -> str:
    """Return an HTML box for a message; ``kind`` is one of ok, warn, error, info.

    The text is escaped; ``title`` replaces the default word (e.g. "Correct"). Warnings and
    errors never show the folders of a server path (see ``hide_paths``).

    >>> "Correct" in message_html("Well done", "ok")
    True
    """
    icon, word, fg, bg = _KINDS.get(kind, _KINDS["info"])
    heading = html.escape(title if title is not None else word)
    text = hide_paths(str(text)) if kind in ("warn", "error") else str(text)
    body = html.escape(text).replace("\n", "<br>")
    return (
        f'<div class="careerlab-msg careerlab-msg-{kind}" role="status" '
        f'style="color:{fg};background:{bg};border-left:4px solid {fg};'
        f'padding:6px 10px;margin:4px 0;font-size:14px;line-height:1.4">'
        f'<span aria-hidden="true">{icon}</span> <b>{heading}:</b> {body}</div>'
    )


def safe_callback(out: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a widget callback so any error shows as a plain message in ``out``.

    JupyterLab swallows exceptions raised in widget callbacks, so without this a learner
    would see nothing at all. The technical details go to the ``careerlab`` logger.
    A ``CareerlabError`` (such as the progress store's ``ProgressError``) is expected: its own plain
    message is shown as the warning, with no details and no advice to restart.
    """

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except CareerlabError as exc:  # expected: its own words are the whole message
                log.info("careerlab widget callback: %s", exc)
                show_message(out, str(exc), "warn", title="Sorry")
                return None
            except Exception as exc:  # noqa: BLE001 - shown to the learner, logged in full
                log.exception("careerlab widget callback failed")
                show_message(
                    out,
                    "Something went wrong with this exercise, and nothing you saved was lost. "
                    f"Details: {plain_error(exc)}. Try again; if it keeps happening, choose "
                    "Kernel → Restart Kernel and Run All Cells.",
                    "warn",
                    title="Sorry",
                )
                return None

        return wrapper

    return decorate


def show_message(out: Any, text: str, kind: str = "info", *, title: str | None = None) -> None:
    """Show one message box in ``out``: an ``HTML`` widget (its value is replaced, which tests
    can read) or an ``Output`` widget (cleared, then the box displayed)."""
    if hasattr(out, "value") and not hasattr(out, "clear_output"):
        out.value = message_html(text, kind, title=title)
        return
    from IPython.display import HTML, display

    out.clear_output()
    with out:
        display(HTML(message_html(text, kind, title=title)))


class Table:
    """A DataFrame shown in full as an HTML table (``show_table``); the frame is in ``.data``.

    Drawn with pandas' own ``DataFrame.to_html`` rather than its ``Styler``: the Styler loads
    jinja2 and its templates on a lesson's first table (about a tenth of a second of Run All).
    """

    def __init__(self, frame: Any, label: str | None = None, framed: bool = False) -> None:
        self.data = frame
        self.label = label  # what a screen reader announces for the table (aria-label)
        self.framed = framed  # a border round every cell: for a form, or a table inside a widget

    def to_html(self) -> str:
        frame = self.data
        money = [i for i, c in enumerate(frame.columns) if "($)" in str(c)
                 or (len(frame) and frame[c].map(lambda v: bool(_MONEY.fullmatch(str(v)))).all())]
        if frame.index.nlevels == 1 and frame.columns.nlevels == 1 and frame.index.name is not None:
            # A named row index would get a header row of its own under the column names; its
            # name goes in the top-left header cell instead, so the table has one header row.
            frame = frame.rename_axis(index=None, columns=frame.index.name)
        levels = None  # the names of a row MultiIndex (e.g. Claim, Line): into the one header row too
        if frame.index.nlevels > 1 and frame.columns.nlevels == 1 and any(n is not None for n in frame.index.names):
            levels = ["" if n is None else html.escape(str(n)) for n in frame.index.names]
        body = frame.to_html(escape=True, border=0, sparsify=False, na_rep="", index_names=levels is None,
                             classes="careerlab-table mathjax_ignore tex2jax_ignore")
        if levels:
            end = body.index("</thead>")
            head = body[:end]
            for name in levels:  # the header row starts with one empty cell per row level
                head = head.replace("<th></th>", f"<th>{name}</th>", 1)
            body = head + body[end:]
        # An id of its own, from what the table holds, so its column rules touch no other table; an id
        # outranks JupyterLab's own rule that right-aligns every table cell (a class did not).
        mark = "careerlab-t" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:10]
        first = frame.index.nlevels  # the row labels come first in each row (<th>)
        rules = [f"#{mark} th, #{mark} td {{text-align: left; vertical-align: top}}"]
        rules += [f"#{mark} td:nth-child({first + 1 + i}) {{text-align: right}}" for i in money]
        dates = [i for i, c in enumerate(frame.columns)  # a date is never split at its hyphens
                 if len(frame) and frame[c].map(lambda v: bool(_DATE.fullmatch(str(v)))).all()]
        rules += [f"#{mark} td:nth-child({first + 1 + i}) {{white-space: nowrap}}" for i in dates]
        if self.framed:  # a widget's HTML has none of JupyterLab's table styles: draw the cells
            # line-height: a widget's HTML has the 28 px line height of a widget row (TEXT_STYLE)
            rules += [f"#{mark} {{border-collapse: collapse; margin: 4px 0; line-height: 1.45}}",
                      f"#{mark} th, #{mark} td {{border: 1px solid #888; padding: 3px 6px}}"]
        # tabindex: a table wider than the page scrolls sideways; keyboard users reach it with
        # Tab and scroll it with the arrow keys (axe: scrollable-region-focusable).
        named = f' aria-label="{html.escape(self.label)}"' if self.label else ""
        body = body.replace('<table class="', f'<table id="{mark}" tabindex="0"{named} class="', 1)
        return f"<style>{' '.join(rules)}</style>{body}"

    def _repr_html_(self) -> str:
        return self.to_html()


class Diagram:
    """HTML to display as it is (a notebook shows it through ``_repr_html_``)."""

    def __init__(self, html_text: str) -> None:
        self.html = html_text

    def _repr_html_(self) -> str:
        return self.html


def show_table(frame: Any, label: str | None = None, framed: bool = False) -> Table:
    """Return a DataFrame as a table to display in full: no "..." cutting long sentences short,
    text escaped, left-aligned but for money columns (right-aligned, like a statement), and marked
    so JupyterLab never reads two dollar amounts as a maths formula.

    ``label`` names the table for a screen reader; ``framed`` draws a border round every cell (a
    form, or a table in a widget's HTML, which JupyterLab's table styles do not reach). Inside a
    widget, use ``show_table(frame).to_html()`` as (part of) its value."""
    return Table(frame, label, framed)


def no_maths(html_text: str) -> str:
    """Wrap HTML so MathJax leaves it alone (two $ amounts are not a formula)."""
    return f'<div class="mathjax_ignore tex2jax_ignore">{html_text}</div>'


# JupyterLab and Voila give text in an HTML widget the 28 px line height of a widget row, so
# paragraphs look double-spaced; a block with its own line height reads like the lesson text.
TEXT_STYLE = "line-height:1.45;font-size:14px"


def readable(html_text: str, css_class: str = "careerlab-text") -> str:
    """Wrap HTML for an ``HTML`` widget in a block with a normal line height.

    >>> readable("<p>Hi</p>")
    '<div class="careerlab-text" style="line-height:1.45;font-size:14px"><p>Hi</p></div>'
    """
    return f'<div class="{css_class}" style="{TEXT_STYLE}">{html_text}</div>'


def say(text: str) -> Any:
    """A sentence for the learner, displayed as ordinary text: wrapped between words, never
    split mid-word at the screen edge like printed output, and never typeset as maths.

    Use it as the last line of a cell (or inside ``display``): ``say(contacts_summary(...))``.
    """
    from IPython.display import HTML

    body = html.escape(str(text)).replace("\n", "<br>")
    return HTML(no_maths(readable(f"<p style='margin:4px 0'>{body}</p>", "careerlab-say")))


# Charts: JupyterLab draws a PNG output as an <img> with no alt text (its image renderer takes no
# alt from metadata), so a screen reader announces only "image". A chart's text alternative is the
# summary sentence displayed next to it; the alt text names the chart and points to that sentence.
CHART_ALT_SUFFIX = "The sentence below the chart says in words what it shows."


def chart_alt(fig: Any) -> str:
    """The alt text of a matplotlib figure: its title(s), and where its text summary is.

    >>> class Ax:
    ...     def get_title(self): return "Cash collected each month"
    >>> class Fig:
    ...     axes = [Ax()]; _suptitle = None
    >>> chart_alt(Fig())
    'Chart: Cash collected each month. The sentence below the chart says in words what it shows.'
    """
    titles = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        titles.append(suptitle.get_text().strip())
    for ax in getattr(fig, "axes", []):
        title = ax.get_title().strip() if hasattr(ax, "get_title") else ""
        if title and title not in titles:
            titles.append(title)
    named = "; ".join(" ".join(t.split()) for t in titles)
    return f"Chart: {named}. {CHART_ALT_SUFFIX}" if named else f"Chart. {CHART_ALT_SUFFIX}"


def chart_html(png: bytes | str, alt: str, width: int | None = None, css: str = "") -> str:
    """HTML for a chart's PNG (bytes, or already base64 text) with its alt text.

    >>> chart_html(b"png", 'A "chart"', 300)
    '<img src="data:image/png;base64,cG5n" alt="A &quot;chart&quot;" width="300" style="max-width:100%;height:auto">'
    """
    data = png if isinstance(png, str) else base64.b64encode(png).decode("ascii")
    size = f' width="{int(width)}"' if width else ""
    cls = f'class="{html.escape(css)}" ' if css else ""
    return (f'<img {cls}src="data:image/png;base64,{data}" alt="{html.escape(alt)}"{size} '
            'style="max-width:100%;height:auto">')


def _figure_bundle(fig: Any) -> dict[str, str] | None:
    """IPython's mime-bundle form of a matplotlib figure: text/html, the PNG the inline backend
    makes in an <img> with alt text. JupyterLab and Voila prefer text/html to image/png, so the
    learner's page shows this one; the PNG is made once and handed to the image/png formatter
    that runs next (the bundle is asked first). Registered on the mime-bundle formatter because
    matplotlib_inline removes every per-mime Figure formatter but its own when it starts."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return None
    png_formatter = shell.display_formatter.formatters["image/png"]
    try:
        make_png = png_formatter.lookup(fig)
    except KeyError:
        return None
    data = _laid_out_png(fig) or make_png(fig)
    if not data:
        return None
    if not getattr(make_png, "_careerlab_cached", False):
        def cached(figure: Any, _make: Callable[[Any], Any] = make_png) -> Any:
            made = figure.__dict__.pop("_careerlab_png", None)
            return made if made is not None else _make(figure)

        cached._careerlab_cached = True  # type: ignore[attr-defined]
        png_formatter.for_type(type(fig), cached)
    fig.__dict__["_careerlab_png"] = data
    return {"text/html": chart_html(data, chart_alt(fig))}


def _laid_out_png(fig: Any) -> bytes | None:
    """The PNG of a figure laid out by matplotlib's constrained layout (every lesson chart is), at the
    figure's own size. The inline backend would crop it to a tight box, which measures every artist
    again (about a third of the chart's cost); a constrained figure has nothing to crop. None for
    any other figure."""
    try:
        from matplotlib.layout_engine import ConstrainedLayoutEngine
    except ImportError:  # pragma: no cover - matplotlib older than 3.6
        return None
    if not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
        return None
    from careerlab.charting import figure_png

    return figure_png(fig, fig.dpi)


def give_charts_alt_text() -> bool:
    """Make every matplotlib figure the kernel displays carry alt text (see ``_figure_bundle``).
    Done when ``careerlab.ui`` is imported in a running IPython kernel; imports nothing heavy."""
    if "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    shell.display_formatter.mimebundle_formatter.for_type_by_name(
        "matplotlib.figure", "Figure", _figure_bundle)
    return True


give_charts_alt_text()
