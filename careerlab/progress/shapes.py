"""Does a saved value have the shape a widget expects? (pure logic)

A shape is a small description of plain JSON data:

- a type (``str``, ``int``, ``float``, ``dict``, ``list``; ``bool`` never counts as a number),
- ``None`` for a saved null,
- a tuple for "any of these",
- ``[shape]`` for a list whose every item has that shape,
- ``{str: shape}`` for a dict whose every value has that shape,
- ``{"key": shape, ...}`` for a dict that has at least those keys, each with its shape.
"""
from __future__ import annotations

from typing import Any

Shape = Any


def matches(value: Any, shape: Shape) -> bool:
    """True when ``value`` has ``shape``.

    >>> matches({"answer": ["a", "b"]}, {"answer": [str]}), matches({"answer": "a"}, {"answer": [str]})
    (True, False)
    >>> matches(True, int), matches(3, (str, int)), matches(None, (None, str))
    (False, True, True)
    """
    if shape is None:
        return value is None
    if isinstance(shape, tuple):
        return any(matches(value, option) for option in shape)
    if isinstance(shape, list):
        return isinstance(value, list) and all(matches(item, shape[0]) for item in value)
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return False
        if list(shape) == [str]:
            return all(matches(item, shape[str]) for item in value.values())
        return all(key in value and matches(value[key], inner) for key, inner in shape.items())
    if isinstance(shape, type):
        if isinstance(value, bool) and shape is not bool and shape is not object:
            return False
        return isinstance(value, shape)
    raise TypeError(f"Not a shape: {shape!r}")
