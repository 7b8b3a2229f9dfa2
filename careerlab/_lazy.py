"""Lazy public names for the sub-packages: ``import careerlab.codes`` stays light, and a name such
as ``careerlab.codes.lookup_widget`` imports its module (and ipywidgets) only on first use."""
from __future__ import annotations

import importlib
import sys
from typing import Any, Callable, Mapping


def lazy_getattr(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that loads each name in ``where`` from its module.

    ``where`` maps a public name to its module: relative to ``package`` (``"charts"``) or absolute
    (``"careerlab.codes.charts"``). The loaded value is kept on the package for next time.
    """

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = where[name]
        target = module if module.startswith("careerlab.") else f"{package}.{module.lstrip('.')}"
        value = getattr(importlib.import_module(target), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
