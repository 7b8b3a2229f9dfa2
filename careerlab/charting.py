"""What every chart shares: one way to get the Axes to draw on, and one colour-blind-safe palette.

Chart functions in ``careerlab.<area>.charts`` take ``ax=None``, draw on ``axes(ax, size)`` and
return the Axes; they never call ``plt.show()``. Each chart has a text summary next to it
(``<area>.text`` or a ``*_summary`` function) that says in words what the chart shows.
"""
from __future__ import annotations

from typing import Any

__all__ = ["BLUE", "GREEN", "GREY", "ORANGE", "SKY", "VERMILLION", "YELLOW", "PURPLE", "axes", "figure_png"]

# Okabe & Ito's palette, which stays distinct for the common kinds of colour blindness.
BLUE, ORANGE, GREEN, SKY = "#0072B2", "#E69F00", "#009E73", "#56B4E9"
VERMILLION, YELLOW, PURPLE, GREY = "#D55E00", "#F0E442", "#CC79A7", "#999999"


def axes(ax: Any = None, size: tuple[float, float] = (8, 5), *, polar: bool = False) -> Any:
    """``ax`` itself, or the Axes of a new figure of ``size`` inches (polar when asked)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=size, subplot_kw={"projection": "polar"} if polar else None)
    return new


def figure_png(fig: Any, dpi: int = 100, *, fast: bool = False) -> bytes:
    """The figure as PNG bytes, drawn once. ``fast`` trades file size for time (light compression),
    for a widget that redraws on every change. A glyph the font lacks (a name in another script)
    is drawn as a box, without a warning."""
    import io
    import warnings

    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Glyph .* missing", UserWarning)
        fig.savefig(buffer, format="png", dpi=dpi, **({"pil_kwargs": {"compress_level": 1}} if fast else {}))
    return buffer.getvalue()
