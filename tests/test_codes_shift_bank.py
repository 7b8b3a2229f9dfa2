"""The shift on the real case bank: every case, typed as its own key, is fully right; the usual
slips cost what they should; the widget draws from practice_cases() when started."""
import pytest

from careerlab.codes import grade_case, practice_cases, shift_widget
from careerlab.progress import ProgressStore

CASES = practice_cases()


def typed_key(case):
    dx = ", ".join(k.code for k in case.diagnoses)
    svc = ", ".join("-".join((k.code,) + tuple(k.modifiers)) + (f" x{k.units}" if k.units != 1 else "")
                    for k in case.services)
    return dx, svc


def test_every_case_typed_as_its_key_is_fully_right():
    wrong = []
    for case in CASES:
        r = grade_case(case, *typed_key(case))
        if not r.all_right:
            wrong.append((case.id, [(fb.code, fb.status, fb.message) for fb in r.feedback if fb.status != "correct"],
                          r.order))
    assert not wrong, wrong[:5]


def test_reversed_diagnoses_are_said_where_order_matters():
    multi = [c for c in CASES if len(c.diagnoses) > 1][:20]
    assert multi
    for case in multi:
        dx, svc = typed_key(case)
        r = grade_case(case, ", ".join(reversed(dx.split(", "))), svc)
        assert r.score == 1.0 and r.order.startswith("Order:"), case.id


def test_a_dropped_modifier_costs_half_a_point():
    with_mods = [c for c in CASES if any(k.modifiers for k in c.services)][:20]
    assert with_mods
    for case in with_mods:
        dx, _ = typed_key(case)
        svc = ", ".join(k.code + (f" x{k.units}" if k.units != 1 else "") for k in case.services)
        r = grade_case(case, dx, svc)
        n = sum(bool(k.modifiers) for k in case.services)
        assert r.points == pytest.approx(len(case.diagnoses) + len(case.services) - n / 2), case.id


def test_the_shift_widget_draws_ten_charts_from_the_bank(tmp_path):
    w = shift_widget(store=ProgressStore(tmp_path / "h"))
    w.children[1].children[1].click()
    head = w.children[2].children[0].value
    assert "Chart 1 of 10" in head
