"""Run axe-core (axe-playwright-python, with the tests' system Chromium) on the output areas of
the notebook open in JupyterLab, and sort what it finds.

Only our output is audited: the cell output areas inside the open notebook panel. JupyterLab's
own menus, toolbars and editors are not ours to fix (issue 16, item 5)."""
from __future__ import annotations

from dataclasses import dataclass, field

BLOCKING = ("serious", "critical")

# The open notebook panel's output areas (reset_lab closes every other document first).
OUTPUT_AREAS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell-outputArea"

# Violations that are not ours and cannot be fixed from careerlab, each with its reason:
# (rule id, CSS selector the flagged node must match, why). Never a whole rule, never a whole area.
ALLOWED: list[tuple[str, str, str]] = [
    # ipywidgets 8.1.9 draws IntSlider/FloatSlider with noUiSlider: the handle is a
    # <div role="slider"> with aria-valuenow but no aria-label, and the widget's visible
    # description is a <label> that cannot name a div (ipywidgets' createSlider passes no
    # handleAttributes to noUiSlider; see leongersen/noUiSlider#1223). Nothing on the Python side
    # reaches the handle. Allowed only for a slider whose description is set and shown beside it.
    ("aria-input-field-name",
     ".widget-slider:has(> .widget-label:not(:empty)) .noUi-handle[role=slider]",
     "ipywidgets slider handle without an aria-label (its description is shown beside it)"),
]


@dataclass
class Audit:
    """The violations axe found in one page region, by impact."""

    where: str
    violations: list[dict] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)
    nodes_checked: int = 0

    def counts(self) -> dict[str, int]:
        """Flagged nodes per impact (minor, moderate, serious, critical)."""
        out = {impact: 0 for impact in ("minor", "moderate", "serious", "critical")}
        for v in self.violations:
            out[v["impact"] or "minor"] += len(v["nodes"])
        return out

    def blocking(self) -> list[dict]:
        return [v for v in self.violations if v["impact"] in BLOCKING]

    def describe(self, violations: list[dict] | None = None, targets: int = 4) -> str:
        lines = []
        for v in self.violations if violations is None else violations:
            shown = [" ".join(map(str, n["target"])) for n in v["nodes"][:targets]]
            more = f" (+{len(v['nodes']) - targets} more)" if len(v["nodes"]) > targets else ""
            lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}; "
                         f"targets: {' | '.join(shown)}{more}")
        return "\n".join(lines)


def _is_allowed(page, rule: str, node: dict) -> str | None:
    for allowed_rule, selector, reason in ALLOWED:
        if rule != allowed_rule:
            continue
        target = node["target"][-1] if node["target"] else None
        if target and page.evaluate("([t, s]) => { const e = document.querySelector(t); return !!(e && e.matches(s)); }",
                                    [target, selector]):
            return f"{rule} at {target}: {reason}"
    return None


def audit_outputs(page, where: str, context: str = OUTPUT_AREAS) -> Audit:
    """axe on every element matching `context` (default: the open notebook's output areas)."""
    from axe_playwright_python.sync_playwright import Axe

    count = page.locator(context).count()
    assert count, f"{where}: nothing matches {context!r} to audit"
    results = Axe().run(page, context=context, options={"resultTypes": ["violations"]})
    audit = Audit(where, nodes_checked=count)
    for violation in results.response["violations"]:
        kept = []
        for node in violation["nodes"]:
            reason = _is_allowed(page, violation["id"], node)
            if reason:
                audit.allowed.append(reason)
            else:
                kept.append(node)
        if kept:
            audit.violations.append({**violation, "nodes": kept})
    return audit
