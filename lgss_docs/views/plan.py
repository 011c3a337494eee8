"""The programme plan: a month-by-month chart with one bar per timetable, and its text twin."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from ..model.content import Content
from ..model.dates import long_date
from ..model.plan import Activity, Month, PlanFile, Span, Timetable

# Column widths of the chart (percent): number, activity, stakeholders, timetable name; the
# months share the rest. Set here once; the template writes them as <col> for CSS and Word.
FIXED_WIDTHS = (2.5, 24.0, 14.0, 5.5)
DATE_LINE = 4.0  # width of the plan-date line, in percent of one month's column
# The chart's width on its page (the page less plan.css's margins), in pt, and the narrowest
# month column, in pt, that still takes a heading such as "Mar-20" and a milestone in words;
# narrower months are headed "Mar" (or "M") under a row of years, and their milestones are
# numbered, in words beside the row's heading, so that no text is squeezed to a letter a line.
CHART_WIDTH = {"A3": 392 / 25.4 * 72, "A4": 277 / 25.4 * 72}
WIDE_MONTH = 30.0
NARROW_MONTH = 15.0  # below this, a month's heading is its initial


@dataclass(frozen=True)
class Key:
    """A timetable as the chart draws it."""

    id: str
    label: str
    short: str
    colour: str
    mark: str  # CSS class of the hatching
    pattern: str  # the hatching's name (dotted, diagonal, ...), which the DOCX writer draws as Word's own


@dataclass(frozen=True)
class Cell:
    """One cell of a timetable's lane: a bar over ``colspan`` months, or an empty month."""

    colspan: int
    span: Span | None = None
    date_at: str = ""  # CSS custom properties placing the plan's date line, if in this cell


@dataclass(frozen=True)
class Lane:
    key: Key
    cells: list[Cell]


@dataclass(frozen=True)
class Step:
    number: str
    text: str
    steps: list[tuple[str, str]]


@dataclass(frozen=True)
class ActivityRow:
    number: str
    id: str
    title: str
    steps: list[Step]
    stakeholders: list[str]
    lanes: list[Lane]
    dates: list[str]  # per timetable, its spans in words ("" when none)


def _key(timetable: Timetable) -> Key:
    return Key(timetable.id, timetable.label, timetable.short, timetable.colour,
               f"mark-{timetable.mark}", timetable.mark)


def _date_at(first: int, colspan: int, day) -> str:
    """Return the CSS placing ``day``'s line in a cell from month index ``first``, or ""."""
    offset = Month(day.year, day.month).index - first
    if not 0 <= offset < colspan:
        return ""
    at = (offset + (day.day - 0.5) / calendar.monthrange(day.year, day.month)[1]) / colspan * 100
    # The line keeps one width however many months the cell spans.
    return f"--date-at: {at:.1f}%; --date-to: {at + DATE_LINE / colspan:.1f}%"


def _lanes_of(spans: list[Span]) -> list[list[Span]]:
    """Return ``spans`` packed into as few lanes as keep each lane's bars from overlapping."""
    lanes: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: s.start):  # stable: ties keep the content order
        lane = next((lane for lane in lanes if lane[-1].end < span.start), None)
        if lane is None:
            lanes.append(lane := [])
        lane.append(span)
    return lanes


def _cells(spans: list[Span], first: Month, last: Month, day) -> list[Cell]:
    """Return a lane's cells from ``first`` to ``last``: one per empty month, one per bar."""
    starts = {s.start.index: s for s in spans}
    cells, index = [], first.index
    while index <= last.index:
        span = starts.get(index)
        colspan = min(span.end.index, last.index) - index + 1 if span else 1
        cells.append(Cell(colspan, span, _date_at(index, colspan, day)))
        index += colspan
    return cells


def span_text(span: Span) -> str:
    """Return a span in words: "Aug-20 to Sep-20: Consultation"."""
    months = str(span.start) if span.start == span.end else f"{span.start} to {span.end}"
    return f"{months}: {span.label}" if span.label else months


def _steps(activity: Activity) -> list[Step]:
    return [Step(f"{n}.", step.text, [(f"{chr(ord('a') + i)}.", sub) for i, sub in enumerate(step.steps)])
            for n, step in enumerate(activity.steps, start=1)]


def _activity(number: str, activity: Activity, keys: list[Key], plan: PlanFile) -> ActivityRow:
    first, last = plan.month_range()
    lanes = [Lane(key, _cells(lane, first, last, plan.date))
             for key in keys for lane in _lanes_of(activity.timetable.get(key.id, []))]
    dates = ["; ".join(span_text(s) for s in sorted(activity.timetable.get(k.id, []), key=lambda s: s.start))
             for k in keys]
    return ActivityRow(number, activity.id, activity.title, _steps(activity), activity.stakeholders, lanes, dates)


def _milestones(content: Content, first: Month, last: Month) -> list[list[tuple]]:
    """Return, per month column, the (number, date, event) milestones that fall in it."""
    dates = {d.id: d for d in content.programme.key_dates}
    chosen = sorted((dates[name] for name in content.plan.milestones), key=lambda d: d.date)
    return [[(n, d.date, d.event) for n, d in enumerate(chosen, start=1) if Month(d.date.year, d.date.month).index == index]
            for index in range(first.index, last.index + 1)]


def _clear_of_date(month: Month, day, month_pt: float) -> str:
    """Return the padding that keeps a milestone in the plan date's month to one side of its line."""
    if Month(day.year, day.month) != month:
        return ""
    at = (day.day - 0.5) / calendar.monthrange(day.year, day.month)[1]
    side, room = ("left", at) if at < 0.5 else ("right", 1 - at)
    return f"padding-{side}: {room * month_pt + 2:.1f}pt"


def _headings(months: list[Month], month_pt: float) -> tuple[list[str], list[tuple[int, int]]]:
    """Return each month's heading, and the (year, months) of the row of years above narrow ones."""
    if month_pt >= WIDE_MONTH:
        return [m.label for m in months], []
    years = [(year, sum(1 for m in months if m.year == year)) for year in sorted({m.year for m in months})]
    return [m.label[:1 if month_pt < NARROW_MONTH else 3] for m in months], years


def _key_spans(months: int, count: int) -> list[int]:
    """Return how many month columns each timetable's legend label takes beside its swatch."""
    each = max(1, months // count - 1)
    return [each] * (count - 1) + [max(1, months - (each + 1) * (count - 1) - 1)]


def plan_chart(content: Content) -> dict:
    """Return what the chart partial needs: months, key, milestones, sections of activities."""
    plan = content.plan
    first, last = plan.month_range()
    keys = [_key(t) for t in plan.timetables]
    months = [Month.of(i) for i in range(first.index, last.index + 1)]
    month_share = round((100 - sum(FIXED_WIDTHS)) / len(months), 3)
    month_pt = CHART_WIDTH[plan.page_size] * month_share / 100
    headings, years = _headings(months, month_pt)
    milestones = _milestones(content, first, last)
    # A milestone in the month of the date line is numbered too: its words would be squeezed beside the line.
    beside_line = any(due for m, due in zip(months, milestones) if m == Month(plan.date.year, plan.date.month))
    sections = [{"title": section.title,
                 "activities": [_activity(f"{section.code}{n}", a, keys, plan)
                                for n, a in enumerate(section.activities, start=1)]}
                for section in plan.sections]
    return {
        "title": plan.title, "version": plan.version, "date": plan.date,
        "page_size": plan.page_size,
        "months": [{"label": label, "long": m.long, "date_at": _date_at(m.index, 1, plan.date),
                    "clear_of_date": _clear_of_date(m, plan.date, month_pt)}
                   for m, label in zip(months, headings)],
        "years": years, "narrow": bool(years), "numbered_milestones": bool(years) or beside_line,
        "first": first, "last": last,
        "timetables": keys, "key_spans": _key_spans(len(months), len(keys)),
        "milestones": milestones,
        "sections": sections,
        "activity_count": sum(len(s["activities"]) for s in sections),
        "widths": {"fixed": FIXED_WIDTHS, "month": month_share},
        "labels": plan.labels,
    }


def plan_paper(content: Content, paper_id: str) -> dict:
    """Return what a plan paper's template shows: its metadata and the chart."""
    paper = content.papers[paper_id].model
    chart = plan_chart(content)
    title = paper.title or chart["title"]
    return {
        "title": title, "confidentiality": paper.confidentiality, "date": paper.day or chart["date"],
        "authors": [content.person(a) for a in paper.authors],
        "description": paper.purpose or f"Version {chart['version']} of {chart['title']}, dated {long_date(chart['date'])}.",
        "plan": chart,
    }
