"""The JSON Schema of the claim-record format, generated from the pydantic models.

Editors use it through the ``# yaml-language-server: $schema=...`` line at the
top of a claims file, to complete keys and flag mistakes while typing.

>>> schema = json_schema()
>>> sorted(schema["properties"])
['actors', 'claims', 'evidence', 'places', 'propositions', 'sides', 'sources', 'title']
"""

from __future__ import annotations

import json
from typing import Any

from .models import Document

SCHEMA_ID = "https://claimgraph.invalid/schema/claims.schema.json"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a claims file."""
    schema = Document.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text() -> str:
    """The schema as the committed file holds it: sorted, indented, newline-terminated."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
