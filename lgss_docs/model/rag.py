"""RAG status: the five-point scale and split statuses with labelled parts."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from .base import ContentModel


class Rag(str, Enum):
    """One point of the five-point scale, worst first."""

    RED = "Red"
    AMBER_RED = "Amber/Red"
    AMBER = "Amber"
    AMBER_GREEN = "Amber/Green"
    GREEN = "Green"

    @property
    def css_class(self) -> str:
        return "rag-" + self.value.lower().replace("/", "-")

    @property
    def severity(self) -> int:
        return list(Rag).index(self)


SCALE_TEXT = ", ".join(level.value for level in Rag)


def parse_rag(text: str) -> Rag:
    """Return the level named by ``text``, ignoring case and spaces around a slash."""
    key = re.sub(r"\s*/\s*", "/", str(text).strip()).lower()
    for level in Rag:
        if level.value.lower() == key:
            return level
    raise ValueError(f'expected one of {SCALE_TEXT}; got "{text}"')


class RagPart(ContentModel):
    level: Rag
    label: str | None = None

    def __str__(self) -> str:
        return f"{self.level.value} ({self.label})" if self.label else self.level.value


class RagStatus(ContentModel):
    """A status of one or more labelled parts: "Amber (OLA) / Green (Road Map)"."""

    parts: tuple[RagPart, ...]

    @property
    def overall(self) -> Rag:
        """The worst part: what a summary sorts and shades by."""
        return min((p.level for p in self.parts), key=lambda r: r.severity)

    @property
    def is_split(self) -> bool:
        return len(self.parts) > 1

    def __str__(self) -> str:
        return " / ".join(str(p) for p in self.parts)


_PART = re.compile(r"^(?P<level>[A-Za-z]+(?:\s*/\s*[A-Za-z]+)?)\s*(?:\((?P<label>[^()]+)\))?$")


def parse_status(value: object) -> RagStatus:
    """Return a RagStatus from "Amber", "amber/red" or "Amber (OLA) / Green (Road Map)"."""
    if isinstance(value, RagStatus):
        return value
    if not isinstance(value, str) or not value.strip():
        got = "nothing" if value is None or isinstance(value, str) else "a list" if isinstance(value, list) else \
            "a mapping" if isinstance(value, dict) else f'"{value}"'
        raise ValueError(f"expected one of {SCALE_TEXT}; got {got}")
    text = value.strip()
    if "(" not in text:
        return RagStatus(parts=(RagPart(level=parse_rag(text)),))
    parts = []
    # A split status has a label on every part, so "Amber/Red" stays one level.
    for chunk in re.split(r"\s+/\s+|\)\s*/\s*", text):
        chunk = chunk.strip()
        if chunk and "(" in chunk and not chunk.endswith(")"):
            chunk += ")"
        m = _PART.match(chunk)
        if not m or not m["label"]:
            raise ValueError(f'expected one of {SCALE_TEXT}, or labelled parts such as "Amber (OLA) / Green (Road Map)"; got "{text}"')
        parts.append(RagPart(level=parse_rag(m["level"]), label=m["label"].strip()))
    return RagStatus(parts=tuple(parts))


Status = Annotated[
    RagStatus,
    BeforeValidator(parse_status),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "description": f"One of {SCALE_TEXT}, or labelled parts: \"Amber (OLA) / Green (Road Map)\""}),
]

RagLevel = Annotated[
    Rag,
    BeforeValidator(lambda v: v if isinstance(v, Rag) else parse_rag(v)),
    WithJsonSchema({"enum": [level.value for level in Rag]}),
]
