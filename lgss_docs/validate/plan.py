"""Checks on plan.yaml that one field cannot make alone: months in order and in range, ids known."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..load import Source
from ..model.content import Content
from ..model.dates import MONTHS
from ..model.plan import Month, PlanFile
from .declarations import unique

# The chart's months: ten years, where real programme plans run two or three (Future Northants'
# Day 2 plan, 25 months). Every month is a column of every row, so a mistyped year would
# otherwise make a chart of a thousand years (minutes of layout, gigabytes of memory).
MAX_MONTHS = 120


def check_plan(content: Content) -> list[Problem]:
    """Return every problem of the plan that its model alone cannot see."""
    plan, source = content.plan, content.plan_source
    if plan is None:
        return []
    return [*unique(source, _timetable_ids(plan)), *unique(source, _activity_ids(plan)),
            *_range(plan, source), *_spans(plan, source), *_milestones(content)]


def _timetable_ids(plan: PlanFile) -> list[tuple[tuple, str]]:
    return [(("timetables", i, "id"), t.id) for i, t in enumerate(plan.timetables)]


def _activity_ids(plan: PlanFile) -> list[tuple[tuple, str]]:
    return [(("sections", s, "activities", a, "id"), activity.id) for s, a, activity in plan.activities()]


def _range(plan: PlanFile, source: Source) -> Iterator[Problem]:
    if plan.months is not None and plan.months.first > plan.months.last:
        yield source.problem(("months", "last"), f"{plan.months.last} is before the first month, {plan.months.first}")
        return
    first, last = plan.month_range()
    if (count := last.index - first.index + 1) > MAX_MONTHS:
        where = ("months", "last") if plan.months is not None else _widest(plan, first, last)
        yield source.problem(where, f"the chart would run {count:,} months, from {_named(first)} to {_named(last)}; a plan's chart runs at "
                                    f"most {MAX_MONTHS} months (a year mistyped?)")


def _named(month: Month) -> str:
    return f"{MONTHS[month.month - 1]} {month.year}"  # a four-digit year, where the chart's Mar-20 hides a typo


def _widest(plan: PlanFile, first: Month, last: Month) -> tuple:
    """Return the loc of the span that stretches the chart most: the end farther from the plan's date."""
    dated = Month(plan.date.year, plan.date.month).index
    late = last.index - dated >= dated - first.index
    for s, a, activity in plan.activities():
        for timetable, spans in activity.timetable.items():
            for i, span in enumerate(spans):
                if (span.end == last) if late else (span.start == first):
                    return ("sections", s, "activities", a, "timetable", timetable, i, "end" if late else "start")
    return ("months",)


def _outside(month: Month, plan: PlanFile) -> str | None:
    """Return why ``month`` falls outside the chart's months set in plan.yaml, or None."""
    if plan.months is None:
        return None  # the range is computed from the spans, so every span is inside it
    first, last = plan.month_range()
    if month < first:
        return f"{month} is before the chart's first month, {first} (months.first)"
    if month > last:
        return f"{month} is after the chart's last month, {last} (months.last)"
    return None


def _spans(plan: PlanFile, source: Source) -> Iterator[Problem]:
    declared = [t.id for t in plan.timetables]
    for s, a, activity in plan.activities():
        base = ("sections", s, "activities", a, "timetable")
        for timetable, spans in activity.timetable.items():
            if timetable not in declared:
                yield source.problem(base + (timetable,), f'"{timetable}" is not a declared timetable; expected one of {", ".join(declared)}', key=True)
            for i, span in enumerate(spans):
                loc = base + (timetable, i)
                if span.start > span.end:
                    yield source.problem(loc + ("end",), f"ends in {span.end}, before it starts in {span.start}")
                for name in ("start", "end"):
                    if why := _outside(getattr(span, name), plan):
                        yield source.problem(loc + (name,), why)


def _milestones(content: Content) -> Iterator[Problem]:
    dates = {d.id: d.date for d in content.programme.key_dates}
    source = content.plan_source
    for i, name in enumerate(content.plan.milestones):
        if name not in dates:
            yield source.problem(("milestones", i), f'"{name}" is not in key_dates in programme.yaml; expected one of {", ".join(dates)}')
        elif why := _outside(Month(dates[name].year, dates[name].month), content.plan):
            yield source.problem(("milestones", i), why)
