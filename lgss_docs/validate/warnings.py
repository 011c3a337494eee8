"""Warnings: content that is valid and builds, but that a person should look at.

Policy, as WeasyPrint's logger states its own: an error is content the pipeline cannot build
from, or a fact that cannot be true, and it stops the run (exit 2). A warning is something that
is probably a slip (a highlight report weeks older than the paper, a year that looks mistyped);
``check`` and ``build`` print it as ``warning: path:line:col: field: message`` and still succeed.
Warnings are Problems, so a stricter mode can treat them as errors.
``--strict`` turns warnings into failure, for the CI of a content repository.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from ..errors import Problem, StrictWarnings
from ..model.content import Content
from ..model.dates import MONTHS, long_date, parse_date
from ..model.workstream import REPORT_BOXES
from .glyphs import missing_glyphs

STALE_AFTER = dt.timedelta(weeks=6)
FAR_FROM = dt.timedelta(days=365)

_MONTH = "|".join(f"{name[:3]}(?:{name[3:]})?" for name in MONTHS)
# A date written in prose: "4 December 2021", "4th Dec 2021" or "4/12/21".
_DATE_IN_TEXT = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?\s+\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})\b")


def content_warnings(content: Content) -> list[Problem]:
    """Return every warning about ``content``, in file and line order."""
    paper_date = content.programme.highlight_report.date
    return sorted([*_report_dates(content, paper_date), *_dates_in_text(content, paper_date), *missing_glyphs(content)])


def _report_dates(content: Content, paper_date: dt.date) -> Iterator[Problem]:
    shown = long_date(paper_date)
    for entry in content.workstreams:
        day = entry.model.report_date
        if day > paper_date:
            yield entry.source.problem(("report_date",), f"{long_date(day)} is after the highlight report's date, {shown}")
        elif paper_date - day > STALE_AFTER:
            yield entry.source.problem(("report_date",), f"{long_date(day)} is more than 6 weeks before the highlight report's date, {shown}; is this report up to date?")


def _dates_in_text(content: Content, paper_date: dt.date) -> Iterator[Problem]:
    for entry in content.workstreams:
        for field in REPORT_BOXES:
            for written, day in dates_written_in(getattr(entry.model, field) or ""):
                if abs(day - paper_date) > FAR_FROM:
                    yield entry.source.problem((field,), f'"{written}" is more than a year from the highlight report\'s date, {long_date(paper_date)}; is the year right?')


def dates_written_in(text: str) -> list[tuple[str, dt.date]]:
    """Return each date written in ``text`` as (the words used, the date they name)."""
    found = []
    for match in _DATE_IN_TEXT.finditer(text):
        written = " ".join(match[0].replace(".", "").split())
        try:
            found.append((written, parse_date(written)))
        except ValueError:  # "31 February 2021" reads like a date but is none; not ours to judge here
            continue
    return found


def heed(found: list[Problem], strict: bool, warn: Callable[[Problem], None]) -> None:
    """Pass each warning in ``found`` to ``warn``; with ``strict``, raise StrictWarnings instead."""
    if strict and found:
        raise StrictWarnings(found)
    for warning in found:
        warn(warning)
