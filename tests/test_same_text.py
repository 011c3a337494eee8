"""The PDF and the DOCX say the same thing: same words, same order.

The PDF adds only page furniture: the running header, "Page N of M", list markers and the
header rows WeasyPrint repeats on continuation pages. Text may move only where a cell runs over
a page (the PDF reads the rest of the cell after the row's other cells): then the same words
leave one place and arrive, in the same order, at another. Anything else fails: a word lost, a
word added, a sentence printed twice.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from collections import Counter

import pytest
from lxml import etree

from support import W, docx_paragraphs, pdf_pages, words

PAPERS = ["committee-report", "highlight-report"]
MARKERS = re.compile(r"^(•|◦|▪|\d+\.|[ivx]+\.)$")


def _docx_words(path) -> list[str]:
    return _unmarked(" ".join(docx_paragraphs(path)))


def _unmarked(text: str) -> list[str]:
    return [w for w in words(text) if not MARKERS.match(w)]


def _pdf_words(path, running_title: str) -> list[str]:
    out = []
    for text in pdf_pages(path):
        text = text.replace(running_title, " ")
        text = re.sub(r"Page \d+ of \d+", " ", text)
        text = re.sub(r"(\w[-/])\n(\w)", r"\1\2", text)  # a line broken after a hyphen or a slash is one word
        out.extend(_unmarked(text))
    return out


def _table_headers(path) -> list[list[str]]:
    """Return, for each DOCX table with header rows, the words of those rows: what the PDF repeats."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    headers = []
    for table in root.iter(f"{W}tbl"):
        rows = [tr for tr in table.findall(f"{W}tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None]
        text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for tr in rows for p in tr.iter(f"{W}p"))
        if rows:
            headers.append(_unmarked(text))
    return sorted(headers, key=len, reverse=True)  # the longest first, when one header ends another


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


def _without_headers(run: list[str], headers: list[list[str]]) -> list[str]:
    """Return ``run`` less every whole repeated header in it."""
    left, i = [], 0
    while i < len(run):
        header = next((h for h in headers if run[i:i + len(h)] == h), None)
        if header:
            i += len(header)
        else:
            left.append(run[i])
            i += 1
    return left


def _repeats(extra: Counter, headers: list[list[str]]) -> Counter:
    """Return ``extra`` less as many whole copies of each header as it holds."""
    left = Counter(extra)
    for header in headers:
        bag = Counter(header)
        copies = min(left[w] // n for w, n in bag.items())
        for w, n in bag.items():
            left[w] -= n * copies
    return +left


def _moves_and_repeats(docx_words: list[str], pdf_words: list[str], headers: list[list[str]]) -> list[str]:
    """Return what differs beyond repeated headers and text moved as a whole (empty: the same)."""
    matcher = difflib.SequenceMatcher(a=docx_words, b=pdf_words, autojunk=False)
    left, arrived = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            left += [docx_words[a1:a2]] if a2 > a1 else []
            arrived += _without_headers(pdf_words[b1:b2], headers) + ["¦"]
    # Each run that left one place must arrive whole, in order, at another; what remains was added.
    arrived_text, lost = " " + " ".join(arrived) + " ", []
    for run in left:
        needle = f" {' '.join(run)} "
        if needle in arrived_text:
            arrived_text = arrived_text.replace(needle, " ¦ ", 1)
        else:
            lost.append(" ".join(run))
    added = [piece.strip() for piece in arrived_text.split("¦") if piece.strip()]
    return [f"DOCX only: {run}" for run in lost] + [f"PDF only: {piece}" for piece in added]


def test_same_text_check_fails_on_a_repeated_sentence_and_passes_a_repeated_header():
    docx = "Work stream RAG Governance Amber . A long sentence of text . Finance Green".split()
    headers = [["Work", "stream", "RAG"]]
    assert _moves_and_repeats(docx, docx[:5] + ["Work", "stream", "RAG"] + docx[5:], headers) == []
    twice = docx[:12] + "A long sentence of text .".split() + docx[12:]
    assert _moves_and_repeats(docx, twice, headers) == ["PDF only: A long sentence of text ."]
    assert _moves_and_repeats(docx, docx[:3] + docx[4:], headers) == ["DOCX only: Governance"]
    moved = docx[:6] + docx[12:] + docx[6:12]  # a cell's rest read after the row's other cells
    assert _moves_and_repeats(docx, moved, headers) == []
    assert _moves_and_repeats(docx, docx[:6] + docx[12:] + docx[6:12][::-1], headers) != []


@pytest.mark.parametrize("paper", PAPERS)
def test_pdf_and_docx_have_the_same_text(built, paper):
    from pypdf import PdfReader

    title = PdfReader(str(built[f"{paper}.pdf"])).metadata.title
    docx_words = _docx_words(built[f"{paper}.docx"])
    pdf_words = _pdf_words(built[f"{paper}.pdf"], title)
    headers = _table_headers(built[f"{paper}.docx"])
    (docx_words, docx_chart), (pdf_words, pdf_chart) = _without_chart(docx_words), _without_chart(pdf_words)
    assert not docx_chart - pdf_chart, f"DOCX only, in the chart: {docx_chart - pdf_chart}"
    added = _repeats(pdf_chart - docx_chart, headers)
    assert not added, f"PDF only, in the chart: {dict(added)}"
    assert _moves_and_repeats(docx_words, pdf_words, headers) == []
    assert len(docx_words) > 1000
