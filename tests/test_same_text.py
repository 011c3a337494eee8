"""The PDF and the DOCX say the same thing: same words, same order.

The PDF adds only page furniture: the running header, "Page N of M", list markers and the
header rows WeasyPrint repeats on continuation pages. Everything else must match word for word.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

import pytest

from support import docx_paragraphs, pdf_pages, words

PAPERS = ["committee-report", "highlight-report"]
MARKERS = re.compile(r"^(•|◦|▪|\d+\.|[ivx]+\.)$")


def _docx_words(path) -> list[str]:
    return [w for w in words(" ".join(docx_paragraphs(path))) if not MARKERS.match(w)]


def _pdf_words(path, running_title: str) -> list[str]:
    out = []
    for number, text in enumerate(pdf_pages(path), start=1):
        text = text.replace(running_title, " ")
        text = re.sub(r"Page \d+ of \d+", " ", text)
        text = re.sub(r"(\w[-/])\n(\w)", r"\1\2", text)  # a line broken after a hyphen or a slash is one word
        out.extend(w for w in words(text) if not MARKERS.match(w))
    return out


def _without_chart(found: list[str]) -> tuple[list[str], Counter]:
    """Return the words outside the plan, and the plan's words as a bag: PDF text extraction
    reads its merged and section cells out of order, so only the words can be compared."""
    text = " ".join(found)
    start = text.find("timetable by month")
    if start < 0:
        return found, Counter()
    end = text.find(" Appendix ", start)
    first, last = len(text[:start].split()) + 3, len(text[:end].split()) if end >= 0 else len(found)
    return found[:first] + found[last:], Counter(found[first:last])


@pytest.mark.parametrize("paper", PAPERS)
def test_pdf_and_docx_have_the_same_text(built, paper):
    from pypdf import PdfReader

    title = PdfReader(str(built[f"{paper}.pdf"])).metadata.title
    docx_words = _docx_words(built[f"{paper}.docx"])
    pdf_words = _pdf_words(built[f"{paper}.pdf"], title)
    header_words = set(words(" ".join(docx_paragraphs(built[f"{paper}.docx"]))))
    (docx_words, docx_chart), (pdf_words, pdf_chart) = _without_chart(docx_words), _without_chart(pdf_words)
    assert not docx_chart - pdf_chart, f"DOCX only, in the chart: {docx_chart - pdf_chart}"
    assert set(pdf_chart - docx_chart) <= header_words
    matcher = difflib.SequenceMatcher(a=docx_words, b=pdf_words, autojunk=False)
    pdf_text = " ".join(pdf_words)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "delete":
            # A cell running over a page: the PDF reads its rest after the row's other cells.
            assert " ".join(docx_words[a1:a2]) in pdf_text, f"DOCX only: {docx_words[a1:a2]!r}"
            continue
        # Only repeated table header rows may appear in the PDF alone.
        assert op == "insert", f"{op}: DOCX {docx_words[a1:a2]!r} vs PDF {pdf_words[b1:b2]!r}"
        assert set(pdf_words[b1:b2]) <= header_words, f"PDF only: {pdf_words[b1:b2]!r}"
    assert len(docx_words) > 1000
