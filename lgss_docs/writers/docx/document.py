"""Assemble a Word document: house style, running header, page-numbered footer, metadata."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from . import oxml, package, reference
from .walker import Walker, parse_body


def write(paper, options) -> bytes:
    """Return the DOCX bytes of ``paper``; the same paper always gives the same bytes."""
    template = options.reference_docx
    document = reference.open_reference(template) if template else docx.Document()
    package.keep_house_style_parts(document)
    package.set_app_properties(document)
    section = document.sections[0]
    theme = paper.theme
    if template is None:
        _house_style(document, section, theme.accent)
    else:
        reference.add_missing_styles(document)
    oxml.set_document_language(document, paper.language)
    _running_header_and_footer(section, paper.title)
    walker = Walker(document, rag_fills=theme.fills, table_style=_table_style(document, theme.table_style),
                    header_fill=theme.header_fill, char_pt=_char_width(document, template is None),
                    text_width=section.page_width - section.left_margin - section.right_margin)
    walker.blocks(document, parse_body(paper.html))
    _core_properties(document, paper)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), paper.date)


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
    """Return the table style's name, adding it if the template lacks it, with borders of its own.

    Based on "Table Grid" where there is one; its own borders keep every table ruled in a
    template that has no "Table Grid" (LibreOffice saves none)."""
    names = {s.name for s in document.styles}
    if name not in names:
        style = document.styles.add_style(name, WD_STYLE_TYPE.TABLE)
        style.base_style = document.styles["Table Grid"] if "Table Grid" in names else None
        style.font.size = Pt(10)
        oxml.set_style_borders(style)
    return name


def _char_width(document, house_style: bool) -> float:
    """Return the width in points of a wide bold character of the body text, for sizing columns.

    Arial's is 0.64 of its size. A template's font cannot be measured here (the reader's Word
    may have it, this machine may not, and a stand-in may be wider), so it is taken as 0.72,
    as wide as the widest common body fonts (Verdana, DejaVu), so no label breaks mid-word."""
    size = document.styles["Normal"].font.size or oxml.default_font_size(document) or Pt(11)
    return size.pt * (7.0 / 11 if house_style else 0.72)


def _running_header_and_footer(section, title: str) -> None:
    """Name the paper in the header and number pages in the footer, where the template has neither.

    A council's template keeps its own header (a marking such as OFFICIAL) and its footer; the
    page number goes in a paragraph of its own under a footer that has no page field, so it
    never runs on from the template's text."""
    if not _has_content(section.header):
        header = section.header.paragraphs[0]
        header.text = title
        for run in header.runs:
            run.font.size = Pt(8.5)
    footer = section.footer
    if "PAGE" in "".join(footer._element.xpath(".//w:fldSimple/@w:instr | .//w:instrText/text()")):
        return
    paragraph = footer.paragraphs[0] if not _has_content(footer) else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run("Page ")
    oxml.add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    oxml.add_field(paragraph, "NUMPAGES")


def _has_content(part) -> bool:
    """Return whether a header or footer of the template holds any text, picture or field."""
    if part.is_linked_to_previous:
        return False
    element = part._element
    return bool("".join(element.xpath(".//w:t/text()")).strip() or element.xpath(".//w:drawing | .//w:pict | .//w:fldSimple"))


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
