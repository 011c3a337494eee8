"""The DOCX shows the fonts its styles declare and carries only the parts a paper needs."""

from __future__ import annotations

import zipfile

import docx
import pytest
from lxml import etree

from support import W

THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


@pytest.fixture(scope="module")
def package(built):
    return zipfile.ZipFile(built["committee-report.docx"])


def test_no_theme_font_overrides_the_declared_arial(package, built):
    styles = etree.fromstring(package.read("word/styles.xml"))
    for fonts in styles.iter(f"{W}rFonts"):
        # A theme attribute wins over w:ascii beside it: Word would show Calibri Light.
        assert not [a for a in THEME_ATTRIBUTES if fonts.get(f"{W}{a}")], etree.tostring(fonts)
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(f"{W}ascii") == defaults.get(f"{W}hAnsi") == "Arial"
    document = docx.Document(str(built["committee-report.docx"]))
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Normal"):
        assert document.styles[name].font.name == "Arial", name


def test_app_properties_name_lgss_docs_and_claim_no_thumbnail(package):
    app = package.read("docProps/app.xml").decode()
    assert "<Application>lgss-docs</Application>" in app
    assert "Microsoft" not in app and "<Pages>" not in app and "<Template>" not in app
    assert not [n for n in package.namelist() if "thumbnail" in n]
    rels = package.read("_rels/.rels").decode()
    assert "thumbnail" not in rels


def test_only_the_parts_of_a_paper_are_kept(package):
    # The committee report places one picture (the governance diagram); the rest is the house style.
    assert [n for n in package.namelist() if n.startswith("word/media/")] == ["word/media/image1.png"]
    assert sorted(n for n in package.namelist() if not n.startswith("word/media/")) == sorted([
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
        "word/_rels/document.xml.rels", "word/document.xml", "word/fontTable.xml", "word/footer1.xml",
        "word/header1.xml", "word/numbering.xml", "word/settings.xml", "word/styles.xml",
        "word/theme/theme1.xml", "word/webSettings.xml"])
