"""The DOCX flows onto pages as the PDF does: no blank page, as many pages (LibreOffice lays it out)."""

from __future__ import annotations

import re
import subprocess
import zipfile

import docx
import pytest
from lxml import etree

from support import W, pdf_pages

PAPERS = ("committee-report", "highlight-report", "transition-plan")
NORTHANTS_PAPERS = ("closure-report", "closing-positions")


def _body(path):
    return etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(f"{W}body")


def _starts_page(p) -> bool:
    return p.find(f"{W}pPr/{W}pageBreakBefore") is not None or \
        any(br.get(f"{W}type") == "page" for br in p.iter(f"{W}br"))


@pytest.mark.parametrize("paper", PAPERS)
def test_no_page_break_where_a_section_already_starts_a_page(built, paper):
    children = list(_body(built[f"{paper}.docx"]))
    for before, p in zip(children, children[1:]):
        if p.tag == f"{W}p" and _starts_page(p):
            # A paragraph carrying w:sectPr ends a section; the next section starts on a new page.
            assert before.find(f"{W}pPr/{W}sectPr") is None, "a page break straight after a section break"
            text = "".join(t.text or "" for t in p.iter(f"{W}t"))
            assert text.strip() or p.getnext().tag == f"{W}tbl", "a paragraph that only turns the page"


@pytest.fixture(scope="module")
def papers(built, built_northants) -> dict:
    """Return {paper: {"docx": path, "pdf": path}} for every paper of both examples."""
    every = {**built, **built_northants}
    return {paper: {fmt: every[f"{paper}.{fmt}"] for fmt in ("docx", "pdf")} for paper in PAPERS + NORTHANTS_PAPERS}


@pytest.fixture(scope="module")
def converted(papers, libreoffice, tmp_path_factory):
    """Return {paper: PDF path} of each DOCX as LibreOffice lays it out."""
    out = tmp_path_factory.mktemp("docx-pdf")
    result = subprocess.run([libreoffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(out), *(str(p["docx"]) for p in papers.values())],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return {paper: out / f"{paper}.pdf" for paper in papers}


@pytest.mark.parametrize("paper", PAPERS + NORTHANTS_PAPERS)
def test_docx_has_no_blank_page_and_as_many_pages_as_the_pdf(papers, converted, paper):
    pages = pdf_pages(converted[paper])
    title = docx.Document(str(papers[paper]["docx"])).core_properties.title
    for number, text in enumerate(pages, 1):
        # Only the running header (the title) and footer ("Page n of m") is a blank page.
        rest = re.sub(r"Page \d+ of \d+", "", re.sub(r"\s+", " ", text)).replace(title, "").strip()
        assert len(rest) > 20, f"page {number} of {paper}.docx is blank: {text!r}"
    # Fonts differ a little (Liberation Sans for Arial in both, but each lays out lines its own way).
    assert abs(len(pages) - len(pdf_pages(papers[paper]["pdf"]))) <= 1
