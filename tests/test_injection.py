"""HTML typed into content shows as text in every format; only web and mail links survive."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest
from lxml import html as lxml_html

from lgss_docs.build import BuildRequest, build

from conftest import EXAMPLE
from support import docx_paragraphs, pdf_pages

SCRIPT = "<script>alert(1)</script>"
TAGS = "<b>bold</b><img src=x onerror=alert(2)>"
LINKS = ("Links: [click](javascript:alert(3)), [passwd](file:///etc/passwd), [page](data:text/html,hi), "
         "[beside](../secret.pdf), [web](https://example.org/ok) and <mailto:office@example.org>.")
SAFE_TARGETS = {"https://example.org/ok", "mailto:office@example.org"}


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> dict:
    """Return {format: path} of the report built from content with HTML typed into its text."""
    root = tmp_path_factory.mktemp("injected")
    content = root / "content"
    shutil.copytree(EXAMPLE, content)
    _replace(content / "papers" / "committee-report.yaml", "title: LGSS Business Transition Programme Update",
             f"title: LGSS Update {SCRIPT}")
    _replace(content / "workstreams" / "01-governance.yaml", "title: Governance", f"title: Governance {TAGS}")
    _replace(content / "services" / "01-hr-advisory.yaml", "name: HR Advisory", "name: HR Advisory <i>x</i>")
    _replace(content / "papers" / "committee-report.yaml", "      - text: Appendix 2 gives the detail for each project work stream.",
             f"      - text: 'Appendix 2 follows. {SCRIPT} {LINKS}'")
    paths = build(BuildRequest(content=content, out=root / "out", papers=("committee-report",)))
    return {path.suffix[1:]: path for path in paths}


def test_html_shows_typed_html_as_text(injected):
    html = injected["html"].read_text(encoding="utf-8")
    body = lxml_html.document_fromstring(html).body
    assert body.findall(".//script") == [] and body.findall(".//i") == []
    # The one picture is the governance diagram an image block places, inline; none came from typed text.
    assert [img.getparent().get("class") for img in body.iter("img")] == ["image"]
    assert all(img.get("src").startswith("data:image/png;base64,") and img.get("onerror") is None for img in body.iter("img"))
    text = " ".join(body.text_content().split())
    for typed in (SCRIPT, TAGS, "HR Advisory <i>x</i>", "[click](javascript:alert(3))", "[passwd](file:///etc/passwd)",
                  "[page](data:text/html,hi)", "[beside](../secret.pdf)"):
        assert typed in text


def test_html_links_are_web_and_mail_only(injected):
    body = lxml_html.document_fromstring(injected["html"].read_text(encoding="utf-8")).body
    assert {a.get("href") for a in body.iter("a")} == SAFE_TARGETS


def test_pdf_shows_typed_html_as_text(injected):
    # Compared without spaces: a line may wrap inside a long URL.
    text = "".join("".join(pdf_pages(injected["pdf"])).split())
    for typed in (SCRIPT, "<b>bold</b>", "[click](javascript:alert(3))", "[passwd](file:///etc/passwd)"):
        assert "".join(typed.split()) in text


def test_pdf_links_are_web_and_mail_only(injected):
    from pypdf import PdfReader

    uris = {annot.get_object()["/A"]["/URI"] for page in PdfReader(str(injected["pdf"])).pages
            for annot in page.get("/Annots", []) if "/URI" in annot.get_object().get("/A", {})}
    assert uris == SAFE_TARGETS


def test_docx_shows_typed_html_as_text(injected):
    text = " ".join(docx_paragraphs(injected["docx"]))
    for typed in (SCRIPT, TAGS, "HR Advisory <i>x</i>", "[click](javascript:alert(3))"):
        assert typed in text


def test_docx_links_are_web_and_mail_only(injected):
    rels = zipfile.ZipFile(injected["docx"]).read("word/_rels/document.xml.rels").decode()
    targets = set(re.findall(r'Target="([^"]+)"[^>]*TargetMode="External"', rels))
    assert targets == SAFE_TARGETS
