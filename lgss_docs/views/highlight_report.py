"""The programme highlight report: the board's summary, then one report per work stream."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.content import Content, fill_facts
from ..model.programme import Person
from ..model.rag import RagStatus
from ..model.workstream import REPORT_BOXES, Workstream
from . import tables


@dataclass(frozen=True)
class WorkstreamReport:
    """One work stream's highlight report, its Markdown filled with facts; "" is an empty box."""

    number: int
    title: str
    project: str
    lead: Person
    previous_lead: Person | None
    report_date: dt.date
    rag: RagStatus
    objectives: str
    current_status: str
    next_milestones: str
    risks_and_issues: str
    escalations: str


def highlight_report(content: Content) -> dict:
    """Return the context of the standalone highlight report: paper metadata and its body."""
    report = content.programme.highlight_report
    return {
        "title": report.title,
        "confidentiality": report.confidentiality,
        "date": report.date,
        "authors": [content.person(report.report_by)],
        "report": report_body(content),
    }


def report_body(content: Content) -> dict:
    """Return what the highlight report shows, wherever it appears (alone or as an appendix)."""
    report = content.programme.highlight_report
    facts = content.facts()
    workstreams = [_workstream(content, e.model, facts) for e in content.workstreams]
    quiet = [str(w.number) for w in workstreams if not w.escalations]
    return {
        "to": report.meeting.committee,
        "meeting_date": report.meeting.date,
        "date": report.date,
        "report_by": content.person(report.report_by),
        "subject": report.subject,
        "recommendations": [fill_facts(r, facts) for r in report.recommendations],
        "purpose": fill_facts(report.purpose, facts),
        "programme_purpose": fill_facts(report.programme_purpose, facts),
        "progress": fill_facts(report.progress, facts),
        "rag_summary": tables.rag_summary(content),
        "rag_scale": content.programme.rag_scale,
        "workstreams": workstreams,
        "escalating": [w for w in workstreams if w.escalations],
        "quiet": tables.and_list(quiet) if quiet else "",
        "quiet_count": len(quiet),
    }


def _workstream(content: Content, ws: Workstream, facts: dict[str, str]) -> WorkstreamReport:
    boxes = {name: fill_facts(getattr(ws, name) or "", facts) for name in REPORT_BOXES}
    return WorkstreamReport(
        number=ws.number, title=ws.title, project=ws.project or ws.title,
        lead=content.person(ws.lead),
        previous_lead=content.person(ws.previous_lead) if ws.previous_lead else None,
        report_date=ws.report_date, rag=ws.rag, **boxes)
