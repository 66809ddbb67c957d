"""Validation: every problem of a file reported at its line and column, with a fix."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import graph
import graph.checks
from graph.errors import DataError, Problem
from graph.yamlparse import Parsed

HEADER = """\
sides:
  - {id: red, name: Red}
actors:
  - {id: general-a, name: General A, kind: person, side: red}
  - {id: spokesperson, name: Spokesperson, kind: person}
sources:
  - {id: doc, title: A document}
"""

OK_CLAIM = """\
  - id: c1
    claimant: general-a
    kind: accusation
    text: General A accused someone.
    reports: [doc]
"""


def problems_of(text: str, name: str = "bad.yaml") -> list[Problem]:
    with pytest.raises(DataError) as info:
        graph.parse_dataset(text, name=name, check_quotes=False)
    return info.value.problems


def one_problem(text: str) -> Problem:
    [problem] = problems_of(text)
    return problem


def test_file_with_several_mistakes_reports_all_of_them_in_file_order() -> None:
    text = (
        HEADER
        + """\
claims:
  - id: c1
    claimaint: general-a
    kind: accusation
    text: x
    reports: [doc]
  - id: c2
    claimant: generl-a
    kind: denail
    text: y
    date: 2017-02-30
    reports: [{source: dok}]
    responds_to:
      - denies: c1
"""
    )
    found = [(p.line, p.column, p.where) for p in problems_of(text)]
    assert found == [
        (10, 5, "claims[0].claimaint"),  # one message for the typo, not also "missing claimant"
        (15, 15, "claims[1].claimant"),
        (16, 11, "claims[1].kind"),
        (18, 11, "claims[1].date"),
        (19, 24, "claims[1].reports[0].source"),
    ]


def test_unknown_field_suggests_the_closest_field() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM.replace("claimant:", "claimaint:"))
    assert problem.message == "unknown field 'claimaint'"
    assert problem.hint == "did you mean 'claimant'?"
    assert problem.location == "bad.yaml:10:5"


def test_unknown_claimant_suggests_closest_id() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM.replace("claimant: general-a", "claimant: generla-a"))
    assert str(problem) == (
        "bad.yaml:10:15: claims[0].claimant: unknown actor 'generla-a'\n    hint: did you mean 'general-a'?"
    )


def test_reference_to_a_record_of_another_kind_says_what_it_is() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM.replace("claimant: general-a", "claimant: doc"))
    assert problem.hint == "'doc' is a source, not an actor"


def test_missing_required_field_is_reported_at_the_record() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM.replace("    text: General A accused someone.\n", ""))
    assert (problem.location, problem.where, problem.message) == ("bad.yaml:9:5", "claims[0]", "missing field 'text'")
    assert problem.hint == "add 'text:' to this record"


def test_duplicate_id_names_the_first_place() -> None:
    problem = one_problem(HEADER + "  - {id: doc, title: Another}\n")
    assert problem.where == "sources[1].id"
    assert "duplicate id 'doc': already used at bad.yaml:7 (sources[0])" in problem.message


def test_duplicate_ids_across_files_are_reported(write_yaml: Callable[[str, str], Path]) -> None:
    write_yaml(HEADER, "a.yaml")
    second = write_yaml("actors:\n  - {id: general-a, name: Again, kind: person}\n", "b.yaml")
    with pytest.raises(DataError) as info:
        graph.read_dataset(second.parent)
    [problem] = info.value.problems
    assert problem.file.endswith("b.yaml") and problem.line == 2
    assert "already used at" in problem.message and "a.yaml:4" in problem.message


def test_folder_of_files_is_merged(write_yaml: Callable[[str, str], Path]) -> None:
    write_yaml(HEADER, "1-actors.yaml")
    path = write_yaml("claims:\n" + OK_CLAIM, "2-claims.yaml")
    data = graph.read_dataset(path.parent)
    assert list(data.claims) == ["c1"] and data.claims["c1"].claimant == "general-a"


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM + "    kind: denial\n")
    assert (problem.line, problem.column, problem.where) == (14, 5, "claims[0].kind")
    assert problem.message.startswith("duplicate key 'kind' (first written at line 11)")


def test_claim_responding_to_itself_is_an_error() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM + "    responds_to:\n      - denies: c1\n")
    assert problem.where == "claims[0].responds_to[0].denies"
    assert problem.message == "'c1' refers to the record itself"


def denial_answering_c1(*, dated: str) -> str:
    """Claim c1 of 6 October 2017, and a denial c2 of it with the given date."""
    denial = OK_CLAIM.replace("c1", "c2").replace("accusation", "denial")
    return (
        HEADER
        + "claims:\n"
        + OK_CLAIM
        + "    date: 2017-10-06\n"
        + denial
        + f"    date: {dated}\n    responds_to:\n      - denies: c1\n"
    )


def test_response_dated_before_what_it_answers_is_a_warning() -> None:
    text = denial_answering_c1(dated="2017-10-01")
    data = graph.parse_dataset(text, name="w.yaml")
    [warning] = data.warnings
    assert warning.severity == "warning" and (warning.line, warning.column) == (22, 17)
    assert "dated 2017-10-01, before the claim it answers ('c1', dated 2017-10-06)" in warning.message


def test_approximate_dates_do_not_warn_about_order() -> None:
    text = denial_answering_c1(dated="2017-10~")
    assert graph.parse_dataset(text).warnings == []


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2017-02-30", "2017-02-30 is not a real date: February 2017 has 28 days"),
        ("2017-13", "2017-13 is not a real date: there is no month 13"),
        ("October 2017", "'October 2017' is not a date"),
    ],
)
def test_impossible_dates_are_rejected(date: str, message: str) -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM + f"    date: {date}\n")
    assert problem.where == "claims[0].date" and problem.message.startswith(message)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x"])
def test_only_http_links_are_accepted(url: str) -> None:
    problem = one_problem(HEADER.replace("title: A document}", f"title: A document, url: '{url}'}}"))
    scheme = url.split(":")[0]
    assert (problem.where, problem.message) == (
        "sources[0].url",
        f"only http:// and https:// links are allowed, not '{scheme}:'",
    )


def test_bad_id_suggests_a_slug() -> None:
    problem = one_problem(HEADER.replace("id: doc,", "id: My Doc,").replace("", ""))
    assert problem.where == "sources[0].id"
    assert "try 'my-doc'" in problem.hint


def test_unknown_section_suggests_the_closest() -> None:
    problem = one_problem(HEADER + "claimz: []\n")
    assert (problem.message, problem.hint) == ("unknown section 'claimz'", "did you mean 'claims'?")


def test_enum_value_suggests_the_closest() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM.replace("kind: accusation", "kind: acusation"))
    assert problem.message == "'acusation' is not an allowed value"
    assert problem.hint.startswith("did you mean 'accusation'? allowed: accusation, denial")


def test_response_with_two_relations_is_rejected() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM + "    responds_to:\n      - {denies: c1, rebuts: c1}\n")
    assert "exactly one earlier claim" in problem.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "the top level is a list, not a mapping of sections"),
        ("just words\n", "the top level is a single value (str), not a mapping of sections"),
    ],
)
def test_top_level_must_be_sections(text: str, message: str) -> None:
    assert one_problem(text).message == message


def test_claim_without_reports_is_rejected() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM.replace("reports: [doc]", "reports: []"))
    assert problem.where == "claims[0].reports"


def test_missing_archive_is_reported(write_yaml: Callable[[str, str], Path]) -> None:
    path = write_yaml(HEADER.replace("title: A document}", "title: A document, archive: gone.txt}"))
    with pytest.raises(DataError) as info:
        graph.read_dataset(path)
    [problem] = info.value.problems
    assert problem.where == "sources[0].archive" and "archived text not found" in problem.message


def test_quote_not_in_archive_shows_the_closest_passage(write_yaml: Callable[[str, str], Path]) -> None:
    (write_yaml("x", "doc.txt")).write_text("He said the base is a black hole on the border.", encoding="utf-8")
    text = HEADER.replace("title: A document}", "title: A document, archive: doc.txt}") + "claims:\n" + OK_CLAIM
    path = write_yaml(text + '    quote: "the base is a white hole"\n')
    with pytest.raises(DataError) as info:
        graph.read_dataset(path)
    [problem] = info.value.problems
    assert problem.where == "claims[0].quote"
    assert problem.hint == "closest passage: 'the base is a black hole'"


def test_quote_matches_despite_typographic_quotes_and_line_breaks(write_yaml: Callable[[str, str], Path]) -> None:
    write_yaml("x", "doc.txt").write_text("“These allegations\n are false,” he said — twice.", encoding="utf-8")
    text = HEADER.replace("title: A document}", "title: A document, archive: doc.txt}") + "claims:\n" + OK_CLAIM
    path = write_yaml(text + "    quote: '\"These allegations are false,\" he said - twice.'\n")
    assert graph.read_dataset(path).claims["c1"].quote == ['"These allegations are false," he said - twice.']


def test_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        graph.read_dataset(tmp_path / "nope.yaml")
    assert "cannot read the file" in info.value.problems[0].message


def test_empty_folder_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"no \.yaml files in this folder"):
        graph.read_dataset(tmp_path)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(100 * 2**20)  # a sparse 100 MiB file
    with pytest.raises(DataError) as info:
        graph.read_dataset(path)
    assert "the file is 100 MiB; claimgraph reads claim files of up to 64 MiB" in info.value.problems[0].message


def test_shorthand_and_long_reports_are_equal() -> None:
    text = HEADER + "claims:\n" + OK_CLAIM
    long = text.replace("reports: [doc]", "reports:\n      - source: doc")
    assert graph.parse_dataset(text).claims["c1"] == graph.parse_dataset(long).claims["c1"]


def test_actor_with_a_bad_kind_still_has_its_references_checked() -> None:
    text = HEADER.replace("kind: person, side: red}", "kind: persn, side: redd}")
    assert [p.message for p in problems_of(text)] == ["'persn' is not an allowed value", "unknown side 'redd'"]


def test_year_zero_is_not_a_date() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM + "    date: 0000-01-01\n")
    assert problem.message == "0000-01-01 is not a real date: there is no year 0"


def test_response_dated_before_with_partial_dates_is_a_warning() -> None:
    text = denial_answering_c1(dated="2016")
    [warning] = graph.parse_dataset(text).warnings
    assert "dated 2016, before the claim it answers" in warning.message


@pytest.mark.parametrize("archive", ["/etc/passwd", "../../../../../../etc/passwd"])
def test_archive_outside_the_data_folder_is_refused_and_never_read(
    write_yaml: Callable[[str, str], Path], archive: str
) -> None:
    text = HEADER.replace("title: A document}", f"title: A document, archive: '{archive}'}}") + "claims:\n" + OK_CLAIM
    path = write_yaml(text + '    quote: "nothing like it"\n')
    with pytest.raises(DataError) as info:
        graph.read_dataset(path)
    [problem] = [p for p in info.value.problems if p.severity == "error"]
    assert problem.where == "sources[0].archive"
    assert problem.message.startswith("the archived text must be inside the data set's folder")
    assert "root:" not in str(info.value)


def test_closest_passage_is_shortened(write_yaml: Callable[[str, str], Path]) -> None:
    write_yaml("x", "doc.txt").write_text("word " * 500, encoding="utf-8")
    text = HEADER.replace("title: A document}", "title: A document, archive: doc.txt}") + "claims:\n" + OK_CLAIM
    path = write_yaml(text + "    quote: '" + "other " * 60 + "'\n")
    with pytest.raises(DataError) as info:
        graph.read_dataset(path)
    assert len(info.value.problems[0].hint) < 200


def test_many_references_to_one_missing_id_compute_one_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = graph.checks.ReferenceHints._compute

    def counting(self: graph.checks.ReferenceHints, ref: str, section: str) -> str:
        calls.append(ref)
        return real(self, ref, section)

    monkeypatch.setattr(graph.checks.ReferenceHints, "_compute", counting)
    claims = "".join(
        OK_CLAIM.replace("c1", f"c{i}").replace("claimant: general-a", "claimant: gone") for i in range(200)
    )
    assert len(problems_of(HEADER + "claims:\n" + claims)) == 200
    assert calls == ["gone"]


def test_folder_reads_its_own_yaml_files_not_subfolders(write_yaml: Callable[[str, str], Path]) -> None:
    path = write_yaml(HEADER + "claims:\n" + OK_CLAIM, "claims.yml")
    (path.parent / "ci").mkdir()
    (path.parent / "ci" / "workflow.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    assert list(graph.read_dataset(path.parent).claims) == ["c1"]


def test_unreadable_files_are_reported_in_file_order(write_yaml: Callable[[str, str], Path]) -> None:
    write_yaml("claims: [\n", "a.yaml")
    write_yaml("\xff", "b.yaml").write_bytes(b"\xff\n")
    write_yaml("claimz: []\n", "c.yaml")
    with pytest.raises(DataError) as info:
        graph.read_dataset(write_yaml("", "d.yaml").parent)
    assert [Path(p.file).name for p in info.value.problems] == ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]


def test_one_id_may_stand_for_a_list_of_one() -> None:
    text = HEADER + "claims:\n" + OK_CLAIM.replace("reports: [doc]", "reports: doc") + "    targets: spokesperson\n"
    claim = graph.parse_dataset(text).claims["c1"]
    assert (claim.targets, [r.source for r in claim.reports]) == (["spokesperson"], ["doc"])


@pytest.mark.parametrize(
    ("line", "message", "hint"),
    [
        ("    credibility: 9\n", "must be at most 6 (got 9)", "Admiralty information credibility: 1 (confirmed) to 6"),
        ("    responds_to: [c0]\n", "expected a mapping of keys and values (got 'c0')", "write each response as"),
        ("    credibility: high\n", "expected a whole number (got 'high')", "Admiralty information credibility"),
        ("    tags: {a: 1}\n", "expected a list", "write 'tags' as a list"),
    ],
)
def test_type_errors_are_worded_for_people_writing_yaml(line: str, message: str, hint: str) -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM + line)
    assert problem.message == message
    assert problem.hint.startswith(hint)


def test_empty_required_field_says_so() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM.replace("text: General A accused someone.", "text:"))
    assert (problem.where, problem.message) == ("claims[0].text", "is empty")
    assert problem.hint == "write a value after 'text:'"


def test_references_of_a_claim_with_a_misspelt_claimant_are_still_checked() -> None:
    text = HEADER + "claims:\n" + OK_CLAIM.replace("claimant:", "claimaint:") + "    targets: [spokesprson]\n"
    assert [p.message for p in problems_of(text)] == ["unknown field 'claimaint'", "unknown actor 'spokesprson'"]


def test_quotes_that_cannot_be_checked_give_one_warning() -> None:
    quoted = OK_CLAIM + "    quote: words nobody said\n"
    text = HEADER + "claims:\n" + quoted + quoted.replace("c1", "c2")
    [warning] = graph.parse_dataset(text).warnings
    assert warning.where == "claims[0].quote"
    assert (
        warning.message == "quotes not checked: 2 quoted claims ('c1' and 1 more) cite no source with an archived text"
    )


def test_a_number_where_an_id_belongs_says_so() -> None:
    problem = one_problem(HEADER.replace("side: red}", "side: red, member_of: [spokesperson, 3]}"))
    assert (problem.where, problem.message) == ("actors[0].member_of[1]", "expected an id (got 3)")


def test_tags_stay_short() -> None:
    problem = one_problem(HEADER + "claims:\n" + OK_CLAIM + "    tags: [" + "x" * 81 + "]\n")
    assert problem.where == "claims[0].tags[0]"


def test_one_warning_near_the_top_does_not_reread_the_whole_file(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Parsed] = []
    loader = sys.modules["graph.load"]  # `graph.load` is the load() function
    real_parse = loader.parse_yaml

    def parse_yaml(text: str, **options: Any) -> Parsed:
        reads.append(real_parse(text, **options))
        return reads[-1]

    monkeypatch.setattr(loader, "parse_yaml", parse_yaml)  # the first read
    monkeypatch.setattr(sys.modules["graph.dataset"], "parse_yaml", parse_yaml)  # the read that places problems
    quoted = OK_CLAIM + "    quote: words nobody said\n"
    text = HEADER + "claims:\n" + "".join(quoted.replace("c1", f"c{i}") for i in range(300))
    data = graph.parse_dataset(text)
    assert [w.location for w in data.warnings] == ["<string>:14:12"]
    assert [read.complete for read in reads] == [True, False]  # placed by a read that stopped at claims[0]


def test_a_runaway_list_is_one_error() -> None:
    problem = one_problem(
        HEADER + "claims:\n" + OK_CLAIM + "    targets: [" + ", ".join(["spokesperson"] * 5000) + "]\n"
    )
    assert (problem.where, problem.message) == ("claims[0].targets", "has 5,000 items; a list holds at most 1,000")
    assert problem.hint == "check for items pasted or generated by mistake"


def test_warnings_past_the_first_200_are_counted() -> None:
    denial = OK_CLAIM.replace("accusation", "denial") + "    date: 2017-10-01\n    responds_to: [denies: c1]\n"
    text = HEADER + "claims:\n" + OK_CLAIM + "    date: 2017-10-06\n"
    data = graph.parse_dataset(text + "".join(denial.replace("c1", f"d{i}", 1) for i in range(250)))
    assert (len(data.warnings), data.omitted_warnings) == (200, 50)
    assert data.warnings[0].message.startswith("this denial is dated 2017-10-01, before the claim it answers")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_claims_file_saved_as_utf16_or_utf32_reads_as_the_utf8_one(tmp_path: Path, encoding: str) -> None:
    shipped = Path(__file__).resolve().parent.parent / "data"
    shutil.copytree(shipped / "sources", tmp_path / "sources")
    wide = tmp_path / "claims.yaml"
    wide.write_text((shipped / "claims.yaml").read_text(encoding="utf-8"), encoding=encoding)  # with a BOM
    assert graph.read_dataset(wide).claims == graph.read_dataset(shipped / "claims.yaml").claims


def test_a_claims_file_in_utf16_without_a_byte_order_mark_says_so(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes("claims:\n  - id: c1\n".encode("utf-16-le"))
    with pytest.raises(DataError) as info:
        graph.read_dataset(path)
    [problem] = info.value.problems
    assert str(problem) == (
        f"{path}:1:1: the file is UTF-16 without a byte-order mark; save it as UTF-8\n"
        "    hint: most editors offer the encoding under 'Save with encoding' or 'Save as'"
    )
