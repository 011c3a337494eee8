"""Word sections: turning the page to landscape for wide content and back to portrait after.

A new section is linked to the one before it, so the running header and footer still show.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Mm

# Landscape sizes (width, height); portrait pages swap them back.
LANDSCAPE = {"A3": (Mm(420), Mm(297)), "A4": (Mm(297), Mm(210))}


def _text_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


def _has_content(document) -> bool:
    return any(not child.tag.endswith("}sectPr") for child in document.element.body)


def turn_landscape(document, size: str) -> int:
    """Return the text width of a new landscape ``size`` section (the first one, if still empty)."""
    section = document.add_section(WD_SECTION.NEW_PAGE) if _has_content(document) else document.sections[-1]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = LANDSCAPE.get(size, LANDSCAPE["A4"])
    return _text_width(section)


def turn_portrait(document) -> int:
    """Return the text width of a new portrait section, sized as the paper's first page."""
    first = document.sections[0]
    width, height = sorted((first.page_width, first.page_height)) if first.orientation == WD_ORIENT.PORTRAIT \
        else sorted(LANDSCAPE["A4"])
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    return _text_width(section)
