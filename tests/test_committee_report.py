"""The committee report carries every fact of the seed's main body, in all three formats."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from lgss_docs.model.dates import long_date
from lgss_docs.validate import load_content

from conftest import EXAMPLE
from support import docx_paragraphs, pdf_pages

CONTENT = load_content(EXAMPLE)
REPORT = CONTENT.papers["committee-report"].model


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def texts(built) -> dict[str, str]:
    """Return the reader-visible text of the committee report in each format, spaces folded."""
    page = lxml_html.fromstring(built["committee-report.html"].read_bytes())
    for style in page.iter("style"):
        style.drop_tree()
    return {
        "html": _flat(" ".join(page.body.itertext())).replace(" .", ".").replace(" :", ":"),
        "pdf": _flat(" ".join(pdf_pages(built["committee-report.pdf"]))),
        "docx": _flat(" ".join(docx_paragraphs(built["committee-report.docx"]))),
    }


FORMATS = ["html", "pdf", "docx"]


def test_example_holds_the_seeds_counts():
    # The seed paper: 7 work streams, 13 services repatriated, 9 moving to a lead authority.
    assert len(CONTENT.workstreams) == 7
    assert sum(s.model.model == "repatriated" for s in CONTENT.services) == 13
    assert sum(s.model.model == "lead-authority" for s in CONTENT.services) == 9


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_workstream_with_its_rag(texts, fmt):
    for entry in CONTENT.workstreams:
        ws = entry.model
        assert f"Project work stream {ws.number}: {ws.title} {ws.rag}" in texts[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_service_with_its_notes_or_lead(texts, fmt):
    for entry in CONTENT.services:
        service = entry.model
        if service.model == "lead-authority":
            assert f"{service.name} {service.lead_authority}" in texts[fmt]
        else:
            assert service.name in texts[fmt]
            if service.notes:
                assert _flat(service.notes) in texts[fmt]
    assert "Learning and Development CCC and NCC only." in texts[fmt]
    assert "Services repatriated on 1 October 2020" in texts[fmt]
    assert "Lead authority services from 1 December 2020" in texts[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_temporary_arrangements(texts, fmt):
    for arrangement in CONTENT.arrangements.arrangements:
        assert arrangement.service in texts[fmt]
    assert "2.2 FTE" in texts[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_consultation_figures_and_key_dates(texts, fmt):
    text = texts[fmt]
    assert "about 1,300 LGSS staff" in text
    assert "25 LGSS posts were deleted" in text
    assert "14 have been redeployed" in text
    assert "began on 25 August 2020" in text
    for day in ("26 November 2020", "4 December 2020", "1 April 2021"):
        assert day in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_cover_panel(texts, fmt):
    text = texts[fmt]
    assert f"To {REPORT.meeting.name}" in text
    assert f"Date {long_date(REPORT.meeting.date)}" in text
    for author in REPORT.authors:
        person = CONTENT.person(author)
        assert f"{person.name} ({person.role})" in text
    assert "Note that the LGSS Joint Committee ceases on 26 November 2020" in text


def test_sections_are_numbered_headings(built):
    page = lxml_html.fromstring(built["committee-report.html"].read_bytes())
    headings = [_flat(h.text_content()) for h in page.iter("h2")]
    expected = [f"{n}. {s.heading}" for n, s in enumerate(REPORT.sections, 1)]
    assert headings[: len(expected)] == expected
    assert page.get("lang") == "en-GB"
    assert page.find(".//title").text == "LGSS Business Transition Programme Update – Confidential"


def test_pdf_has_running_header_footer_and_bookmarks(built):
    from pypdf import PdfReader

    reader = PdfReader(str(built["committee-report.pdf"]))
    pages = [p.extract_text() for p in reader.pages]
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert "LGSS Business Transition Programme Update – Confidential" in text
        assert f"Page {number} of {total}" in text
    titles = [item.title for item in _flatten(reader.outline)]
    assert "1. Background" in titles and "6. Future governance arrangements" in titles
    assert reader.metadata.title == "LGSS Business Transition Programme Update – Confidential"
    for page, text in zip(reader.pages, pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        # A4 portrait, in points; the plan's pages (month columns) are A3 landscape.
        assert (round(width), round(height)) == ((1191, 842) if "Mar-20" in text else (595, 842))


def _flatten(outline):
    for item in outline:
        yield from _flatten(item) if isinstance(item, list) else [item]
