"""The self-assessment page for a shared computer (app/self-assessment.ipynb, served by `make app`):
no notebook instructions, no raw Python values, the attribution and "not career advice" on the page;
the kiosk's Voilà settings (app/voila.py) and the `make app` command that uses them."""
import importlib.util
import subprocess
from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader

import nbformat

from careerlab.assessment import show_app_footer
from careerlab.assessment.tables import app_footer_html
from careerlab.assessment.data import profile_sources

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app" / "self-assessment.ipynb"
_spec = importlib.util.spec_from_file_location("escape_markdown", ROOT / "tools" / "escape_markdown.py")
escape_markdown = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(escape_markdown)


def _cells(kind):
    return [c.source for c in nbformat.read(APP, as_version=4).cells if c.cell_type == kind]


def test_make_app_serves_the_app_page():
    app_lines = [line for line in (ROOT / "Makefile").read_text().splitlines() if "/voila " in line]
    assert app_lines and all("voila app/self-assessment.ipynb --port=8866" in line for line in app_lines)


def _make_app_dry_run(*overrides):
    out = subprocess.run(["make", "-n", "app", *overrides], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.replace("\\\n", " ")  # one shell command, continued lines joined
    return next(line for line in out.splitlines() if "/voila " in line)


def test_make_app_uses_the_kiosk_settings_and_no_learner_home():
    line = _make_app_dry_run()
    assert "--Voila.config_file_paths=app" in line and "--Voila.ip=127.0.0.1" in line
    assert 'CAREERLAB_HOME="$kiosk/no-learner-home"' in line and 'CAREERLAB_KIOSK_DIR="$kiosk/visits"' in line
    assert "CAREERLAB_KIOSK_IDLE_SECONDS=300" in line and "CAREERLAB_KIOSK_MAX_KERNELS=10" in line
    assert "mktemp -d" in line and "trap 'rm -rf \"$kiosk\"' EXIT" in line  # one fresh folder, removed


def test_make_app_numbers_can_be_changed_on_the_command_line():
    line = _make_app_dry_run("KIOSK_MAX_KERNELS=3", "KIOSK_IDLE_SECONDS=120", "KIOSK_CULL_INTERVAL=15")
    assert "CAREERLAB_KIOSK_MAX_KERNELS=3" in line and "CAREERLAB_KIOSK_IDLE_SECONDS=120" in line
    assert "CAREERLAB_KIOSK_CULL_INTERVAL=15" in line


def _voila_config(monkeypatch, **env):
    for var in ("CAREERLAB_KIOSK_IDLE_SECONDS", "CAREERLAB_KIOSK_CULL_INTERVAL", "CAREERLAB_KIOSK_MAX_KERNELS"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    return PyFileConfigLoader("voila.py", path=str(ROOT / "app")).load_config()


def test_the_voila_config_culls_idle_kernels_and_caps_them(monkeypatch):
    c = _voila_config(monkeypatch)
    km = c.MappingKernelManager
    assert (km.cull_idle_timeout, km.cull_interval, km.cull_connected, km.cull_busy) == (300, 60, True, False)
    vc = c.VoilaConfiguration
    assert vc.show_tracebacks is False and vc.file_allowlist == [] and vc.progressive_rendering is False
    assert vc.preheat_kernel is False and callable(vc.prelaunch_hook)
    assert "allowed_message_types" not in km  # Voilà's own allow-list (no execute_request) must stand
    c = _voila_config(monkeypatch, CAREERLAB_KIOSK_IDLE_SECONDS="30", CAREERLAB_KIOSK_CULL_INTERVAL="2")
    assert (c.MappingKernelManager.cull_idle_timeout, c.MappingKernelManager.cull_interval) == (30, 2)
    with pytest.raises(ValueError, match="CAREERLAB_KIOSK_MAX_KERNELS"):
        _voila_config(monkeypatch, CAREERLAB_KIOSK_MAX_KERNELS="lots")


def test_the_page_says_nothing_is_kept():
    text = " ".join("\n".join(_cells("markdown")).split())
    assert "nothing is kept on this computer after you leave" in text
    assert "download your results before you close this page" in text


def test_the_page_is_committed_without_outputs():
    nb = nbformat.read(APP, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_the_text_says_what_it_is_and_nothing_about_cells():
    text = "\n".join(_cells("markdown"))
    assert text.startswith("# Self-assessment")
    assert "not a validated" in text and "https://www.mynextmove.org/explore/ip" in text
    for notebook_only in ("cell", "Shift", "Enter", "run the", "Run the", "Try it", "kernel"):
        assert notebook_only not in text, notebook_only
    assert not escape_markdown.unescaped_dollars(text) and not escape_markdown.unescaped_onet(text)


def test_the_code_only_shows_widgets_and_the_footer():
    code = _cells("code")
    assert "show_assessment(fresh=True)" in code[0] and code[-1].strip() == "show_app_footer()"
    # Every cell ends in a call that displays something made for people, never a bare value.
    assert all(cell.strip().splitlines()[-1].startswith("show_") for cell in code)


def test_footer_has_the_attribution_and_not_career_advice():
    html = app_footer_html()
    assert "Not career advice" in html
    assert profile_sources()[1] in html.replace("&#x27;", "'")
    assert "CC BY 4.0" in html and "USDOL/ETA" in html
    assert show_app_footer().data == html
