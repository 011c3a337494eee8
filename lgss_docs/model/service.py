"""A service area leaving the shared service: one file each under content/services/."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from .base import ContentModel
from .dates import Date


class Service(ContentModel):
    name: str
    model: Literal["repatriated", "lead-authority"] = Field(
        description="repatriated: returns to each home council; lead-authority: one partner runs it for all")
    date: Date = Field(description="Date the service repatriated, or the lead authority took it on")
    lead_authority: str | None = Field(None, validate_default=True,
                                       description="Partner code; required for lead-authority services")
    scope: list[str] = Field([], description="Partner codes, when not every partner takes part")
    notes: str = ""

    # A field validator (not a model one) so the problem names lead_authority and its line.
    @field_validator("lead_authority")
    @classmethod
    def _lead_matches_model(cls, lead: str | None, info: ValidationInfo):
        model = info.data.get("model")
        if model == "lead-authority" and not lead:
            raise ValueError("required when model is lead-authority; give the code of the partner council that leads it")
        if model == "repatriated" and lead:
            raise ValueError("a repatriated service has no lead_authority; remove it or set model: lead-authority")
        return lead
