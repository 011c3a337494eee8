"""In-paper links: the ids validation accepts are exactly the ids each built paper has."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from lgss_docs.build import BuildRequest, build
from lgss_docs.validate import load_content
from lgss_docs.validate.links import paper_ids

from conftest import EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_ids_links_may_name_are_the_ids_of_each_built_paper(example, built, built_northants, budget_built):
    papers = {**built, **built_northants, **budget_built}
    content = load_content(example)
    for paper in content.papers:
        found = set(re.findall(r'\sid="([^"]+)"', papers[f"{paper}.html"].read_text(encoding="utf-8")))
        destinations = set(PdfReader(str(papers[f"{paper}.pdf"])).named_destinations)
        assert paper_ids(content, paper) == found == destinations, paper


def test_a_link_to_an_appendix_builds_and_leads_there(content_copy, tmp_path):
    report = content_copy / "papers" / "committee-report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("On {dates.june-paper}", "On [the plan](#appendix-1) {dates.june-paper}", 1),
                      encoding="utf-8")
    [pdf] = build(BuildRequest(content=content_copy, out=tmp_path / "out", formats=("pdf",), papers=("committee-report",)))
    reader = PdfReader(str(pdf))
    [link] = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])
              if annotation.get_object().get("/Subtype") == "/Link"]
    assert link["/Dest"] == "appendix-1"
    target = reader.pages[reader.get_destination_page_number(reader.named_destinations["appendix-1"])]
    assert "Appendix 1: Business Transition Programme Plan" in target.extract_text()
