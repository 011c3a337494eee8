"""Tables several papers share, derived from the content each time."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.content import Content, Entry
from ..model.rag import RagStatus
from ..model.service import Service


@dataclass(frozen=True)
class RagRow:
    label: str
    status: RagStatus


def rag_summary(content: Content) -> list[RagRow]:
    """Return one row per work stream: "Project work stream N: Title" and its status."""
    return [RagRow(f"Project work stream {e.model.number}: {e.model.title}", e.model.rag) for e in content.workstreams]


def scope_text(content: Content, service: Service) -> str:
    """Return "CCC and NCC only." for a service not taken by every partner, else ""."""
    if not service.scope:
        return ""
    codes = [p.code for p in content.programme.partners if p.code in service.scope]
    return f"{and_list(codes)} only."


def and_list(words: list[str]) -> str:
    """Return ["CCC", "MKC", "NCC"] as "CCC, MKC and NCC"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True)
class ServiceRow:
    name: str
    notes: str
    lead_authority: str


def services(content: Content, model: str) -> tuple[list[ServiceRow], list]:
    """Return the rows for services of ``model`` and the distinct dates they moved on."""
    chosen: list[Entry[Service]] = [e for e in content.services if e.model.model == model]
    rows = [ServiceRow(e.model.name, " ".join(filter(None, [scope_text(content, e.model), e.model.notes])),
                       e.model.lead_authority or "") for e in chosen]
    return rows, sorted({e.model.date for e in chosen})
