"""The house style as every writer needs it: colours and names, from content, in one place.

The HTML gets them as CSS custom properties and rules (base.html.j2), the DOCX writer as this
same object, so a colour is never scraped back out of a stylesheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.programme import HouseStyle, ProgrammeFile
from ..model.rag import RagScheme, RagStatus

NOT_RATED = "rag-not-reported"


def rag_class(level: str) -> str:
    """Return the CSS class of a level: "Amber/Red" → rag-amber-red."""
    return "rag-" + re.sub(r"[^a-z0-9]+", "-", level.lower()).strip("-")


@dataclass(frozen=True)
class Theme:
    ink: str
    accent: str
    header_fill: str
    table_style: str
    fills: dict[str, str] = field(default_factory=dict)  # CSS class of a rating -> its tint

    def css(self) -> str:
        """Return the stylesheet rules the theme sets: custom properties and rating tints."""
        rules = [f":root {{ --ink: {self.ink}; --accent: {self.accent}; --head: {self.header_fill}; }}"]
        rules += [f".{name} {{ background: {fill}; }}" for name, fill in self.fills.items()]
        return "\n".join(rules)


def plain_theme() -> Theme:
    """Return the house style's defaults, with no RAG tints: for papers made without a programme."""
    style = HouseStyle()
    return Theme(style.ink, style.accent, style.header_fill, style.docx_table_style)


def theme(programme: ProgrammeFile) -> Theme:
    style = programme.style
    return Theme(style.ink, style.accent, style.header_fill, style.docx_table_style,
                 {rag_class(level.level): level.colour for level in programme.rag.scale})


@dataclass(frozen=True)
class Rating:
    """A rating as a cell shows it: its words and the class that tints it."""

    text: str
    css: str
    label: str = ""  # the dimension, when the programme rates several


def rating(status: RagStatus, scheme: RagScheme, label: str = "") -> Rating:
    css = rag_class(status.worst(scheme)) if status.reported else NOT_RATED
    return Rating(str(status), css, label)
