"""Operate widgets with the keyboard alone: Tab / Shift+Tab to move, Space or Enter to press.
(ipywidgets 8.1.9 gives a RadioButtons' inputs no shared name, so each option is its own Tab stop.) The page is only read (where the focus is), never
clicked and never given a value."""
from __future__ import annotations

import time

# Where the keyboard focus is, and what it is on.
FOCUS_JS = """() => {
  const e = document.activeElement; if (!e || e === document.body) return {tag: 'BODY'};
  const quiz = e.closest('.careerlab-quiz'); const q = e.closest('.careerlab-quiz-question');
  const item = e.closest('.careerlab-assessment-item'); const label = e.closest('label');
  return {tag: e.tagName, type: e.type || '', checked: !!e.checked,
          label: (label ? label.innerText : (e.innerText || e.value || '')).trim(),
          classes: typeof e.className === 'string' ? e.className : '',
          question: quiz && q ? [...quiz.querySelectorAll('.careerlab-quiz-question')].indexOf(q) : -1,
          item: item ? ((item.className.match(/careerlab-item-(\\S+)/) || [])[1] || null) : null,
          editor: !!e.closest('.cm-editor'), assessment: !!e.closest('.careerlab-assessment')};
}"""


def focus(page) -> dict:
    return page.evaluate(FOCUS_JS)


def describe(f: dict) -> str:
    where = f"question {f['question'] + 1}" if f.get("question", -1) >= 0 else (f.get("item") or "")
    return f"{f['tag']}{'/' + f['type'] if f.get('type') else ''} {f.get('label', '')[:40]!r} {where}".strip()


def tab_until(page, wanted, what: str, limit: int = 80, key: str = "Tab") -> dict:
    """Press Tab (or `key`) until `wanted(focus)` holds; fail listing where the focus went."""
    seen = []
    for _ in range(limit):
        f = focus(page)
        if wanted(f):
            return f
        seen.append(describe(f))
        page.keyboard.press(key)
    raise AssertionError(f"{what}: not reached with {key} after {limit} presses; the focus went: "
                         + " → ".join(seen[-25:]))


def radio_is(item_or_question, label: str):
    """A test for tab_until: the focus is on the radio button `label` of that item / question."""
    key = "question" if isinstance(item_or_question, int) else "item"
    return lambda f: f.get("type") == "radio" and f.get(key) == item_or_question and f.get("label") == label


def wait_for_focus(page, wanted, what: str, timeout_ms: int) -> dict:
    """Wait (pressing nothing) until `wanted(focus)` holds, e.g. after a button press the kernel
    answers; fail saying where the focus is instead."""
    end = time.monotonic() + timeout_ms / 1000
    while True:
        f = focus(page)
        if wanted(f):
            return f
        if time.monotonic() > end:
            raise AssertionError(f"{what}: the focus is on {describe(f)}")
        time.sleep(0.1)


# The items of the page shown now (the others are hidden), in order.
SHOWN_ITEMS_JS = """root => [...root.querySelectorAll('.careerlab-assessment-item')]
  .filter(e => e.offsetParent !== null)
  .map(e => (e.className.match(/careerlab-item-(\\S+)/) || [])[1])"""


def shown_items(widget) -> list[str]:
    return widget.evaluate(SHOWN_ITEMS_JS)
