"""Take the self-assessment by clicking, in JupyterLab or in Voilà, and say what to expect.

The expected role fit is worked out here from the data files with the rule the lesson
teaches (fit = 100 minus the mean distance between your trait scores and the role's
profile), not read back from the package."""
from __future__ import annotations

import base64
import json
import re
import time

import pytest

from .servers import REPO

SCALE = {1: "Strongly disagree", 2: "Disagree", 3: "Neither agree nor disagree", 4: "Agree", 5: "Strongly agree"}


def _load(name: str) -> dict:
    return json.loads((REPO / "data" / "assessment" / name).read_text(encoding="utf-8"))


def item_ids() -> list[str]:
    """The statements' ids in the order the questionnaire shows them."""
    return [item["id"] for item in _load("items.json")["items"]]


def coder_leaning_answers() -> tuple[dict[str, int], dict[str, float]]:
    """Answers that point fully toward every trait the coder profile rates higher than the
    biller profile, and fully away from the others; and the fits they must give.

    Each such trait then scores 100 (coder higher) or 0 (biller higher), so on every trait the
    score is nearer the coder's value than the biller's: the coder fit must be the larger.
    """
    items = _load("items.json")["items"]
    roles = _load("role_profiles.json")["roles"]
    coder = {t: v["value"] for t, v in roles["coder"]["traits"].items()}
    biller = {t: v["value"] for t, v in roles["biller"]["traits"].items()}
    answers = {}
    for item in items:
        toward = coder[item["trait"]] > biller[item["trait"]]
        agree = toward != bool(item.get("reverse"))  # a reverse-keyed statement is answered the other way
        answers[item["id"]] = 5 if agree else 1
    scores = {t: (100.0 if coder[t] > biller[t] else 0.0) for t in coder}
    fit = {role: 100 - sum(abs(scores[t] - prof[t]) for t in prof) / len(prof)
           for role, prof in (("coder", coder), ("biller", biller))}
    return answers, fit


def opposite_answers(answers: dict[str, int]) -> tuple[dict[str, int], dict[str, float]]:
    """Every answer turned round (5 <-> 1), so each of the 28 differs; and the fits they must give
    (every trait then scores the other way: 100 where the coder answers gave 0)."""
    items = _load("items.json")["items"]
    roles = _load("role_profiles.json")["roles"]
    flipped = {item_id: 6 - value for item_id, value in answers.items()}
    coder = {t: v["value"] for t, v in roles["coder"]["traits"].items()}
    biller = {t: v["value"] for t, v in roles["biller"]["traits"].items()}
    scores = {t: (0.0 if coder[t] > biller[t] else 100.0) for t in coder}
    assert {i["id"] for i in items} == set(flipped)
    fit = {role: 100 - sum(abs(scores[t] - prof[t]) for t in prof) / len(prof)
           for role, prof in (("coder", coder), ("biller", biller))}
    return flipped, fit


def answer_every_item(root, answers: dict[str, int], timeout_ms: int) -> int:
    """Click an answer for every statement, page by page (Next page). Returns how many were clicked."""
    widget = root.locator(".careerlab-assessment").first
    clicked = 0
    while True:
        items = widget.locator(".careerlab-assessment-item:visible")  # the other pages are hidden
        items.first.wait_for(state="visible", timeout=timeout_ms)
        for i in range(items.count()):
            item = items.nth(i)
            item_id = re.search(r"careerlab-item-(\S+)", item.get_attribute("class")).group(1)
            label = SCALE[answers[item_id]]
            item.locator("label").filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")) \
                .locator("input").check()
            clicked += 1
        page_label = widget.locator("p", has_text=re.compile(r"^Page \d+ of \d+$")).first
        current, last = map(int, re.findall(r"\d+", page_label.inner_text()))
        if current == last:
            return clicked
        widget.locator(".careerlab-assessment-next").click()
        widget.locator("p", has_text=f"Page {current + 1} of {last}").wait_for(timeout=timeout_ms)


def submit_and_read_results(root, timeout_ms: int) -> str:
    """Press Submit; wait for both charts (decoded images) and the fit; return the fit's text."""
    widget = root.locator(".careerlab-assessment").first
    widget.locator(".careerlab-assessment-submit").click()
    for chart in ("trait-scores", "radar"):
        img = widget.locator(f"img.careerlab-assessment-chart-{chart}")
        img.wait_for(state="visible", timeout=timeout_ms)
        img.scroll_into_view_if_needed()
        assert img.evaluate("i => i.complete && i.naturalWidth > 100"), f"the {chart} chart did not load"
    fit = widget.locator(".careerlab-assessment-fit")
    fit.locator(".careerlab-assessment-headline").wait_for(timeout=timeout_ms)
    return " ".join(fit.inner_text().split())


def expected_headline_numbers(fit: dict[str, float]) -> str:
    return f"(coder {round(fit['coder'])}, biller {round(fit['biller'])} out of 100)"


def check_export(root, home, name: str, fit: dict[str, float], timeout_ms: int) -> dict:
    """Type a name, press Export, and read back the results file the learner hands in."""
    widget = root.locator(".careerlab-assessment").first
    widget.locator(".careerlab-assessment-name input").fill(name)
    widget.locator(".careerlab-assessment-export").click()
    widget.locator(".careerlab-assessment-export-message").filter(has_text="Exported").wait_for(timeout=timeout_ms)
    results = home.parent / "my-results"  # the lab's CAREERLAB_RESULTS_DIR (servers.isolated_env)
    files = list(results.glob("*.json"))
    assert files, f"no results file in {results}"
    data = json.loads(max(files, key=lambda p: p.stat().st_mtime).read_text(encoding="utf-8"))
    assert data["format"] == "careerlab-results"
    assert data["learner"] == name
    saved_fit = data["progress"]["assessment"]["role_fit"]
    assert saved_fit == pytest.approx(fit, abs=0.1)  # saved rounded to 0.1
    check_download_link(root, data, timeout_ms, intro="Or download it with the link below")
    message = root.locator(".careerlab-assessment").first.locator(".careerlab-assessment-export-message")
    newest = max(files, key=lambda p: p.stat().st_mtime)
    assert f"Saved as my-results/{newest.name}" in message.inner_text()
    return data


def export_on_kiosk(root, name: str, timeout_ms: int) -> None:
    """Type a name (or leave the box empty) and press Export; wait for "Exported" with a new file
    (after an earlier export the old message and link are still there until the new ones arrive)."""
    widget = root.locator(".careerlab-assessment").first
    link = widget.locator(".careerlab-assessment-export-message a.careerlab-download-results")
    before = link.get_attribute("download") if link.count() else None
    widget.locator(".careerlab-assessment-name input").fill(name)
    widget.locator(".careerlab-assessment-export").click()
    widget.locator(".careerlab-assessment-export-message").filter(has_text="Exported").wait_for(timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    while before is not None and link.get_attribute("download") == before:
        assert time.monotonic() < deadline, "the second export showed no new file"
        time.sleep(0.2)


def read_download(root, timeout_ms: int) -> tuple[str, dict]:
    """The results file a visitor downloads: (its file name, the JSON), read from the page's link."""
    message = root.locator(".careerlab-assessment").first.locator(".careerlab-assessment-export-message")
    link = message.locator("a.careerlab-download-results[download]")
    link.wait_for(state="visible", timeout=timeout_ms)
    href = link.get_attribute("href")
    assert href.startswith("data:application/json;base64,")
    return link.get_attribute("download"), json.loads(base64.b64decode(href.split(",", 1)[1]))


def check_kiosk_export(root, name: str, answers: dict[str, int], fit: dict[str, float],
                       timeout_ms: int) -> tuple[str, dict]:
    """Export on the kiosk page and check the download holds this visitor's answers and fit only,
    says nothing is kept on this computer, and offers the two charts too."""
    export_on_kiosk(root, name, timeout_ms)
    file_name, data = read_download(root, timeout_ms)
    assert data["format"] == "careerlab-results" and data["learner"] == (name or "learner")
    assessment = data["progress"]["assessment"]
    assert assessment["responses"] == answers and len(answers) == 28
    assert assessment["role_fit"] == pytest.approx(fit, abs=0.1)  # saved rounded to 0.1
    assert set(data["progress"]) == {"assessment", "learner"}, "the export holds more than this visit"
    check_download_link(root, data, timeout_ms)
    message = root.locator(".careerlab-assessment").first.locator(".careerlab-assessment-export-message")
    assert "Nothing is kept on this computer after you leave" in message.inner_text()
    return file_name, data


def check_download_link(root, data: dict, timeout_ms: int,
                        intro: str = "Download your results file and hand it in") -> None:
    """The results file is offered as a browser download (a visitor cannot reach the server's folders):
    an <a download> link whose data URL holds the same JSON; clicking it downloads that file."""
    message = root.locator(".careerlab-assessment").first.locator(".careerlab-assessment-export-message")
    assert intro in message.inner_text()
    link = message.locator("a.careerlab-download-results[download]")
    link.wait_for(state="visible", timeout=timeout_ms)
    name = link.get_attribute("download")
    assert name.startswith("careerlab-results-") and name.endswith(".json"), name
    href = link.get_attribute("href")
    assert href.startswith("data:application/json;base64,")
    assert json.loads(base64.b64decode(href.split(",", 1)[1])) == data
    assert message.locator("a.careerlab-download-chart[download]").count() == 2
    if hasattr(root, "expect_download"):  # a whole page (not a frame): really click it
        with root.expect_download(timeout=timeout_ms) as info:
            link.click()
        assert info.value.suggested_filename == name
