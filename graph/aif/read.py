"""Reading an AIF analysis (AIFdb, OVA, xAIF or claimgraph's own) into claim records that validate.

Every I-node becomes a claim: its text the claim's text; the utterance that
anchors it (``L -> YA -> I``) gives the claimant (from the locution's
participant, or the ``"Speaker: ..."`` prefix), the quote, the date (the
locution's ``start`` and ``end``) and the report (the locution's ``source``
link, or the AIF file itself); the illocution gives the kind; one locution
per participant on one L-node gives a joint statement. Conflicts,
inferences and rephrases between I-nodes become responses, as the table in
:mod:`.table` says. An S-node anchored on a claim's own utterance (not on a
reply) is one of the claim's links of :data:`.table.LINKS`: an I-node nobody
utters is then a proposition (what the claim asserts, denies, ...) or an
evidence item (what it rests on or cites); an I-node nobody utters and
nothing relates is a proposition too. Nothing is dropped silently: every node that has no
place in claimgraph's format (dialogue transitions that anchor nothing,
utterances that anchor no content, preferences, attacks on inferences, ...)
is listed in :attr:`AifImport.unplaced`, and :attr:`AifImport.roles` says
what became of every node.

>>> result = import_aif('''{"nodes": [
...   {"nodeID": "1", "type": "I", "text": "Fines work"},
...   {"nodeID": "2", "type": "L", "text": "Ann: Fines work!"},
...   {"nodeID": "3", "type": "YA", "text": "Asserting"}],
...  "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]}''')
>>> claim = result.document["claims"][0]
>>> claim["id"], claim["claimant"], claim["kind"], claim["quote"], claim["reports"]
('ann-fines-work', 'ann', 'statement', 'Fines work!', ['aif-analysis'])
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError, Problem
from ..load import parse_dataset
from .table import JOINT, KIND_OF_ILLOCUTION, link_of, link_row, relation_of

MAX_BYTES = 64 * 1024 * 1024
"""The largest AIF file read; AIFdb's largest corpora export in pieces far smaller."""

S_NODES = ("RA", "CA", "MA")
UNATTRIBUTED = "unattributed"


@dataclass(frozen=True)
class Unplaced:
    """An AIF node that has no place in claimgraph's format, and why."""

    node_id: str
    node_type: str
    text: str
    reason: str

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"{self.node_type} node {self.node_id} ({json.dumps(text, ensure_ascii=False)}): {self.reason}"


@dataclass
class AifImport:
    """The records made from an AIF analysis, what became of each node, and what had no place."""

    document: dict[str, Any]
    roles: dict[str, str]
    unplaced: list[Unplaced]
    source_name: str = "<aif>"
    _yaml: str | None = field(default=None, repr=False, compare=False)

    def yaml(self) -> str:
        """The records as a claims file, headed by comments listing what had no place."""
        lines = [f"# Imported by claimgraph from the AIF analysis {_one_line(self.source_name)}."]
        if self.unplaced:
            lines.append(f"# {len(self.unplaced)} AIF nodes have no place in claimgraph's format:")
            lines += [f"#   {_one_line(str(item))}" for item in self.unplaced]
        if self._yaml is None:
            dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: 10x faster
            body = yaml.dump(self.document, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
            self._yaml = "\n".join(lines) + "\n" + body
        return self._yaml

    def summary(self) -> str:
        """``'12 claims, 3 actors, 1 source; 20 AIF nodes had no place (10 TA, 10 L)'``."""
        counts = ", ".join(
            f"{len(self.document[k])} {k if len(self.document[k]) != 1 or k == 'evidence' else k[:-1]}"
            for k in _SECTIONS
            if k in self.document
        )
        if not self.unplaced:
            return f"{counts}; every AIF node has its place"
        by_type: dict[str, int] = {}
        for item in self.unplaced:
            by_type[item.node_type] = by_type.get(item.node_type, 0) + 1
        kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
        return f"{counts}; {len(self.unplaced)} AIF nodes had no place ({kinds})"


_SECTIONS = ("claims", "propositions", "evidence", "actors", "sources")


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


def read_aif(path: str | os.PathLike[str]) -> AifImport:
    """Read an AIF JSON file into claim records; raises :class:`DataError` when it is not AIF."""
    file = Path(path)
    name = str(path)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise DataError([Problem(name, 1, 1, "", f"the file is {size:,} bytes; the limit is {MAX_BYTES:,}")])
        raw = file.read_bytes()
    except OSError as exc:
        raise DataError([Problem(name, 1, 1, "", f"cannot read the file: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            [Problem(name, 1, exc.start + 1, "", "the file is not UTF-8 text", hint="AIF is JSON")]
        ) from None
    return import_aif(text, name=name)


def import_aif(text: str, *, name: str = "<aif>") -> AifImport:
    """Turn AIF JSON text into claim records, checked by the same validation as any claims file."""
    nodes, edges = _parse(text, name)
    result = _Importer(nodes, edges, name).run()
    parse_dataset(result.yaml(), name=f"{name} (imported)", check_quotes=False)  # raises if a record is invalid
    return result


def _parse(text: str, name: str) -> tuple[dict[str, dict[str, Any]], list[tuple[str, str]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = "an AIF analysis is a JSON object with a list of nodes and a list of edges"
        raise DataError([Problem(name, exc.lineno, exc.colno, "", f"not JSON: {exc.msg}", hint=hint)]) from None
    except RecursionError:
        raise DataError([Problem(name, 1, 1, "", "the JSON is nested too deeply")]) from None
    body = data.get("AIF", data.get("aif", data)) if isinstance(data, dict) else None
    problems: list[Problem] = []
    if not isinstance(body, dict) or not isinstance(body.get("nodes"), list):
        hint = 'AIFdb writes {"nodes": [...], "edges": [...]}; OVA and xAIF put them under "AIF"'
        raise DataError([Problem(name, 1, 1, "", "no list of AIF nodes found", hint=hint)])
    nodes: dict[str, dict[str, Any]] = {}
    for index, node in enumerate(body["nodes"]):
        if not isinstance(node, dict) or "nodeID" not in node or not isinstance(node.get("type"), str):
            problems.append(Problem(name, 1, 1, f"nodes[{index}]", "a node needs a nodeID and a type"))
            continue
        node_id = str(node["nodeID"])
        if node_id in nodes:
            problems.append(Problem(name, 1, 1, f"nodes[{index}]", f"nodeID {node_id!r} is used twice"))
        nodes[node_id] = {**node, "nodeID": node_id, "text": _trim(str(node.get("text") or ""))}
    edges = []
    for index, edge in enumerate(body.get("edges") or []):
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            problems.append(Problem(name, 1, 1, f"edges[{index}]", "an edge needs a fromID and a toID"))
            continue
        edges.append((str(edge["fromID"]), str(edge["toID"])))
    if problems:
        raise DataError(problems)
    nodes["__locutions__"] = {"items": body.get("locutions") or [], "participants": body.get("participants") or []}
    return nodes, edges


@dataclass
class _Claim:
    node_id: str
    text: str
    utterances: list[tuple[str, str]] = field(default_factory=list)  # (L node id, illocution)
    responses: list[tuple[str, str]] = field(default_factory=list)  # (relation, I node id)
    links: list[tuple[str, str]] = field(default_factory=list)  # (stance, rests_on or cites; I node id)
    notes: list[str] = field(default_factory=list)


class _Importer:
    def __init__(self, nodes: dict[str, dict[str, Any]], edges: list[tuple[str, str]], name: str) -> None:
        extra = nodes.pop("__locutions__")
        self.nodes, self.name = nodes, name
        self.out: dict[str, list[str]] = {n: [] for n in nodes}
        self.into: dict[str, list[str]] = {n: [] for n in nodes}
        self.dangling = [(a, b) for a, b in edges if a not in nodes or b not in nodes]
        for a, b in edges:
            if a in nodes and b in nodes:
                self.out[a].append(b)
                self.into[b].append(a)
        self.locutions: dict[str, dict[str, Any]] = {}
        self.persons: dict[str, list[str]] = {}  # L node id -> its locutions' personIDs: several for a joint one
        for locution in extra["items"]:
            if isinstance(locution, dict):
                self.locutions.setdefault(str(locution.get("nodeID")), locution)
                persons = self.persons.setdefault(str(locution.get("nodeID")), [])
                if str(locution.get("personID")) not in persons:
                    persons.append(str(locution.get("personID")))
        self.people = {
            str(p.get("participantID")): _trim(" ".join(_trim(str(p.get(k) or "")) for k in ("firstname", "surname")))
            for p in extra["participants"]
            if isinstance(p, dict)
        }
        self.roles: dict[str, str] = {}
        self.unplaced: list[Unplaced] = []
        self.claims = {n: _Claim(n, node["text"]) for n, node in nodes.items() if node["type"] == "I"}
        self.kinds: dict[str, str] = {}  # I node id -> claim, proposition or evidence
        self.pending: list[tuple[str, str, str, str]] = []  # (S or YA node, link, claim's I node, other I node)
        self.taken: set[str] = set()  # ids are unique across actors, sources and claims
        self.actor_by_name: dict[str, str] = {}
        self.source_by_link: dict[str | None, str] = {}

    def type_of(self, node_id: str) -> str:
        return str(self.nodes[node_id]["type"])

    def place(self, node_id: str, role: str) -> None:
        self.roles.setdefault(node_id, role)

    def drop(self, node_id: str, reason: str) -> None:
        if node_id not in self.roles:
            node = self.nodes[node_id]
            self.roles[node_id] = f"no place: {reason}"
            self.unplaced.append(Unplaced(node_id, node["type"], node["text"], reason))

    def run(self) -> AifImport:
        anchors: dict[str, str] = {}  # S node id -> the illocution anchoring it on a reply
        own: dict[str, tuple[str, str]] = {}  # S node id -> (L node, illocution) anchoring it on an utterance
        agreements: list[tuple[str, str, str]] = []  # (TA, I, illocution)
        said: list[tuple[str, str, str, str]] = []  # (L, YA, I, illocution)
        for node_id, node in self.nodes.items():
            if node["type"] == "YA":
                self._illocution(node_id, node["text"], anchors, own, agreements, said)
        self._utterances(said)
        spoken_by = {l_id: c.node_id for c in self.claims.values() for l_id, _ in c.utterances}
        links = {s: (spoken_by[l_id], name) for s, (l_id, name) in own.items() if l_id in spoken_by}
        others = [
            (node_id, node)
            for node_id, node in self.nodes.items()
            if node["type"] in S_NODES and not (node_id in links and self._link(node_id, node, *links[node_id]))
        ]
        self._classify()
        self._place_links()
        for node_id, node in others:
            self._s_node(node_id, node, anchors.get(node_id, own.get(node_id, ("", None))[1]))
        for ta, target, illocution in agreements:
            self._agreement(ta, target, illocution, spoken_by)
        spoken = {l_id for claim in self.claims.values() for l_id, _ in claim.utterances}
        for node_id, node in self.nodes.items():
            self._leftover(node_id, node["type"], spoken)
        return self._records()

    def _illocution(
        self,
        ya: str,
        name: str,
        anchors: dict[str, str],
        own: dict[str, tuple[str, str]],
        agreements: list[tuple[str, str, str]],
        said: list[tuple[str, str, str, str]],
    ) -> None:
        sources = [n for n in self.into[ya] if self.type_of(n) in ("L", "TA")]
        targets = [n for n in self.out[ya] if self.type_of(n) in ("I", *S_NODES)]
        for source in sources:
            for target in targets:
                kind = (self.type_of(source), self.type_of(target))
                if kind == ("L", "I"):
                    said.append((source, ya, target, name))
                    self.place(ya, f"illocution ({name}) of the claim from I node {target}")
                elif kind[0] == "L" and kind[1] in S_NODES:
                    own[target] = (source, name)
                    self.place(ya, f"illocution ({name}) anchoring {kind[1]} node {target} on its utterance")
                elif kind[0] == "TA" and kind[1] in S_NODES:
                    anchors[target] = name
                    self.place(ya, f"illocution ({name}) anchoring {kind[1]} node {target}")
                    self.place(source, f"the reply anchoring {kind[1]} node {target}")
                elif kind == ("TA", "I") and relation_of(None, name) == "concedes":
                    agreements.append((source, target, name))
        if ya not in self.roles:
            self.drop(ya, "an illocution that links no utterance to a content, and no reply to a relation")

    def _utterances(self, said: list[tuple[str, str, str, str]]) -> None:
        """Each L -> YA -> I is an utterance of a claim, but ``Agreeing`` beside another content is a concession."""
        conceding = link_row("concedes").anchor.name
        contents: dict[str, set[str]] = {}
        for l_id, _, target, name in said:
            if name != conceding:
                contents.setdefault(l_id, set()).add(target)
        for l_id, ya, target, name in said:
            own_content = sorted(contents.get(l_id, set()) - {target})
            if name == conceding and own_content:
                self.pending.append((ya, "concedes", own_content[0], target))
                self.roles[ya] = f"illocution ({name}): the claim from I node {own_content[0]} concedes I node {target}"
            else:
                self.claims[target].utterances.append((l_id, name))

    def _link(self, s: str, node: dict[str, Any], claim: str, anchor: str) -> bool:
        """An S-node anchored on the utterance of ``claim``: one of its links, if a row of the table says so."""
        premises = [n for n in self.into[s] if self.type_of(n) == "I"]
        conclusions = [n for n in self.out[s] if self.type_of(n) == "I"]
        if claim in premises and claim not in conclusions:
            row, others = link_of(node["type"], anchor, True), conclusions
        elif claim in conclusions and claim not in premises:
            row, others = link_of(node["type"], anchor, False), premises
        else:
            return False
        linked = [n for n in self.into[s] + self.out[s] if self.type_of(n) != "YA"]
        if row is None or not others or len(premises) + len(conclusions) != len(linked):
            return False
        self.pending += [(s, row.relation, claim, other) for other in others]
        return True

    def _classify(self) -> None:
        """Said: a claim; what a claim rests on or cites: evidence; a stance's object, or unrelated: a proposition."""
        spoken = {c.node_id for c in self.claims.values() if c.utterances}
        for _, relation, _, other in self.pending:
            if other not in spoken:
                kind = "evidence" if relation in ("rests_on", "cites") else "proposition"
                self.kinds.setdefault(other, kind)
        for node_id, claim in self.claims.items():
            isolated = not claim.utterances and not self.into[node_id] and not self.out[node_id]
            self.kinds.setdefault(node_id, "proposition" if isolated else "claim")

    def _place_links(self) -> None:
        for s, relation, claim, other in self.pending:
            row = link_row(relation)
            if self.kinds[other] not in row.to or self.kinds[claim] != "claim":
                wanted = " or ".join(row.to)
                self.drop(
                    s, f"{relation} of I node {claim} on I node {other}, which is a {self.kinds[other]}, not a {wanted}"
                )
                continue
            self.claims[claim].links.append((relation, other))
            self.place(s, f"{relation}: I node {claim} -> {self.kinds[other]} I node {other}")

    def _s_node(self, s: str, node: dict[str, Any], anchor: str | None) -> None:
        premises = [n for n in self.into[s] if self.type_of(n) == "I"]
        conclusions = [n for n in self.out[s] if self.type_of(n) == "I"]
        others = [n for n in self.out[s] if self.type_of(n) != "I"]  # what it points at must be claims
        relation = relation_of(node["type"], anchor)
        if relation is None or not premises or not conclusions or others:
            what = "an attack on or support for another relation" if others else "a relation without two contents"
            self.drop(s, f"{what}; claimgraph relates claims only")
            return
        unsaid = [n for n in premises + conclusions if self.kinds[n] != "claim"]
        if unsaid:
            what = ", ".join(f"I node {n} is a {self.kinds[n]}" for n in unsaid)
            self.drop(s, f"a {relation} response needs two claims; {what}")
            return
        scheme = node.get("scheme") or node["text"]
        default = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}[node["type"]]
        for premise in premises:
            for conclusion in conclusions:
                if premise == conclusion:
                    continue
                self.claims[premise].responses.append((relation, conclusion))
                if scheme and scheme not in (default, node["type"]):
                    self.claims[premise].notes.append(f"AIF {node['type']} scheme '{scheme}' recorded as {relation}.")
        self.place(s, f"{relation}: I node(s) {', '.join(premises)} -> {', '.join(conclusions)}")

    def _agreement(self, ta: str, target: str, illocution: str, spoken_by: dict[str, str]) -> None:
        replies = [spoken_by[n] for n in self.out[ta] if n in spoken_by and self.kinds[target] == "claim"]
        for claim in replies:
            if claim != target:
                self.claims[claim].responses.append(("concedes", target))
        if replies:
            self.place(ta, f"the reply conceding I node {target}")
            for ya in self.out[ta]:
                if self.type_of(ya) == "YA" and target in self.out[ya]:
                    self.roles[ya] = f"illocution ({illocution}) conceding I node {target}"

    def _leftover(self, node_id: str, node_type: str, spoken: set[str]) -> None:
        if node_id in self.roles:
            return
        if node_type == "I":
            self.place(node_id, f"a {self.kinds[node_id]}")
        elif node_type == "L" and node_id in spoken:
            self.place(node_id, "the utterance of a claim")
        elif node_type == "L":
            self.drop(node_id, "an utterance that anchors no content")
        elif node_type == "TA":
            self.drop(node_id, "a dialogue transition that anchors no relation between claims")
        else:
            self.drop(node_id, f"claimgraph has nothing like AIF's {node_type} nodes")

    # --- records ---------------------------------------------------------------------------------

    def _records(self) -> AifImport:
        actors: dict[str, dict[str, Any]] = {}
        sources: dict[str, dict[str, Any]] = {}
        ids: dict[str, str] = {}
        unsaid = self._unsaid(ids)
        said = [claim for claim in self.claims.values() if self.kinds[claim.node_id] == "claim"]
        claims: list[dict[str, Any]] = []
        for claim in said:
            speakers, quote, date, url, kind, notes = self._utterance(claim)
            actor_ids = list(dict.fromkeys(self._actor(key, speaker, actors) for key, speaker in speakers))
            source_id = self._source(url, sources)
            claim_id = _unique(_claim_slug(actor_ids[0], claim.text), self.taken)
            ids[claim.node_id] = claim_id
            claimant: str | list[str] = actor_ids[0] if len(actor_ids) == 1 else actor_ids
            record: dict[str, Any] = {"id": claim_id, "claimant": claimant, "kind": kind}
            record["text"] = claim.text or "(an AIF proposition with no text)"  # already trimmed
            if quote:
                record["quote"] = quote
            if date:
                record["date"] = date
            record["reports"] = [source_id]
            claims.append(record)
            notes += claim.notes
            if notes:
                record["note"] = " ".join(notes)
        for claim, record in zip(said, claims, strict=True):
            responses = list(dict.fromkeys((rel, ids[target]) for rel, target in claim.responses))
            if responses:
                record["responds_to"] = [{rel: target} for rel, target in responses]
            for relation, target in dict.fromkeys(claim.links):
                record.setdefault(relation, []).append(ids[target])
            record["reports"] = record.pop("reports")  # keep reports last, as hand-written files do
            if "note" in record:
                record["note"] = record.pop("note")
        title = f"Imported from AIF: {Path(self.name).name}"
        document: dict[str, Any] = {"title": title, "actors": list(actors.values())}
        document.update({section: records for section, records in unsaid.items() if records})
        document.update({"sources": list(sources.values()), "claims": claims})
        for a, b in self.dangling:
            self.unplaced.append(Unplaced(f"{a}->{b}", "edge", "", "an edge to a node the file does not have"))
        return AifImport(document, self.roles, self.unplaced, self.name)

    def _unsaid(self, ids: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
        """The propositions and evidence items: I-nodes nobody utters, with readable ids."""
        sections: dict[str, list[dict[str, Any]]] = {"propositions": [], "evidence": []}
        for claim in self.claims.values():
            kind = self.kinds[claim.node_id]
            if kind == "claim":
                continue
            text = claim.text or f"(an AIF {kind} with no text)"
            ids[claim.node_id] = _unique(_slug(" ".join(text.split()[:6]), kind), self.taken)
            if kind == "proposition":
                sections["propositions"].append({"id": ids[claim.node_id], "statement": text})
            else:
                note = "AIF does not say what kind of evidence this is; 'document' stands in."
                sections["evidence"].append({"id": ids[claim.node_id], "kind": "document", "name": text, "note": note})
        return sections

    def _utterance(
        self, claim: _Claim
    ) -> tuple[list[tuple[str, str]], str | None, str | None, str | None, str, list[str]]:
        """Speakers (a participant or name as key, and the name), quote, date, source link, kind and notes of a claim.

        All come from the first utterance anchoring the claim; several participants on it make a joint statement.
        """
        if not claim.utterances:
            return [(UNATTRIBUTED, UNATTRIBUTED)], None, None, None, "statement", []
        l_id, illocution = claim.utterances[0]
        locution = self.locutions.get(l_id, {})
        persons = [(f"participant {p}", self.people[p]) for p in self.persons.get(l_id, []) if self.people.get(p)]
        speaker, words = _split_speaker(self.nodes[l_id]["text"], JOINT.join(name for _, name in persons))
        speakers = persons or [(speaker, speaker)]
        notes = [] if illocution in KIND_OF_ILLOCUTION else [f"AIF illocution: {illocution}."]
        for other, other_illocution in claim.utterances[1:]:
            notes.append(f"Also said as AIF L node {other} ({other_illocution}): {self.nodes[other]['text']}")
        quote = words if words and words != claim.text else None
        url = locution.get("source") if isinstance(locution.get("source"), str) else None
        date = _partial_date(locution.get("start"), locution.get("end"))
        return speakers, quote, date, url, KIND_OF_ILLOCUTION.get(illocution, "statement"), notes

    def _actor(self, key: str, name: str, actors: dict[str, dict[str, Any]]) -> str:
        """The actor of a participant (one each, even when two share a name), or of a speaker named in the text."""
        shown = "unattributed (no utterance in the AIF analysis)" if name == UNATTRIBUTED else name
        if key in self.actor_by_name:
            return self.actor_by_name[key]
        actor_id = _unique(_slug(name, "speaker"), self.taken)
        kind = "anonymous-source" if name == UNATTRIBUTED else "person"
        actors[actor_id] = {"id": actor_id, "name": shown, "kind": kind}
        self.actor_by_name[key] = actor_id
        return actor_id

    def _source(self, url: str | None, sources: dict[str, dict[str, Any]]) -> str:
        link = url if url and re.match(r"^https?://[^\s/?#]+", url, re.IGNORECASE) else None
        if link in self.source_by_link:
            return self.source_by_link[link]
        if link:
            source_id = _unique(_slug(re.sub(r"^https?://(www\.)?", "", link), "source")[:60].strip("-_"), self.taken)
            sources[source_id] = {"id": source_id, "title": link, "url": link}
        else:
            stem = "" if self.name.startswith("<") else Path(self.name).stem
            source_id = _unique(_slug(f"aif {stem}", "aif")[:60].strip("-_") if stem else "aif-analysis", self.taken)
            title = f"The AIF analysis {Path(self.name).name}"
            sources[source_id] = {
                "id": source_id,
                "title": title,
                "note": "The AIF file the claims were imported from.",
            }
        self.source_by_link[link] = source_id
        return source_id


WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)
"""Unicode's White_Space characters: what the record models strip from text (Python's ``str.strip`` strips more)."""


def _trim(text: str) -> str:
    return text.strip(WHITE_SPACE)


def _split_speaker(text: str, person: str) -> tuple[str, str]:
    """``('Ann', 'Fines work!')`` from ``'Ann: Fines work!'``, preferring the participant's name when known."""
    if person:
        match = re.match(re.escape(person) + r"[ \t]*:[ \t]*", text)
        return person, _trim(text[match.end() :]) if match else text
    speaker, colon, words = text.partition(":")
    if colon and 0 < len(_trim(speaker)) <= 60:
        return _trim(speaker), _trim(words)
    return UNATTRIBUTED, text


_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _partial_date(start: Any, end: Any) -> str | None:
    """The partial date a locution's start and end cover: a day, a whole month or a whole year.

    >>> _partial_date("2017-10-01 00:00:00", "2017-10-31 23:59:59"), _partial_date("2021-11-11 21:50:00", None)
    ('2017-10', '2021-11-11')
    """
    first = _TIME.match(str(start or ""))
    if not first:
        return None
    try:
        day = dt.date(*map(int, first.groups()))
    except ValueError:
        return None
    last = _TIME.match(str(end or ""))
    try:
        until = dt.date(*map(int, last.groups())) if last else day
    except ValueError:
        until = day
    if (day.month, day.day, until.month, until.day) == (1, 1, 12, 31) and day.year == until.year:
        return f"{day.year:04d}"
    month_end = calendar.monthrange(day.year, day.month)[1]
    if day.day == 1 and (until.year, until.month, until.day) == (day.year, day.month, month_end):
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _claim_slug(actor_id: str, text: str) -> str:
    """A claim id from its speaker's id and its first words, e.g. ``'cl-they-got-to-a-point'``."""
    words = _slug(" ".join(text.split()[:6]), "claim")
    return words if words.startswith(actor_id) else f"{actor_id}-{words}"[:60].strip("-")


def _slug(text: str, fallback: str) -> str:
    """A readable id: ``'CL: they got to a point'`` -> ``'cl-they-got-to-a-point'``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-")
    return slug or fallback


_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
"""What our YAML reader takes for a number (YAML 1.2); PyYAML's 1.1 emitter leaves ``0e-0`` unquoted."""


def _unique(slug: str, taken: set[str] | Iterable[str]) -> str:
    """``slug``, numbered if taken, and never one that YAML reads back as a number.

    >>> _unique("0e-0", set()), _unique("cl", {"cl"})
    ('id-0e-0', 'cl-2')
    """
    if _NUMBER.fullmatch(slug):
        slug = f"id-{slug}"  # written unquoted, it would come back as a number, not an id
    existing = taken if isinstance(taken, set) else set(taken)
    candidate, count = slug, 1
    while candidate in existing:
        count += 1
        candidate = f"{slug}-{count}"
    if isinstance(taken, set):
        taken.add(candidate)
    return candidate
