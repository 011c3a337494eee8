"""The marks of a redline and the HTML they sit in: who and when, whole blocks marked, units of blocks.

A redline marks a change three ways, each kept by the HTML, the PDF and the DOCX alike: words
inside ``<ins>``/``<del>``; a block inserted or deleted whole (its class ``redline-ins`` or
``redline-del``, so Word tracks its paragraph mark or row too); a drawn cell whose fill changed
(``data-old-fill``, ``data-old-pattern``, ``data-old-class``: what the cell was, so Word can
track the shading and reject it).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

# Elements whose content is other blocks; anything else holding only inline content is a leaf.
BLOCKS = {"header", "main", "footer", "section", "article", "aside", "nav", "div", "figure",
          "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "p", "li", "dt", "dd",
          "h1", "h2", "h3", "h4", "h5", "h6", "caption", "td", "th", "blockquote", "pre", "hr",
          "colgroup", "col",  # column widths carry no text but must survive the merge
          "svg"}  # a picture (a chart): never marked inside; its words are in its data table
PICTURES = {"svg"}
CHANGES = ("ins", "del")


@dataclass(frozen=True)
class Mark:
    """What every mark of one redline says: who made the change and when (ISO 8601)."""

    author: str
    when: str

    @classmethod
    def of(cls, author: str, when: date | datetime | str) -> Mark:
        return cls(author, when if isinstance(when, str) else when.isoformat())

    def element(self, tag: str):
        """Return an empty <ins> or <del> carrying the author and date."""
        return etree.Element(tag, self.attributes())

    def attributes(self) -> dict[str, str]:
        return {"datetime": self.when, "data-author": self.author}


def text(el) -> str:
    """Return the words of ``el``, single-spaced; cells of a row are words apart even with no space between."""
    return " ".join(" ".join(el.itertext()).split())


def cells(row) -> list:
    return [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]


def has_blocks(el) -> bool:
    return any(isinstance(child.tag, str) and child.tag in BLOCKS for child in el)


def shell(el):
    """Return an empty element with ``el``'s tag and attributes."""
    return etree.Element(el.tag, dict(el.attrib))


def add_class(el, name: str) -> None:
    el.set("class", " ".join(dict.fromkeys([*el.get("class", "").split(), name])))


def whole(el) -> str | None:
    """Return "ins" or "del" if ``el`` is a block the redline marks inserted or deleted whole, else None."""
    classes = el.get("class", "").split()
    return next((c for c in CHANGES if f"redline-{c}" in classes), None)


def marked(el, change: str, mark: Mark):
    """Return a copy of ``el`` inserted or deleted whole: all its text inside <ins> or <del>, and
    it and every row in it classed, so a row or paragraph is tracked as one."""
    out = copy.deepcopy(el)
    for block in [out, *(row for row in out.iter("tr") if row is not out)]:
        add_class(block, f"redline-{change}")
        # Who and when, on the block itself too: a row of empty cells holds no <ins> to ask.
        block.attrib.update(mark.attributes())
    _wrap_leaves(out, change, mark)
    return out


def _wrap_leaves(el, change: str, mark: Mark) -> None:
    if el.tag in PICTURES:
        return
    if has_blocks(el):
        for unit in units(el, in_place=True):
            _wrap_leaves(unit, change, mark)
        return
    if not text(el):
        return
    wrapper = mark.element(change)
    wrapper.text, el.text = el.text, None
    wrapper.extend(list(el))
    el.append(wrapper)


def units(el, in_place: bool = False) -> list:
    """Return the block children of ``el``; loose inline content between them becomes a <span>.

    With ``in_place`` the spans replace that content inside ``el`` itself."""
    target = el if in_place else copy.deepcopy(el)
    found, loose = [], []

    def close_loose(before):
        if loose and any(text(x) if not isinstance(x, str) else x.strip() for x in loose):
            span = etree.Element("span", {"class": "redline-inline"})
            for piece in loose:
                if isinstance(piece, str):
                    append_text(span, piece)
                else:
                    span.append(piece)
            if before is not None:
                before.addprevious(span)
            else:
                target.append(span)
            found.append(span)
        loose.clear()

    pieces = ([target.text] if target.text else []) + list(target)
    target.text = None
    for piece in pieces:
        if isinstance(piece, str):
            loose.append(piece)
            continue
        tail, piece.tail = piece.tail, None
        if not isinstance(piece.tag, str):
            target.remove(piece)  # comments
        elif piece.tag in BLOCKS:
            close_loose(piece)
            found.append(piece)
        else:
            target.remove(piece)
            loose.append(piece)
        if tail:
            loose.append(tail)
    close_loose(None)
    return found


def append_text(el, value: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + value
    else:
        el.text = (el.text or "") + value
