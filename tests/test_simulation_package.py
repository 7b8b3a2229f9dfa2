"""Both sub-packages import light and export what __all__ promises."""
from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["careerlab.simulation", "careerlab.classroom"])
def test_import_is_light_and_names_resolve(package):
    code = (f"import sys, {package} as p\n"
            "heavy = [m for m in ('pandas', 'matplotlib', 'ipywidgets', 'numpy') if m in sys.modules]\n"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    module = __import__(package, fromlist=["__all__"])
    for name in module.__all__:
        assert getattr(module, name) is not None
    with pytest.raises(AttributeError):
        getattr(module, "no_such_name")
