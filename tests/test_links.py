"""In-paper links: the ids validation accepts are exactly the ids the papers have."""

from __future__ import annotations

import re

from pypdf import PdfReader

from conftest import EXAMPLE
from lgss_docs.build import BuildRequest, build
from lgss_docs.validate import load_content
from lgss_docs.validate.links import paper_ids


def test_the_ids_links_may_name_are_the_ids_of_the_built_papers(built):
    found = set()
    for name, path in built.items():
        if name.endswith(".html"):
            found |= set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))
    destinations = set()
    for name, path in built.items():
        if name.endswith(".pdf"):
            destinations |= set(PdfReader(str(path)).named_destinations)
    assert paper_ids(load_content(EXAMPLE)) == found == destinations


def test_a_link_to_an_appendix_builds_and_leads_there(content_copy, tmp_path):
    programme = content_copy / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    programme.write_text(text.replace("On {dates.june-paper}", "On [the plan](#appendix-1) {dates.june-paper}", 1),
                         encoding="utf-8")
    [pdf] = build(BuildRequest(content=content_copy, out=tmp_path / "out", formats=("pdf",), papers=("committee-report",)))
    reader = PdfReader(str(pdf))
    [link] = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])
              if annotation.get_object().get("/Subtype") == "/Link"]
    assert link["/Dest"] == "appendix-1"
    target = reader.pages[reader.get_destination_page_number(reader.named_destinations["appendix-1"])]
    assert "Appendix 1: Business Transition Programme Plan" in target.extract_text()
