"""The JSON Schema of the claim-record format, generated from the pydantic models.

Editors use it through the ``# yaml-language-server: $schema=...`` line at the
top of a claims file, to complete keys and flag mistakes while typing.

>>> schema = json_schema()
>>> sorted(schema["properties"])
['actors', 'claims', 'places', 'sides', 'sources', 'title']
"""

from __future__ import annotations

import json
from typing import Any

from .models import MAX_ITEMS, SLUG_PATTERN, Document

SCHEMA_ID = "https://claimgraph.invalid/schema/claims.schema.json"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a claims file."""
    schema = Document.model_json_schema()
    claim = schema["$defs"]["Claim"]["properties"]
    # Reports accept shorthands in a "before" validator that pydantic cannot describe:
    # one source id, or a list of source ids and {source, via} mappings.
    source_id = {"type": "string", "pattern": SLUG_PATTERN, "description": "A source id."}
    items = {"anyOf": [source_id, {"$ref": "#/$defs/Report"}]}
    reports = claim["reports"]
    claim["reports"] = {
        "description": reports["description"],
        "anyOf": [source_id, {"type": "array", "minItems": 1, "maxItems": MAX_ITEMS, "items": items}],
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text() -> str:
    """The schema as the committed file holds it: sorted, indented, newline-terminated."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
