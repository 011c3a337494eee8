"""One change between two versions, as a reviewer reads it: the record every comparison returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One change a reviewer reads as a line: "Governance: RAG Amber → Amber/Red"."""

    area: str            # the heading it is listed under: "Work streams"
    key: str             # a stable id path: "workstreams/governance/rag"
    subject: str         # the item's name: "Governance"
    what: str            # "RAG", "risk or issue added", "service added"
    old: str | None = None
    new: str | None = None

    def __str__(self) -> str:
        return self.shown()

    def shown(self, escape: Callable[[str], str] = str) -> str:
        """Return the change as one line, each part taken from content passed through ``escape``."""
        subject, what = escape(self.subject), escape(self.what)
        if self.old is not None and self.new is not None:
            return f"{subject}: {what} {escape(self.old)} → {escape(self.new)}"
        shown = self.new if self.new is not None else self.old
        return f"{subject}: {what}" + (f": {escape(shown)}" if shown is not None else "")
