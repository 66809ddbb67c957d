"""The JSON Schema editors use: in sync with the models, and it accepts what the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from support import MINI, ROOT, SHIPPED

import graph
from graph.schema import json_schema, json_schema_text
from graph.yamlparse import parse_yaml

COMMITTED = ROOT / "schema" / "claims.schema.json"


def test_committed_schema_matches_the_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/claims.schema.json is stale: run `claimgraph schema -o schema/claims.schema.json`"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("path", [SHIPPED, MINI], ids=["shipped", "mini"])
def test_data_files_satisfy_the_schema(path: Path) -> None:
    data = parse_yaml(path.read_text(encoding="utf-8")).data
    jsonschema.Draft202012Validator(json_schema()).validate(data)


def test_schema_flags_a_typo_as_an_editor_would() -> None:
    data = {"claims": [{"id": "c1", "claimaint": "a", "kind": "accusation", "text": "x", "reports": ["doc"]}]}
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data))
    assert any("claimaint" in error.message for error in errors)


@pytest.mark.parametrize("path", [SHIPPED, MINI], ids=["shipped", "mini"])
def test_data_files_point_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = path.parent / first.split("=", 1)[1]
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "claimgraph claim records"


BASE = """\
sides:
  - {id: red, name: Red}
actors:
  - {id: a, name: A, kind: person, side: red}
sources:
  - {id: doc, title: A document}
claims:
  - {id: c0, claimant: a, kind: accusation, text: A accused., reports: [doc]}
  - id: c1
    claimant: a
    kind: denial
    text: A denied.
    reports: [doc]
"""

GOOD = {
    "the base": "",
    "a padded label": "    label: '  a few words  '\n",
    "a label of 60 characters padded": f"    label: '  {'x' * 60}  '\n",
    "padded text": "    note: '   spaces around   '\n",
    "tabs and line breaks in text": '    note: "a\\tb\\nc"\n',
    "a year as a number": "    date: 2017\n",
    "a vague month": "    date: 2017-10~\n",
    "a padded date": "    date: ' 2017-10-06 '\n",
    "a credibility": "    credibility: 6\n",
    "one target on its own": "    targets: a\n",
    "a quote on its own": "    quote: words\n",
    "a response": "    responds_to: [{denies: c0}]\n",
    "a tag on its own": "    tags: x\n",
}

BAD = {
    "a response to nothing": "    responds_to: [{denies: null}]\n",
    "a response with two relations": "    responds_to: [{denies: c0, rebuts: c0}]\n",
    "an empty response": "    responds_to: [{}]\n",
    "a five-digit year": "    date: 20171\n",
    "a three-digit year": "    date: 999\n",
    "a one-digit month": "    date: 2017-1\n",
    "a date in Arabic-Indic digits": "    date: ٢٠١٧\n",
    "a date in fullwidth digits": "    date: ２０１７\n",
    "text of spaces": "    note: '   '\n",
    "an empty label": "    label: ''\n",
    "a label of 61 characters": f"    label: '{'x' * 61}'\n",
    "a credibility of true": "    credibility: true\n",
    "a credibility in quotes": "    credibility: '6'\n",
    "a credibility with an underscore": "    credibility: 1_0\n",
    "a fractional credibility": "    credibility: 6.5\n",
    "a credibility of 7": "    credibility: 7\n",
    "a control character": '    note: "A\\x01B"\n',
    "a noncharacter": '    tags: ["D\\uFFFE"]\n',
    "an escape in a label": '    label: "\\e[2J"\n',
    "an upper-case id": "    targets: [A]\n",
    "a number as an id": "    targets: [10]\n",
    "an unknown kind": "    basis: rumour\n",
    "an empty tag": "    tags: ['  ']\n",
    "an unknown field": "    claimaint: a\n",
}
"""Cases on which ``validate`` and the JSON Schema must agree, appended to the last claim of BASE.
(Checks that span records, such as unknown ids, are beyond a schema and not listed.)"""

SOURCE_GOOD = {
    "a link to a host without a dot": "https://localhost/a",
    "a link in capitals": "HTTPS://EXAMPLE.ORG/A",
    "a link with a port and query": "http://intranet:8080/x?q=1#top",
    "a padded link": " https://example.org ",
}
SOURCE_BAD = {
    "a link without a scheme": "example.org",
    "a javascript link": "javascript:alert(1)",
    "a link without a host": "https://",
    "a link with a space": "https://exa mple.org",
}


def _cases() -> list[tuple[str, str, bool]]:
    cases = [(name, BASE + lines, True) for name, lines in GOOD.items()]
    cases += [(name, BASE + lines, False) for name, lines in BAD.items()]
    for verdict, links in ((True, SOURCE_GOOD), (False, SOURCE_BAD)):
        cases += [
            (name, BASE.replace("title: A document}", f"title: A document, url: '{url}'}}"), verdict)
            for name, url in links.items()
        ]
    side = "name: Red}"
    cases += [
        ("a #rrggbb colour", BASE.replace(side, "name: Red, colour: '#D55E00'}"), True),
        ("a colour name", BASE.replace(side, "name: Red, colour: red}"), False),
        ("a language code with a region", BASE.replace("title: A document}", "title: A, language: pt-BR}"), True),
        ("a language name", BASE.replace("title: A document}", "title: A, language: russian}"), False),
        ("a padded title", "title: '  The dispute  '\n" + BASE, True),
        ("an empty title", "title: ''\n" + BASE, False),
        ("a padded alias", BASE.replace("side: red}", "side: red, aliases: ['  Alias ']}"), True),
        ("one report on its own", BASE.replace("    reports: [doc]\n", "    reports: doc\n"), True),
        ("no reports", BASE.replace("    reports: [doc]\n", "    reports: []\n"), False),
    ]
    return cases


def _validate_accepts(text: str) -> bool:
    try:
        graph.parse_dataset(text, check_quotes=False)
    except graph.DataError:
        return False
    return True


def _schema_accepts(text: str) -> bool:
    return jsonschema.Draft202012Validator(json_schema()).is_valid(parse_yaml(text).data)


@pytest.mark.parametrize(("text", "good"), [(text, good) for _, text, good in _cases()], ids=[c[0] for c in _cases()])
def test_validate_and_the_schema_give_the_same_verdict(text: str, good: bool) -> None:
    assert (_validate_accepts(text), _schema_accepts(text)) == (good, good)
