"""The public API: readable text helpers, tables with sources (light imports: tests/test_house.py)."""

from careerlab.assessment import explain_fit, fit_headline, load_example_responses, score
from careerlab.assessment.tables import profiles_html, traits_html
from careerlab.assessment.text import summary_lines


def test_text_about_another_person_uses_their_name():
    expl = explain_fit(score(load_example_responses()))
    assert fit_headline(expl, who="Robin").startswith("Robin leans toward medical coding")
    assert fit_headline(expl).startswith("You lean toward medical coding")
    lines = summary_lines(score(load_example_responses()), expl, who="Robin")
    assert lines[0].startswith("Robin") and any("toward coder" in line for line in lines[1:])


def test_tables_show_every_trait_and_the_onet_attribution():
    assert traits_html().count("<tr><th scope='row'") == 7
    html = profiles_html()
    assert html.count("<tr><th scope='row'") == 7
    assert "CC BY 4.0" in html and "source article" in html
