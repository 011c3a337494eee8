"""What every content model shares: unknown keys are errors, text is stripped, ids are slugs."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An id: lower-case words joined by hyphens. Checked where ids are collected, so that a bad id is
# reported with the others of its kind ("already used on line 12").
Slug = Annotated[str, StringConstraints(strip_whitespace=True)]


class ContentModel(BaseModel):
    """A mapping in a content file. Unknown keys are refused so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class NotOneOf(ValueError):
    """A value outside a declared list. Validation words it, adding a did-you-mean for near misses."""

    def __init__(self, choices: list[str], got: str, written: str | None = None):
        self.choices, self.got = list(choices), got
        super().__init__(f'expected one of {", ".join(self.choices)}; got "{written if written is not None else got}"')
