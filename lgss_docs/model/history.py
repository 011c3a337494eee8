"""Earlier reporting cycles: each work stream's ratings cycle by cycle, and what follows from them.

A cycle is a git tag on the content's repository (``history/tags.py`` finds them, ``history/read.py``
reads each one's ratings); this module knows nothing of git. Work streams are matched across
cycles by id (the file name without its order prefix), so a renamed title keeps its history.
Ratings are compared on today's declared scale, worst level by worst level: a rating is better
when its worst level is further from the top of the scale.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the build's check for cycles runs before any model is needed: no pydantic here
    from .rag import RagScheme, RagStatus

_MONTH_NAME = re.compile(r"^(\d{4})-(\d{2})$")
_DAY_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
THIS_CYCLE = "this cycle"  # what the working tree is called while it is not a tagged cycle


@dataclass(frozen=True)
class Cycle:
    """One reporting cycle: a tag, its name in the naming scheme, the commit and date it marks."""

    tag: str  # cycle/2020-11
    name: str  # 2020-11
    commit: str
    day: dt.date  # the tag's date (its commit's for a lightweight tag), as recorded
    tree: str  # git's id of the content folder at the cycle; "" if the folder was not there

    @property
    def label(self) -> str:
        """Return how papers name the cycle: "November 2020" for 2020-11, "13 November 2020" for 2020-11-13, else its name."""
        return _named(self.name, long=True)

    @property
    def short(self) -> str:
        """Return the cycle's name for a narrow column: "Nov 2020"."""
        return _named(self.name, long=False)


def _named(name: str, long: bool) -> str:
    from .dates import MONTHS

    month = _MONTH_NAME.match(name) or _DAY_NAME.match(name)
    if not month or not 1 <= int(month[2]) <= 12:
        return name
    word = MONTHS[int(month[2]) - 1] if long else MONTHS[int(month[2]) - 1][:3]
    day = f"{int(month[3])} " if month.re is _DAY_NAME else ""
    return f"{day}{word} {month[1]}"


@dataclass(frozen=True)
class Rated:
    """A work stream as one cycle rated it."""

    title: str
    number: int | None
    overall: RagStatus
    dimensions: dict[str, RagStatus] = field(default_factory=dict)  # by dimension id; {} with one rating

    def on(self, dimension: str | None) -> RagStatus | None:
        """Return the rating on ``dimension`` (None: the overall one), or None if not rated on it then."""
        return self.overall if dimension is None else self.dimensions.get(dimension)


@dataclass(frozen=True)
class Point:
    """The ratings of every work stream at one cycle, by work stream id."""

    label: str
    short: str
    ratings: dict[str, Rated]


@dataclass(frozen=True)
class History:
    """The earlier cycles a paper compares with, oldest first, and which of them is "previous"."""

    past: tuple[Point, ...] = ()
    previous: int | None = None  # index in ``past`` of the cycle compared with; None when there is none
    current: Cycle | None = None  # the tagged cycle the working tree is, if it is one

    @property
    def current_label(self) -> str:
        return self.current.label if self.current else THIS_CYCLE

    @property
    def current_short(self) -> str:
        return self.current.short if self.current else THIS_CYCLE.capitalize()

    def compared(self) -> Point | None:
        """Return the earlier cycle ratings are compared with, if any."""
        return None if self.previous is None else self.past[self.previous]


def level(status: RagStatus, scheme: RagScheme) -> str:
    """Return the word a rating is compared by: its worst level, or the word for not reported."""
    return status.worst(scheme) if status.reported else str(status)


def direction(before: RagStatus | None, now: RagStatus, scheme: RagScheme) -> str:
    """Return how a rating travelled: worsening, improving, same, new (not rated before),
    rated (not reported before) or unrated (not reported now)."""
    if before is None:
        return "new"
    if before.reported and now.reported:
        change = scheme.severity(level(now, scheme)) - scheme.severity(level(before, scheme))
        return "worsening" if change < 0 else "improving" if change > 0 else "same"
    if before.reported == now.reported:
        return "same"
    return "unrated" if before.reported else "rated"


def held_since(history: History, ws_id: str, dimension: str | None, now: RagStatus, scheme: RagScheme) -> str:
    """Return the label of the first cycle of the run the rating ``now`` ends: the cycle since
    when it has held (the current one's label when it changed this cycle)."""
    since = history.current_label
    for point in reversed(history.past):
        rated = point.ratings.get(ws_id)
        status = rated.on(dimension) if rated else None
        if status is None or level(status, scheme) != level(now, scheme):
            break
        since = point.label
    return since
