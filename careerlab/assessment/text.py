"""Plain-words sentences for the learner: the fit, the text summary of each chart, the results in
HTML and the widget's messages (pure logic)."""
from __future__ import annotations

import html
import re
from collections.abc import Mapping

from careerlab.assessment.data import load_next_steps, trait_labels, validated_tool
from careerlab.assessment.scoring import FitExplanation

ROLE_WORDS = {"coder": "medical coding", "biller": "medical billing"}
_GERUND = {"coder": "coding", "biller": "billing"}


def fit_headline(expl: FitExplanation, who: str = "You") -> str:
    """One sentence: which way the learner leans, or that the two fits are close.

    >>> from careerlab.assessment.scoring import FitExplanation
    >>> fit_headline(FitExplanation({"coder": 80.0, "biller": 78.0}, (), True, None))[:40]
    'Your fit for the two roles is close (cod'
    """
    c, b = round(expl.fit["coder"]), round(expl.fit["biller"])
    you = who == "You"
    if expl.close:
        return (f"{'Your' if you else who + chr(39) + 's'} fit for the two roles is close "
                f"(coder {c}, biller {b} out of 100). Both paths are real options for "
                f"{'you' if you else who}, and small offices often combine the two jobs in one person.")
    role = ROLE_WORDS[expl.leaning or "coder"]
    return f"{who} {'lean' if you else 'leans'} toward {role} (coder {c}, biller {b} out of 100)."


def pull_lines(expl: FitExplanation, labels: Mapping[str, str], limit: int = 3) -> dict[str, list[str]]:
    """For each role, up to ``limit`` sentences on the traits that pulled toward it, strongest first
    (``rest_line`` accounts for the traits left out)."""
    out: dict[str, list[str]] = {"coder": [], "biller": []}
    for pull in sorted(expl.pulls, key=lambda p: -abs(p.pull)):
        if pull.toward is None or len(out[pull.toward]) >= limit:
            continue
        out[pull.toward].append(
            f"{labels.get(pull.trait, pull.trait)}: score {pull.score:.0f}; "
            f"coder profile {pull.coder:.0f}, biller profile {pull.biller:.0f} "
            f"({abs(pull.pull):.1f} points toward {pull.toward})."
        )
    return out


def _and(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def rest_line(expl: FitExplanation, labels: Mapping[str, str], limit: int = 3) -> str:
    """One sentence on every trait ``pull_lines`` leaves out: the ones that pulled neither way (a
    tie: the score is as near one profile as the other) and the weaker pulls beyond ``limit``;
    "" when it leaves none out. Together they name every trait."""
    listed = {"coder": 0, "biller": 0}
    more: dict[str, list[str]] = {"coder": [], "biller": []}
    neither = []
    for pull in sorted(expl.pulls, key=lambda p: -abs(p.pull)):
        name = labels.get(pull.trait, pull.trait)
        if pull.toward is None:
            neither.append(f"{name} (score {pull.score:g}, as near the coder profile's "
                           f"{pull.coder:.0f} as the biller profile's {pull.biller:.0f})")
        elif listed[pull.toward] < limit:
            listed[pull.toward] += 1
        else:
            more[pull.toward].append(name)
    parts = [f"{_and(names)} also pulled toward {_GERUND[role]}, less strongly"
             for role, names in more.items() if names]
    if neither:
        parts.append(f"{_and(neither)} pulled neither way")
    return ("; ".join(parts) + ".") if parts else ""


def trait_summary(scores: Mapping[str, float], profiles: Mapping[str, Mapping[str, float]],
                  labels: Mapping[str, str]) -> str:
    """A text summary of the trait chart: highest and lowest scores and where each profile peaks."""
    order = sorted(scores, key=lambda t: (-scores[t], t))
    if scores[order[0]] - scores[order[-1]] < 1:
        return (f"All the trait scores are the same ({scores[order[0]]:.0f} out of 100), so the "
                "chart shows no leaning of its own; compare the bars with the role markers. "
                "50 is neutral.")
    top = ", ".join(f"{labels.get(t, t)} {scores[t]:.0f}" for t in order[:2])
    low = ", ".join(f"{labels.get(t, t)} {scores[t]:.0f}" for t in order[-2:])
    peaks = []
    for role in ("coder", "biller"):
        prof = profiles[role]
        best = sorted(prof, key=lambda t: (-prof[t], t))[:2]
        peaks.append(f"the {role} profile is highest on {' and '.join(labels.get(t, t) for t in best)}")
    return (f"Highest scores: {top}. Lowest: {low}. For comparison, "
            f"{peaks[0]}; {peaks[1]}. Scores run from 0 (strongly disagree on every statement) "
            "to 100 (strongly agree); 50 is neutral.")


def radar_summary(scores: Mapping[str, float], profiles: Mapping[str, Mapping[str, float]],
                  labels: Mapping[str, str]) -> str:
    """A text summary of the radar chart: on how many traits the learner is nearer each profile."""
    nearer: dict[str, list[str]] = {"coder": [], "biller": [], "both": []}
    for t, s in scores.items():
        dc, db = abs(s - profiles["coder"][t]), abs(s - profiles["biller"][t])
        nearer["both" if dc == db else "coder" if dc < db else "biller"].append(labels.get(t, t))
    parts = [f"closer to the coder profile on {len(nearer['coder'])} of {len(scores)} traits"]
    if nearer["coder"]:
        parts[0] += f" ({', '.join(nearer['coder'])})"
    biller = f"closer to the biller profile on {len(nearer['biller'])}"
    if nearer["biller"]:
        biller += f" ({', '.join(nearer['biller'])})"
    if not nearer["both"]:
        return f"The radar shows the shape of the scores against both roles: {parts[0]}, and {biller}."
    both = f"equally close to both on {len(nearer['both'])} ({', '.join(nearer['both'])})"
    return f"The radar shows the shape of the scores against both roles: {parts[0]}, {biller}, and {both}."


def unanswered_text(numbers: list[int], page_size: int) -> str:
    """Say exactly which questions (by page and number) are still unanswered.

    >>> unanswered_text([2, 9], 7)
    'Still unanswered: 2 questions. Page 1: question 2. Page 2: question 9. Answer them, then press Submit again.'
    """
    if not numbers:
        return "Every question is answered."
    pages: dict[int, list[int]] = {}
    for n in numbers:
        pages.setdefault((n - 1) // page_size + 1, []).append(n)
    where = " ".join(
        f"Page {page}: question{'s' if len(ns) > 1 else ''} {', '.join(map(str, ns))}."
        for page, ns in pages.items())
    count = "1 question" if len(numbers) == 1 else f"{len(numbers)} questions"
    return f"Still unanswered: {count}. {where} Answer them, then press Submit again."


def summary_lines(scores: Mapping[str, float], expl: FitExplanation, who: str = "You") -> list[str]:
    """Plain text of the results (for printing in a notebook); ``who`` names the person."""
    labels = trait_labels()
    lines = [fit_headline(expl, who)]
    for role, lines_for_role in pull_lines(expl, labels).items():
        lines += [f"  toward {role}: {line}" for line in lines_for_role]
    rest = rest_line(expl, labels)
    return lines + ([f"  {rest}"] if rest else [])


def _list(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"


def _cited(text: str) -> str:
    """Escape ``text`` and turn the web addresses in it into links that open in a new tab."""
    parts = re.split(r"(https?://\S+?)(?=[\s,;)]|$)", text)
    return "".join(
        f"<a href='{html.escape(p)}' target='_blank' rel='noopener'>{html.escape(p)}</a>" if i % 2 else html.escape(p)
        for i, p in enumerate(parts))


def fit_html(expl: FitExplanation) -> str:
    """The fit for each role, the traits that pulled each way, and what to study next, as HTML."""
    labels = trait_labels()
    pulls = pull_lines(expl, labels)
    steps = load_next_steps()["close" if expl.close else expl.leaning or "close"]
    tool = validated_tool()
    parts = ["<h3>Your fit for each role</h3>",
             f"<p class='careerlab-assessment-headline'>{html.escape(fit_headline(expl))}</p>"]
    for role, words in (("coder", "coding"), ("biller", "billing")):
        if pulls[role]:
            parts.append(f"<p><b>Traits that pulled toward {words}:</b></p>{_list(pulls[role])}")
    rest = rest_line(expl, labels)
    if rest:
        parts.append(f"<p>{html.escape(rest)}</p>")
    parts.append(f"<p><b>What to study next</b> ({html.escape(steps.heading.lower())}):</p>"
                 f"{_list(list(steps.study))}")
    certs = "".join(f"<li>{html.escape(f'{c.name}, awarded by {c.body} ({c.focus}).')} "
                    f"<small>Source: {_cited(c.source)}</small></li>" for c in steps.certifications)
    parts.append("<p><b>Certifications to look at</b> (check the awarding body for current exam details):</p>"
                 f"<ul>{certs}</ul>")
    parts.append(
        "<p><i>This is a reflection tool written for this course, not a validated psychological test. "
        f"For a validated interest inventory, try the {html.escape(tool['name'])} on "
        f"<a href='{html.escape(tool['url'])}' target='_blank' rel='noopener'>{html.escape(tool['site'])}</a>, "
        f"from the {html.escape(tool['by'])}.</i></p>")
    return "".join(parts)


# -- the widget's messages ---------------------------------------------------------------------
SAVED = "Your answers and results are saved. Scroll down for your charts and what they mean."
CLEARED = "Answers cleared. Your last saved results stay in your progress file until you submit again."
READY = "Your results file and your two charts are ready: download them with the links below."


def nothing_yet(action: str) -> str:
    """What to do before ``action`` ("export", "hand in") can work.

    >>> nothing_yet("export")
    'There is nothing to export yet: answer every statement and press Submit first.'
    """
    return f"There is nothing to {action} yet: answer every statement and press Submit first."


def draft_not_saved(why: str) -> str:
    """The latest answer could not be saved (``why``); it is still on the screen."""
    return (f"Your latest answer could not be saved ({why}). It is still on the screen; "
            "press Submit when you have answered everything.")


def saved_answers_unusable(why: str) -> str:
    """Saved answers that cannot be scored (``why``, cut to 200 characters): the questions start empty."""
    why = why if len(why) <= 200 else why[:197] + "..."
    return (f"Your saved answers could not be used ({why}), so the questions start empty. "
            "Nothing in your progress file was deleted.")


def welcome_back(n: int) -> str:
    """The learner's ``n`` answers from last time are filled in again.

    >>> welcome_back(1)
    'Welcome back: your 1 answer from last time is filled in. Carry on where you stopped.'
    """
    return (f"Welcome back: your {n} answer{'s' if n != 1 else ''} from last time "
            f"{'is' if n == 1 else 'are'} filled in. Carry on where you stopped.")
