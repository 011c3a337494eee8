"""A council's reference .docx: read within bounds, its body dropped, the styles we need made sure of.

A house template is a few hundred kilobytes of styles, numbering, theme, headers and footers;
anything near the limits below is not a template, and reading it whole could take gigabytes
(a zip bomb). The limits are checked on the zip's directory before a byte is unpacked, and
``zipfile`` never unpacks more than a member's declared size, so a lying directory fails too.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.styles import BabelFish

from ...errors import BuildError, display_path, printable

MAX_FILE = 32 * 1024 * 1024  # bytes of the .docx itself
MAX_UNPACKED = 64 * 1024 * 1024  # bytes of all its parts unpacked
MAX_PARTS = 1000
MAX_XML_PART = 8 * 1024 * 1024  # bytes of one XML part, which python-docx parses whole (Word's styles: 0.5 MB)
MAX_RATIO = 100  # unpacked to packed, for a part over a megabyte: XML styles pack about 10 to 1
_BIG_PART = 1024 * 1024
_TEMPLATE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXPECTED = "expected a Word document or template (.docx, .dotx) whose styles the papers take"

# Paragraph and character styles the walker and the running header use, by python-docx's name.
NEEDED_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "Header", "Footer",
                 "List Number", "List Number 2", "List Number 3", "List Bullet", "List Bullet 2",
                 "List Bullet 3")


def open_reference(path: Path):
    """Return the python-docx Document of the reference .docx at ``path``, its body emptied."""
    data = _package_bytes(path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, XML errors... for a damaged package
        raise _fail(path, f"a damaged Word package ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from exc
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _name_built_in_styles(document)
    return document


def _fail(path: Path, problem: str) -> BuildError:
    return BuildError(printable(f"{display_path(path)}: {problem}; {EXPECTED}"))


def _package_bytes(path: Path) -> bytes:
    """Return the package at ``path``, checked against the limits, a template's type made a document's."""
    try:
        if not path.is_file():
            raise _fail(path, "not a file" if path.exists() else "no such file")
        if path.stat().st_size > MAX_FILE:
            raise _fail(path, f"{path.stat().st_size // 2**20} MB, more than the {MAX_FILE // 2**20} MB a reference may be")
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(path, f"cannot be read ({exc.strerror})") from exc
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            _check_bounds(path, package.infolist())
            names = package.namelist()
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise _fail(path, "a zip file, but not a Word document (no word/document.xml)")
            types = package.read("[Content_Types].xml")
            if _TEMPLATE not in types:
                return data
            # Word's own templates (.dotx) differ from a document only in this one content type.
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for name in names:
                    target.writestr(name, types.replace(_TEMPLATE, _DOCUMENT) if name == "[Content_Types].xml"
                                    else package.read(name))
            return out.getvalue()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError) as exc:
        raise _fail(path, f"not a readable zip package ({str(exc).splitlines()[0] if str(exc) else 'damaged'})") from exc


def _check_bounds(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_PARTS:
        raise _fail(path, f"{len(members)} parts, more than the {MAX_PARTS} a reference may hold")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        raise _fail(path, f"its parts unpack to {unpacked // 2**20} MB, more than the {MAX_UNPACKED // 2**20} MB a reference may hold")
    for m in members:
        if m.filename.endswith((".xml", ".rels")) and m.file_size > MAX_XML_PART:
            raise _fail(path, f"its part {m.filename} is {m.file_size // 2**20} MB of XML, more than the "
                              f"{MAX_XML_PART // 2**20} MB a reference's part may be")
        if m.file_size > _BIG_PART and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise _fail(path, f"its part {m.filename} unpacks {m.file_size // max(m.compress_size, 1)} times larger "
                              f"than it is packed, more than the {MAX_RATIO} a real part does")


def _name_built_in_styles(document) -> None:
    """Give built-in styles Word's own names: LibreOffice writes "Heading 1" where Word writes "heading 1".

    python-docx (like Word) knows a built-in style only by its internal name, so a template saved
    from LibreOffice seemed to have no headings at all.
    """
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None and BabelFish.ui2internal(name.get(qn("w:val"))) != name.get(qn("w:val")):
            name.set(qn("w:val"), BabelFish.ui2internal(name.get(qn("w:val"))))


def add_missing_styles(document) -> None:
    """Copy each style the papers use that ``document`` lacks from python-docx's default template.

    A copied list style brings its numbering with it, under new ids. A copied style takes the
    template's fonts through its theme, so it looks at home in the council's document.
    """
    have = {s.name for s in document.styles}
    default = None
    for name in NEEDED_STYLES:
        if name in have:
            continue
        default = default or docx.Document()
        style = copy.deepcopy(default.styles[name].element)
        document.styles.element.append(style)
        _bring_numbering(style, default, document)


def _bring_numbering(style, source, target) -> None:
    """Give the copied ``style`` a copy of the numbering its w:numPr names, numbered within ``target``."""
    num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num_id is None:
        return
    source_numbering = source.part.numbering_part.element
    numbering = target.part.numbering_part.element
    abstract_id = source_numbering.num_having_numId(int(num_id.get(qn("w:val")))).abstractNumId.val
    abstract = copy.deepcopy(next(a for a in source_numbering.findall(qn("w:abstractNum"))
                                  if a.get(qn("w:abstractNumId")) == str(abstract_id)))
    taken = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    new_abstract = max(taken, default=-1) + 1
    abstract.set(qn("w:abstractNumId"), str(new_abstract))
    # Every w:abstractNum comes before the first w:num (ECMA-376 order).
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id.set(qn("w:val"), str(numbering.add_num(new_abstract).numId))
