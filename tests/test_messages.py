"""Messages that tell the truth: escaped, short, worded for people, and never missing a real mistake.

Each test pins the exact text a user sees for one kind of bad input.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import graph
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
        "    hint: known fields: id, claimant, kind, label, text, quote, date, date_note, targets, responds_to, "
        "reports, places, basis, credibility, tags, note\n"
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


# --- YAML ------------------------------------------------------------------------------------------


def test_a_recursive_alias_is_said_to_refer_to_itself() -> None:
    assert shown("claims: &a [*a]\n") == [
        "bad.yaml:1:13: the alias *a refers to itself: it stands inside the value its anchor &a names\n"
        "    hint: a value cannot contain itself; write the inner value out instead of the alias"
    ]
