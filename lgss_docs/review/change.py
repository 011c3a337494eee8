"""One change between two versions, as a reviewer reads it: the record every comparison returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One change a reviewer reads as a line: "Project work stream 1: Governance: Current status Amber → Amber/Red"."""

    area: str            # the heading it is listed under: a paper, "Papers", "Content files"
    key: str             # a stable path: "committee-report/2. Transition programme update/.../Current status"
    subject: str         # the item: "Project work stream 1: Governance" ("" for a paragraph of a section)
    what: str            # "Current status", "paragraph reworded", "row added"
    old: str | None = None
    new: str | None = None
    place: str = ""      # where in the paper: "2. Transition programme update › RAG status of each …"

    def __str__(self) -> str:
        return self.shown()

    def shown(self, escape: Callable[[str], str] = str) -> str:
        """Return the change as one line, each part taken from content passed through ``escape``."""
        named = f"{escape(self.subject)}: {escape(self.what)}" if self.subject else escape(self.what)
        if self.old is not None and self.new is not None:
            return f"{named} {escape(self.old)} → {escape(self.new)}"
        shown = self.new if self.new is not None else self.old
        return named + (f": {escape(shown)}" if shown is not None else "")
