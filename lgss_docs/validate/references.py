"""Checks that span files: ids unique, references resolve, facts named in text exist."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..model.content import PLACEHOLDER, Content
from ..model.workstream import REPORT_BOXES
from .hints import one_of

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_references(content: Content) -> list[Problem]:
    """Return every cross-reference problem in ``content``."""
    return [*_unique_ids(content), *_partner_refs(content), *_person_refs(content), *_fact_refs(content)]


def _duplicates(source, items, loc_prefix: str, key: str, slug: bool = False) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = getattr(item, key)
        loc = (loc_prefix, index, key)
        if slug and not SLUG.match(value):
            yield source.problem(loc, f'"{value}" is not a valid id; use lower-case letters, digits and hyphens')
        if value in seen:
            line = source.position((loc_prefix, seen[value], key))[0]
            yield source.problem(loc, f'"{value}" is already used on line {line}; ids must be unique')
        seen.setdefault(value, index)


def _unique_ids(content: Content) -> Iterator[Problem]:
    prog, src = content.programme, content.programme_source
    yield from _duplicates(src, prog.partners, "partners", "code")
    yield from _duplicates(src, prog.people, "people", "id", slug=True)
    yield from _duplicates(src, prog.key_dates, "key_dates", "id", slug=True)
    numbers: dict[int, str] = {}
    for entry in content.workstreams:
        number = entry.model.number
        if number in numbers:
            yield entry.source.problem(("number",), f"work stream {number} is already numbered in {numbers[number]}")
        numbers.setdefault(number, entry.source.shown_path)


def _partner_refs(content: Content) -> Iterator[Problem]:
    codes = {p.code: p for p in content.programme.partners}
    leads = [p.code for p in content.programme.partners if p.kind == "partner"]
    for entry in content.services:
        service = entry.model
        if service.lead_authority and service.lead_authority not in leads:
            if service.lead_authority in codes:  # a customer: known, so no near-miss to suggest
                what = f'is not a partner council; expected one of {", ".join(leads)}'
            else:
                what = f"is not a declared partner; {one_of(service.lead_authority, leads)}"
            yield entry.source.problem(("lead_authority",), f'"{service.lead_authority}" {what}')
        for index, code in enumerate(service.scope):
            if code not in codes:
                yield entry.source.problem(("scope", index), f'"{code}" is not a declared partner; {one_of(code, codes)}')


def _person_refs(content: Content) -> Iterator[Problem]:
    people = [p.id for p in content.programme.people]

    def hint(person: str) -> str:
        return one_of(person, people) or "add them to people in programme.yaml"

    for index, author in enumerate(content.programme.committee_report.authors):
        if author not in people:
            yield content.programme_source.problem(("committee_report", "authors", index), f'"{author}" is not in people; {hint(author)}')
    report_by = content.programme.highlight_report.report_by
    if report_by not in people:
        yield content.programme_source.problem(("highlight_report", "report_by"), f'"{report_by}" is not in people; {hint(report_by)}')
    for entry in content.workstreams:
        for key in ("lead", "previous_lead"):
            value = getattr(entry.model, key)
            if value is not None and value not in people:
                yield entry.source.problem((key,), f'"{value}" is not in people in programme.yaml; {hint(value)}')


def _texts(content: Content):
    """Yield (source, loc, text) for every Markdown text that may name facts."""
    report, src = content.programme.committee_report, content.programme_source
    yield src, ("committee_report", "purpose"), report.purpose
    for s, section in enumerate(report.sections):
        for b, block in enumerate(section.blocks):
            if block.text:
                yield src, ("committee_report", "sections", s, "blocks", b, "text"), block.text
    highlight = content.programme.highlight_report
    for key in ("purpose", "programme_purpose", "progress"):
        yield src, ("highlight_report", key), getattr(highlight, key)
    for index, text in enumerate(highlight.recommendations):
        yield src, ("highlight_report", "recommendations", index), text
    for entry in content.workstreams:
        for key in REPORT_BOXES:
            yield entry.source, (key,), getattr(entry.model, key) or ""


def _fact_refs(content: Content) -> Iterator[Problem]:
    facts = content.facts()
    for source, loc, text in _texts(content):
        for match in PLACEHOLDER.finditer(text):
            if f"{match[1]}.{match[2]}" not in facts:
                groups = sorted({name.split(".")[0] for name in facts})
                yield source.problem(loc, f'{match[0]} names no known fact; facts come from {", ".join(groups)} (for dates, the ids in key_dates)')
