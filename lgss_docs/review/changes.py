"""What changed between two versions, fact by fact, keyed by the ids the content already has.

Each kind of item (work stream, service, key date, ...) is described once, as data: where its
items are, what names them, and which fields to compare. Adding a kind of item, such as the
plan, means adding a row to COLLECTIONS (or a function like ``plan_changes``), not new logic.
Markdown fields are compared item by item (bullets and paragraphs), so a reworded risk reads as
one reworded risk rather than as a changed block of text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..model.content import Content
from ..model.dates import long_date
from ..model.facts import fact_text
from ..model.totals import Grids
from ..render.markdown import parse_markdown
from ..views.blocks import kind_of
from .change import Change
from .pairing import pair_in_order
from .plan_changes import plan_changes

_SPACE = re.compile(r"\s+")
REWORDED_AT_LEAST = 0.5  # share of words two items keep in common to count as one item reworded


@dataclass(frozen=True)
class Field:
    """A field to compare: ``path`` into the model (dots for nesting), shown as ``label``.

    ``items`` names one item of a Markdown field or list compared item by item ("milestone");
    ``show`` turns a value into words, given the content of its side (to look up names)."""

    path: str
    label: str = ""
    items: str | None = None
    show: Callable[[Any, Content], str] = lambda value, _: str(value)


@dataclass(frozen=True)
class Collection:
    """A kind of item with an id: where a version keeps them and how to compare two of them."""

    area: str
    noun: str
    items: Callable[[Content], dict[str, Any]]
    name: Callable[[Any], str]
    fields: tuple[Field, ...]


def _person(person_id, content: Content) -> str:
    return content.person(person_id).name if person_id else "none"


def _date(value, _content) -> str:
    return long_date(value)


def _model(value, _content) -> str:
    return {"lead-authority": "lead authority"}.get(value, value)


def _codes(value, _content) -> str:
    return ", ".join(value) or "every partner"


def _optional(value, _content) -> str:
    return "none" if value in (None, "") else str(value)


def _rating(value, _content) -> str:
    """Return a rating as words: "Amber", or each dimension's: "overall Green; budget Amber"."""
    if isinstance(value, BaseModel) and not hasattr(value, "parts"):
        return "; ".join(f"{name} {rating}" for name, rating in dict(value).items())
    return str(value)


def _service_model(model_id, content: Content) -> str:
    return next((m.label for m in content.programme.service_models if m.id == model_id), model_id)


def _boxes(content: Content) -> tuple[str, ...]:
    page = content.programme.workstream_page
    return tuple(box.id for box in page.boxes) if page else ()


def _workstream_fields(old: Content, new: Content) -> tuple[Field, ...]:
    """Return the fields of a work stream to compare: the fixed ones, then every box either version declares."""
    boxes = dict.fromkeys((*_boxes(old), *_boxes(new)))
    return (
        Field("title", "title"),
        Field("project", "project title", show=_optional),
        Field("rag", "RAG", show=_rating),
        Field("lead", "lead", show=_person),
        Field("previous_lead", "previous lead", show=_person),
        Field("report_date", "report date", show=lambda value, _: long_date(value) if value else "none"),
        *(Field(box, items=box.replace("_", " ") + " item") for box in boxes),
    )


SERVICE_FIELDS = (
    Field("name", "name"),
    Field("model", "moved from", show=_service_model),
    Field("lead_authority", "lead authority", show=_optional),
    Field("date", "date", show=_date),
    Field("scope", "partners taking part", show=_codes),
    Field("notes", items="note"),
)

PAPER_FIELDS = (
    Field("kind", "kind"),
    Field("title", "title", show=_optional),
    Field("confidentiality", "marking", show=_optional),
    Field("meeting.name", "meeting"),
    Field("meeting.date", "meeting date", show=lambda value, _: long_date(value) if value else "none"),
    Field("date", "date", show=lambda value, _: long_date(value) if value else "none"),
    Field("authors", "authors", show=lambda ids, c: ", ".join(_person(i, c) for i in ids) or "none"),
    Field("subject", "subject", show=_optional),
    Field("purpose", items="purpose"),
    Field("recommendations.items", items="recommendation"),
    Field("status_as_at", "RAG status as at", show=lambda value, _: long_date(value) if value else "none"),
    Field("appendices", "appendices", show=lambda items, _: "; ".join(a.title for a in items) or "none"),
)

SECTION_FIELDS = (
    Field("text", items="paragraph"),
    Field("tables", "tables", show=lambda names, _: ", ".join(names) or "none"),
)


@dataclass(frozen=True)
class _Section:
    """A section of a paper as compared: its text blocks and derived tables."""

    text: list[str]
    tables: list[str]


def _sections(content: Content) -> dict[str, _Section]:
    # Sections have no id of their own; the paper and heading are what a reader knows them by.
    return {f"{pid}: {s.heading}": _Section([b.text for b in s.blocks if getattr(b, "text", None)],
                                            [kind_of(b) for b in s.blocks if not getattr(b, "text", None)])
            for pid, entry in content.papers.items() for s in entry.model.sections}


def _facts(content: Content) -> dict[str, object]:
    groups = content.facts.root if content.facts is not None else {}
    return {f"{group}.{name}": value for group, names in groups.items() for name, value in names.items()}


def _arrangements(content: Content) -> dict:
    return {a.service: a for a in content.arrangements.arrangements} if content.arrangements is not None else {}


@dataclass(frozen=True)
class _Figure:
    name: str   # "Delivery Plan – 2019-20: TOTAL, 2019-20"
    value: str  # as the table prints it


def _figures(content: Content) -> dict[str, _Figure]:
    """Return every cell each table of figures prints, by table, row and column id: worked-out
    figures included, so a changed row shows the totals it changed too."""
    grids, found = Grids(content.tables, content.programme.rag), {}
    for table_id in content.tables:
        grid = grids[table_id]
        rows = {index: row_id for row_id, index in grid.ids.items()}
        for index, line in enumerate(grid.lines):
            for j, (column, cell) in enumerate(zip(grid.table.columns[1:], line.cells[1:]), start=1):
                if cell.shown is not None:
                    name = f"{grid.table.caption}: {line.label}, {column.heading or column.id}"
                    found[f"{table_id}/{rows.get(index, index)}/{column.id}"] = _Figure(name, grid.text(j, cell.shown))
    return found


def collections(old: Content, new: Content) -> tuple[Collection, ...]:
    """Return every kind of item compared, as data: where it is, what names it, which fields."""
    return (
        Collection("Work streams", "work stream", lambda c: {e.id: e.model for e in c.workstreams},
                   lambda w: w.title, _workstream_fields(old, new)),
        Collection("Services", "service", lambda c: {e.id: e.model for e in c.services},
                   lambda s: s.name, SERVICE_FIELDS),
        Collection("Papers", "paper", lambda c: {pid: e.model for pid, e in c.papers.items()},
                   lambda p: p.title or "", PAPER_FIELDS),
        Collection("Paper sections", "section", _sections, lambda _: "", SECTION_FIELDS),
        Collection("Temporary arrangements", "arrangement", _arrangements, lambda a: a.service,
                   (Field("agreed", items="agreed arrangement"), Field("revision", items="revision"))),
        Collection("Tables of figures", "figure", _figures, lambda f: f.name, (Field("value", "figure"),)),
        Collection("Facts", "fact", lambda c: {k: _Fact(v) for k, v in _facts(c).items()}, lambda _: "",
                   (Field("value", "value", show=lambda v, _: fact_text(v)),)),
        Collection("Key dates", "key date", lambda c: {d.id: d for d in c.programme.key_dates},
                   lambda d: d.event, (Field("date", "date", show=_date), Field("event", "event"))),
        Collection("Programme", "programme", lambda c: {"programme": c.programme.programme},
                   lambda p: p.name, (Field("name", "name"), Field("formerly", "formerly", show=_optional),
                                      Field("organisation", "organisation"), Field("size", "size", show=_optional))),
        Collection("Partners", "partner", lambda c: {p.code: p for p in c.programme.partners},
                   lambda p: f"{p.name} ({p.code})", (Field("name", "name"), Field("kind", "kind"))),
        Collection("People", "person", lambda c: {p.id: p for p in c.programme.people},
                   lambda p: p.name, (Field("name", "name"), Field("role", "role", show=_optional))),
        Collection("RAG scale", "level", lambda c: {s.level: s for s in c.programme.rag.scale},
                   lambda s: s.level, (Field("definition", items="definition"), Field("colour", "colour"))),
    )


@dataclass(frozen=True)
class _Fact:
    value: object


AREAS = ("Work streams", "Services", "Plan", "Papers", "Paper sections", "Temporary arrangements", "Tables of figures",
         "Facts", "Key dates", "Programme", "Partners", "People", "RAG scale")


def summarise(old: Content, new: Content) -> list[Change]:
    """Return every change from ``old`` to ``new``, grouped by area in AREAS order."""
    changes = [c for collection in collections(old, new) for c in _collection_changes(collection, old, new)]
    changes += plan_changes(old, new)
    return sorted(changes, key=lambda c: AREAS.index(c.area))  # stable: keeps each area's order


def _collection_changes(collection: Collection, old: Content, new: Content) -> Iterable[Change]:
    before, after = collection.items(old), collection.items(new)
    for key in _ids_in_order(before, after):
        subject = collection.name(after[key] if key in after else before[key]) or key
        where = f"{collection.area}/{key}"
        if key not in before:
            yield Change(collection.area, where, subject, f"{collection.noun} added")
        elif key not in after:
            yield Change(collection.area, where, subject, f"{collection.noun} removed")
        else:
            for field in collection.fields:
                yield from _field_changes(collection.area, where, subject, field,
                                          (before[key], old), (after[key], new))


def _ids_in_order(before: dict, after: dict) -> list[str]:
    """Return the ids of both versions: the new order, with removed ones where they stood."""
    ids = list(after)
    for position, key in enumerate(before):
        if key not in after:
            ids.insert(min(position, len(ids)), key)
    return ids


def _field_changes(area, where, subject, field: Field, old: tuple, new: tuple) -> Iterable[Change]:
    (old_item, old_content), (new_item, new_content) = old, new
    before, after = _get(old_item, field.path), _get(new_item, field.path)
    if before == after:
        return
    key = f"{where}/{field.path}"
    if field.items is None:
        yield Change(area, key, subject, field.label, field.show(before, old_content), field.show(after, new_content))
        return
    for kind, was, now in item_changes(_items(before), _items(after)):
        yield Change(area, key, subject, f"{field.items} {kind}",
                     None if was is None else f'"{was}"', None if now is None else f'"{now}"')


def _get(item, path: str):
    for name in path.split("."):
        item = getattr(item, name, None)
    return item


def _items(value) -> list[str]:
    """Return the items of a Markdown text (each bullet and paragraph) or of a list of texts."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [item for text in value for item in _items(text)]
    return [_SPACE.sub(" ", t.content).strip() for t in parse_markdown(value) if t.type == "inline" and t.content.strip()]


def item_changes(before: list[str], after: list[str]) -> list[tuple[str, str | None, str | None]]:
    """Return ("added" | "removed" | "reworded", old, new) for each item that differs.

    Items are matched in order; an item that keeps at least half its words is the same item
    reworded, shown as the words around the change rather than the whole paragraph."""
    out = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = before[a1:a2], after[b1:b2]
        for was, now in pair_in_order(olds, news, _similarity, REWORDED_AT_LEAST):
            if was is None:
                out.append(("added", None, now))
            elif now is None:
                out.append(("removed", was, None))
            else:
                out.append(("reworded", *excerpts(was, now)))
    return out


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio()


def excerpts(old: str, new: str, context: int = 4) -> tuple[str, str]:
    """Return ``old`` and ``new`` cut to the words that differ and ``context`` words either side."""
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    first = max(0, start - context)
    last = max(0, end - context)

    def cut(words: list[str]) -> str:
        middle = " ".join(words[first:len(words) - last])
        return ("…" if first else "") + middle + ("…" if last else "")

    return cut(a), cut(b)
