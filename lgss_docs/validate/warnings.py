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
from collections.abc import Iterator

from ..errors import Problem
from ..inputs import block_parts
from ..model.colour import contrast
from ..model.content import Content
from ..model.dates import MONTHS, long_date, parse_date
from .glyphs import missing_glyphs
from .references import near_miss_warnings
from .tables import stated_warnings

STALE_AFTER = dt.timedelta(weeks=6)
FAR_FROM = dt.timedelta(days=365)

_MONTH = "|".join(f"{name[:3]}(?:{name[3:]})?" for name in MONTHS)
# A date written in prose: "4 December 2021", "4th Dec 2021" or "4/12/21".
_DATE_IN_TEXT = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?\s+\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})\b")


def content_warnings(content: Content) -> list[Problem]:
    """Return every warning about ``content``, in file and line order."""
    found = [*content.warnings, *near_miss_warnings(content), *_contrast(content), *stated_warnings(content),
             *missing_glyphs(content)]
    if (dated := _reporting_paper(content)) is not None:
        found += [*_report_dates(content, *dated), *_dates_in_text(content, *dated)]
    return sorted(found)


MIN_CONTRAST = 4.5  # WCAG 2.2 AA, for text of normal size


def _contrast(content: Content) -> Iterator[Problem]:
    """Yield a warning for each colour declared in content that text on it (or it on white) cannot be read against."""
    style, source = content.programme.style, content.programme_source
    pairs = [(("style", "header_fill"), style.header_fill, style.ink, "text"),
             (("style", "accent"), style.accent, "#ffffff", "white paper")]
    pairs += [(("rag", "scale", i, "colour"), level.colour, style.ink, "text")
              for i, level in enumerate(content.programme.rag.scale)]
    if content.plan is not None:  # a bar's label sits on white, but the bars must show on white paper too
        pairs += [(("timetables", i, "colour"), t.colour, style.ink, "text") for i, t in enumerate(content.plan.timetables)]
    for loc, colour, other, what in pairs:
        ratio = contrast(colour, other)
        if ratio < MIN_CONTRAST:
            where = content.plan_source if loc[0] == "timetables" else source
            yield where.problem(loc, f"{colour} against {what} ({other}) has a contrast of {ratio:.1f}:1; "
                                     f"at least {MIN_CONTRAST}:1 keeps it readable (choose a lighter tint)")


def _reporting_paper(content: Content) -> tuple[str, dt.date] | None:
    """Return the id and date of the latest paper that shows work stream pages: what their reports
    are dated against (None when no paper shows them)."""
    showing = [(entry.model.day, pid) for pid, entry in content.papers.items()
               if entry.model.day and any(loc[-1] == "workstream_pages" for _, loc in block_parts(entry.model))]
    return (max(showing)[1], max(showing)[0]) if showing else None


def _report_dates(content: Content, paper: str, paper_date: dt.date) -> Iterator[Problem]:
    shown = f"the date of the {paper} paper, {long_date(paper_date)}"
    for entry in content.workstreams:
        day = entry.model.report_date
        if day is None:
            continue
        if day > paper_date:
            yield entry.source.problem(("report_date",), f"{long_date(day)} is after {shown}")
        elif paper_date - day > STALE_AFTER:
            yield entry.source.problem(("report_date",), f"{long_date(day)} is more than 6 weeks before {shown}; is this report up to date?")


def _dates_in_text(content: Content, paper: str, paper_date: dt.date) -> Iterator[Problem]:
    boxes = [box.id for box in content.programme.workstream_page.boxes] if content.programme.workstream_page else []
    for entry in content.workstreams:
        for field in boxes:
            for written, day in dates_written_in(entry.model.box(field)):
                if abs(day - paper_date) > FAR_FROM:
                    yield entry.source.problem((field,), f'"{written}" is more than a year from the date of the {paper} paper, '
                                                         f'{long_date(paper_date)}; is the year right?')


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


