"""Tables of the traits and of the role profiles (with their reasons), ready to display."""
from __future__ import annotations

import html
from typing import Any

from careerlab.assessment.data import load_profile_details, load_traits, profile_sources


def traits_html() -> str:
    """The seven traits and their plain definitions as an HTML table."""
    rows = "".join(f"<tr><th scope='row' style='text-align:left'>{html.escape(t.label)}</th>"
                   f"<td style='text-align:left'>{html.escape(t.definition)}</td></tr>" for t in load_traits())
    return ("<table class='careerlab-assessment-traits'><caption>The seven traits</caption>"
            "<thead><tr><th scope='col' style='text-align:left'>Trait</th>"
            "<th scope='col' style='text-align:left'>What it means</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def profiles_html() -> str:
    """Each role's value per trait with the reason and source, plus the O*NET attribution."""
    details, (sources, attribution) = load_profile_details(), profile_sources()
    rows = []
    for t in load_traits():
        cells = "".join(
            f"<td style='text-align:left'><b>{details[r][t.id].value:.0f}</b>: "
            f"{html.escape(details[r][t.id].justification)}</td>" for r in ("coder", "biller"))
        rows.append(f"<tr><th scope='row' style='text-align:left'>{html.escape(t.label)}</th>{cells}</tr>")
    cited = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>" for k, v in sources.items())
    return ("<table class='careerlab-assessment-profiles'><caption>Role profiles (0-100) and why</caption>"
            "<thead><tr><th scope='col' style='text-align:left'>Trait</th>"
            "<th scope='col' style='text-align:left'>Coder</th><th scope='col' style='text-align:left'>Biller</th></tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table><p>Sources:</p><ul>{cited}</ul>"
            f"<p style='font-size:0.9em'><i>{html.escape(attribution)}</i></p>")


NOT_ADVICE = ("This is a learning tool: talk to your programme's advisers and to working medical coders "
              "and billers before you decide.")


def app_footer_html() -> str:
    """The foot of the self-assessment page: "not career advice" and the O*NET attribution."""
    _, attribution = profile_sources()
    return ("<div class='careerlab-assessment-footer' style='line-height:1.45;font-size:0.9em'>"
            f"<p><b>Not career advice.</b> {html.escape(NOT_ADVICE)}</p>"
            "<p>The coder and biller profiles are teaching estimates drawn from a short article and from "
            f"O*NET figures.</p><p><i>{html.escape(attribution)}</i></p></div>")


def show_app_footer() -> Any:
    """The footer for the self-assessment page (app/self-assessment.ipynb)."""
    from IPython.display import HTML
    return HTML(app_footer_html())


def show_traits() -> Any:
    """The traits table for a notebook."""
    from IPython.display import HTML
    return HTML(traits_html())


def show_profiles() -> Any:
    """The role-profiles table for a notebook."""
    from IPython.display import HTML
    return HTML(profiles_html())
