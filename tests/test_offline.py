"""The whole suite runs with network access blocked (pytest-socket), loopback excepted."""
import socket

import pytest
from pytest_socket import SocketBlockedError, SocketConnectBlockedError


def test_outside_network_is_blocked():
    with pytest.raises((SocketBlockedError, SocketConnectBlockedError)):
        socket.create_connection(("192.0.2.10", 80), timeout=1)  # TEST-NET-1, never routable


def test_import_careerlab_is_light():
    import subprocess
    import sys

    code = "import careerlab, sys; print(sorted(m for m in ('pandas','matplotlib','ipywidgets','simple_icd_10_cm') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"import careerlab pulled in heavy modules: {out}"


def test_lazy_names_load_on_first_use_and_unknown_names_fail_clearly():
    import pytest

    from careerlab._lazy import lazy_getattr

    getter = lazy_getattr("careerlab.quiz", {"parse_number": "grading"})
    from careerlab.quiz.grading import parse_number

    assert getter("parse_number") is parse_number
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        getter("nope")
