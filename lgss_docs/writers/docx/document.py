"""Assemble a Word document: house style, running header, page-numbered footer, metadata."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from ...errors import BuildError
from . import oxml, package
from .walker import Walker, parse_body


def write(paper, options) -> bytes:
    """Return the DOCX bytes of ``paper``; the same paper always gives the same bytes."""
    document = _new_document(options.reference_docx)
    package.keep_house_style_parts(document)
    package.set_app_properties(document)
    section = document.sections[0]
    theme = paper.theme
    if options.reference_docx is None:
        _house_style(document, section, theme.accent)
    oxml.set_document_language(document, paper.language)
    _running_header_and_footer(section, paper.title)
    walker = Walker(document, rag_fills=theme.fills, table_style=_table_style(document, theme.table_style),
                    header_fill=theme.header_fill,
                    text_width=section.page_width - section.left_margin - section.right_margin)
    walker.blocks(document, parse_body(paper.html))
    _core_properties(document, paper)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), paper.date)


def _new_document(reference):
    """Return a document from the council's reference .docx (its content removed), or the default."""
    if reference is None:
        return docx.Document()
    try:
        document = docx.Document(str(reference))
    except Exception as exc:
        raise BuildError(f"{reference}: not a usable reference .docx ({exc})") from exc
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _house_style(document, section, accent_hex: str) -> None:
    """Plain council house style for documents without a reference .docx."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    oxml.set_declared_font(document, "Arial")
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    accent = RGBColor.from_string(accent_hex.lstrip("#").upper())
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = accent
        style.font.italic = False
    styles["Caption"].font.color.rgb = accent
    styles["Caption"].font.size = Pt(10)
    styles["Caption"].font.italic = False
    styles["Caption"].font.bold = True


def _table_style(document, name: str) -> str:
    """Return the table style's name, adding it (based on Table Grid) if the template lacks it."""
    names = {s.name for s in document.styles}
    if name not in names:
        style = document.styles.add_style(name, WD_STYLE_TYPE.TABLE)
        style.base_style = document.styles["Table Grid"] if "Table Grid" in names else None
        style.font.size = Pt(10)
    return name


def _running_header_and_footer(section, title: str) -> None:
    header = section.header.paragraphs[0]
    header.text = title
    header.style.font.size = Pt(8.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Page ")
    oxml.add_field(footer, "PAGE")
    footer.add_run(" of ")
    oxml.add_field(footer, "NUMPAGES")


def _core_properties(document, paper) -> None:
    props = document.core_properties
    stamp = dt.datetime.combine(paper.date, dt.time(), tzinfo=dt.UTC)
    props.title = paper.title
    props.author = paper.author
    props.subject = paper.subject
    props.language = paper.language
    props.created = props.modified = stamp
    props.last_modified_by = "lgss-docs"
    props.revision = 1
    props.last_printed = stamp
    props.comments = ""
    props.keywords = ""
    props.category = ""


def _fixed_zip(data: bytes, day: dt.date) -> bytes:
    """Return the package re-zipped with entries in a fixed order and one fixed timestamp.

    A zip timestamp's year runs from 1980 to 2107; a paper dated outside keeps its real date in
    the core properties, and its entries take the nearest year the zip format has."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    # [Content_Types].xml first, as Word itself writes it; the rest sorted.
    ordered = sorted(names, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=(min(max(day.year, 1980), 2107), day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
