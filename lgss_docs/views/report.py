"""A report (committee report, highlight report, closure report): cover panel, numbered sections
of blocks, and appendices that are whole papers of their own."""

from __future__ import annotations

from ..model.content import Content, Facts
from ..model.dates import long_date
from ..model.paper import CoverRow, Paper
from .blocks import block_view
from .numbering import number_paragraphs, number_tables

# The label of each kind of cover row, unless the content gives its own.
COVER_LABELS = {"meeting": "To", "meeting_date": "Meeting date", "agenda_item": "Agenda item", "authors": "From",
                "date": "Date", "subject": "Subject", "purpose": "Purpose", "recommendations": "Recommendations",
                "confidentiality": "Status", "status_as_at": "Status as at"}
DEFAULT_COVER = ("meeting", "authors", "date", "purpose", "recommendations")


def _cover_value(value: str, paper: Paper, content: Content, facts: Facts) -> dict:
    """Return one cover row's value as the cover template shows it: its type and its data."""
    if value == "authors":
        return {"type": "people", "people": [content.person(a) for a in paper.authors]}
    if value == "recommendations":
        r = paper.recommendations
        lead_in = facts.fill(r.lead_in) if r.lead_in else f"That the {paper.meeting.name}:" if paper.meeting else ""
        return {"type": "recommendations", "lead_in": lead_in, "numbering": r.numbering,
                "entries": [facts.fill(item) for item in r.items]}
    dates = {"meeting_date": paper.meeting.date if paper.meeting else None, "date": paper.day,
             "status_as_at": paper.status_as_at}
    if value in dates:
        return {"type": "text", "text": long_date(dates[value])}
    if value == "meeting":
        return {"type": "text", "text": paper.meeting.name}
    if value == "agenda_item":
        return {"type": "text", "text": paper.meeting.agenda_item}
    return {"type": "text", "text": facts.fill(getattr(paper, value))}


def _present(value: str, paper: Paper) -> bool:
    return {"meeting": paper.meeting is not None, "date": paper.day is not None}.get(value, bool(getattr(paper, value, None)))


def cover(paper: Paper, content: Content, facts: Facts) -> list[dict]:
    """Return the cover panel's rows: label, type and value."""
    rows = paper.cover if paper.cover is not None else [CoverRow(value=v) for v in DEFAULT_COVER if _present(v, paper)]
    out = []
    for row in rows:
        shown = {"type": "markdown", "text": facts.fill(row.text)} if row.text is not None else \
            _cover_value(row.value, paper, content, facts)
        out.append({"label": row.label or COVER_LABELS[row.value], **shown})
    return out


def sections(paper: Paper, content: Content, facts: Facts) -> list[dict]:
    out = [{"number": n if paper.numbered else None, "heading": facts.fill(s.heading), "id": s.id,
            "page_break": s.page_break, "blocks": [block_view(b, content, paper, facts) for b in s.blocks]}
           for n, s in enumerate(paper.sections, start=1)]
    number_tables(out)
    number_paragraphs(out, paper.paragraph_numbers)
    return out


def report(content: Content, paper_id: str) -> dict:
    """Return what a report's template shows: its metadata, cover, sections and appendices' titles."""
    paper = content.papers[paper_id].model
    facts = Facts(content, paper)
    return {
        "title": facts.fill(paper.title),
        "confidentiality": paper.confidentiality,
        "date": paper.day,
        "authors": [content.person(a) for a in paper.authors],
        "description": facts.fill(paper.purpose or paper.subject or paper.title),
        "cover_note": facts.fill(paper.cover_note or ""),
        "cover": cover(paper, content, facts),
        "sections": sections(paper, content, facts),
    }
