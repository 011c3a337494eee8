"""Work streams as papers show them: a row of a RAG table, and a page of their own with boxes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.content import Content, Facts
from ..model.dates import long_date
from ..model.programme import Box
from ..model.workstream import Workstream
from .history import Travel, travel
from .style import Rating, rating


def capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def label(content: Content, ws: Workstream) -> str:
    """Return how tables name a work stream: "Project work stream 1: Governance", or its title."""
    noun = capitalised(content.programme.words.workstream)
    return f"{noun} {ws.number}: {ws.title}" if ws.number is not None else ws.title


def short_label(ws: Workstream) -> str:
    """Return "1. Governance", or the title of a work stream without a number."""
    return f"{ws.number}. {ws.title}" if ws.number is not None else ws.title


@dataclass(frozen=True)
class RagRow:
    label: str
    overall: Rating
    dimensions: list[Rating]  # one per declared dimension; [] with one rating
    travel: Travel | None = None  # the overall rating since the cycle compared with, if there is one


def ratings(content: Content, ws: Workstream) -> tuple[Rating, list[Rating]]:
    """Return a work stream's overall rating and its rating on each dimension, as cells show them."""
    scheme = content.programme.rag
    overall, by_dimension = ws.ratings(scheme.overall_id)
    dimensions = [rating(by_dimension[d.id], scheme, d.label) for d in scheme.dimensions]
    return rating(overall, scheme), dimensions


def rag_rows(content: Content) -> list[RagRow]:
    """Return one row per work stream, in the content's order."""
    overall = content.programme.rag.overall_id
    return [RagRow(label(content, e.model), *ratings(content, e.model), travel(content, e.id, e.model.ratings(overall)[0]))
            for e in content.workstreams]


@dataclass(frozen=True)
class BoxView:
    heading: str
    text: str  # Markdown, facts filled; "" for an empty box
    full: bool


@dataclass(frozen=True)
class HeaderItem:
    label: str
    text: str = ""
    rating: Rating | None = None


@dataclass(frozen=True)
class Page:
    """One work stream's page: its heading, header block, ratings by dimension, and boxes in rows."""

    key: int  # its number, or its place in the list when work streams are not numbered
    id: str
    title: str
    label: str
    header: list[list[HeaderItem]]  # rows of up to two items
    dimensions: list[Rating]
    rows: list[list[BoxView]]  # each row one full-width box or two half-width ones
    report_date: dt.date | None
    travel: Travel | None = None  # with one rating: how it moved since the cycle compared with
    dimension_travel: tuple[Travel, ...] = ()  # with dimensions: how each moved (one per dimension)


def _lead(content: Content, ws: Workstream) -> str:
    lead = content.person(ws.lead).name
    return f"{lead} (previously {content.person(ws.previous_lead).name})" if ws.previous_lead else lead


def _header(content: Content, ws: Workstream, overall: Rating, dimensions: list[Rating]) -> list[list[HeaderItem]]:
    labels = content.programme.workstream_page.labels
    items = [HeaderItem(labels.title, ws.project or ws.title)]
    if ws.lead:
        items.append(HeaderItem(labels.lead, _lead(content, ws)))
    if ws.report_date:
        items.append(HeaderItem(labels.report_date, long_date(ws.report_date)))
    if not dimensions:
        items.append(HeaderItem(labels.rag, rating=overall))
    return [items[i:i + 2] for i in range(0, len(items), 2)]


def _rows(boxes: list[Box], ws: Workstream, facts: Facts) -> list[list[BoxView]]:
    rows: list[list[BoxView]] = []
    for box in boxes:
        text = facts.fill(ws.box(box.id))
        if not text and box.when_empty == "hide":
            continue
        view = BoxView(box.heading, text, box.width == "full")
        if view.full or not rows or rows[-1][0].full or len(rows[-1]) == 2:
            rows.append([view])
        else:
            rows[-1].append(view)
    return rows


def pages(content: Content, facts: Facts) -> list[Page]:
    """Return every work stream's page, its Markdown filled with facts."""
    boxes, scheme = content.programme.workstream_page.boxes, content.programme.rag
    out = []
    for place, entry in enumerate(content.workstreams, start=1):
        ws = entry.model
        overall, dimensions = ratings(content, ws)
        status, by_dimension = ws.ratings(scheme.overall_id)
        moved = [travel(content, entry.id, by_dimension[d.id], d.id) for d in scheme.dimensions]
        out.append(Page(ws.number or place, entry.id, ws.title, label(content, ws),
                        _header(content, ws, overall, dimensions), dimensions, _rows(boxes, ws, facts), ws.report_date,
                        None if dimensions else travel(content, entry.id, status), tuple(m for m in moved if m)))
    return out


@dataclass(frozen=True)
class Escalation:
    label: str
    text: str


def escalations(content: Content, box: str, facts: Facts) -> tuple[list[Escalation], list[str]]:
    """Return the work streams escalating something in ``box``, and the numbers (or titles) of the rest."""
    escalating, quiet = [], []
    for entry in content.workstreams:
        ws: Workstream = entry.model
        if text := facts.fill(ws.box(box)):
            escalating.append(Escalation(short_label(ws), text))
        else:
            quiet.append(str(ws.number) if ws.number is not None else ws.title)
    return escalating, quiet
