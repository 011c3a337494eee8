"""A service area leaving the shared service: one file each under content/services/."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import ContentModel
from .dates import Date


class Service(ContentModel):
    name: str
    model: Literal["repatriated", "lead-authority"] = Field(
        description="repatriated: returns to each home council; lead-authority: one partner runs it for all")
    date: Date = Field(description="Date the service repatriated, or the lead authority took it on")
    lead_authority: str | None = Field(None, description="Partner code; required for lead-authority services")
    scope: list[str] = Field([], description="Partner codes, when not every partner takes part")
    notes: str = ""

    @model_validator(mode="after")
    def _lead_matches_model(self):
        if self.model == "lead-authority" and not self.lead_authority:
            raise ValueError("a lead-authority service needs lead_authority: the partner code that leads it")
        if self.model == "repatriated" and self.lead_authority:
            raise ValueError("a repatriated service has no lead_authority; remove it or set model: lead-authority")
        return self
