"""Provenance chains and relay loops, on small hand-built data sets."""

from __future__ import annotations

import networkx as nx
import pytest

import graph
from graph.errors import UnknownIdError
from graph.queries import citation_loops, provenance

ACTORS = """
actors:
  - {id: minister, name: The Minister, kind: person}
  - {id: witness, name: A witness, kind: person}
  - {id: wire, name: Wire, kind: media-outlet}
  - {id: agency, name: Agency, kind: media-outlet}
  - {id: daily, name: Daily, kind: media-outlet}
  - {id: weekly, name: Weekly, kind: media-outlet}
  - {id: blog, name: Blog, kind: media-outlet}
  - {id: gazette, name: Gazette, kind: media-outlet}
sources:
  - {id: by-daily, title: D, publisher: daily}
  - {id: by-weekly, title: W, publisher: weekly}
  - {id: by-blog, title: B, publisher: blog}
  - {id: by-gazette, title: G, publisher: gazette}
  - {id: by-agency, title: A, publisher: agency}
  - {id: unsigned, title: U}
claims:
"""


def build(claims: str) -> nx.MultiDiGraph:
    return graph.build_graph(graph.parse_dataset(ACTORS + claims))


def relay_loops(G: nx.MultiDiGraph, *claims: str) -> tuple[tuple[str, ...], ...]:
    """The citation loops among the relays of the claims' report chains."""
    return citation_loops([chain for claim in claims for chain in provenance(G, claim)])


def test_chain_runs_from_document_through_publisher_and_relays_back_to_claimant() -> None:
    G = build(
        "  - {id: c, claimant: minister, kind: accusation, text: T, reports: [{source: by-daily, via: [wire, agency]}]}"
    )
    [chain] = provenance(G, "c")
    assert str(chain) == "by-daily → daily → agency → wire → minister"
    assert (chain.publisher, chain.relays, chain.speaker, chain.origin) == (
        "daily",
        ("agency", "wire"),
        "minister",
        "minister",
    )


def test_chain_of_a_document_without_publisher_starts_at_the_relays() -> None:
    G = build("  - {id: c, claimant: minister, kind: accusation, text: T, reports: [{source: unsigned, via: [wire]}]}")
    assert [str(chain) for chain in provenance(G, "c")] == ["unsigned → wire → minister"]


def test_outlet_reporting_its_own_statement_is_one_link_not_a_loop() -> None:
    G = build("  - {id: c, claimant: daily, kind: statement, text: T, reports: [by-daily]}")
    [chain] = provenance(G, "c")
    assert chain.path == ("daily",) and not chain.circular


def test_one_chain_per_report_in_report_order() -> None:
    G = build("  - {id: c, claimant: minister, kind: accusation, text: T, reports: [by-weekly, by-daily]}")
    assert [chain.source for chain in provenance(G, "c")] == ["by-weekly", "by-daily"]


def test_repeat_extends_the_chain_to_the_original_speaker() -> None:
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T, reports: [by-agency]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: c}]}
""")
    [chain] = provenance(G, "r")
    assert (str(chain), chain.repeats, chain.origin) == ("by-daily → daily → minister", ("c",), "minister")


def test_repeat_passes_the_intermediaries_the_repeated_claim_came_through() -> None:
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T, reports: [{source: by-daily, via: [wire, agency]}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: c}]}
""")
    [chain] = provenance(G, "r")
    assert str(chain) == "by-daily → daily → agency → wire → minister"
    assert (chain.relays, chain.repeats, chain.repeat_relays) == ((), ("c",), (("agency", "wire"),))


def test_repeat_follows_the_repeated_claims_report_in_its_own_document() -> None:
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T,
     reports: [{source: by-weekly, via: [agency]}, {source: by-daily, via: [wire]}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: c}]}
""")
    assert [str(chain) for chain in provenance(G, "r")] == ["by-daily → daily → wire → minister"]


def test_repeat_follows_each_different_route_when_its_document_does_not_report_the_repeated_claim() -> None:
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T, reports:
      [{source: by-weekly, via: [wire]}, {source: by-blog, via: [agency]}, {source: by-gazette, via: [wire]}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: c}]}
""")
    assert [str(chain) for chain in provenance(G, "r")] == [
        "by-daily → daily → wire → minister",
        "by-daily → daily → agency → minister",
    ]


def test_repeater_among_the_intermediaries_got_the_words_where_it_stands() -> None:
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T, reports: [{source: by-gazette, via: [wire, daily, weekly]}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: c}]}
""")
    [chain] = provenance(G, "r")
    assert (str(chain), chain.circular) == ("by-daily → daily → wire → minister", False)
    assert relay_loops(G, "c", "r") == ()


def test_intermediaries_of_every_claim_down_a_line_of_repeats_are_on_the_chain() -> None:
    G = build("""\
  - {id: a, claimant: minister, kind: accusation, text: A, reports: [{source: by-agency, via: [wire]}]}
  - {id: m, claimant: blog, kind: accusation, text: M, reports: [{source: by-blog, via: [gazette]}],
     responds_to: [{repeats: a}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: m}]}
""")
    [chain] = provenance(G, "r")
    assert str(chain) == "by-daily → daily → gazette → blog → wire → minister"
    assert chain.repeat_relays == (("gazette",), ("wire",))


def test_speaker_repeating_their_own_claim_got_the_words_from_no_one() -> None:
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T, reports: [{source: by-gazette, via: [wire]}]}
  - {id: r, claimant: minister, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: c}]}
""")
    [chain] = provenance(G, "r")
    assert (str(chain), chain.repeat_relays) == ("by-daily → daily → minister", ((),))


def test_routes_down_a_line_give_as_many_chains_as_the_most_routes_not_their_product() -> None:
    G = build("""\
  - {id: a, claimant: minister, kind: accusation, text: A,
     reports: [{source: by-agency, via: [wire]}, {source: by-gazette, via: [agency]},
               {source: unsigned, via: [weekly]}]}
  - {id: m, claimant: blog, kind: accusation, text: M, reports: [{source: by-blog, via: [gazette]}, by-weekly],
     responds_to: [{repeats: a}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: m}]}
""")
    assert [chain.repeat_relays for chain in provenance(G, "r")] == [
        (("gazette",), ("wire",)),
        ((), ("agency",)),
        (("gazette",), ("weekly",)),
    ]


def test_outlet_repeating_a_claim_that_reached_it_through_an_outlet_citing_it_is_a_citation_loop() -> None:
    # Weekly's document cites Daily's claim; Daily's claim repeats the minister's words, which reached
    # print through Weekly: the loop shows only through the repeated claim's via.
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T, reports: [{source: by-gazette, via: [weekly]}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-weekly], responds_to: [{repeats: c}]}
""")
    [chain] = provenance(G, "r")
    assert (str(chain), chain.circular) == ("by-weekly → weekly → daily → weekly → minister", True)
    assert relay_loops(G, "r") == (("daily", "weekly"),)
    assert relay_loops(G, "c", "r") == (("daily", "weekly"),)


def test_outlets_citing_each_other_across_a_repeat_are_a_citation_loop() -> None:
    # Daily repeats the minister, whose words Gazette got through Weekly; Weekly's own document got them
    # from Daily. No chain comes back on itself, but together they run Daily -> Weekly -> Daily.
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T,
     reports: [{source: by-gazette, via: [weekly]}, {source: by-weekly, via: [daily]}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: c}]}
""")
    assert not any(chain.circular for c in ("c", "r") for chain in provenance(G, c))
    assert relay_loops(G, "c", "r") == (("daily", "weekly"),)


def test_actor_coming_back_in_one_chain_is_circular() -> None:
    G = build(
        "  - {id: c, claimant: minister, kind: accusation, text: T, "
        "reports: [{source: by-daily, via: [wire, daily, agency]}]}"
    )
    [chain] = provenance(G, "c")
    assert chain.circular
    assert relay_loops(G, "c") == (("agency", "daily"),)


def test_outlets_citing_each_other_are_a_citation_loop() -> None:
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T, reports: [{source: by-daily, via: [weekly]}]}
  - {id: r, claimant: minister, kind: accusation, text: T, reports: [{source: by-weekly, via: [daily]}],
     responds_to: [{repeats: c}]}
""")
    assert not any(chain.circular for c in ("c", "r") for chain in provenance(G, c))
    assert relay_loops(G, "c", "r") == (("daily", "weekly"),)


def test_three_outlets_in_a_ring_are_one_citation_loop() -> None:
    G = build("""\
  - {id: c, claimant: minister, kind: accusation, text: T, reports:
      [{source: by-daily, via: [wire, weekly]}, {source: by-weekly, via: [wire, blog]},
       {source: by-blog, via: [wire, daily]}]}
""")
    assert relay_loops(G, "c") == (("blog", "daily", "weekly"),)


def test_shared_relay_without_a_loop_is_not_circular() -> None:
    G = build(
        "  - {id: c, claimant: minister, kind: accusation, text: T, "
        "reports: [{source: by-daily, via: [wire]}, {source: by-weekly, via: [wire]}]}"
    )
    assert relay_loops(G, "c") == ()


def test_provenance_of_unknown_claim_suggests_close_ids() -> None:
    G = build("  - {id: minister-claim, claimant: minister, kind: accusation, text: T, reports: [by-daily]}")
    with pytest.raises(UnknownIdError, match=r"no claim with id 'minister-clam'; did you mean 'minister-claim'\?"):
        provenance(G, "minister-clam")


def test_shipped_pentagon_denial_reached_the_document_through_sputnik(shipped_graph: nx.MultiDiGraph) -> None:
    assert [str(c) for c in provenance(shipped_graph, "rebarich-denies-training")] == [
        "doc-003-pentagon-denies → sputnik → rebarich"
    ]


def test_shipped_tasnim_headline_reached_tasnim_through_sputnik_arabic(shipped_graph: nx.MultiDiGraph) -> None:
    assert [str(c) for c in provenance(shipped_graph, "tasnim-us-support-daesh")] == [
        "doc-004-tasnim → tasnim → sputnik-arabic → sputnik-arabic-field-source"
    ]


def test_claim_repeating_two_speakers_has_both_as_origins() -> None:
    G = build("""\
  - {id: a, claimant: minister, kind: accusation, text: A, reports: [by-agency]}
  - {id: b, claimant: witness, kind: accusation, text: B, reports: [by-weekly]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily],
     responds_to: [{repeats: a}, {repeats: b}]}
""")
    assert [(str(chain), chain.repeats) for chain in provenance(G, "r")] == [
        ("by-daily → daily → minister", ("a",)),
        ("by-daily → daily → witness", ("b",)),
    ]


def test_repeats_are_followed_past_the_first_branch() -> None:
    G = build("""\
  - {id: a, claimant: minister, kind: accusation, text: A, reports: [by-agency]}
  - {id: b, claimant: witness, kind: accusation, text: B, reports: [by-weekly]}
  - {id: m, claimant: blog, kind: accusation, text: M, reports: [by-blog], responds_to: [{repeats: a}, {repeats: b}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily], responds_to: [{repeats: m}]}
""")
    assert [chain.path for chain in provenance(G, "r")] == [("daily", "blog", "minister"), ("daily", "blog", "witness")]


def test_repeats_reaching_one_claim_two_ways_give_one_chain_to_it() -> None:
    G = build("""\
  - {id: a, claimant: minister, kind: accusation, text: A, reports: [by-agency]}
  - {id: m1, claimant: blog, kind: accusation, text: M, reports: [by-blog], responds_to: [{repeats: a}]}
  - {id: m2, claimant: weekly, kind: accusation, text: M, reports: [by-weekly], responds_to: [{repeats: a}]}
  - {id: r, claimant: daily, kind: accusation, text: R, reports: [by-daily],
     responds_to: [{repeats: m1}, {repeats: m2}]}
""")
    assert [chain.repeats for chain in provenance(G, "r")] == [("m1", "a")]


def test_claims_repeating_each_other_end_at_the_other_claim() -> None:
    G = build("""\
  - {id: a, claimant: minister, kind: accusation, text: A, reports: [by-daily], responds_to: [{repeats: b}]}
  - {id: b, claimant: witness, kind: accusation, text: B, reports: [by-weekly], responds_to: [{repeats: a}]}
""")
    assert [str(chain) for chain in provenance(G, "a")] == ["by-daily → daily → minister → witness"]


def test_repeats_running_into_a_circle_end_at_its_nearest_claim() -> None:
    G = build("""\
  - {id: a, claimant: minister, kind: accusation, text: A, reports: [by-daily], responds_to: [{repeats: b}]}
  - {id: b, claimant: witness, kind: accusation, text: B, reports: [by-weekly], responds_to: [{repeats: c}]}
  - {id: c, claimant: blog, kind: accusation, text: C, reports: [by-blog], responds_to: [{repeats: b}]}
""")
    assert [chain.repeats for chain in provenance(G, "a")] == [("b",)]
