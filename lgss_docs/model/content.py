"""The validated content of a programme: every fact once, typed, with where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from ..load import Source
from .arrangements import Consultation, TemporaryArrangementsFile
from .dates import long_date
from .plan import PlanFile
from .programme import Partner, Person, ProgrammeFile
from .service import Service
from .workstream import Workstream

T = TypeVar("T")

# A fact named inside Markdown text, such as {consultation.staff_consulted} or {dates.la-board}.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\.([A-Za-z0-9_-]+)\}")


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
    arrangements: TemporaryArrangementsFile
    consultation: Consultation
    workstreams: list[Entry[Workstream]]
    services: list[Entry[Service]]
    programme_source: Source
    plan: PlanFile
    plan_source: Source

    def partner(self, code: str) -> Partner:
        return next(p for p in self.programme.partners if p.code == code)

    def person(self, person_id: str) -> Person:
        return next(p for p in self.programme.people if p.id == person_id)

    def facts(self) -> dict[str, str]:
        """Return every fact Markdown text may name, as the text it reads as."""
        facts = {f"dates.{d.id}": long_date(d.date) for d in self.programme.key_dates}
        for name, value in self.consultation:
            facts[f"consultation.{name}"] = long_date(value) if hasattr(value, "isoformat") else f"{value:,}"
        for name, value in self.programme.programme:
            if value is not None:
                facts[f"programme.{name}"] = value
        facts["workstreams.count"] = str(len(self.workstreams))
        return facts


def fill_facts(text: str, facts: dict[str, str]) -> str:
    """Return ``text`` with each {group.name} replaced by its fact (checked at validation)."""
    return PLACEHOLDER.sub(lambda m: facts.get(f"{m[1]}.{m[2]}", m[0]), text)
