"""Snapshots of each paper in its three forms, as projections a reviewer can read (projection.py).

Update only on purpose (--snapshot-update) and read the diff before committing it. Each paper is
pinned once: the committee report stops where its appendices begin, since they are the transition
plan and the highlight report, pinned on their own. One tiny paper keeps the DOCX writer's every
zip part as canonical XML, as Pandoc's golden DOCX tests do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lgss_docs.render.paper import RenderedPaper
from lgss_docs.views.style import plain_theme
from lgss_docs.writers import WriterOptions, writer

from projection import canonical_parts, docx_projection, html_projection, pdf_projection

# Where each paper's own content ends (None: it is all its own). Every paper of the LGSS example;
# of the others, the paper that shows what they add (RAG dimensions and roman numbering; tables
# of figures and numbered paragraphs). Their appendices, more of the same, are read back by
# test_programmes.py and test_budget_report.py, which keeps the snapshots small enough to read.
APPENDICES = {"committee-report": r"Appendix \d+:", "highlight-report": None, "transition-plan": None,
              "closure-report": r"Appendix \d+:", "budget-report": r"Appendix A:"}
PAPERS = list(APPENDICES)


@pytest.fixture
def papers(built, built_northants, budget_built) -> dict:
    return {**built, **built_northants, **budget_built}


@pytest.mark.parametrize("paper", PAPERS)
def test_html(papers, snapshot, paper):
    cut = APPENDICES[paper] and r'<section class="appendix\b'
    assert html_projection(papers[f"{paper}.html"].read_text(encoding="utf-8"), cut) == snapshot


@pytest.mark.parametrize("paper", PAPERS)
def test_docx(papers, snapshot, paper):
    assert docx_projection(papers[f"{paper}.docx"], APPENDICES[paper]) == snapshot


@pytest.mark.parametrize("paper", PAPERS)
def test_pdf(papers, snapshot, paper):
    assert pdf_projection(papers[f"{paper}.pdf"], APPENDICES[paper]) == snapshot


TINY = """<!DOCTYPE html><html lang="en-GB"><head><title>Tiny paper</title>
<style>:root { --head: #e8ecf2; } .rag-green { background: #c6efce; }</style></head>
<body><main>
<h1>Tiny paper</h1>
<p>Plain, <strong>bold</strong>, <em>italic</em>, a <a href="https://example.org/">link</a>,<br>and a new line.</p>
<h2>1. Lists</h2>
<ul><li>One<ul><li>One and a half</li></ul></li><li>Two</li></ul>
<ol><li>First</li><li>Second</li></ol>
<table><caption>Status</caption><colgroup><col style="width: 60%"><col style="width: 40%"></colgroup>
<thead><tr><th scope="col">Work stream</th><th scope="col">RAG</th></tr></thead>
<tbody><tr><td rowspan="2">Governance</td><td class="rag rag-green">Green</td></tr>
<tr><td data-fill="#9dc3e6" data-pattern="dotted">Bar</td></tr></tbody></table>
<section class="landscape" data-page-size="A4"><h2>2. Turned</h2><p>Landscape.</p></section>
<p>Portrait again.</p>
</main></body></html>"""


def test_docx_writer_parts_of_a_tiny_paper(snapshot):
    theme = dataclasses.replace(plain_theme(), fills={"rag-green": "#c6efce"})  # colours reach the writer as data
    paper = RenderedPaper(id="tiny", html=TINY, title="Tiny paper", author="A. Officer",
                          date=dt.date(2020, 11, 17), theme=theme, subject="Tests")
    assert canonical_parts(writer("docx")(paper, WriterOptions())) == snapshot
