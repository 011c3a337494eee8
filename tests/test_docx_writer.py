"""The DOCX is a real Word document: styles, repeating header rows, shading, fields, metadata."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.shared import Pt
from lxml import etree

from lgss_docs.build import BuildRequest, build
from lgss_docs.writers import WriterOptions

from conftest import EXAMPLE
from support import W


@pytest.fixture(scope="module")
def report(built):
    return docx.Document(str(built["committee-report.docx"]))


def test_headings_and_lists_use_word_styles(report):
    styles = [(p.style.name, p.text) for p in report.paragraphs]
    assert ("Title", "LGSS Business Transition Programme Update – Confidential") in styles
    headings = [text for name, text in styles if name == "Heading 1"]
    assert headings[0] == "1. Background" and len([h for h in headings if h[0].isdigit()]) == 7
    assert all(t.style.name == "LGSS Table" for t in report.tables)


def test_header_rows_repeat_and_rag_cells_are_shaded(built):
    root = etree.fromstring(zipfile.ZipFile(built["committee-report.docx"]).read("word/document.xml"))
    rag_table = next(t for t in root.iter(f"{W}tbl")
                     if t.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val").startswith("RAG status"))
    rows = rag_table.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    fills = {}
    for row in rows[1:]:
        status_cell = row.findall(f"{W}tc")[1]
        text = "".join(t.text for t in status_cell.iter(f"{W}t"))
        fills[text] = status_cell.find(f"{W}tcPr/{W}shd").get(f"{W}fill")
    assert fills["Amber"] == "FFE699" and fills["Green"] == "C6EFCE"
    assert fills["Amber (OLA) / Green (Road Map)"] == "FFE699"  # shaded by the worse part


def test_footer_numbers_pages_and_header_names_the_paper(report):
    section = report.sections[0]
    footer_xml = etree.tostring(section.footer._element, encoding="unicode")
    assert 'w:instr=" PAGE "' in footer_xml and 'w:instr=" NUMPAGES "' in footer_xml
    assert section.header.paragraphs[0].text == "LGSS Business Transition Programme Update – Confidential"


def test_core_properties(report):
    props = report.core_properties
    assert props.title == "LGSS Business Transition Programme Update – Confidential"
    assert props.author == "Claire Townrow; Chris Malyon; Steve Richardson; Barry Scarr"
    assert props.language == "en-GB"
    assert props.created.date().isoformat() == "2020-11-17"
    lang = report.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"


def test_reference_docx_supplies_the_house_style(tmp_path):
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Georgia"
    reference.styles["Normal"].font.size = Pt(12)
    reference.add_paragraph("Text of the reference document that must not appear")
    reference.save(tmp_path / "house.docx")
    paths = build(BuildRequest(content=EXAMPLE, out=tmp_path / "out", formats=("docx",),
                               options=WriterOptions(reference_docx=tmp_path / "house.docx")))
    result = docx.Document(str(paths[0]))
    assert result.styles["Normal"].font.name == "Georgia"
    assert result.styles["Normal"].font.size == Pt(12)
    assert not any("must not appear" in p.text for p in result.paragraphs)
    assert result.paragraphs[0].text == "LGSS"
