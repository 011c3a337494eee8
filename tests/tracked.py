"""Accepting or rejecting every tracked change of a Word document, as Word does, for tests.

Kept apart from the writer on purpose: it reads WordprocessingML as the standard defines the
marks (ECMA-376 Part 1, 17.13.5), so a writer that records a change wrongly cannot agree with it
by accident.
"""

from __future__ import annotations

import copy
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

from support import W


def document(source: Path | bytes):
    """Return the parsed word/document.xml of a .docx file or its bytes."""
    package = zipfile.ZipFile(source if isinstance(source, Path) else BytesIO(source))
    return etree.fromstring(package.read("word/document.xml"))


def settled(root, accept: bool):
    """Return a copy of ``root`` with every change accepted (or rejected).

    The change undone (a deletion accepted, an insertion rejected) goes: a run with its text; a
    row whole; a paragraph mark, which joins the paragraph's content to the next paragraph's.
    The change kept loses its mark, and deleted text becomes text again."""
    root = copy.deepcopy(root)
    gone, kept = (f"{W}del", f"{W}ins") if accept else (f"{W}ins", f"{W}del")
    for mark in list(root.iter(gone)):
        owner = mark.getparent()
        if owner is None:
            continue
        if owner.tag == f"{W}trPr":
            row = owner.getparent()
            row.getparent().remove(row)
        elif owner.tag == f"{W}rPr" and owner.getparent().tag == f"{W}pPr":
            _join_with_next(owner.getparent().getparent())
        else:
            owner.remove(mark)
    for mark in list(root.iter(kept)):
        owner = mark.getparent()
        if owner.tag in (f"{W}trPr", f"{W}rPr"):
            owner.remove(mark)
            continue
        for child in mark:
            for text in child.iter(f"{W}delText"):
                text.tag = f"{W}t"
            mark.addprevious(child)
        owner.remove(mark)
    return root


def _join_with_next(paragraph) -> None:
    following = paragraph.getnext()
    content = [c for c in paragraph if c.tag != f"{W}pPr"]
    if following is not None and following.tag == f"{W}p":
        at = 1 if following.find(f"{W}pPr") is not None else 0
        for offset, child in enumerate(content):
            following.insert(at + offset, child)
    paragraph.getparent().remove(paragraph)


def text_and_formatting(root) -> list[list[tuple[str, str]]]:
    """Return each paragraph as (text, run formatting) pieces, neighbours alike joined, so two
    documents compare equal when they read and look the same however their runs are cut."""
    out = []
    for paragraph in root.iter(f"{W}p"):
        pieces: list[tuple[str, str]] = []
        for run in paragraph.iter(f"{W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            if not text:
                continue
            properties = run.find(f"{W}rPr")
            look = "" if properties is None else " ".join(
                etree.QName(p).localname + repr(sorted(p.attrib.items())) for p in properties)
            if pieces and pieces[-1][1] == look:
                pieces[-1] = (pieces[-1][0] + text, look)
            else:
                pieces.append((text, look))
        out.append(pieces)
    return out


def written(paragraphs: list) -> list:
    """Return the paragraphs that hold text. A chart bar whose months changed is cut into a cell
    per month range in the tracked document (Word tracks no change to cells merged across), so
    after Accept All it can stand as several empty cells where the plain paper has one."""
    return [p for p in paragraphs if p]


def table_shapes(root) -> list[tuple[int, int]]:
    """Return the grid columns and rows of each table, in document order."""
    return [(len(t.findall(f"{W}tblGrid/{W}gridCol")), len(t.findall(f"{W}tr"))) for t in root.iter(f"{W}tbl")]
