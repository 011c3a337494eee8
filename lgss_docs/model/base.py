"""The base every content model shares: unknown keys are errors, text is stripped."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ContentModel(BaseModel):
    """A mapping in a content file. Unknown keys are refused so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
