"""A redline: two renderings of a paper merged into one HTML document with <ins> and <del>.

This merge is the one comparison a review makes: the redlines are written from it, and the
change summary is read from it (``reading``), so the summary lists exactly what the redline
marks. The two documents are compared block by block. Containers (sections, lists, tables,
rows) are matched child by child, by what identifies each on the page: an ``id``, a section's
heading, a row's first cell; a block renamed is matched by its other content. Blocks that hold
only inline content (paragraphs, list items, headings, table cells) are compared word by word,
so a changed cell shows as that cell's words changing, never as the whole table deleted and
inserted again. Rows that share cells down (``rowspan``: the plan's activities) are merged by
``redline_rows``. Each mark carries the newer version's author and date, which the DOCX writer
turns into Word tracked changes.
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
from .marks import PICTURES, Mark, append_text, cells, has_blocks, marked, shell, text, units, whole
from .pairing import pair_in_order
from .redline_rows import has_bands, merge_cell, merge_row_group, same_shape

AUTHOR = "lgss-docs"
PAIR_AT_LEAST = 0.3  # share of words two blocks of a kind keep in common to be one block changed
RENAMED_AT_LEAST = 0.6  # ... and two blocks with different ids or headings, to be one block renamed
_WORD = re.compile(r"(\s*)(\S+)")
_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")  # "2. ", "5.1 ": a heading's number, which moves
_GROUPS = ("thead", "tbody", "tfoot")


def redline(old_html: str, new_html: str, when: date | str, author: str = AUTHOR) -> str:
    """Return ``new_html`` with its body replaced by the merge of both bodies, changes marked."""
    old_doc = lxml_html.document_fromstring(old_html.encode("utf-8"))
    new_doc = lxml_html.document_fromstring(new_html.encode("utf-8"))
    merged = merge(old_doc.body, new_doc.body, Mark.of(author, when))
    new_doc.body.getparent().replace(new_doc.body, merged)
    return lxml_html.tostring(new_doc, doctype="<!DOCTYPE html>", encoding="unicode")


def with_key(redline_html: str, old_label: str, new_label: str, folders=(BUILT_IN,)) -> str:
    """Return the redline with its stylesheet and a key to the marks at the top, for HTML and PDF.

    The DOCX leaves both out: Word draws tracked changes itself, and accepting every change
    must leave exactly the new paper. The key sits on the paper's first page: inside its first
    section when that section has pages of its own (a landscape plan), so no page holds the
    key alone."""
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
    if _has_drawn_changes(doc.body):
        key.append(lxml_html.fragment_fromstring(
            '<p class="redline-bars">In the chart, <span class="bar-sample redline-bar-ins"></span> a bar\'s new '
            'months are outlined and underlined in blue; <span class="bar-sample redline-bar-del"></span> months '
            'it no longer takes are left hollow, outlined and struck through in red; the bars of a row added or '
            'removed whole are marked the same way.</p>'))
    first = next((child for child in doc.body if isinstance(child.tag, str)), None)
    if first is not None and "landscape" in first.get("class", "").split():
        first.insert(0, key)
    else:
        doc.body.insert(0, key)
    return lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")


def _has_drawn_changes(body) -> bool:
    """Return whether the redline changes a drawn cell (a bar): its months, or a bar row whole."""
    for cell in body.iter("td", "th"):
        classes = cell.get("class", "").split()
        if "redline-bar-ins" in classes or "redline-bar-del" in classes:
            return True
        if cell.get("data-fill") and whole(cell.getparent()):
            return True
    return False


# -- blocks -------------------------------------------------------------------------------
def merge(old, new, mark: Mark):
    """Return ``new`` rebuilt with the differences from ``old`` marked, as a new element."""
    if new.tag in PICTURES:
        return copy.deepcopy(new)
    if new.tag == "tr":
        return _merge_row(old, new, mark)
    if new.tag in _GROUPS and (has_bands(old) or has_bands(new)):
        return merge_row_group(old, new, mark, merge)
    if has_blocks(old) or has_blocks(new):
        return _merge_children(old, new, mark)
    return _merge_words(old, new, mark)


def _merge_children(old, new, mark: Mark):
    out = shell(new)
    old_units, new_units = units(old), units(new)
    matcher = difflib.SequenceMatcher(a=[_signature(u) for u in old_units],
                                      b=[_signature(u) for u in new_units], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(copy.deepcopy(u) for u in new_units[b1:b2])
            continue
        for was, now in pair_in_order(old_units[a1:a2], new_units[b1:b2], likeness, PAIR_AT_LEAST):
            if was is None:
                out.append(marked(now, "ins", mark))
            elif now is None:
                out.append(marked(was, "del", mark))
            else:
                out.append(merge(was, now, mark))
    return out


def _merge_row(old, new, mark: Mark):
    """Return a row of the same shape as ``old`` merged cell by cell, each cell's old fill kept."""
    out = shell(new)
    for was, now in zip(cells(old), cells(new)):
        out.append(merge_cell(was, now, mark, merge))
    return out


def key(el) -> str | None:
    """Return what identifies ``el`` on the page: its id, a section's heading without its
    number, a row's first cell; None for a block known by its place alone."""
    if el.get("id"):
        return "#" + el.get("id")
    if el.tag in ("section", "article", "aside"):
        heading = next((h for h in el if isinstance(h.tag, str) and re.fullmatch(r"h[1-6]", h.tag)), None)
        return None if heading is None else "heading:" + _NUMBERING.sub("", text(heading), count=1)
    if el.tag == "tr":
        first = next(iter(cells(el)), None)
        return None if first is None else "row:" + text(first)
    return None


def likeness(old, new) -> float:
    """Return how alike two blocks are, 0 to 1; blocks of different kinds are never alike.

    Blocks with the same id or heading are the same block; with different ones, a block
    renamed if most of their words are the same."""
    if old.tag != new.tag:
        return 0.0
    if old.tag == "tr" and not same_shape(old, new):
        # Cells merged differently (a Gantt bar that grows): Word cannot track a change of
        # merged cells, only a row deleted and another inserted.
        return 0.0
    if old.tag in ("td", "th", "caption", *_GROUPS, "colgroup", "col"):
        return 1.0  # within one row or table, cells and parts pair by position
    old_key, new_key = key(old), key(new)
    if old_key is not None and old_key == new_key:
        return 1.0
    words = _word_likeness(old, new)
    if old_key is not None and new_key is not None:
        return words if words >= RENAMED_AT_LEAST else 0.0
    return words


def _word_likeness(old, new) -> float:
    a, b = text(old).split(), text(new).split()
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() if a or b else 1.0


def _signature(el) -> tuple:
    # Cell spans and fills belong to the signature: a Gantt bar that moves keeps its words.
    drawn = tuple((c.get("colspan", "1"), c.get("rowspan", "1"), c.get("data-fill"), c.get("class"))
                  for c in el.iter("td", "th"))
    return el.tag, el.get("class", ""), el.get("id"), text(el), drawn


# -- words --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Word:
    text: str
    space: bool          # preceded by white space
    chain: tuple         # the inline elements around it, outermost first: (tag, attributes)
    space_chain: tuple = ()  # ... and around the white space before it, which may be outside them


def _words(el) -> list[_Word]:
    """Return the words of a block of inline content, each with the formatting around it."""
    out: list[_Word] = []
    pending: list[tuple | None] = [None]  # where white space was seen since the last word, across elements

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

    def add(value, chain):
        for space, word in _WORD.findall(value):
            space_chain = chain if space else pending[0]
            out.append(_Word(word, space_chain is not None, chain, space_chain or ()))
            pending[0] = None
        if value[-1:].isspace() and pending[0] is None:
            pending[0] = chain

    walk(el, ())
    # White space at the start of a block shows as nothing, so the first word follows none.
    return [replace(out[0], space=False)] + out[1:] if out else out


def _merge_words(old, new, mark: Mark):
    """Return ``new`` with the word-level differences from ``old`` marked."""
    before, after = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(a=[_formatted(w) for w in before], b=[_formatted(w) for w in after], autojunk=False)
    tagged: list[tuple[str | None, _Word]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            if tagged and tagged[-1][0] == "del" and before[a1].space and not after[b1].space:
                # Words deleted from the start of the block: the space after them goes with them.
                tagged.append(("del", _Word("", True, (), before[a1].space_chain)))
            tagged += [(None, w) for w in after[b1:b2]]
            continue
        tagged += [("del", w) for w in before[a1:a2]] + [("ins", w) for w in after[b1:b2]]
    out = shell(new)
    _build(out, tagged, mark)
    return out


def _formatted(word: _Word) -> tuple:
    return word.text, word.chain  # a word matches only with the same formatting


def _build(out, tagged: list[tuple[str | None, _Word]], mark: Mark) -> None:
    """Append the words to ``out``, neighbours of one change inside one mark, each word and the
    space before it inside the formatting each had (so a bold title stays bold between words)."""
    parent, last = out, None
    for change, word in tagged:
        if change != last:
            parent = out if change is None else etree.SubElement(out, change, mark.attributes())
            last = change
        if word.chain and word.chain[-1][0] == "br":
            _nest(parent, word.chain, reuse=False)  # line breaks hold no words: one <br> each
            continue
        # A changed word keeps the space before it inside its mark, so that accepting or
        # rejecting every change leaves single spaces ("a <del> b</del><ins> c</ins> d").
        if word.space:
            append_text(_nest(parent, word.space_chain), " ")
        append_text(_nest(parent, word.chain), word.text)


def _nest(parent, chain: tuple, reuse: bool = True):
    """Return the innermost of the elements of ``chain``, one inside the other at the end of
    ``parent``: the last ones there if they match and nothing follows them, else new ones."""
    for tag, attributes in chain:
        last = parent[-1] if len(parent) else None
        if (reuse and last is not None and last.tag == tag and tuple(sorted(last.attrib.items())) == attributes
                and not last.tail and tag != "br"):
            parent = last
        else:
            parent = etree.SubElement(parent, tag, dict(attributes))
    return parent
