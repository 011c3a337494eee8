"""RAG status as a programme declares it: its scale, its dimensions, and ratings read against them.

Nothing here knows which words a scale has: ``programme.yaml`` lists its levels (three, four or
five of them, worst first), and every rating in the content is checked against that list.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator, Field, PlainSerializer, ValidationInfo, WithJsonSchema

from .base import ContentModel, NotOneOf, Slug
from .colour import Colour

_SLASH = re.compile(r"\s*/\s*")


class Level(ContentModel):
    """One point of the scale."""

    level: str = Field(description="The word for this rating, as papers print it, e.g. Amber/Red")
    colour: Colour = Field(description="Tint of a cell holding this rating, #RRGGBB (light, so dark text stays readable)")
    definition: str = Field("", description="What the rating means, shown in the key")


class NotReported(ContentModel):
    """The word for a rating not given this period, and what it means in the key."""

    word: str
    definition: str = ""


def _not_reported(value: object) -> object:
    return {"word": value} if isinstance(value, str) else value


class Dimension(ContentModel):
    """One thing each work stream is rated on, such as Budget or Schedule."""

    id: Slug
    label: str


class RagScheme(ContentModel):
    """``rag:`` in programme.yaml: the scale and, optionally, the dimensions rated on it."""

    scale: list[Level] = Field(min_length=2, description="The levels, worst first")
    not_reported: Annotated[NotReported, BeforeValidator(_not_reported)] | None = Field(
        None, description='The word for a rating not given this period, e.g. "Not reported" (or word: and definition:); '
                          "leave out to require every rating")
    dimensions: list[Dimension] = Field(
        [], description="Rate each work stream on several dimensions (e.g. Overall, Budget, Risks); leave out for one rating")
    overall: str | None = Field(None, description="Id of the dimension that sums up the others (default: the first)")

    @property
    def words(self) -> list[str]:
        return [level.level for level in self.scale]

    @property
    def unrated(self) -> str | None:
        """Return the word for a rating not given, or None if every rating must be given."""
        return self.not_reported.word if self.not_reported else None

    def values(self) -> list[str]:
        """Return every word a rating may be: the levels, then the word for none."""
        return self.words + ([self.unrated] if self.unrated else [])

    @property
    def overall_id(self) -> str | None:
        return self.overall or (self.dimensions[0].id if self.dimensions else None)

    def severity(self, word: str) -> int:
        """Return 0 for the worst level, counting up; an unrated value sorts after the best."""
        return self.words.index(word) if word in self.words else len(self.words)

    def expected(self) -> str:
        """Return the values a rating may take, as a message lists them."""
        return ", ".join(self.values())


class RagPart(ContentModel):
    level: str
    label: str | None = None

    def __str__(self) -> str:
        return f"{self.level} ({self.label})" if self.label else self.level


class RagStatus(ContentModel):
    """A rating: one level, several labelled parts ("Amber (OLA) / Green (Road Map)"), or not reported."""

    parts: tuple[RagPart, ...]
    reported: bool = True

    @property
    def is_split(self) -> bool:
        return len(self.parts) > 1

    def worst(self, scheme: RagScheme) -> str:
        """Return the worst level among the parts: what a summary shades by."""
        return min((p.level for p in self.parts), key=scheme.severity)

    def __str__(self) -> str:
        return " / ".join(str(p) for p in self.parts)


def _level(text: str, scheme: RagScheme, written: str) -> str:
    """Return the scale's word that ``text`` names, ignoring case and spaces around a slash."""
    key = _SLASH.sub("/", text.strip()).lower()
    for word in scheme.words:
        if word.lower() == key:
            return word
    raise NotOneOf(scheme.values(), text.strip(), written)


_PART = re.compile(r"^(?P<level>[^()]+?)\s*(?:\((?P<label>[^()]+)\))?$")


def parse_status(value: object, scheme: RagScheme) -> RagStatus:
    """Return the RagStatus ``value`` names on ``scheme``: "Amber", "amber/red",
    "Amber (OLA) / Green (Road Map)", or the scheme's word for not reported."""
    if isinstance(value, RagStatus):
        return value
    if not isinstance(value, str) or not value.strip():
        got = "nothing" if value is None or isinstance(value, str) else "a list" if isinstance(value, list) else \
            "a mapping" if isinstance(value, dict) else f'"{value}"'
        raise ValueError(f"expected one of {scheme.expected()}; got {got}")
    text = value.strip()
    if scheme.unrated and text.lower() == scheme.unrated.lower():
        return RagStatus(parts=(RagPart(level=scheme.unrated),), reported=False)
    if "(" not in text:
        return RagStatus(parts=(RagPart(level=_level(text, scheme, text)),))
    parts = []
    # A split status has a label on every part, so "Amber/Red" stays one level.
    for chunk in re.split(r"\s+/\s+|\)\s*/\s*", text):
        chunk = chunk.strip()
        if chunk and "(" in chunk and not chunk.endswith(")"):
            chunk += ")"
        m = _PART.match(chunk)
        if not m or not m["label"]:
            raise ValueError(f'expected one of {scheme.expected()}, or labelled parts such as '
                             f'"{scheme.words[-1]} (first part) / {scheme.words[0]} (second part)"; got "{text}"')
        parts.append(RagPart(level=_level(m["level"], scheme, m["level"].strip()), label=m["label"].strip()))
    return RagStatus(parts=tuple(parts))


def _from_context(value: object, info: ValidationInfo) -> RagStatus:
    return parse_status(value, info.context["rag"])


def _any_case(word: str) -> str:
    """Return a regular expression matching ``word`` in any case, a slash with spaces or none."""
    out = ""
    for char in word:
        if char == "/":
            out += r"\s*/\s*"
        elif char.isalpha():
            out += f"[{char.upper()}{char.lower()}]"
        else:
            out += re.escape(char)
    return out


def status_type(scheme: RagScheme):
    """Return the annotated type of one rating on ``scheme``: parsed from text, shown as text."""
    words = scheme.values()
    # Editors match JSON Schema patterns case by case; the check ignores case, so the pattern does too.
    level = "(" + "|".join(_any_case(w) for w in scheme.words) + ")"
    pattern = "^(" + "|".join(_any_case(w) for w in words) + r"|" + level + r"\s*\([^()]+\)(\s*/\s*" + level + r"\s*\([^()]+\))*)$"
    return Annotated[
        RagStatus,
        BeforeValidator(_from_context),
        PlainSerializer(str, return_type=str),
        WithJsonSchema({"type": "string", "pattern": pattern,
                        "description": f"One of {scheme.expected()}, or labelled parts: "
                                       f'"{scheme.words[-1]} (first part) / {scheme.words[0]} (second part)"',
                        "examples": words}),
    ]
