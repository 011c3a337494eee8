"""The blocks of a paper's sections, each turned into what its template (blocks/KIND.html.j2) shows.

Every table is derived from the facts each time; captions and headings have defaults made
from the programme's own words, and a block may give its own.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

from ..model.content import Content, Facts
from ..model.dates import long_date
from ..model.paper import (
    AppendicesList,
    ArrangementsTable,
    EscalationsTable,
    FiguresBlock,
    ImageBlock,
    Paper,
    RagHistoryBlock,
    RagKeyTable,
    RagSummaryTable,
    ServicesTable,
    TextBlock,
    WorkstreamPagesBlock,
)
from . import workstreams
from .figures import figures
from .history import history
from .rag_history import chart
from .style import NOT_RATED, rag_class
from .workstreams import capitalised


def and_list(words: list[str]) -> str:
    """Return ["CCC", "MKC", "NCC"] as "CCC, MKC and NCC"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _text(block: TextBlock, content: Content, paper: Paper, facts: Facts) -> dict:
    return {"text": facts.fill(block.text)}


# A table longer than a page cannot stay whole, and asked to, WeasyPrint strands its caption on
# a page of its own and starts the table on the next. An A4 page holds about 30 one-line rows;
# a table of more rows than this may split (its caption and header still head its first rows).
KEPT_WHOLE_ROWS = 20


def _rag_summary(block: RagSummaryTable, content: Content, paper: Paper, facts: Facts) -> dict:
    as_at = block.as_at or paper.status_as_at or paper.day
    table_facts = Facts(content, paper, {"as_at": long_date(as_at)})
    caption = table_facts.fill(block.caption) if block.caption else \
        f"RAG status of each {content.programme.words.workstream} as at {long_date(as_at)}"
    first, second = block.headings or [content.programme.workstream_page.labels.title if content.programme.workstream_page
                                       else capitalised(content.programme.words.workstream), "Current status"]
    dimensions = [d.label for d in content.programme.rag.dimensions]
    compared = history(content).compared()
    overall = next((d.label for d in content.programme.rag.dimensions if d.id == content.programme.rag.overall_id), "")
    rows = workstreams.rag_rows(content)
    return {"caption": caption, "headings": [first, *(dimensions or [second])], "rows": rows,
            "previous": compared.label if compared else None, "overall": overall, "keep_together": len(rows) <= KEPT_WHOLE_ROWS}


def _rag_key(block: RagKeyTable, content: Content, paper: Paper, facts: Facts) -> dict:
    scheme = content.programme.rag
    levels = [{"word": level.level, "css": rag_class(level.level), "definition": facts.fill(level.definition)}
              for level in scheme.scale]
    if scheme.not_reported is not None:
        levels.append({"word": scheme.unrated, "css": NOT_RATED, "definition": facts.fill(scheme.not_reported.definition)})
    return {"caption": facts.fill(block.caption or "Status categories"), "levels": levels}


def _cell(column: str, service, content: Content, facts: Facts) -> str:
    """Return a service's value in ``column`` as table text (Markdown inline)."""
    if column == "date":
        return long_date(service.date)
    if column == "lead_authority":
        return service.lead_authority or ""
    codes = [p.code for p in content.programme.partners if p.code in service.scope]
    if column == "scope":
        return and_list(codes) if codes else "All"
    if column == "notes":  # a service not taken by every partner says so first
        return " ".join(filter(None, [f"{and_list(codes)} only." if codes else "", facts.fill(service.notes)]))
    return facts.fill(service.name)


def _services(block: ServicesTable, content: Content, paper: Paper, facts: Facts) -> dict:
    chosen = [e.model for e in content.services if e.model.model == block.model]
    dates = " and ".join(long_date(d) for d in sorted({s.date for s in chosen}))
    model = next(m for m in content.programme.service_models if m.id == block.model)
    caption = Facts(content, paper, {"dates": dates}).fill(block.caption or f"{capitalised(model.label)} services")
    return {"caption": caption, "headings": [c.heading for c in block.columns],
            "rows": [[_cell(c.field, s, content, facts) for c in block.columns] for s in chosen]}


def _arrangements(block: ArrangementsTable, content: Content, paper: Paper, facts: Facts) -> dict:
    rows = [(facts.fill(a.service), facts.fill(a.agreed), facts.fill(a.revision)) for a in content.arrangements.arrangements]
    return {"caption": facts.fill(block.caption or "Temporary arrangements"), "headings": block.headings, "rows": rows}


def _appendices(block: AppendicesList, content: Content, paper: Paper, facts: Facts) -> dict:
    return {"entries": [(paper.appendix_number(n), facts.fill(a.title)) for n, a in enumerate(paper.appendices, start=1)]}


def _escalations(block: EscalationsTable, content: Content, paper: Paper, facts: Facts) -> dict:
    words, called = content.programme.words, paper.meeting.called if paper.meeting else "the board"
    escalating, quiet = workstreams.escalations(content, block.box, facts)
    numbered = all(q.isdigit() for q in quiet)
    noun = capitalised(words.plural if len(quiet) > 1 else words.workstream) + " " if numbered else ""
    verb = "have" if len(quiet) > 1 else "has"
    return {
        "caption": facts.fill(block.caption or f"Items escalated to {called}"),
        "headings": block.headings or [capitalised(words.workstream), f"Item for {called}"],
        "rows": escalating,
        "intro": f"{noun}{and_list(quiet)} {verb} nothing to escalate. The others ask {called} for the following." if quiet else "",
        "none": f"No {words.workstream} has anything to escalate to {called}.",
    }


def _pages(block: WorkstreamPagesBlock, content: Content, paper: Paper, facts: Facts) -> dict:
    return {"pages": workstreams.pages(content, facts)}


def _rag_history(block: RagHistoryBlock, content: Content, paper: Paper, facts: Facts) -> dict:
    words = content.programme.words
    caption = facts.fill(block.caption or f"RAG history of each {words.workstream}, cycle by cycle")
    return {"noun": capitalised(words.workstream), **chart(content, caption, block.last)}


def _image(block: ImageBlock, content: Content, paper: Paper, facts: Facts) -> dict:
    kind, data, (width, height) = content.images[block.image]
    # Inline, so the HTML paper is one file that shows its pictures wherever it is opened.
    return {"src": f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}", "pixels": (width, height),
            "alt": facts.fill(block.alt), "caption": facts.fill(block.caption) if block.caption else "", "width": block.width}


_VIEWS: dict[str, Callable[..., dict]] = {
    "text": _text, "rag_summary": _rag_summary, "rag_key": _rag_key, "services": _services,
    "temporary_arrangements": _arrangements, "appendices": _appendices, "escalations": _escalations,
    "workstream_pages": _pages, "figures": figures, "rag_history": _rag_history, "image": _image,
}


def kind_of(block) -> str:
    """Return a block's kind, as its template is named: text, rag_summary, workstream_pages, ..."""
    if isinstance(block, TextBlock):
        return "text"
    if isinstance(block, WorkstreamPagesBlock):
        return "workstream_pages"
    if isinstance(block, FiguresBlock):
        return "figures"
    if isinstance(block, RagHistoryBlock):
        return "rag_history"
    if isinstance(block, ImageBlock):
        return "image"
    return block.table


def block_view(block, content: Content, paper: Paper, facts: Facts) -> dict:
    """Return what block's template shows: its kind and its data."""
    kind = kind_of(block)
    return {"kind": kind, **_VIEWS[kind](block, content, paper, facts)}
