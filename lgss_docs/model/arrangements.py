"""temporary-arrangements.yaml and consultation.yaml."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel
from .dates import Date


class TemporaryArrangement(ContentModel):
    service: str
    agreed: str = Field(description="Markdown: the arrangement as agreed in the earlier paper")
    revision: str = Field(description="Markdown: what has changed since")


class TemporaryArrangementsFile(ContentModel):
    arrangements: list[TemporaryArrangement] = Field(min_length=1)


class Consultation(ContentModel):
    started: Date
    extended_by_days: int = Field(0, ge=0)
    staff_consulted: int = Field(ge=0, description="Approximate number of staff consulted")
    posts_deleted: int = Field(ge=0)
    staff_redeployed: int = Field(ge=0)
