"""The analysis on the page, in headless Chromium: hubs, badges, Open questions and details say what the queries say.

Every expectation is read from ``claimgraph query ... --json`` (run through the CLI's main) on the shipped data,
on the build day and on days in the past (``--as-of``), which the page shows after ``showAnalysisOn(day)``
(what the date slider does).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx
import pytest
from support import SHIPPED
from test_browser import Open, Opened, box, focused, selected

# the page fixtures, taken over under their own names (pytest finds fixtures by name in a test module)
from test_browser import open_page as open_page
from test_browser import shipped_html as shipped_html

import graph
from graph.cli import main
from graph.render import write_html
from graph.vocabulary import STANCES, STATUSES

pytestmark = pytest.mark.browser

PAST_DAYS = ("2017-10-07", "2017-12-30", "2018-09-02", "2018-12-01", "2020-06-01")
"""Days on which the shipped propositions stood otherwise than today, or were not yet made."""


def query(capsys: pytest.CaptureFixture[str], *words: str, as_of: str | None = None) -> Any:
    """What ``claimgraph query WORDS --json`` prints for the shipped data (as of ``as_of``), parsed."""
    when = ["--as-of", as_of] if as_of else []
    assert main(["query", *words, "--json", "--data", str(SHIPPED), *when]) == 0
    return json.loads(capsys.readouterr().out)


def status_text(p: dict[str, Any]) -> str:
    return f"{p['status']} since {p['since']}" if p.get("since") else str(p["status"])


def open_questions(capsys: pytest.CaptureFixture[str], as_of: str | None = None) -> list[str]:
    """The open questions as the queries give them: disputed or listed by ``query unanswered``, in status order."""
    unanswered = {p["proposition"] for p in query(capsys, "unanswered", as_of=as_of)["propositions"]}
    return [
        p["proposition"]
        for p in query(capsys, "status", as_of=as_of)["propositions"]
        if p["status"] == "disputed" or p["proposition"] in unanswered
    ]


def expected_badges(G: nx.MultiDiGraph[Any], statuses: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each claim's badges: the glyph of its stance and the status of the proposition, one per stance."""
    status_of = {p["proposition"]: p["status"] for p in statuses}
    badges: dict[str, list[tuple[str, str, str]]] = {}
    for p in statuses:
        for stand in p["stands"]:
            badges.setdefault(stand["claim"], []).append((p["proposition"], stand["role"], status_of[p["proposition"]]))
    return {
        claim: sorted(f"{STANCES[role].icon} {status}" for _, role, status in stands)
        for claim, stands in badges.items()
        if claim in G
    }


def drawn_badges(page: Opened) -> dict[str, list[str]]:
    return {claim: sorted(texts) for claim, texts in page.js("claimgraph.badges()").items()}


# --- hubs and badges -------------------------------------------------------------------------------


def test_every_hub_shows_the_status_query_status_prints_in_words_and_border(
    open_page: Open, shipped_html: Path, shipped_graph: nx.MultiDiGraph[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    page = open_page(shipped_html)
    printed = query(capsys, "status")["propositions"]
    declared = [p for p in printed if shipped_graph.nodes[p["proposition"]]["type"] == "proposition"]
    assert page.js("claimgraph.hubStatuses()") == {p["proposition"]: status_text(p) for p in declared}
    for p in declared:
        style = page.js("id => claimgraph.nodes.get(id)", p["proposition"])
        assert style["color"]["border"] == STATUSES[p["status"]].colour, p["proposition"]
    assert page.page.locator("#cg-legend [data-status=disputed]").inner_text() == "disputed"


def test_every_claim_carries_a_badge_per_stance_with_that_propositions_status(
    open_page: Open, shipped_html: Path, shipped_graph: nx.MultiDiGraph[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    page = open_page(shipped_html)
    expected = expected_badges(shipped_graph, query(capsys, "status")["propositions"])
    assert drawn_badges(page) == expected
    assert expected["konashenkov-black-hole"] == ["▲ disputed", "▼ disputed"]
    assert expected["captured-militants-confess-attacks"] == ["√ conceded"]


@pytest.mark.parametrize("day", PAST_DAYS)
def test_on_a_past_day_hubs_badges_and_open_questions_are_what_the_queries_say_as_of_it(
    open_page: Open,
    shipped_html: Path,
    shipped_graph: nx.MultiDiGraph[Any],
    capsys: pytest.CaptureFixture[str],
    day: str,
) -> None:
    page = open_page(shipped_html)
    page.js("d => claimgraph.showAnalysisOn(d)", day)
    printed = query(capsys, "status", as_of=day)["propositions"]
    hubs, redrawn = page.js("[claimgraph.hubStatuses(), claimgraph.hubsRestyled()]")
    today = {p["proposition"]: p["status"] for p in query(capsys, "status")["propositions"]}
    for p in printed:
        if shipped_graph.nodes[p["proposition"]]["type"] == "proposition":
            assert hubs[p["proposition"]] == status_text(p), (day, p["proposition"])
            # drawn over in the day's status style where that differs from the analysis day's
            assert redrawn.get(p["proposition"]) == (p["status"] if p["status"] != today[p["proposition"]] else None)
    said = [p for p in printed if p["status"] != "not yet made"]
    assert drawn_badges(page) == expected_badges(shipped_graph, said)
    assert page.js("claimgraph.openQuestions()") == open_questions(capsys, as_of=day)
    assert page.page.inner_text("#cg-open-day") == f"Unanswered or disputed on {day}"


def test_back_on_the_analysis_day_everything_is_as_first_drawn(open_page: Open, shipped_html: Path) -> None:
    page = open_page(shipped_html)
    first = page.js("[claimgraph.hubStatuses(), claimgraph.badges(), claimgraph.openQuestions()]")
    page.js("claimgraph.showAnalysisOn('2017-10-07')")
    assert page.js("[claimgraph.hubStatuses(), claimgraph.badges(), claimgraph.openQuestions()]") != first
    page.js("claimgraph.showAnalysisOn(null)")
    assert page.js("[claimgraph.hubStatuses(), claimgraph.badges(), claimgraph.openQuestions()]") == first


def test_the_stance_glyphs_are_drawn_with_the_pages_own_font(open_page: Open, shipped_html: Path) -> None:
    """No tofu and no fallback font: Chromium reports the font each legend glyph was drawn with."""
    page = open_page(shipped_html)
    cdp = page.page.context.new_cdp_session(page.page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    fonts = {}
    for stance in STANCES.values():
        selector = f"[data-stance={stance.name}] .cg-stance-icon"
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        fonts[stance.icon] = sorted(f["familyName"] for f in used)
    assert set(map(tuple, fonts.values())) <= {("Liberation Sans",), ("Arial",)}, fonts


def test_hovering_a_claim_or_a_hub_previews_how_it_stands(open_page: Open, shipped_html: Path) -> None:
    page = open_page(shipped_html)
    page.js("claimgraph.preview('konashenkov-black-hole')")
    assert "accusation, 6 October 2017 (uncertain)\n▲ disputed · ▼ disputed" in page.page.inner_text("#cg-preview")
    page.js("claimgraph.preview('us-trains-isis')")
    assert "proposition\ndisputed since 2017-12-29?" in page.page.inner_text("#cg-preview")


def test_the_svg_download_carries_the_status_lines_and_badges(open_page: Open, shipped_html: Path) -> None:
    page = open_page(shipped_html)
    page.page.select_option("#cg-filter-actor", "rebarich")
    svg = ElementTree.fromstring(page.js("claimgraph.exportSvg()").split("\n", 1)[1])
    words = svg.find("{http://www.w3.org/2000/svg}g[@data-analysis='words']")
    assert words is not None
    texts = [t.text for t in words.iter("{http://www.w3.org/2000/svg}text")]
    shown = set(page.js("claimgraph.listedNodes()"))
    badges = page.js("claimgraph.badges()")
    hubs = page.js("claimgraph.hubStatuses()")
    assert sorted(texts) == sorted(
        [text for claim, texts in badges.items() if claim in shown for text in texts]
        + [text for hub, text in hubs.items() if hub in shown]
    )
    assert "▼ disputed" in texts and "disputed since 2017-12-29?" in texts


# --- Open questions --------------------------------------------------------------------------------


def test_open_questions_are_the_disputed_and_unanswered_propositions_with_since_days_and_stands(
    open_page: Open, shipped_html: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = open_page(shipped_html)
    assert page.js("claimgraph.openQuestions()") == open_questions(capsys)
    printed = {p["proposition"]: p for p in query(capsys, "status")["propositions"]}
    for proposition in page.js("claimgraph.openQuestions()"):
        p = printed[proposition]
        text = page.page.inner_text(f"#cg-open-items button[data-node={proposition}]")
        roles = [stand["role"] for stand in p["stands"]]
        assert f"{p['status']} since {p['since']} ({p['days']} days)" in text
        assert f"asserted by {roles.count('asserts')}" in text
        if "denies" in roles:
            assert f"denied by {roles.count('denies')}" in text
    days = printed["militant-training-at-tanf"]["days"]
    item = page.page.inner_text("#cg-open-items button[data-node=militant-training-at-tanf]")
    assert item == f"Militant training at al-Tanf\ndisputed since 2018-09-04? ({days} days)\n" + (
        "asserted by 4, denied by 1, qualified by 1"
    )


def test_an_open_question_is_selected_by_click_and_by_keyboard(open_page: Open, shipped_html: Path) -> None:
    page = open_page(shipped_html)
    page.page.click("#cg-open-items button[data-node=us-trains-isis]")
    assert selected(page) == ["us-trains-isis"]
    page.page.keyboard.press("Escape")
    page.page.focus("#cg-open-items button[data-node=isis-operates-from-tanf]")
    page.page.keyboard.press("Tab")
    assert focused(page) == "konashenkov-human-shields"
    page.page.keyboard.press("Enter")
    assert selected(page) == ["konashenkov-human-shields"]
    assert "Status: disputed since 2017-10-06?" in page.panel_text()
    page.page.focus("#cg-open summary")
    page.page.keyboard.press("Enter")
    assert page.page.locator("#cg-open-items").is_hidden()  # folded away, so Tab goes on to the filters
    page.page.keyboard.press("Enter")
    assert page.page.locator("#cg-open-items").is_visible()


def test_on_a_phone_the_open_questions_are_in_the_drawer_and_choosing_one_closes_it(
    open_page: Open, shipped_html: Path
) -> None:
    page = open_page(shipped_html, width=390, height=844)
    assert page.page.locator("#cg-open").is_hidden()
    page.page.click("#cg-filters-toggle")
    page.page.wait_for_timeout(300)
    question = page.page.locator("#cg-open-items button[data-node=us-supports-isis]")
    assert question.is_visible() and box(page, "#cg-open")["width"] <= 390
    question.click()
    page.page.wait_for_timeout(300)
    assert page.page.locator("#cg-filters").is_hidden()
    assert selected(page) == ["us-supports-isis"]


# --- the details panel ------------------------------------------------------------------------------


def test_a_propositions_details_show_status_stands_evidence_strength_and_why(
    open_page: Open, shipped_html: Path, shipped_graph: nx.MultiDiGraph[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    page = open_page(shipped_html)
    p = next(p for p in query(capsys, "status")["propositions"] if p["proposition"] == "militant-training-at-tanf")
    strength = query(capsys, "strength")["strengths"]["militant-training-at-tanf"]["strength"]
    why = query(capsys, "why", "militant-training-at-tanf")["reason"]
    page.js("claimgraph.select('militant-training-at-tanf')")
    text = page.page.inner_text("#cg-details .cg-analysis")
    assert f"Status: disputed since {p['since']} ({p['days']} days)" in text
    label = {"asserts": "Asserted by", "denies": "Denied by", "qualifies": "Qualified by"}
    for stand in p["stands"]:
        line = next(line for line in text.split("\n") if line.startswith(label[stand["role"]] + ":"))
        assert shipped_graph.nodes[stand["claim"]]["label"] in line, stand["claim"]
    evidence = shipped_graph.nodes[p["evidence_for"][0]]["label"]
    assert f"Evidence cited for it: {evidence}" in text
    assert f"Strength: {two_places(strength)} " in text and why in text
    links = page.js("[...document.querySelectorAll('#cg-details .cg-analysis a[data-node]')].map(a => a.dataset.node)")
    assert {s["claim"] for s in p["stands"]} <= set(links)


def two_places(strength: float) -> str:
    """A strength as the page and ``query why`` write it: at most two decimals, no trailing zeros (0.5, 0.38)."""
    return f"{strength:.2f}".rstrip("0").rstrip(".")


def origin_paths(printed: dict[str, Any]) -> dict[str, list[str]]:
    """Each origin's report chains as the panel writes them: from the origin back to the document."""
    return {
        origin: [" ← ".join(reversed(r["chain"].split(" → "))) for route in routes for r in route["reports"]]
        for origin, routes in printed["origins"].items()
    }


def test_every_claims_details_show_its_strength_why_and_origins_as_the_queries_print_them(
    open_page: Open, shipped_html: Path, shipped_graph: nx.MultiDiGraph[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    page = open_page(shipped_html)
    strengths = query(capsys, "strength")["strengths"]
    claims = [n for n, a in shipped_graph.nodes(data=True) if a["type"] == "claim"]
    for claim in claims:
        why = query(capsys, "why", claim)["reason"]
        origins = origin_paths(query(capsys, "origins", claim))
        page.js("id => claimgraph.select(id)", claim)
        text = page.page.inner_text("#cg-details .cg-analysis")
        assert f"Strength: {two_places(strengths[claim]['strength'])} " in text, claim
        assert why in text, claim
        assert f"Independent origins ({len(origins)})" in headings(page), claim
        paths = page.js("""[...document.querySelectorAll('#cg-details .cg-report-path')].map(li =>
            [...li.querySelectorAll('[data-node]')].map(a => a.dataset.node).join(' ← '))""")
        assert sorted(paths) == sorted(path for chains in origins.values() for path in chains), claim


def headings(page: Opened) -> list[str]:
    """The headings of the details panel's analysis section, as written (not as styled)."""
    return list(page.js("[...document.querySelectorAll('#cg-details .cg-analysis h3')].map(h => h.textContent)"))


def test_a_claims_details_say_where_it_stands_and_when_the_figures_are_from(
    open_page: Open, shipped_html: Path
) -> None:
    page = open_page(shipped_html)
    page.js("claimgraph.select('konashenkov-black-hole')")
    text = page.page.inner_text("#cg-details .cg-analysis")
    assert "▲ asserts ISIS operates from al-Tanf: disputed since 2017-10-06?" in text
    assert "▼ denies Pentagon: training opposition forces: disputed since 2017-10-06?" in text
    assert headings(page) == ["Where it stands", "Independent origins (1)"]
    assert "the analysis day" not in text
    page.js("claimgraph.showAnalysisOn('2017-10-07')")
    text = page.page.inner_text("#cg-details .cg-analysis")
    asof = page.js("claimgraph.data.analysis.asOf")
    assert f"Strength, why and origins are as of {asof}, the analysis day, not 2017-10-07." in text
    page.js("claimgraph.showAnalysisOn('2017-10-01')")
    text = page.page.inner_text("#cg-details .cg-analysis")
    assert "Not yet said on 2017-10-01: on record from 2017-10-06." in text


WITHDRAWN_LATER = SHIPPED.parent.parent / "tests" / "fixtures" / "withdrawn-later.yaml"
"""Two assertions of ``base-used``, withdrawn on 2020-02-01 and 2020-03-01, weeks after they were made."""


def marked_withdrawn(page: Opened) -> list[str]:
    """The claims the details panel's analysis marks "(withdrawn)"."""
    return list(
        page.js(
            "[...document.querySelectorAll('#cg-details .cg-analysis a[data-node]')]"
            ".filter(a => a.nextSibling && a.nextSibling.textContent === ' (withdrawn)').map(a => a.dataset.node)"
        )
    )


@pytest.mark.parametrize(
    ("day", "withdrawn"),
    [
        ("2020-01-31", []),
        ("2020-02-01", ["minister-says"]),
        ("2020-02-29", ["minister-says"]),
        ("2020-03-01", ["minister-says", "green-accuses"]),
    ],
)
def test_a_claim_is_marked_withdrawn_on_a_past_day_only_once_its_retraction_is_on_record(
    open_page: Open, tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str, withdrawn: list[str]
) -> None:
    page = open_page(write_html(graph.load(WITHDRAWN_LATER), tmp_path / "withdrawn.html"))
    page.js("claimgraph.select('base-used')")
    page.js("d => claimgraph.setDay(d)", day)
    assert marked_withdrawn(page) == withdrawn
    assert main(["query", "status", "base-used", "--as-of", day, "--json", "--data", str(WITHDRAWN_LATER)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [s["claim"] for s in printed["stands"] if s["withdrawn"]] == withdrawn
    page.js("claimgraph.setDay(null)")
    assert marked_withdrawn(page) == ["minister-says", "green-accuses"]
