"""Changes to the transition plan: the one comparison waiting for its model.

The plan (content/plan.yaml: activities, and the span of each activity in each timetable
version) lands on another branch. Until it does, a version has no plan and nothing is reported.
When it lands, this function is the only place to fill in; ``summarise`` already lists its
changes under "Plan", between services and the committee report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.content import Content
    from .changes import Change


def plan_changes(old: Content, new: Content) -> list[Change]:
    """Return the plan's changes from ``old`` to ``new``; empty while content has no plan.

    To report, keyed by activity id, with area "Plan":
      - a timetable version added or removed (what="timetable version added", new=its name);
      - an activity added or removed (what="activity added");
      - a span moved in the latest version shared by both sides, as the plan prints it:
        Change("Plan", "plan/repatriation/span", "Repatriation", "span", "Jul-20–Sep-20", "Oct-20").
    """
    return []
