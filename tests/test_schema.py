"""The JSON Schema editors use: in sync with the models, and it accepts what the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from support import MINI, ROOT, SHIPPED

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
