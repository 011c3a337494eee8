"""A service area changing hands: one file each under services/. Its model is one the programme declares."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel
from .dates import Date


class Service(ContentModel):
    name: str
    model: str = Field(description="Id of one of service_models in programme.yaml, e.g. repatriated")
    date: Date = Field(description="Date the service moved")
    lead_authority: str | None = Field(None, description="Partner code, for models that name a lead")
    scope: list[str] = Field([], description="Partner codes, when not every partner takes part")
    notes: str = ""
