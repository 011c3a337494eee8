"""Snapshots of each paper in its three forms. Update only on purpose: --snapshot-update."""

from __future__ import annotations

import re

import pytest

from support import docx_xml, pdf_pages

PAPERS = ["committee-report", "highlight-report", "transition-plan", "budget-report", "operational-update"]
BUDGET_PAPERS = ("budget-report", "operational-update")  # of examples/lgss-budget-2019


@pytest.fixture
def built(request, paper):
    """Return the built papers of the example ``paper`` belongs to."""
    return request.getfixturevalue("budget_built" if paper in BUDGET_PAPERS else "built")


def normalised_html(text: str) -> str:
    """Return the HTML without its stylesheet (snapshotted on its own) and trailing spaces."""
    text = re.sub(r"<style>.*?</style>", "<style>…</style>", text, flags=re.S)
    return "\n".join(line.rstrip() for line in text.splitlines())


@pytest.mark.parametrize("paper", PAPERS)
def test_html(built, snapshot, paper):
    assert normalised_html(built[f"{paper}.html"].read_text(encoding="utf-8")) == snapshot


@pytest.mark.parametrize("paper", PAPERS)
def test_docx_document_xml(built, snapshot, paper):
    assert docx_xml(built[f"{paper}.docx"]) == snapshot


@pytest.mark.parametrize("paper", PAPERS)
def test_pdf_text(built, snapshot, paper):
    pages = pdf_pages(built[f"{paper}.pdf"])
    assert "\n\n=== page break ===\n\n".join(pages) == snapshot
