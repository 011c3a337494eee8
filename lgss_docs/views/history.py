"""A rating beside the last cycle's, as RAG tables and work stream pages show it: the earlier
rating, the direction of travel and since when the rating has held (the words are the templates')."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.content import Content
from ..model.history import History, direction, held_since, level
from ..model.rag import RagStatus
from .style import Rating, rating


@dataclass(frozen=True)
class Travel:
    """How one rating moved since the cycle compared with."""

    compared: str  # the label of the cycle compared with: "October 2020"
    before: str  # the level the rating had then ("" when not rated then)
    now: str  # the level it has now (or the word for not reported)
    direction: str  # worsening, improving, same, new, rated (reported again) or unrated (not reported now)
    since: str  # the label of the cycle since when it has held: "November 2020", or "this cycle"
    previous: Rating | None  # the earlier rating as a cell shows it
    current: str  # the label of the cycle the content is: "December 2020", or "this cycle"


def history(content: Content) -> History:
    """Return the content's history: none for content a build did not give one (a review's)."""
    return History() if content.history is None else content.history


def travel(content: Content, ws_id: str, now: RagStatus, dimension: str | None = None) -> Travel | None:
    """Return how work stream ``ws_id``'s rating ``now`` (on ``dimension``; None: overall) moved
    since the cycle compared with; None when there is no earlier cycle."""
    past = history(content)
    point = past.compared()
    if point is None:
        return None
    scheme = content.programme.rag
    rated = point.ratings.get(ws_id)
    before = rated.on(dimension) if rated else None
    return Travel(point.label, level(before, scheme) if before else "", level(now, scheme), direction(before, now, scheme),
                  held_since(past, ws_id, dimension, now, scheme), rating(before, scheme) if before else None,
                  past.current_label)
