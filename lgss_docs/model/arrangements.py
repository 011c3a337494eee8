"""temporary-arrangements.yaml: arrangements agreed for the transition, and how they changed."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel


class TemporaryArrangement(ContentModel):
    service: str
    agreed: str = Field(description="Markdown: the arrangement as agreed in the earlier paper")
    revision: str = Field(description="Markdown: what has changed since")


class TemporaryArrangementsFile(ContentModel):
    arrangements: list[TemporaryArrangement] = Field(min_length=1)
