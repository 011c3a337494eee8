"""The validated content of a programme: every fact once, typed, with where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from ..load import Source
from .arrangements import TemporaryArrangementsFile
from .dates import long_date
from .facts import FactsFile, fact_text
from .history import History
from .paper import Paper
from .plan import PlanFile
from .programme import Partner, Person, ProgrammeFile
from .service import Service
from .table import TableFile
from .totals import Grids
from .workstream import Workstream

T = TypeVar("T")

# A fact named inside text, such as {facts-group.name}, {dates.la-board} or {paper.meeting}; a
# figure of a table has a longer name: {tables.budget-build.net-budget.total}.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\}")
# Written like a fact but not in the form one takes: {Dates.x}, { dates.x }, {dates . x}.
NEAR_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_]+)\s*\.\s*([A-Za-z0-9_-]+)\s*\}")
# Groups the engine provides; facts.yaml cannot use these names.
BUILT_IN_GROUPS = ("dates", "programme", "workstreams", "paper", "table", "tables")
PROGRAMME_FACTS = ("name", "formerly", "organisation", "size")
PAPER_FACTS = ("title", "meeting", "meeting_date", "agenda_item", "date", "subject", "status_as_at")


@dataclass(frozen=True)
class Entry(Generic[T]):
    """A model read from a file of a folder; its id is the file name without its order prefix."""

    id: str
    model: T
    source: Source


@dataclass
class Content:
    root: Path
    programme: ProgrammeFile
    programme_source: Source
    papers: dict[str, Entry[Paper]]
    workstreams: list[Entry[Workstream]]
    services: list[Entry[Service]]
    arrangements: TemporaryArrangementsFile | None = None
    arrangements_source: Source | None = None
    facts: FactsFile | None = None
    facts_source: Source | None = None
    plan: PlanFile | None = None
    plan_source: Source | None = None
    warnings: list = field(default_factory=list)  # Problems found while listing files, such as a .yml file not read
    tables: dict[str, Entry[TableFile]] = field(default_factory=dict)  # tables of figures, by id
    history: History | None = None  # the earlier reporting cycles, when the build found any
    # The pictures image blocks place, by file name: (media type, bytes, (width, height) in pixels),
    # read once with the content, so a paper never reads a file while it is rendered.
    images: dict[str, tuple[str, bytes, tuple[int, int]]] = field(default_factory=dict)

    def partner(self, code: str) -> Partner:
        return next(p for p in self.programme.partners if p.code == code)

    def person(self, person_id: str) -> Person:
        return next(p for p in self.programme.people if p.id == person_id)


class Facts:
    """The facts text may name, looked up group by group, so a paper reads only the parts it names."""

    def __init__(self, content: Content, paper: Paper | None = None, table: dict[str, str] | None = None):
        self.content, self.paper, self.table = content, paper, table or {}
        self._grids: Grids | None = None

    @property
    def grids(self) -> Grids:
        """Return the tables of figures, each worked out once for this Facts' lookups."""
        if self._grids is None:
            self._grids = Grids(self.content.tables, self.content.programme.rag)
        return self._grids

    def get(self, group: str, name: str) -> str | None:
        """Return fact ``group.name`` as the text it reads as, or None if there is no such fact."""
        if group == "dates":
            return next((long_date(d.date) for d in self.content.programme.key_dates if d.id == name), None)
        if group == "programme":
            value = getattr(self.content.programme.programme, name, None) if name in PROGRAMME_FACTS else None
            return value
        if group == "workstreams":
            return str(len(self.content.workstreams)) if name == "count" else None
        if group == "paper":
            return paper_fact(self.paper, name) if self.paper is not None else None
        if group == "table":
            return self.table.get(name)
        if group == "tables":
            return figure_fact(self.grids, name)
        if self.content.facts is None or group not in self.content.facts.root:
            return None
        value = self.content.facts.root[group].get(name)
        return None if value is None else fact_text(value)

    def fill(self, text: str) -> str:
        """Return ``text`` with each {group.name} replaced by its fact (names are checked at validation)."""
        return PLACEHOLDER.sub(lambda m: _or(self.get(m[1], m[2]), m[0]), text or "")


def _or(value: str | None, default: str) -> str:
    return default if value is None else value


def figure_fact(grids: Grids, name: str) -> str | None:
    """Return the cell ``name`` (TABLE.ROW.COLUMN) as prose names it, or None if there is none."""
    parts = name.split(".")
    if len(parts) != 3 or grids.find(parts[0]) in ("unknown", "loop"):
        return None
    grid = grids[parts[0]]
    cell = grid.cell(parts[1], parts[2])
    if cell is None or cell.shown is None:
        return None
    return grid.words(grid.column(parts[2]), cell.shown)


def paper_fact(paper: Paper, name: str) -> str | None:
    """Return fact ``paper.name`` of ``paper``, as text, or None if it has none."""
    meeting = paper.meeting
    values = {
        "title": paper.title,
        "meeting": meeting.name if meeting else None,
        "meeting_date": long_date(meeting.date) if meeting else None,
        "agenda_item": meeting.agenda_item if meeting else None,
        "date": long_date(paper.day) if paper.day else None,
        "subject": paper.subject,
        "status_as_at": long_date(paper.status_as_at) if paper.status_as_at else None,
    }
    return values.get(name)
