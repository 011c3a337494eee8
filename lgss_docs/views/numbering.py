"""The numbers a paper gives its parts, as councils number them.

Tables of figures are "Table 1", "Table 2" through the paper; a block may give its own number
("6a"), and the count goes on from its leading number. Paragraphs of text blocks are numbered
1, 2, 3 through the paper, or 1.1, 1.2 within each section, when the paper asks; a paper
printed as an appendix counts its own. The numbers are words of the HTML, so the PDF and the
DOCX print exactly what the HTML says.
"""

from __future__ import annotations

import re

from ..render.markdown import parse_markdown

_LEADING = re.compile(r"^\d+")


def number_tables(sections: list[dict]) -> None:
    """Give each table of figures in ``sections`` its number, in order."""
    last = 0
    for block in (b for s in sections for b in s["blocks"] if b["kind"] == "figures"):
        if block["number"] is None:
            last += 1
            block["number"] = str(last)
        elif match := _LEADING.match(block["number"]):
            last = int(match[0])


def paragraphs_in(text: str) -> int:
    """Return how many paragraphs of ``text`` stand on their own (not inside a list, quote or table)."""
    return sum(1 for token in parse_markdown(text) if token.type == "paragraph_open" and token.level == 0)


def number_paragraphs(sections: list[dict], scheme: str) -> None:
    """Give each text block the numbers of its paragraphs: "1.", "2." through the paper with
    ``scheme`` paper, "2.1", "2.2" in section 2 with ``scheme`` section, none with none."""
    count = 0
    for position, section in enumerate(sections, start=1):
        if scheme == "section":
            count = 0
        for block in (b for b in section["blocks"] if b["kind"] == "text"):
            found = paragraphs_in(block["text"]) if scheme != "none" else 0
            block["numbers"] = [f"{section['number'] or position}.{count + k}" if scheme == "section" else f"{count + k}."
                                for k in range(1, found + 1)]
            count += found
