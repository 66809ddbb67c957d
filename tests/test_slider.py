"""The date slider in a real browser: at every step the page says what Python's ``as_of`` says.

The slider replays the dispute: on each day it shows the claims on record by then
(``index(G).on_record(day)``, the rule ``claimgraph query ... --as-of`` uses) and each
proposition's status then (``claimgraph query status --as-of DAY``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import test_browser
from support import SHIPPED
from test_browser import Open, Opened, box, hidden, visible_ids

import graph
from graph.cli import main
from graph.queries import select_claims, status
from graph.queries.index import index
from graph.render import write_html

pytestmark = pytest.mark.browser

TODAY = dt.date.today().isoformat()

# the browser tests' fixtures: a page opened offline that fails on any request or script error, the shipped page
open_page = test_browser.open_page
shipped_html = test_browser.shipped_html

# Hand-built: an accusation on 6 October, its denial on 20 October, a corroboration dated only "October" (on record
# from its last day, the 31st) and an undated statement (on record from the build day on).
DISPUTE = """
sides:
  - {id: red, name: Red}
  - {id: blue, name: Blue}
actors:
  - {id: red-ministry, name: Red Ministry, kind: government-body, side: red}
  - {id: blue-force, name: Blue force, kind: armed-force, side: blue}
  - {id: monitor, name: A monitor, kind: organisation}
  - {id: blogger, name: A blogger, kind: person}
sources:
  - {id: doc, title: Doc, publisher: red-ministry}
claims:
  - {id: camp, claimant: red-ministry, kind: accusation, text: A camp at the base., date: 2017-10-06,
     targets: [blue-force], reports: [doc]}
  - {id: no-camp, claimant: blue-force, kind: denial, text: No camp., date: 2017-10-20,
     targets: [red-ministry], responds_to: [{denies: camp}], reports: [doc]}
  - {id: saw-camp, claimant: monitor, kind: corroboration, text: We saw the camp., date: 2017-10,
     responds_to: [{supports: camp}], reports: [doc]}
  - {id: musing, claimant: blogger, kind: statement, text: Something happened at the base., reports: [doc]}
"""


@pytest.fixture(scope="module")
def dispute_yaml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dispute") / "dispute.yaml"
    path.write_text(DISPUTE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dispute_graph(dispute_yaml: Path) -> nx.MultiDiGraph[Any]:
    return graph.load(dispute_yaml)


@pytest.fixture(scope="module")
def dispute_html(dispute_graph: nx.MultiDiGraph[Any], dispute_yaml: Path) -> Path:
    return write_html(dispute_graph, dispute_yaml.with_suffix(".html"))


def set_day(page: Opened, day: str | None) -> None:
    assert page.js("day => claimgraph.setDay(day)", day) == day


def shown_claims(page: Opened) -> set[str]:
    """The claims the canvas draws."""
    return set(
        page.js(
            "claimgraph.data.nodes.filter(n => n.type === 'claim' && !claimgraph.nodes.get(n.id).hidden).map(n => n.id)"
        )
    )


def statuses(page: Opened) -> dict[str, list[str | None]]:
    found: dict[str, dict[str, str | None]] = page.js("claimgraph.statusesOn()")
    return {p: [s["status"], s["since"]] for p, s in found.items()}


def printed_statuses(capsys: pytest.CaptureFixture[str], data: Path, day: str | None) -> dict[str, list[str | None]]:
    """What ``claimgraph query status --json [--as-of DAY]`` prints, by proposition."""
    assert main(["query", "status", "--json", "--data", str(data), *(["--as-of", day] if day else [])]) == 0
    printed = json.loads(capsys.readouterr().out)
    return {p["proposition"]: [p["status"], p["since"]] for p in printed["propositions"]}


def on_record(G: nx.MultiDiGraph[Any], day: str | None) -> set[str]:
    return set(index(G).on_record(dt.date.fromisoformat(day or TODAY)).listed())


def test_at_every_slider_step_the_page_shows_what_had_been_said_and_each_status_as_of_that_day(
    open_page: Open, shipped_html: Path, shipped_graph: nx.MultiDiGraph[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    page = open_page(shipped_html)
    days = page.js("claimgraph.sliderDays()")
    said = {made.isoformat() for made in index(shipped_graph).made.values() if made is not None}
    assert days == [*sorted(said), None] and len(days) == 11  # every day something came on record, then now
    for day in days:
        set_day(page, day)
        printed = printed_statuses(capsys, SHIPPED, day)
        assert statuses(page) == printed, day
        hubs = page.js("claimgraph.hubStatuses()")  # what each proposition's hub says on the canvas (verdicts.js)
        assert hubs and {p: line.split(" since ")[0] for p, line in hubs.items()} == {p: printed[p][0] for p in hubs}
        on = dt.date.fromisoformat(day or TODAY)
        assert statuses(page) == {
            p: [s.status, s.since] for p in statuses(page) for s in [status(shipped_graph, p, as_of=on)]
        }
        assert shown_claims(page) == on_record(shipped_graph, day), day
        assert page.js("claimgraph.day()") == day
        assert page.page.input_value("#cg-day") == str(days.index(day))
        assert page.page.inner_text("#cg-day-text") == (day or f"now ({TODAY})")


def test_a_node_with_nothing_said_by_the_day_is_hidden_with_its_links(
    open_page: Open, shipped_html: Path, shipped_graph: nx.MultiDiGraph[Any]
) -> None:
    page = open_page(shipped_html)
    set_day(page, "2017-10-06")
    assert shown_claims(page) == on_record(shipped_graph, "2017-10-06") and len(shown_claims(page)) == 6
    loose = page.js("""() => {
      const shown = (id) => !claimgraph.nodes.get(id).hidden;
      const claims = new Set(claimgraph.data.nodes.filter(n => n.type === 'claim' && shown(n.id)).map(n => n.id));
      // what vis-network draws: a link not hidden itself whose ends are both shown
      const links = claimgraph.edges.get({filter: e => !e.hidden && shown(e.from) && shown(e.to)});
      const speaks = new Set(links.flatMap(e => claims.has(e.from) || claims.has(e.to) ? [e.from, e.to] : []));
      return {
        silent: claimgraph.data.nodes.filter(n => shown(n.id) && !claims.has(n.id) && !speaks.has(n.id)).map(n => n.id),
        counted: claimgraph.visibleCounts().edges - links.length,
      };
    }""")
    assert loose == {"silent": [], "counted": 0}
    assert hidden(page, "gerasimov")  # Gerasimov spoke only in December
    assert page.page.inner_text("#cg-counts").endswith("edges shown")


def test_a_denial_turns_unanswered_into_disputed_on_the_day_it_is_on_record(
    open_page: Open,
    dispute_html: Path,
    dispute_yaml: Path,
    dispute_graph: nx.MultiDiGraph[Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = open_page(dispute_html)
    assert page.js("claimgraph.sliderDays()") == ["2017-10-06", "2017-10-20", "2017-10-31", None]
    expected = {
        "2017-10-06": ({"camp"}, ["unanswered", "2017-10-06"]),
        "2017-10-19": ({"camp"}, ["unanswered", "2017-10-06"]),  # between two events
        "2017-10-20": ({"camp", "no-camp"}, ["disputed", "2017-10-20"]),
        "2017-10-31": ({"camp", "no-camp", "saw-camp"}, ["disputed", "2017-10-20"]),
        None: ({"camp", "no-camp", "saw-camp", "musing"}, ["disputed", "2017-10-20"]),
    }
    for day, (claims, camp) in expected.items():
        set_day(page, day)
        assert shown_claims(page) == claims == on_record(dispute_graph, day), day
        assert statuses(page)["camp"] == camp
        assert statuses(page) == printed_statuses(capsys, dispute_yaml, day), day
    set_day(page, "2017-10-05")
    assert shown_claims(page) == set() and statuses(page)["camp"] == ["not yet made", None]
    assert visible_ids(page) == set()


def test_the_slider_is_labelled_and_moved_by_keys_and_by_its_buttons(open_page: Open, dispute_html: Path) -> None:
    page = open_page(dispute_html)
    slider = page.page.get_by_label("Said by")
    assert slider.get_attribute("type") == "range" and page.page.is_disabled("#cg-day-next")
    slider.focus()
    page.page.keyboard.press("Home")
    page.page.wait_for_function("claimgraph.day() === '2017-10-06'")
    assert shown_claims(page) == {"camp"} and page.page.is_disabled("#cg-day-prev")
    assert slider.get_attribute("aria-valuetext") == "2017-10-06, what had been said by then (event 1 of 3)"
    page.page.keyboard.press("ArrowRight")
    page.page.wait_for_function("claimgraph.day() === '2017-10-20'")
    page.page.get_by_role("button", name="Next event").click()
    assert page.js("claimgraph.day()") == "2017-10-31"
    page.page.get_by_role("button", name="Next event").click()
    assert page.js("claimgraph.day()") is None and page.page.is_disabled("#cg-day-next")
    assert slider.get_attribute("aria-valuetext") == "now: everything on record"
    page.page.get_by_role("button", name="Previous event").click()
    assert page.js("claimgraph.day()") == "2017-10-31"


def test_a_day_between_events_from_the_address_steps_to_the_events_around_it(
    open_page: Open, dispute_html: Path
) -> None:
    page = open_page(dispute_html, fragment="#day=2017-10-19")
    assert page.js("claimgraph.day()") == "2017-10-19" and page.page.inner_text("#cg-day-text") == "2017-10-19"
    assert page.page.input_value("#cg-day") == "0" and shown_claims(page) == {"camp"}
    page.page.get_by_role("button", name="Next event").click()
    assert page.js("claimgraph.day()") == "2017-10-20"
    set_day(page, "2017-10-19")
    page.page.get_by_role("button", name="Previous event").click()
    assert page.js("claimgraph.day()") == "2017-10-06"


def test_the_day_composes_with_the_filters(
    open_page: Open, shipped_html: Path, shipped_graph: nx.MultiDiGraph[Any]
) -> None:
    page = open_page(shipped_html)
    page.page.uncheck("#cg-filter-kinds input[value=denial]")
    set_day(page, "2017-12-31")
    kinds = [
        k
        for k in page.js("[...document.querySelectorAll('#cg-filter-kinds input')].map(c => c.value)")
        if k != "denial"
    ]
    wanted = select_claims(shipped_graph, kind=kinds) & on_record(shipped_graph, "2017-12-31")
    assert shown_claims(page) - set(page.js("claimgraph.contextNodes()")) == wanted
    page.page.check("#cg-filter-kinds input[value=denial]")
    assert page.js("claimgraph.day()") == "2017-12-31"  # a filter leaves the day alone
    assert shown_claims(page) == on_record(shipped_graph, "2017-12-31")
    page.page.click("#cg-reset")
    assert page.js("claimgraph.day()") is None and shown_claims(page) == on_record(shipped_graph, None)


def test_the_day_round_trips_through_the_address_and_back_and_forward_replay_it(
    open_page: Open, shipped_html: Path
) -> None:
    page = open_page(shipped_html)
    page.js("claimgraph.select('gerasimov-training')")
    set_day(page, "2018-09-04")
    assert "day=2018-09-04" in page.js("location.hash") and "node=gerasimov-training" in page.js("location.hash")
    again = open_page(shipped_html, fragment=page.js("location.hash"))
    assert again.js("claimgraph.day()") == "2018-09-04" and again.page.input_value("#cg-day") == "4"
    assert visible_ids(again) == visible_ids(page)
    assert again.js("claimgraph.viewState().selected") == "gerasimov-training"
    page.page.get_by_role("button", name="Previous event").click()
    assert page.js("claimgraph.day()") == "2018-09-01"
    page.page.go_back()
    page.page.wait_for_function("claimgraph.day() === '2018-09-04'")
    assert page.page.input_value("#cg-day") == "4"
    page.page.go_back()
    page.page.wait_for_function("claimgraph.day() === null")
    assert shown_claims(page) == set(page.js("claimgraph.data.nodes.filter(n => n.type === 'claim').map(n => n.id)"))
    page.page.go_forward()
    page.page.wait_for_function("claimgraph.day() === '2018-09-04'")


def test_on_a_phone_the_slider_fits_beside_its_buttons_and_leaves_the_graph_most_of_the_screen(
    open_page: Open, shipped_html: Path
) -> None:
    page = open_page(shipped_html, width=390, height=844)
    bar, slider = box(page, "#cg-time"), box(page, "#cg-day")
    assert bar["x"] >= 0 and bar["x"] + bar["width"] <= 390 and bar["y"] + bar["height"] <= 844
    assert slider["width"] >= 120
    for button in ("#cg-day-prev", "#cg-day-next"):
        assert box(page, button)["height"] >= 32 and box(page, button)["x"] + box(page, button)["width"] <= 390
    assert box(page, "#cg-network")["height"] > 0.6 * 844
    page.page.click("#cg-day-prev")
    assert page.page.inner_text("#cg-day-text") == "2022-04-30"


def test_a_slider_step_or_a_filter_draws_the_canvas_once_after_it_not_during_it(
    open_page: Open, shipped_html: Path
) -> None:
    # vis-network redraws the whole canvas during every DataSet update unless told not to: seconds at 5,000 claims
    page = open_page(shipped_html)
    page.js("() => { window.draws = 0; claimgraph.network.on('afterDrawing', () => { window.draws += 1; }); }")
    assert page.js("() => { claimgraph.setDay('2017-10-06'); return window.draws; }") == 0
    page.page.wait_for_function("window.draws === 1")
    page.page.wait_for_timeout(300)
    page.js("() => { window.draws = 0; }")
    page.page.uncheck("#cg-filter-relations input[value=reports]")
    page.page.wait_for_function("window.draws === 1")
    page.page.wait_for_timeout(300)
    assert page.js("window.draws") == 1
    assert page.js("() => { window.draws = 0; claimgraph.setDay('2017-10-06'); return window.draws; }") == 0
    page.page.wait_for_timeout(300)
    assert page.js("window.draws") == 0  # nothing changed, nothing to draw
