"""The shipped al-Tanf data set: pinned counts and hand-checked facts.

The file is read with PyYAML directly (dates kept as text, as the project
loader keeps them), so these tests pin the data, not the loader; one test at
the end also runs the project loader over it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "claims.yaml"
SEEDS = ROOT.parent / "shared" / "seeds"


class _TextDates(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: 2017-10-06 stays the text '2017-10-06'."""


_TextDates.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=1)
def dataset() -> dict[str, list[dict[str, Any]]]:
    with DATA.open(encoding="utf-8") as handle:
        loaded: dict[str, list[dict[str, Any]]] = yaml.load(handle, Loader=_TextDates)
    return loaded


def by_id(section: str) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in dataset()[section]}


def reports(claim: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"source": r} if isinstance(r, str) else r for r in claim["reports"]]


def quotes(claim: dict[str, Any]) -> list[str]:
    quote = claim.get("quote", [])
    return [quote] if isinstance(quote, str) else list(quote)


def responses(claim: dict[str, Any]) -> list[tuple[str, str]]:
    return [next(iter(r.items())) for r in claim.get("responds_to", [])]


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_TYPOGRAPHY)).strip()


def archived_text(source_id: str) -> str:
    archive = str(by_id("sources")[source_id]["archive"])
    return (DATA.parent / archive).read_text(encoding="utf-8")


# --- shape and counts -------------------------------------------------------


def test_file_starts_with_the_schema_hook() -> None:
    first_line = DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/claims.schema.json"


def test_data_set_has_a_title() -> None:
    assert dataset()["title"] == "The al-Tanf dispute"


def test_section_sizes_are_pinned() -> None:
    sizes = {section: len(records) for section, records in dataset().items() if isinstance(records, list)}
    assert sizes == {
        "sides": 4,
        "actors": 31,
        "places": 15,
        "propositions": 4,
        "evidence": 4,
        "sources": 5,
        "claims": 27,
    }


def test_claims_per_kind_are_pinned() -> None:
    kinds = Counter(claim["kind"] for claim in dataset()["claims"])
    assert kinds == {
        "accusation": 15,
        "denial": 4,
        "statement": 4,
        "admission": 2,
        "rebuttal": 1,
        "corroboration": 1,
    }


def test_response_count_is_pinned() -> None:
    assert sum(len(responses(claim)) for claim in dataset()["claims"]) == 10


def test_claims_per_document_are_pinned() -> None:
    per_source = Counter(r["source"] for claim in dataset()["claims"] for r in reports(claim))
    assert per_source == {
        "doc-000-sputnik": 4,
        "doc-001-southfront": 4,
        "doc-002-defense-post": 6,
        "doc-003-pentagon-denies": 5,
        "doc-004-tasnim": 8,
    }


def test_ids_are_unique_across_all_sections() -> None:
    sections = [records for records in dataset().values() if isinstance(records, list)]
    ids = Counter(record["id"] for records in sections for record in records)
    assert [i for i, n in ids.items() if n > 1] == []


def test_every_reference_resolves() -> None:
    sides, actors, places = set(by_id("sides")), set(by_id("actors")), set(by_id("places"))
    sources, claims = set(by_id("sources")), set(by_id("claims"))
    broken: list[tuple[str, ...]] = []
    for actor in dataset()["actors"]:
        broken += [("side", actor["id"])] if "side" in actor and actor["side"] not in sides else []
        broken += [("member_of", actor["id"], m) for m in actor.get("member_of", []) if m not in actors]
    propositions, evidence = set(by_id("propositions")), set(by_id("evidence"))
    for source in dataset()["sources"]:
        broken += (
            [("publisher", source["id"])]
            if "publisher" in source and actor_of(source["publisher"]) not in actors
            else []
        )
        broken += [("source via", source["id"], v) for v in source.get("via", []) if actor_of(v) not in actors]
    for proposition in dataset()["propositions"]:
        broken += [("implicates", proposition["id"], a) for a in proposition.get("implicates", []) if a not in actors]
        broken += [("place", proposition["id"], p) for p in proposition.get("places", []) if p not in places]
    for item in dataset()["evidence"]:
        broken += [("by", item["id"], a) for a in item.get("by", []) if a not in actors]
        broken += [("source", item["id"], r) for r in item.get("reports", []) if actor_of(r, "source") not in sources]
    for claim in dataset()["claims"]:
        broken += [("claimant", claim["id"])] if claim["claimant"] not in actors else []
        for stance in ("asserts", "denies", "qualifies", "concedes", "retracts"):
            broken += [(stance, claim["id"], p) for p in as_list(claim.get(stance)) if p not in propositions]
        broken += [("rests_on", claim["id"], d) for d in as_list(claim.get("rests_on")) if d not in claims | evidence]
        broken += [("cites", claim["id"], e) for e in as_list(claim.get("cites")) if e not in evidence]
        broken += [("said_at", claim["id"])] if claim.get("said_at", "al-tanf") not in places | evidence else []
        broken += [("target", claim["id"], t) for t in claim.get("targets", []) if t not in actors]
        broken += [("place", claim["id"], p) for p in claim.get("places", []) if p not in places]
        for report in reports(claim):
            broken += [("source", claim["id"])] if report["source"] not in sources else []
            broken += [("via", claim["id"], v) for v in report.get("via", []) if actor_of(v) not in actors]
        broken += [("responds_to", claim["id"], c) for _, c in responses(claim) if c not in claims]
    assert broken == []


def test_every_claim_has_at_least_one_report() -> None:
    assert [c["id"] for c in dataset()["claims"] if not c.get("reports")] == []


# --- hand-checked facts -----------------------------------------------------


def test_rebarich_denial_denies_gerasimov_training() -> None:
    claim = by_id("claims")["rebarich-denies-training"]
    assert claim["claimant"] == "rebarich"
    assert claim["kind"] == "denial"
    assert ("denies", "gerasimov-training") in responses(claim)
    assert by_id("claims")["gerasimov-training"]["claimant"] == "gerasimov"


def test_coalition_statements_in_002_deny_both_konashenkov_claims() -> None:
    claims = by_id("claims")
    assert ("denies", "konashenkov-black-hole") in responses(claims["coalition-denies-black-hole"])
    assert ("denies", "konashenkov-human-shields") in responses(claims["coalition-denies-human-shields"])


def test_coalition_spokesperson_in_000_denies_the_lions_of_the_east_camp() -> None:
    denial = by_id("claims")["coalition-denies-tanf-camp"]
    assert responses(denial) == [("denies", "lions-of-the-east-training-camp")]
    camp = by_id("claims")["lions-of-the-east-training-camp"]
    assert camp["claimant"] == "lions-of-the-east-detainees"
    assert reports(camp) == [{"source": "doc-000-sputnik", "via": ["russian-reconciliation-center"]}]


def test_zakharova_supports_gerasimov_across_documents() -> None:
    claims = by_id("claims")
    assert responses(claims["zakharova-training"]) == [("supports", "gerasimov-training")]
    assert reports(claims["zakharova-training"])[0]["source"] != reports(claims["gerasimov-training"])[0]["source"]


def test_revolutionary_commando_army_answers_zakharova() -> None:
    claim = by_id("claims")["rca-rebuts-zakharova"]
    assert claim["claimant"] == "revolutionary-commando-army"
    assert responses(claim) == [("rebuts", "zakharova-training")]


def test_relayed_claims_name_their_intermediaries() -> None:
    claims = by_id("claims")
    assert reports(claims["zakharova-training"]) == [
        {"source": "doc-001-southfront", "via": ["tass"], "translated": True}
    ]
    assert reports(claims["field-source-tanf-support"]) == [{"source": "doc-004-tasnim", "via": ["sputnik-arabic"]}]
    assert reports(claims["rebarich-denies-training"]) == [{"source": "doc-003-pentagon-denies", "via": ["sputnik"]}]
    assert reports(claims["sana-helicopter-evacuation"])[0]["via"] == ["sana"]


def actor_of(mention: str | dict[str, Any], key: str = "actor") -> str:
    """The id in a mention written as an id or as ``{actor: id, ...}`` (``{source: id, ...}`` for reports)."""
    return mention if isinstance(mention, str) else str(mention[key])


def as_list(value: Any) -> list[str]:
    """An id list written as one id, a list of ids, or a list of ``{on: id}`` derivations."""
    items = [] if value is None else [value] if isinstance(value, (str, dict)) else list(value)
    return [actor_of(item, "on") for item in items]


def stances_of(proposition: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for claim in dataset()["claims"]:
        for stance in ("asserts", "denies", "qualifies", "concedes", "retracts"):
            if proposition in as_list(claim.get(stance)):
                found.setdefault(stance, []).append(claim["id"])
    return found


def test_one_denial_answers_every_claim_of_the_proposition_it_denies() -> None:
    """Rebarich's "We do not train ISIS" answers Gerasimov's training claim and the New Syrian Army claim that
    presupposes it; her "the U.S. supports ISIS is false" answers every later support allegation."""
    assert stances_of("us-trains-isis") == {
        "asserts": ["gerasimov-training", "gerasimov-new-syrian-army", "sana-shaddadi-training"],
        "denies": ["rebarich-denies-training"],
    }
    assert stances_of("us-supports-isis")["denies"] == ["rebarich-denies-training"]
    assert len(stances_of("us-supports-isis")["asserts"]) == 5


def test_the_partners_answer_qualifies_the_training_proposition_rather_than_denying_it() -> None:
    assert stances_of("militant-training-at-tanf")["qualifies"] == ["rca-rebuts-zakharova"]
    assert stances_of("militant-training-at-tanf")["denies"] == ["coalition-denies-tanf-camp"]


def test_southfronts_remark_rests_on_the_captured_fighter_it_cites() -> None:
    assert as_list(by_id("claims")["southfront-not-first-time"]["rests_on"]) == ["isis-fighter-safa-weapons"]


def test_claims_made_at_an_event_name_it_apart_from_the_places_they_concern() -> None:
    claims = by_id("claims")
    assert claims["konashenkov-black-hole"]["said_at"] == "mod-press-conference-2017-10-06"
    assert claims["konashenkov-black-hole"]["places"] == ["al-tanf"]
    assert claims["zakharova-training"]["said_at"] == "mfa-briefing-2018-11-22"


def test_sputnik_behind_every_report_of_003_is_marked_inferred() -> None:
    assert by_id("sources")["doc-003-pentagon-denies"]["via"][0]["inferred"] is True


def test_konashenkov_is_member_of_the_russian_mod() -> None:
    actors = by_id("actors")
    assert actors["konashenkov"]["name"] == "Igor Konashenkov"
    assert "russian-mod" in actors["konashenkov"]["member_of"]
    assert "russian-mod" in actors["russian-reconciliation-center"]["member_of"]


def test_daesh_is_one_actor_with_its_other_names_as_aliases() -> None:
    actors = by_id("actors")
    assert {"ISIS", "ISIL", "Islamic State"} <= set(actors["daesh"]["aliases"])
    names = {"Daesh", "ISIS", "ISIL", "Islamic State"}
    named = [a["id"] for a in actors.values() if names & {a["name"], *a.get("aliases", [])}]
    assert named == ["daesh"]


def test_al_tanf_spellings_are_one_place() -> None:
    places = by_id("places")
    assert {"At Tanf", "al-Tanaf", "Al Tanf"} <= set(places["al-tanf"]["aliases"])
    assert [p for p in places if "tan" in p] == ["al-tanf"]


def test_unnamed_speakers_are_anonymous_source_actors() -> None:
    actors = by_id("actors")
    unnamed = ("coalition-spokesperson", "sputnik-arabic-field-source", "sana-eyewitnesses", "sana-local-sources")
    assert {actors[actor_id]["kind"] for actor_id in unnamed} == {"anonymous-source"}


# --- sources and dates ------------------------------------------------------


def test_every_source_archive_exists() -> None:
    missing = [s["id"] for s in dataset()["sources"] if not (DATA.parent / s["archive"]).is_file()]
    assert missing == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds folder to compare with")
def test_archives_are_byte_identical_to_the_shared_seeds() -> None:
    for source in dataset()["sources"]:
        archived = DATA.parent / source["archive"]
        assert archived.read_bytes() == (SEEDS / archived.name).read_bytes(), source["id"]


def test_no_source_has_an_invented_url() -> None:
    assert [s["id"] for s in dataset()["sources"] if "url" in s] == []


def test_page_clock_of_2021_is_not_taken_for_the_publication_date() -> None:
    source = by_id("sources")["doc-000-sputnik"]
    assert "31 July 2021" in archived_text("doc-000-sputnik")
    assert not str(source["published"]).startswith("2021")
    assert "31 July 2021" in source["date_note"]


def test_publication_dates_are_uncertain_because_no_document_states_one() -> None:
    published = {s["id"]: str(s["published"]) for s in dataset()["sources"]}
    assert published == {
        "doc-000-sputnik": "2018-09-04?",
        "doc-001-southfront": "2018-11?",
        "doc-002-defense-post": "2017-10-06?",
        "doc-003-pentagon-denies": "2018-01-01?",
        "doc-004-tasnim": "2022-04-24?",
    }
    assert all(s.get("date_note") for s in dataset()["sources"])


def test_only_the_stated_may_2020_broadcast_has_a_certain_date() -> None:
    certain = {c["id"]: c["date"] for c in dataset()["claims"] if "date" in c and str(c["date"])[-1].isdigit()}
    assert certain == {"captured-militants-confess-attacks": "2020-05"}


def test_every_claim_explains_its_date() -> None:
    assert [c["id"] for c in dataset()["claims"] if not c.get("date_note")] == []


def test_publisher_is_left_out_where_it_cannot_be_inferred() -> None:
    sources = by_id("sources")
    assert "publisher" not in sources["doc-003-pentagon-denies"]
    assert sources["doc-001-southfront"]["publisher"] == {"actor": "southfront", "inferred": True}
    assert "inferred" in sources["doc-001-southfront"]["note"]
    assert "donation bar" in sources["doc-001-southfront"]["note"]


# --- quotes -----------------------------------------------------------------


def test_every_quote_occurs_in_the_archived_text_of_a_report_source() -> None:
    unfound = []
    for claim in dataset()["claims"]:
        texts = [normalise(archived_text(r["source"])) for r in reports(claim)]
        unfound += [(claim["id"], q) for q in quotes(claim) if not any(normalise(q) in t for t in texts)]
    assert unfound == []


def test_quote_check_rejects_a_reworded_quote() -> None:
    text = normalise(archived_text("doc-003-pentagon-denies"))
    assert normalise("We do not train ISIS.") in text
    assert normalise("We never train ISIS.") not in text


def test_reader_comments_below_001_are_left_out() -> None:
    article, comments = archived_text("doc-001-southfront").split("Do you like this content?")
    for claim in dataset()["claims"]:
        if any(r["source"] == "doc-001-southfront" for r in reports(claim)):
            assert all(normalise(q) in normalise(article) for q in quotes(claim)), claim["id"]
    everything = normalise(DATA.read_text(encoding="utf-8"))
    for commenter_words in ("gr8rambino", "Rubkan", "overwhelming SAA", "Hezbolah"):
        assert commenter_words in comments
        assert commenter_words not in everything


# --- the project's own loader -----------------------------------------------


def test_project_loader_accepts_the_data_set_without_warnings() -> None:
    graph = pytest.importorskip("graph")
    data = graph.read_dataset(DATA)
    assert (len(data.actors), len(data.claims), data.response_count) == (31, 27, 10)
    assert data.warnings == []
