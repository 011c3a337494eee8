"""The committee report: cover panel, numbered sections, derived tables, appendices."""

from __future__ import annotations

from ..model.content import Content, fill_facts
from ..model.dates import long_date
from . import tables
from .highlight_report import report_body
from .plan import plan_chart


def committee_report(content: Content) -> dict:
    """Return the context the committee report template renders."""
    report = content.programme.committee_report
    facts = content.facts()
    repatriated, repatriated_dates = tables.services(content, "repatriated")
    lead_authority, lead_dates = tables.services(content, "lead-authority")
    return {
        "title": report.title,
        "confidentiality": report.confidentiality,
        "date": report.meeting.date,
        "to": report.meeting.committee,
        "authors": [content.person(a) for a in report.authors],
        "purpose": fill_facts(report.purpose, facts),
        "recommendations": [fill_facts(r, facts) for r in report.recommendations],
        "sections": [
            {"number": n, "heading": s.heading,
             "blocks": [{"text": fill_facts(b.text, facts) if b.text else None, "table": b.table} for b in s.blocks]}
            for n, s in enumerate(report.sections, start=1)
        ],
        "status_as_at": report.status_as_at,
        "rag_summary": tables.rag_summary(content),
        "rag_scale": content.programme.rag_scale,
        "arrangements": content.arrangements.arrangements,
        "repatriated": repatriated,
        "repatriated_on": " and ".join(long_date(d) for d in repatriated_dates),
        "lead_authority": lead_authority,
        "lead_authority_from": " and ".join(long_date(d) for d in lead_dates),
        "appendices": [{"number": n, "title": a.title, "paper": a.paper} for n, a in enumerate(report.appendices, start=1)],
        "highlight_report": report_body(content),

        "plan": plan_chart(content),
        "partners": content.programme.partners,
    }
