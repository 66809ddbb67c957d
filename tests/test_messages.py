"""Messages that tell the truth: escaped, short, worded for people, and never missing a real mistake.

Each test pins the exact text a user sees for one kind of bad input.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

import graph
import graph.checks
import graph.cli
from graph.cli import main
from graph.errors import DataError, OutputError, Problem
from graph.querycli import Answer, render

HEADER = """\
sides:
  - {id: red, name: Red}
actors:
  - {id: general-a, name: General A, kind: person, side: red}
  - {id: rebarich, name: Rebecca Rebarich, kind: person, aliases: [Commander Rebarich]}
sources:
  - {id: doc, title: A document, published: 2017-10-10}
places:
  - {id: al-tanf, name: al-Tanf}
claims:
  - id: c1
    claimant: general-a
    kind: accusation
    text: General A accused someone.
    date: 2017-10-06
    reports: [doc]
"""

CLAIM = """\
  - id: c2
    claimant: general-a
    kind: statement
    text: General A spoke.
    reports: [doc]
"""


@pytest.fixture(autouse=True)
def _today_is_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph.checks, "run_date", lambda: dt.date(2026, 11, 28))


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(DataError) as info:
        graph.parse_dataset(text, name="bad.yaml", check_quotes=False)
    return info.value.problems


def shown(text: str) -> list[str]:
    """Every problem of ``text`` as printed: location, path, message and hint."""
    return [str(p) for p in problems_of(text)]


def warnings_of(text: str) -> list[str]:
    return [str(w) for w in graph.parse_dataset(text, name="w.yaml", check_quotes=False).warnings]


def with_claim(lines: str, claim: str = CLAIM) -> str:
    """The header and one more claim, c2, with ``lines`` added to it."""
    return HEADER + claim + lines


def replacing(old: str, new: str) -> str:
    """The header and claim c2 with one of c2's lines replaced."""
    assert old in CLAIM
    return HEADER + CLAIM.replace(old, new)


# --- escaping --------------------------------------------------------------------------------------

HOSTILE = "\x1b[2J\x1b]0;pwned\x07"


def test_control_characters_in_keys_values_and_paths_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / f"data{HOSTILE}"
    folder.mkdir()
    text = with_claim('    "\\e[2J\\e]0;pwned\\a": 1\n    basis: "\\e[2J\\u202eevil"\n')
    (folder / "claims.yaml").write_text(text, encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    where = f"{tmp_path}/data\\x1b[2J\\x1b]0;pwned\\x07/claims.yaml"
    assert err == (
        f"{where}:22:5: claims[1].\\x1b[2J\\x1b]0;pwned\\x07: unknown field '\\x1b[2J\\x1b]0;pwned\\x07'\n"
        "    hint: known fields: id, claimant, kind, label, text, quote, date, date_note, modality, conditional, "
        "scope, targets, responds_to, rests_on, cites, reports, places, said_at, basis, credibility, tags, note, "
        "asserts, denies, qualifies, concedes, retracts, draft\n"
        f"{where}:23:12: claims[1].basis: '\\x1b[2J\\u202eevil' is not an allowed value\n"
        "    hint: allowed: official-statement, witness-accounts, detainee-confession, anonymous-source, "
        "local-sources, intelligence, documents, imagery, own-reporting, none-given\n"
        f"Error: 2 problems in {where}\n"
    )


def test_a_problem_escapes_whatever_it_is_given_once() -> None:
    problem = Problem(f"a{HOSTILE}.yaml", 1, 2, f"claims[0].{HOSTILE}", f"bad {HOSTILE}", hint="a \\x1b stays")
    assert str(problem) == (
        "a\\x1b[2J\\x1b]0;pwned\\x07.yaml:1:2: claims[0].\\x1b[2J\\x1b]0;pwned\\x07: bad \\x1b[2J\\x1b]0;pwned\\x07\n"
        "    hint: a \\x1b stays"
    )


def test_error_lines_are_escaped(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(args: object) -> int:
        raise OutputError(f"cannot write out{HOSTILE}.json: No space left on device")

    monkeypatch.setattr(graph.cli, "run_schema", refuse)
    assert main(["schema"]) == 1
    assert (
        capsys.readouterr().err == "Error: cannot write out\\x1b[2J\\x1b]0;pwned\\x07.json: No space left on device\n"
    )


def test_query_tables_escape_control_and_bidi_characters() -> None:
    answer = Answer(
        [], [{"a": f"x{HOSTILE}", "b": ["\u202eevil", "\x85"]}], (("a", "a"), ("b", "b")), before=["\u2066"]
    )
    assert render(answer).splitlines() == [
        "\\u2066",
        "A                         B",
        "x\\x1b[2J\\x1b]0;pwned\\x07  \\u202eevil, \\x85",
    ]


def test_query_json_escapes_bidi_characters_and_keeps_the_data(
    write_yaml: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_yaml(HEADER.replace("General A accused someone.", '"\\u202eevil\\x85 \\x7f"'))
    assert main(["query", "accusations-by", "general-a", "--json", "--data", str(path)]) == 0
    out = capsys.readouterr().out
    assert '"text": "\\u202eevil\\u0085 \\u007f"' in out
    assert json.loads(out)[0]["text"] == "\u202eevil\x85 \x7f"


# --- text XML cannot carry -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "where", "location"),
    [
        ("title: A document,", 'title: "A\\x01B",', "sources[0].title", "bad.yaml:7:22"),
        ("name: Red}", 'name: "D\\uFFFE"}', "sides[0].name", "bad.yaml:2:21"),
        ("aliases: [Commander Rebarich]", 'aliases: ["A\\x01B"]', "actors[1].aliases[0]", "bad.yaml:5:68"),
        ("name: al-Tanf}", 'name: "a\\x1bTanf"}', "places[0].name", "bad.yaml:9:25"),
        ("text: General A accused someone.", 'text: "A\\x01B"', "claims[0].text", "bad.yaml:14:11"),
        ("    reports: [doc]\n", '    reports: [doc]\n    quote: "A\\x01B"\n', "claims[0].quote", "bad.yaml:17:12"),
        ("    reports: [doc]\n", '    reports: [doc]\n    label: "A\\x01B"\n', "claims[0].label", "bad.yaml:17:12"),
        (
            "    reports: [doc]\n",
            '    reports: [doc]\n    tags: [ok, "A\\x01B"]\n',
            "claims[0].tags[1]",
            "bad.yaml:17:16",
        ),
        ("    reports: [doc]\n", '    reports: [doc]\n    note: "A\\x01B"\n', "claims[0].note", "bad.yaml:17:11"),
    ],
)
def test_text_xml_cannot_carry_is_refused_where_it_is(old: str, new: str, where: str, location: str) -> None:
    text = HEADER.replace(old, new, 1)
    assert text != HEADER
    [problem] = problems_of(text)
    assert (problem.location, problem.where) == (location, where)
    assert problem.message.startswith("contains U+")
    assert problem.message.endswith(
        "at character 2, which text cannot carry (GraphML and GEXF exports would be malformed)"
    )
    assert problem.hint == "delete the character; if it stands for something, say it in words"


def test_the_refused_character_is_named() -> None:
    [problem] = problems_of(HEADER.replace("name: Red}", 'name: "Re\\uFFFE"}'))
    assert problem.message.startswith("contains U+FFFE (a noncharacter) at character 3,")


def test_the_title_is_checked_too() -> None:
    [problem] = problems_of('title: "A\\x01B"\n' + HEADER)
    assert (problem.location, problem.where) == ("bad.yaml:1:8", "title")
    assert problem.message.startswith("contains U+0001 (a control character) at character 2")


def test_a_lone_surrogate_from_python_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"unable to parse raw data as a unicode string"):
        graph.Side.model_validate({"id": "s", "name": "\ud800"})


def test_tabs_and_line_breaks_are_text_xml_can_carry() -> None:
    data = graph.parse_dataset(HEADER.replace("text: General A accused someone.", 'text: "a\\tb\\nc\\rd"'))
    assert data.claims["c1"].text == "a\tb\nc\rd"


# --- whole numbers and digits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("true", "expected a whole number (got true)", ""),
        ("'6'", "expected a whole number (got '6')", "write the number without quotes: 6; "),
        ("1_0", "expected a whole number (got '1_0')", ""),
        ("6.0", "expected a whole number (got 6.0)", ""),
        ("0x6", "expected a whole number (got '0x6')", ""),
        ("06.5e0", "expected a whole number (got 06.5e0)", ""),
    ],
)
def test_credibility_takes_only_a_whole_number(written: str, message: str, hint: str) -> None:
    [problem] = problems_of(with_claim(f"    credibility: {written}\n"))
    assert (problem.where, problem.message) == ("claims[1].credibility", message)
    assert problem.hint == hint + "Admiralty information credibility: 1 (confirmed) to 6 (cannot be judged)"


def test_credibility_as_a_plain_number_is_kept() -> None:
    data = graph.parse_dataset(with_claim("    credibility: 6\n"))
    assert data.claims["c2"].credibility == 6


@pytest.mark.parametrize(
    ("date", "shown_as", "fix"),
    [
        ("٢٠١٧-١٠-٠٦", "'٢٠١٧-١٠-٠٦'", "try '2017-10-06'"),  # Arabic-Indic
        ("２０１７", "'２０１７'", "try '2017'"),  # fullwidth
        ("۲۰۱۷-10", "'۲۰۱۷-10'", "try '2017-10'"),  # Persian, mixed with ASCII
        ("٢٠١٧ October", "'٢٠١٧ October'", "as YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_dates_in_other_digits_are_refused_with_the_ascii_form(date: str, shown_as: str, fix: str) -> None:
    [problem] = problems_of(with_claim(f"    date: {date}\n"))
    assert problem.message == f"{shown_as} is not a date: its digits are not 0-9"
    assert problem.hint.startswith("write dates with the digits 0-9") and problem.hint.endswith(fix)


def test_published_dates_in_other_digits_are_refused() -> None:
    [problem] = problems_of(HEADER.replace("published: 2017-10-10", "published: ٢٠١٧"))
    assert (problem.where, problem.hint) == ("sources[0].published", "write dates with the digits 0-9: try '2017'")


# --- dates: the future, and orders that cannot be ---------------------------------------------------


def test_a_date_after_today_is_an_error() -> None:
    assert shown(with_claim("    date: 2099\n")) == [
        "bad.yaml:22:11: claims[1].date: 2099 is after today (2026-11-28)\n"
        "    hint: check the year: nothing can be said or published after today, and such a date moves "
        "every 'days unanswered' figure"
    ]


def test_a_publication_after_today_is_an_error() -> None:
    [problem] = problems_of(HEADER.replace("published: 2017-10-10", "published: 2099-01-01"))
    assert (problem.where, problem.message) == ("sources[0].published", "2099-01-01 is after today (2026-11-28)")


@pytest.mark.parametrize(
    ("date", "refused"),
    [
        ("2026-11-29", False),  # tomorrow: somewhere on Earth it already is
        ("2026-11-30", True),
        ("2026-12~", False),  # about December may be November
        ("2026-12", True),
        ("2027?", False),  # an uncertain year may be a year off
        ("2028?", True),
    ],
)
def test_a_date_is_after_today_only_when_it_cannot_be_today(date: str, refused: bool) -> None:
    text = HEADER.replace(", published: 2017-10-10", "") + CLAIM + f"    date: {date}\n"
    messages = [p.message for p in problems_of(text)] if refused else []
    if not refused:
        graph.parse_dataset(text, check_quotes=False)
    assert messages == ([f"{date} is after today (2026-11-28)"] if refused else [])


def test_a_claim_dated_after_the_document_reporting_it_is_a_warning() -> None:
    assert warnings_of(with_claim("    date: 2017-11\n")) == [
        "w.yaml:22:11: claims[1].date: warning: this claim is dated 2017-11, after 'doc' reporting it was "
        "published (2017-10-10)\n"
        "    hint: check both dates: a document cannot report a claim made after it; mark a vague date with ~ or ?"
    ]


@pytest.mark.parametrize("date", ["2017-10-10", "2017-10", "2017-10-17~", "2017-11?"])
def test_a_claim_that_may_predate_its_document_passes(date: str) -> None:
    assert warnings_of(with_claim(f"    date: {date}\n")) == []


def test_a_vague_claim_still_too_late_for_its_document_is_a_warning() -> None:
    [warning] = warnings_of(with_claim("    date: 2017-12~\n"))
    assert warning.startswith(
        "w.yaml:22:11: claims[1].date: warning: this claim is dated 2017-12~, after 'doc' reporting it was "
        "published (2017-10-10), even allowing for the ~ or ? (a week, a month or a year either way)\n"
    )


def denial_of_c1(date: str) -> str:
    return with_claim(f"    date: {date}\n    responds_to:\n      - denies: c1\n", CLAIM.replace("statement", "denial"))


@pytest.mark.parametrize("date", ["2016-10~", "2015?", "2017-09-28~", "2017-08%"])
def test_a_reply_dated_before_what_it_answers_is_a_warning_even_when_vague(date: str) -> None:
    assert warnings_of(denial_of_c1(date)) == [
        f"w.yaml:24:17: claims[1].responds_to[0].denies: warning: this denial is dated {date}, before the claim "
        "it answers ('c1', dated 2017-10-06), even allowing for the ~ or ? (a week, a month or a year either way)\n"
        "    hint: check both dates; mark a date approximate with ~ if the source is vague"
    ]


@pytest.mark.parametrize("date", ["2017-09-29~", "2017-09~", "2017?", "2017-09-30?"])
def test_a_vague_reply_that_may_follow_what_it_answers_passes(date: str) -> None:
    assert warnings_of(denial_of_c1(date)) == []


# --- hints that help ---------------------------------------------------------------------------------


def test_a_language_name_asks_for_its_code() -> None:
    [problem] = problems_of(HEADER.replace("published: 2017-10-10", "published: 2017-10-10, language: russian"))
    assert (problem.where, problem.message) == ("sources[0].language", "'russian' is not a language code")
    assert problem.hint == (
        "did you mean 'ru'? write an ISO 639 code such as 'en', 'ru' or 'ar', optionally with a region: 'pt-BR'"
    )


def test_an_unknown_language_gets_the_rule_only() -> None:
    [problem] = problems_of(HEADER.replace("published: 2017-10-10", "published: 2017-10-10, language: Klingonese"))
    assert problem.hint == "write an ISO 639 code such as 'en', 'ru' or 'ar', optionally with a region: 'pt-BR'"


def test_a_colour_name_asks_for_rrggbb() -> None:
    [problem] = problems_of(HEADER.replace("name: Red}", "name: Red, colour: red}"))
    assert (problem.where, problem.message) == ("sides[0].colour", "'red' is not a colour of the form #rrggbb")
    assert problem.hint == (
        "write '#' and six hexadecimal digits, in quotes (YAML reads an unquoted # as a comment): '#cc3311'"
    )


@pytest.mark.parametrize(
    "written", ["Rebecca Rebarich", "rebecca rebarich", "Commander Rebarich", "rebecca-rebarich", "Rebeca Rebarich"]
)
def test_a_reference_by_name_or_alias_suggests_the_record_id(written: str) -> None:
    [problem] = problems_of(replacing("claimant: general-a", f"claimant: {written}"))
    assert problem.where == "claims[1].claimant"
    name = "Commander Rebarich" if written == "Commander Rebarich" else "Rebecca Rebarich"
    assert problem.hint == f"did you mean 'rebarich', the id of the actor named {name!r}? references use ids"


def test_a_reference_by_name_in_any_reference_field_suggests_the_id() -> None:
    text = (
        HEADER.replace("side: red}", "side: Red, member_of: [Rebecca Rebarich]}")
        + CLAIM
        + ("    places: [al-Tanf]\n    targets: [Rebecca Rebarich]\n    responds_to: [{denies: x}]\n")
    )
    assert [
        (p.where, p.hint)
        for p in problems_of(text.replace("reports: [doc]\n    places", "reports: [A document]\n    places"))
    ] == [
        ("actors[0].side", "did you mean 'red', the id of the side named 'Red'? references use ids"),
        (
            "actors[0].member_of[0]",
            "did you mean 'rebarich', the id of the actor named 'Rebecca Rebarich'? references use ids",
        ),
        (
            "claims[1].reports[0].source",
            "did you mean 'doc', the id of the source named 'A document'? references use ids",
        ),
        ("claims[1].places[0]", "did you mean 'al-tanf', the id of the place named 'al-Tanf'? references use ids"),
        (
            "claims[1].targets[0]",
            "did you mean 'rebarich', the id of the actor named 'Rebecca Rebarich'? references use ids",
        ),
        ("claims[1].responds_to[0].denies", "declare it under 'claims:' or fix the id"),
    ]


def test_a_non_latin_reference_is_matched_by_name_only() -> None:
    text = HEADER.replace("side: red}", "side: red, aliases: [Генерал А]}") + CLAIM.replace("general-a", "Министр")
    [problem] = problems_of(text)
    assert problem.hint == (
        "ids use a-z, 0-9 and hyphens, and no actor is named 'Министр'; use the id of one under 'actors:'"
    )
    [problem] = problems_of(text.replace("claimant: Министр", "claimant: Генерал А"))
    assert problem.hint == "did you mean 'general-a', the id of the actor named 'Генерал А'? references use ids"


def test_a_reference_by_a_name_nobody_has_says_so() -> None:
    [problem] = problems_of(replacing("claimant: general-a", "claimant: Nobody Known"))
    assert problem.message == "'Nobody Known' is not a valid id: 'N' is upper case"
    assert problem.hint == (
        "ids use a-z, 0-9 and hyphens, and no actor is named 'Nobody Known'; use the id of one under 'actors:'"
    )


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        (
            "клaim",
            "'клaim' is not a valid id: 'к' (CYRILLIC SMALL LETTER KA) is not one of a-z",
            "write this one in Latin letters (claimgraph does not transliterate)",
        ),
        (
            "'مطار'",
            "'مطار' is not a valid id: 'م' (ARABIC LETTER MEEM) is not one of a-z",
            "write this one in Latin letters (claimgraph does not transliterate)",
        ),
        ("Café Müller", "'Café Müller' is not a valid id: 'C' is upper case", "try 'cafe-muller'"),
        ("a--b", "'a--b' is not a valid id: hyphens and underscores may only join letters and digits", "try 'a-b'"),
        ("'!!'", "'!!' is not a valid id: '!' is not allowed", ""),
    ],
)
def test_a_bad_id_says_which_character_and_suggests_only_a_faithful_id(written: str, message: str, hint: str) -> None:
    [problem] = problems_of(replacing("id: c2", f"id: {written}"))
    assert (problem.where, problem.message) == ("claims[1].id", message)
    assert problem.hint == "ids use a-z, 0-9 and hyphens" + ("; " + hint if hint else "")


def test_an_id_read_as_a_number_is_shown_as_written() -> None:
    assert shown(replacing("id: c2", "id: 010")) == [
        "bad.yaml:17:9: claims[1].id: expected an id (got 010)\n"
        "    hint: quote it, so that YAML reads it as an id: '010'"
    ]


def test_an_unknown_value_far_from_any_allowed_one_lists_them() -> None:
    [problem] = problems_of(replacing("kind: statement", "kind: apology"))
    assert problem.message == "'apology' is not an allowed value"
    assert problem.hint == (
        "allowed: accusation, denial, rebuttal, qualification, retraction, admission, corroboration, statement"
    )


@pytest.mark.parametrize(
    "url", ["https://localhost/a", "http://intranet:8080/x?q=1#top", "HTTPS://EXAMPLE.ORG", "https://[::1]/a"]
)
def test_any_http_link_with_a_host_is_accepted(url: str) -> None:
    data = graph.parse_dataset(HEADER.replace("published: 2017-10-10", f"published: 2017-10-10, url: '{url}'"))
    assert data.sources["doc"].url == url


@pytest.mark.parametrize(
    ("url", "message", "hint"),
    [
        (
            "javascript:alert(1)",
            "only http:// and https:// links are allowed, not 'javascript:'",
            "link to the document's web address, or leave 'url' out and describe the document in 'note'",
        ),
        ("file:///etc/passwd", "only http:// and https:// links are allowed, not 'file:'", "link to the document's"),
        ("ftp://example.org/x", "only http:// and https:// links are allowed, not 'ftp:'", "link to the document's"),
        (
            "example.org/a",
            "'example.org/a' is not a full link: it lacks http:// or https://",
            "try 'https://example.org/a'",
        ),
        ("localhost:8080/a", "'localhost:8080/a' is not a full link: it lacks http:// or https://", "try 'https://"),
        ("https://", "'https://' is not a well-formed link: it needs a host name after '//'", "copy the full address"),
        ("https://exa mple.org", "a link cannot contain spaces", "write each space in the address as %20"),
    ],
)
def test_a_bad_link_says_what_is_wrong(url: str, message: str, hint: str) -> None:
    [problem] = problems_of(HEADER.replace("published: 2017-10-10", f"published: 2017-10-10, url: '{url}'"))
    assert (problem.where, problem.message) == ("sources[0].url", message)
    assert problem.hint.startswith(hint)


def test_a_long_value_is_echoed_cut_short() -> None:
    [problem] = problems_of(replacing("kind: statement", "kind: " + "x" * 5_000_000))
    assert problem.message == "'" + "x" * 80 + "…' (5,000,000 characters) is not an allowed value"


def test_a_long_key_is_echoed_cut_short() -> None:
    [problem] = problems_of(with_claim("    " + "k" * 1000 + ": 1\n"))  # YAML allows keys of 1,024 characters
    assert problem.where == "claims[1]." + "k" * 80 + "… (1,000 characters)"
    assert problem.message == "unknown field '" + "k" * 80 + "…' (1,000 characters)"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("id: c2", "id: C2", "'C2' is not a valid id: 'C' is upper case"),
        ("claimant: general-a", "claimant: General_A", "'General_A' is not a valid id: 'G' is upper case"),
        (
            "kind: statement",
            "kind: statement\n    label: '" + "x" * 61 + "'",
            "is too long: 61 characters, the most is 60",
        ),
    ],
)
def test_no_regular_expression_reaches_users(old: str, new: str, message: str) -> None:
    [problem] = problems_of(replacing(old, new))
    assert problem.message == message
    assert "pattern" not in str(problem) and "^" not in str(problem)


def test_a_recursive_alias_is_said_to_refer_to_itself() -> None:
    assert shown("claims: &a [*a]\n") == [
        "bad.yaml:1:13: the alias *a refers to itself: it stands inside the value its anchor &a names\n"
        "    hint: a value cannot contain itself; write the inner value out instead of the alias"
    ]


# --- repeats and circles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "where", "message", "hint"),
    [
        (
            "    targets: [rebarich, rebarich]\n",
            "claims[1].targets[1]",
            "'rebarich' is listed twice (first as targets[0])",
            "remove the repeat: each id is listed once",
        ),
        (
            "    places: [al-tanf, al-tanf]\n",
            "claims[1].places[1]",
            "'al-tanf' is listed twice (first as places[0])",
            "remove the repeat: each id is listed once",
        ),
        (
            "    responds_to: [{denies: c1}, {denies: c1}]\n",
            "claims[1].responds_to[1].denies",
            "this claim already denies 'c1' (responds_to[0])",
            "remove the repeat",
        ),
    ],
)
def test_an_id_listed_twice_is_an_error_at_the_repeat(lines: str, where: str, message: str, hint: str) -> None:
    [problem] = problems_of(with_claim(lines))
    assert (problem.where, problem.message, problem.hint) == (where, message, hint)


def test_a_source_listed_twice_is_an_error() -> None:
    assert shown(replacing("reports: [doc]", "reports: [doc, doc]")) == [
        "bad.yaml:21:20: claims[1].reports[1]: 'doc' is listed twice (first as reports[0])\n"
        "    hint: remove the repeat; list a source twice only when it relays the claim by two different routes (via)"
    ]


def test_one_source_may_report_by_two_routes() -> None:
    text = replacing("reports: [doc]", "reports: [doc, {source: doc, via: [rebarich]}]")
    assert len(graph.parse_dataset(text).claims["c2"].reports) == 2


def test_a_relay_listed_twice_is_an_error() -> None:
    [problem] = problems_of(replacing("reports: [doc]", "reports: [{source: doc, via: [rebarich, rebarich]}]"))
    assert (problem.where, problem.message) == (
        "claims[1].reports[0].via[1]",
        "'rebarich' is listed twice (first as via[0])",
    )


def test_a_membership_listed_twice_is_an_error() -> None:
    [problem] = problems_of(HEADER.replace("side: red}", "side: red, member_of: [rebarich, rebarich]}"))
    assert (problem.where, problem.message) == (
        "actors[0].member_of[1]",
        "'rebarich' is listed twice (first as member_of[0])",
    )


def test_a_membership_circle_is_an_error_at_the_link_that_closes_it() -> None:
    text = HEADER.replace("side: red}", "side: red, member_of: [rebarich]}").replace(
        "aliases: [Commander Rebarich]}", "aliases: [Commander Rebarich], member_of: general-a}"
    )
    assert shown(text) == [
        "bad.yaml:5:100: actors[1].member_of[0]: member_of goes round in a circle: general-a → rebarich → general-a\n"
        "    hint: remove one of these member_of links: no actor can be, through others, a member of itself"
    ]


def test_a_longer_membership_circle_is_reported_once() -> None:
    actors = "".join(f"  - {{id: a{i}, name: A{i}, kind: person, member_of: [a{(i + 1) % 3}]}}\n" for i in range(3))
    [problem] = problems_of(HEADER.replace("actors:\n", "actors:\n" + actors))
    assert (problem.where, problem.message) == (
        "actors[2].member_of[0]",
        "member_of goes round in a circle: a0 → a1 → a2 → a0",
    )


def test_membership_that_only_converges_is_no_circle() -> None:
    actors = (
        "  - {id: a, name: A, kind: person, member_of: [b, c]}\n  - {id: b, name: B, kind: person, member_of: [c]}\n"
    )
    actors += "  - {id: c, name: C, kind: organisation}\n"
    assert graph.parse_dataset(HEADER.replace("actors:\n", "actors:\n" + actors)).actors["a"].member_of == ["b", "c"]
