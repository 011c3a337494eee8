"""Changes to the transition plan: timetable versions, activities, and where their bars sit.

Keyed by ids, like every other comparison: a timetable version is its id, an activity its id,
and an activity's bars are compared per timetable version, written as the chart's dates-in-words
table writes them ("Jul-20 to Sep-20: Repatriation").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..views.plan import span_text
from .change import Change

if TYPE_CHECKING:
    from ..model.content import Content
    from ..model.plan import Activity, PlanFile


def plan_changes(old: Content, new: Content) -> list[Change]:
    """Return the plan's changes from ``old`` to ``new``: versions, activities, spans, metadata."""
    before, after = old.plan, new.plan
    if before is None or after is None:
        if before is after:
            return []
        return [Change("Plan", "plan", "Plan", "plan added" if before is None else "plan removed")]
    changes = [*_metadata(before, after), *_timetables(before, after)]
    old_activities, new_activities = _activities(before), _activities(after)
    for key in [k for k in old_activities if k not in new_activities]:
        changes.append(Change("Plan", f"plan/{key}", old_activities[key].title, "activity removed"))
    for key, activity in new_activities.items():
        if key not in old_activities:
            changes.append(Change("Plan", f"plan/{key}", activity.title, "activity added"))
            continue
        changes += _spans(old_activities[key], activity, after)
    return changes


def _activities(plan: PlanFile) -> dict[str, Activity]:
    return {a.id: a for section in plan.sections for a in section.activities}


def _metadata(before: PlanFile, after: PlanFile) -> list[Change]:
    shown = {"version": str, "date": lambda d: d.isoformat(), "title": str}
    return [Change("Plan", f"plan/{name}", after.title, name, show(getattr(before, name)), show(getattr(after, name)))
            for name, show in shown.items() if getattr(before, name) != getattr(after, name)]


def _timetables(before: PlanFile, after: PlanFile) -> list[Change]:
    old_ids = {t.id: t for t in before.timetables}
    new_ids = {t.id: t for t in after.timetables}
    return ([Change("Plan", f"plan/timetables/{t.id}", after.title, "timetable version added", new=t.label)
             for t in after.timetables if t.id not in old_ids]
            + [Change("Plan", f"plan/timetables/{t.id}", after.title, "timetable version removed", old=t.label)
               for t in before.timetables if t.id not in new_ids])


def _spans(old: Activity, new: Activity, plan: PlanFile) -> list[Change]:
    """Return one change per timetable version whose bars for this activity moved."""
    changes = []
    for timetable in plan.timetables:
        was = "; ".join(span_text(s) for s in sorted(old.timetable.get(timetable.id, []), key=lambda s: s.start))
        now = "; ".join(span_text(s) for s in sorted(new.timetable.get(timetable.id, []), key=lambda s: s.start))
        if was != now:
            changes.append(Change("Plan", f"plan/{new.id}/{timetable.id}", new.title, f"{timetable.short} bars",
                                  was or "none", now or "none"))
    return changes
