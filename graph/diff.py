"""What changed between two versions of a data set: records, field by field, and the answers drawn from them.

A reviewer reading a change to the data wants both: which records were added, removed or edited,
and what the change does to the questions the tool answers (how each proposition stands, how many
independent origins it has, does a claim still stand). Each answer is one entry of
:data:`ANSWERS`: a name, what it asks, and a function from a graph to ``{key: answer as text}``;
adding a question to the diff is adding one entry.

>>> import graph
>>> old = graph.parse_dataset('''
... actors: [{id: a, name: A, kind: person}, {id: b, name: B, kind: person}]
... sources: [{id: doc, title: Doc}]
... claims:
...   - {id: c1, claimant: a, kind: accusation, text: A accuses B., targets: [b], reports: [doc]}
... ''')
>>> new = graph.parse_dataset('''
... actors: [{id: a, name: A, kind: person}, {id: b, name: B, kind: person}]
... sources: [{id: doc, title: Doc}]
... claims:
...   - {id: c1, claimant: a, kind: accusation, text: A accuses B of it., targets: [b], reports: [doc]}
...   - {id: c2, claimant: b, kind: denial, text: B denies it., responds_to: [denies: c1], reports: [doc]}
... ''')
>>> change = diff_datasets(old, new)
>>> [(r.change, r.id) for r in change.records]
[('changed', 'c1'), ('added', 'c2')]
>>> [(a.answer, a.key, a.old, a.new) for a in change.answers if a.answer == "status"]
[('status', 'c1', 'unanswered', 'disputed')]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .build import build_graph
from .dataset import Dataset
from .models import SECTIONS
from .queries import grounded_labels, independent_origins, statuses
from .types import ClaimGraph


@dataclass(frozen=True)
class Answer:
    """A question whose answers a diff compares: ``compute(G)`` gives ``{key: answer as text}``."""

    name: str
    question: str
    compute: Callable[[ClaimGraph], Mapping[str, str]]


def _status(G: ClaimGraph) -> dict[str, str]:
    """Each proposition at issue (declared, or a claim standing for its own) and how it stands today."""
    return {s.proposition: s.status + (f" since {s.since}" if s.since else "") for s in statuses(G)}


def _origins(G: ClaimGraph) -> dict[str, str]:
    answers = {}
    for found_status in statuses(G):
        found = independent_origins(G, found_status.proposition)
        text = f"{found.count}: {', '.join(found.origins)}"
        answers[found_status.proposition] = text + (" (circular reporting)" if found.circular else "")
    return answers


def _grounded(G: ClaimGraph) -> dict[str, str]:
    return dict(grounded_labels(G))


ANSWERS: tuple[Answer, ...] = (
    Answer("status", "how does the proposition stand: unanswered, disputed, conceded, retracted?", _status),
    Answer(
        "independent origins", "how many independent origins does the proposition trace back to, and which?", _origins
    ),
    Answer("grounded label", "does the claim stand (in), fall (out) or neither (undec) as an argument?", _grounded),
)
"""The questions a diff compares, in the order it reports them. Add an entry to compare another answer."""


@dataclass(frozen=True)
class FieldChange:
    """One field of a record, before and after (None: not set)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class RecordChange:
    """A record added, removed or changed; ``fields`` lists what changed."""

    change: str
    section: str
    id: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class AnswerChange:
    """One answer that differs: ``old`` or ``new`` is None where the question did not apply."""

    answer: str
    key: str
    old: str | None
    new: str | None


@dataclass
class DataDiff:
    """Everything that differs between two versions."""

    records: list[RecordChange] = field(default_factory=list)
    answers: list[AnswerChange] = field(default_factory=list)

    def to_json_data(self) -> dict[str, Any]:
        """Plain JSON data with stable keys."""
        return {
            "records": [
                {
                    "change": r.change,
                    "section": r.section,
                    "id": r.id,
                    "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in r.fields],
                }
                for r in self.records
            ],
            "answers": [{"answer": a.answer, "key": a.key, "old": a.old, "new": a.new} for a in self.answers],
        }


def diff_datasets(old: Dataset, new: Dataset, *, answers: tuple[Answer, ...] = ANSWERS) -> DataDiff:
    """Records added, removed and changed (field by field), and answers that changed, from ``old`` to ``new``."""
    result = DataDiff(records=_record_changes(old, new))
    before, after = build_graph(old), build_graph(new)
    for answer in answers:
        result.answers.extend(_answer_changes(answer, answer.compute(before), answer.compute(after)))
    return result


def _record_changes(old: Dataset, new: Dataset) -> list[RecordChange]:
    changes: list[RecordChange] = []
    if old.title != new.title:
        changes.append(RecordChange("changed", "title", "title", (FieldChange("title", old.title, new.title),)))
    for section in SECTIONS:
        before, after = old.section(section), new.section(section)
        for record_id, record in after.items():
            if record_id not in before:
                changes.append(RecordChange("added", section, record_id))
            else:
                fields = _field_changes(_fields(before[record_id]), _fields(record))
                if fields:
                    changes.append(RecordChange("changed", section, record_id, fields))
        changes.extend(RecordChange("removed", section, rid) for rid in before if rid not in after)
    return changes


def _fields(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json", exclude_none=True)
    return {key: value for key, value in data.items() if value not in ([], {}, "")}


def _field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    names = list(old) + [name for name in new if name not in old]
    return tuple(FieldChange(n, old.get(n), new.get(n)) for n in names if old.get(n) != new.get(n))


def _answer_changes(answer: Answer, old: Mapping[str, str], new: Mapping[str, str]) -> list[AnswerChange]:
    keys = list(old) + [key for key in new if key not in old]
    return [AnswerChange(answer.name, k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)]


def shown_values(old: Any, new: Any, limit: int = 60) -> tuple[str, str]:
    """Both values of a changed field for the table; long texts start a little before they differ.

    >>> shown_values("The same long opening words, then one change.", "The same long opening words, then a change.", 30)
    ('…ng words, then one change.', '…ng words, then a change.')
    """
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > limit:
        same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
        start = max(0, same - limit // 2)
        if start:
            return value_text("…" + old[start:], limit), value_text("…" + new[start:], limit)
    return value_text(old, limit), value_text(new, limit)


def value_text(value: Any, limit: int = 60) -> str:
    """A field's value in one short line for the table ('-' when not set).

    >>> value_text(["a", "b"]), value_text(None), value_text("x" * 70)[-3:]
    ('[a, b]', '-', 'xx…')
    """
    if value is None:
        return "-"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "[" + ", ".join(value) + "]"
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"
