"""A redline: two renderings of a paper merged into one HTML document with <ins> and <del>.

The two documents are compared block by block: containers (sections, lists, tables, rows)
are matched child by child, and blocks that hold only inline content (paragraphs, list items,
headings, table cells) are compared word by word. So a changed cell shows as that cell's
words changing, never as the whole table deleted and inserted again. Each <ins>/<del> carries
the NEW version's date and the author, which the DOCX writer turns into Word tracked changes.
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, replace
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from ..render.templates import BUILT_IN
from .pairing import pair_in_order

AUTHOR = "lgss-docs"
# Elements whose content is other blocks; anything else holding only inline content is a leaf.
BLOCKS = {"header", "main", "footer", "section", "article", "aside", "nav", "div", "figure",
          "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "p", "li", "dt", "dd",
          "h1", "h2", "h3", "h4", "h5", "h6", "caption", "td", "th", "blockquote", "pre", "hr",
          "colgroup", "col",  # column widths carry no text but must survive the merge
          "svg"}  # a picture (a chart): never marked inside, its data table is
PICTURES = {"svg"}
PAIR_AT_LEAST = 0.3  # share of words two blocks of a kind keep in common to be one block changed
_WORD = re.compile(r"(\s*)(\S+)")


@dataclass(frozen=True)
class Mark:
    """What every <ins>/<del> of one redline says: who made the change and when."""

    author: str
    when: date

    def element(self, tag: str):
        """Return an empty <ins> or <del> carrying the author and date."""
        return etree.Element(tag, {"datetime": self.when.isoformat(), "data-author": self.author})


def redline(old_html: str, new_html: str, when: date, author: str = AUTHOR) -> str:
    """Return ``new_html`` with its body replaced by the merge of both bodies, changes marked."""
    old_doc = lxml_html.document_fromstring(old_html.encode("utf-8"))
    new_doc = lxml_html.document_fromstring(new_html.encode("utf-8"))
    merged = _merge(old_doc.body, new_doc.body, Mark(author, when))
    new_doc.body.getparent().replace(new_doc.body, merged)
    return lxml_html.tostring(new_doc, doctype="<!DOCTYPE html>", encoding="unicode")


def with_key(redline_html: str, old_label: str, new_label: str, folders=(BUILT_IN,)) -> str:
    """Return the redline with its stylesheet and a key to the marks at the top, for HTML and PDF.

    The DOCX leaves both out: Word draws tracked changes itself, and accepting every change
    must leave exactly the new paper."""
    doc = lxml_html.document_fromstring(redline_html.encode("utf-8"))
    style = etree.SubElement(doc.head, "style")
    sheet = next(folder / "review" / "redline.css" for folder in folders if (folder / "review" / "redline.css").is_file())
    style.text = sheet.read_text(encoding="utf-8")
    key = lxml_html.fragment_fromstring(
        '<aside class="redline-key" aria-label="How changes are marked"><p><strong>Redline.</strong> '
        'Changes from <span class="version"></span> to <span class="version"></span>. '
        '<ins>Inserted text is underlined</ins>; <del>deleted text is struck through</del>.</p></aside>')
    for span, label in zip(key.iter("span"), (old_label, new_label)):
        span.text = label
    doc.body.insert(0, key)
    return lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")


# -- blocks -------------------------------------------------------------------------------
def _merge(old, new, mark: Mark):
    """Return ``new`` rebuilt with the differences from ``old`` marked, as a new element."""
    if new.tag in PICTURES:
        return copy.deepcopy(new)
    if _has_blocks(old) or _has_blocks(new):
        return _merge_children(old, new, mark)
    return _merge_words(old, new, mark)


def _merge_children(old, new, mark: Mark):
    out = _shell(new)
    old_units, new_units = _units(old), _units(new)
    matcher = difflib.SequenceMatcher(a=[_signature(u) for u in old_units],
                                      b=[_signature(u) for u in new_units], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(copy.deepcopy(u) for u in new_units[b1:b2])
            continue
        for was, now in pair_in_order(old_units[a1:a2], new_units[b1:b2], _likeness, PAIR_AT_LEAST):
            if was is None:
                out.append(_marked(now, "ins", mark))
            elif now is None:
                out.append(_marked(was, "del", mark))
            else:
                out.append(_merge(was, now, mark))
    return out


def _likeness(old, new) -> float:
    """Return how alike two blocks are, 0 to 1; blocks of different kinds are never alike."""
    if old.tag != new.tag:
        return 0.0
    if old.tag == "tr":
        # A row is the same row when its first cell (the service, the work stream) is, and its
        # cells span the same columns: Word cannot track a change of merged cells, only a row
        # deleted and another inserted (a Gantt bar that grows is such a change).
        same_key = _text(_first_cell(old)) == _text(_first_cell(new))
        return 1.0 if same_key and _shape(old) == _shape(new) else 0.0
    if old.tag in ("thead", "tbody", "tfoot") and _spans_rows(old, new) and [_shape(r) for r in old] != [_shape(r) for r in new]:
        return 0.0  # merged cells that changed shape: the group is replaced, rows and all
    if old.tag in ("td", "th", "caption", "thead", "tbody", "tfoot"):
        return 1.0  # within one row or table, cells and parts pair by position
    a, b = _text(old).split(), _text(new).split()
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() if a or b else 1.0


def _spans_rows(*groups) -> bool:
    return any(int(cell.get("rowspan", 1)) > 1 for group in groups for cell in group.iter("td", "th"))


def _shape(row) -> tuple:
    return tuple((c.get("colspan", "1"), c.get("rowspan", "1")) for c in row if c.tag in ("td", "th"))


def _first_cell(row):
    cells = [c for c in row if c.tag in ("td", "th")]
    return cells[0] if cells else row


def _marked(el, change: str, mark: Mark):
    """Return a copy of ``el`` with all its text inside <ins> or <del>, classed for the whole block."""
    out = copy.deepcopy(el)
    # A whole row group is tracked row by row, as Word tracks rows.
    for block in [out, *(out.iter("tr") if out.tag in ("thead", "tbody", "tfoot") else [])]:
        block.set("class", " ".join(filter(None, [block.get("class"), f"redline-{change}"])))
        # Who and when, on the block itself too: a row of empty cells holds no <ins> to ask.
        block.attrib.update(mark.element(change).attrib)
    _wrap_leaves(out, change, mark)
    return out


def _wrap_leaves(el, change: str, mark: Mark) -> None:
    if el.tag in PICTURES:
        return
    if _has_blocks(el):
        for unit in _units(el, in_place=True):
            _wrap_leaves(unit, change, mark)
        return
    if not _text(el):
        return
    wrapper = mark.element(change)
    wrapper.text, el.text = el.text, None
    wrapper.extend(list(el))
    el.append(wrapper)


def _units(el, in_place: bool = False) -> list:
    """Return the block children of ``el``; loose inline content between them becomes a <span>.

    With ``in_place`` the spans replace that content inside ``el`` itself."""
    target = el if in_place else copy.deepcopy(el)
    units, loose = [], []

    def close_loose(before):
        if loose and any(_text(x) if not isinstance(x, str) else x.strip() for x in loose):
            span = etree.Element("span", {"class": "redline-inline"})
            for piece in loose:
                if isinstance(piece, str):
                    _append_text(span, piece)
                else:
                    span.append(piece)
            if before is not None:
                before.addprevious(span)
            else:
                target.append(span)
            units.append(span)
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
            units.append(piece)
        else:
            target.remove(piece)
            loose.append(piece)
        if tail:
            loose.append(tail)
    close_loose(None)
    return units


def _append_text(el, text: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _shell(el):
    """Return an empty element with ``el``'s tag and attributes."""
    return etree.Element(el.tag, dict(el.attrib))


def _has_blocks(el) -> bool:
    return any(isinstance(child.tag, str) and child.tag in BLOCKS for child in el)


def _signature(el) -> tuple:
    # Cell spans belong to the signature: a Gantt bar that moves keeps its words.
    spans = tuple((c.get("colspan", "1"), c.get("rowspan", "1")) for c in el.iter("td", "th"))
    return el.tag, el.get("class", ""), _text(el), spans


def _text(el) -> str:
    # Pieces joined by spaces: cells of a row are words apart even with no white space between.
    return " ".join(" ".join(el.itertext()).split())


# -- words --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Word:
    text: str
    space: bool          # preceded by white space
    chain: tuple         # the inline elements around it, outermost first: (tag, attributes)


def _words(el) -> list[_Word]:
    """Return the words of a block of inline content, each with the formatting around it."""
    out: list[_Word] = []
    pending = [False]  # white space seen since the last word, across inline element boundaries

    def walk(node, chain):
        if node.text:
            add(node.text, chain)
        for child in node:
            if isinstance(child.tag, str):
                inner = chain + ((child.tag, tuple(sorted(child.attrib.items()))),)
                if child.tag == "br":
                    out.append(_Word("", False, inner))
                else:
                    walk(child, inner)
            if child.tail:
                add(child.tail, chain)

    def add(text, chain):
        for space, word in _WORD.findall(text):
            out.append(_Word(word, bool(space) or pending[0], chain))
            pending[0] = False
        pending[0] = pending[0] or text[-1:].isspace()

    walk(el, ())
    # White space at the start of a block shows as nothing, so the first word follows none.
    return [replace(out[0], space=False)] + out[1:] if out else out


def _merge_words(old, new, mark: Mark):
    """Return ``new`` with the word-level differences from ``old`` marked."""
    before, after = _words(old), _words(new)
    key = lambda w: (w.text, w.chain)  # noqa: E731 - a word matches only with the same formatting
    matcher = difflib.SequenceMatcher(a=[key(w) for w in before], b=[key(w) for w in after], autojunk=False)
    tagged: list[tuple[str | None, _Word]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            tagged += [(None, w) for w in after[b1:b2]]
            continue
        tagged += [("del", w) for w in before[a1:a2]] + [("ins", w) for w in after[b1:b2]]
    out = _shell(new)
    _build(out, tagged, mark)
    return out


def _build(out, tagged: list[tuple[str | None, _Word]], mark: Mark) -> None:
    """Append the words to ``out``, grouping neighbours of one change and formatting."""
    groups: list[tuple[tuple, list[_Word]]] = []
    for change, word in tagged:
        if groups and groups[-1][0] == (change, word.chain):
            groups[-1][1].append(word)
        else:
            groups.append(((change, word.chain), [word]))
    for (change, chain), words in groups:
        parent = out
        if change is not None:
            parent = mark.element(change)
            out.append(parent)
        if chain and chain[-1][0] == "br":
            for _ in words:  # line breaks hold no words: one <br> each
                _nest(parent, chain)
            continue
        text = "".join((" " if w.space else "") + w.text for w in words)
        if change is None and text.startswith(" "):
            _append_text(out, " ")
            text = text[1:]
        # A changed group keeps the space before it inside its mark, so that accepting or
        # rejecting every change leaves single spaces ("a <del> b</del><ins> c</ins> d").
        _append_text(_nest(parent, chain), text)


def _nest(parent, chain: tuple):
    """Return the innermost of the elements of ``chain``, made one inside the other in ``parent``."""
    for tag, attributes in chain:
        parent = etree.SubElement(parent, tag, dict(attributes))
    return parent
