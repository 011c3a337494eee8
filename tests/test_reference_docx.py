"""A council's reference .docx: any usable template builds and keeps its header, footer and fonts;
anything else gets one line saying what is wrong, within bounded memory."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from lgss_docs.build import BuildRequest, build
from lgss_docs.cli import main

from conftest import EXAMPLE
from support import W, pdf_pages

EXPECTED = "expected a Word document or template (.docx, .dotx) whose styles the papers take"


def council_template(path: Path, keep_styles: set[str] | None = None) -> Path:
    """Write a council's template: Georgia 12pt, an OFFICIAL header, an address in the footer.

    With ``keep_styles``, every other style is removed, as a hand-pruned template would have it."""
    template = docx.Document()
    template.styles["Normal"].font.name = "Georgia"
    template.styles["Normal"].font.size = Pt(12)
    template.sections[0].header.paragraphs[0].text = "OFFICIAL"
    template.sections[0].footer.paragraphs[0].text = "North Shire Council, County Hall, AN1 1AA"
    template.sections[0].left_margin = template.sections[0].right_margin = Mm(30)
    template.add_paragraph("Text of the template that must not appear")
    if keep_styles is not None:
        for style in template.styles.element.findall(qn("w:style")):
            if style.find(qn("w:name")).get(qn("w:val")) not in keep_styles:
                template.styles.element.remove(style)
    template.save(path)
    return path


def build_with(template: Path, out: Path) -> Path:
    (path,) = build(BuildRequest(content=EXAMPLE, out=out, formats=("docx",), papers=("committee-report",),
                                 options=docx_options(template)))
    return path


def docx_options(template: Path):
    from lgss_docs.writers import WriterOptions

    return WriterOptions(reference_docx=template)


def test_the_templates_header_and_footer_are_kept_and_the_page_number_stands_apart(tmp_path):
    result = docx.Document(str(build_with(council_template(tmp_path / "house.docx"), tmp_path / "out")))
    section = result.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["OFFICIAL"]
    footer = section.footer.paragraphs
    assert footer[0].text == "North Shire Council, County Hall, AN1 1AA"
    # The page number is a paragraph of its own, never run on from the address.
    fields = [p for p in footer if p._p.findall(qn("w:fldSimple"))]
    assert len(fields) == 1 and fields[0] is not footer[0]
    assert {f.get(qn("w:instr")).strip() for f in fields[0]._p.findall(qn("w:fldSimple"))} == {"PAGE", "NUMPAGES"}
    assert result.styles["Normal"].font.name == "Georgia"
    assert not any("must not appear" in p.text for p in result.paragraphs)
    # The template's margins hold in every section, the landscape appendix's too.
    assert len(result.sections) > 1
    assert {(round(s.left_margin.mm), round(s.right_margin.mm)) for s in result.sections} == {(30, 30)}


def test_a_template_stripped_of_styles_builds_with_ours_filled_in(tmp_path):
    path = build_with(council_template(tmp_path / "bare.docx", keep_styles={"Normal"}), tmp_path / "out")
    result = docx.Document(str(path))
    names = [p.style.name for p in result.paragraphs]
    assert "Title" in names and "Heading 1" in names and "List Number" in names
    assert result.styles["Normal"].font.name == "Georgia"
    # The list style brought its numbering: recommendations still count 1, 2.
    numbered = [p for p in result.paragraphs if p.style.name == "List Number"]
    assert all(p._p.pPr.numPr is not None or p.style.element.pPr.numPr is not None for p in numbered)
    # No "Table Grid" to base our table style on: the style draws its own borders.
    table_style = next(s for s in result.styles if s.name == "LGSS Table")
    borders = table_style.element.find(f"{W}tblPr/{W}tblBorders")
    assert {b.tag.split("}")[1] for b in borders} >= {"top", "left", "bottom", "right", "insideH", "insideV"}
    assert all(b.get(f"{W}val") == "single" for b in borders)


def test_headings_the_template_numbers_itself_are_not_numbered_twice(tmp_path):
    template = docx.Document(str(council_template(tmp_path / "numbered.docx")))
    heading = template.styles["Heading 1"].element
    num = template.part.numbering_part.element.add_num(0)
    p_pr = heading.get_or_add_pPr()
    p_pr.get_or_add_numPr().get_or_add_numId().val = num.numId
    template.save(tmp_path / "numbered.docx")
    result = docx.Document(str(build_with(tmp_path / "numbered.docx", tmp_path / "out")))
    headings = [p for p in result.paragraphs if p.style.name == "Heading 1"]
    assert headings[0].text == "1. Background"
    # Our text carries "1."; numbering switched off on the paragraph keeps Word from adding "1. 1.".
    assert all(p._p.pPr.numPr.numId.val == 0 for p in headings)


def test_a_template_saved_by_libreoffice_builds_and_its_labels_stay_whole(tmp_path, libreoffice):
    council_template(tmp_path / "house.docx")
    subprocess.run([libreoffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), str(tmp_path / "house.docx")],
                   capture_output=True, timeout=180, check=True)
    template = tmp_path / "lo" / "house.docx"
    assert b"Heading 1" in zipfile.ZipFile(template).read("word/styles.xml")  # LibreOffice's spelling
    path = build_with(template, tmp_path / "out")
    result = docx.Document(str(path))
    assert "Heading 1" in [p.style.name for p in result.paragraphs]
    assert [p.text for p in result.sections[0].header.paragraphs] == ["OFFICIAL"]
    assert result.sections[0].footer.paragraphs[0].text == "North Shire Council, County Hall, AN1 1AA"
    assert result.styles["Normal"].font.name == "Georgia"
    assert {(round(s.left_margin.mm), round(s.right_margin.mm)) for s in result.sections} == {(30, 30)}
    subprocess.run([libreoffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(path)],
                   capture_output=True, timeout=180, check=True)
    first = pdf_pages(tmp_path / "pdf" / "committee-report.pdf")[0]
    # The cover's narrow label column is wide enough for its longest word in the template's font.
    assert "Recommendations" in first.split()
    assert "AN1 1AAPage" not in first.replace(" ", "")


def test_only_a_house_styles_parts_are_copied_from_the_template(tmp_path):
    template = council_template(tmp_path / "heavy.docx")
    document = docx.Document(str(template))
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    payload = Part(PackURI("/word/embeddings/payload.bin"), "application/octet-stream", b"\1" * 200_000, document.part.package)
    document.part.relate_to(payload, RT.PACKAGE)
    document.save(template)
    names = zipfile.ZipFile(build_with(template, tmp_path / "out")).namelist()
    assert "word/embeddings/payload.bin" not in names and not [n for n in names if "thumbnail" in n]


def _zip(path: Path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return path


BAD_REFERENCES = {
    "bomb": (lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"x",
                                "word/media/a.bin": bytes(40 * 2**20), "word/media/b.bin": bytes(40 * 2**20)}),
             "its parts unpack to 80 MB, more than the 64 MB a reference may hold"),
    "ratio": (lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>", "word/media/a.bin": bytes(5 * 2**20)}),
              "its part word/media/a.bin unpacks 1026 times larger than it is packed, more than the 100 a real part does"),
    "xml": (lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>", "word/styles.xml": bytes(range(256)) * (9 * 2**12)}),
            "its part word/styles.xml is 9 MB of XML, more than the 8 MB a reference's part may be"),
    "many": (lambda p: _zip(p, {f"part/{i}": b"" for i in range(1001)}, zipfile.ZIP_STORED),
             "1001 parts, more than the 1000 a reference may hold"),
    "text": (lambda p: p.write_text("not a zip") and p, "not a readable zip package (File is not a zip file)"),
    "zip": (lambda p: _zip(p, {"notes.txt": b"hello"}), "a zip file, but not a Word document (no word/document.xml)"),
    "damaged": (lambda p: _zip(p, {"[Content_Types].xml": b"<Types", "word/document.xml": b"x"}), None),
    "missing": (lambda p: p, "no such file"),
    "folder": (lambda p: p.mkdir() or p, "not a file"),
}


@pytest.mark.parametrize("case", BAD_REFERENCES)
def test_an_unusable_reference_is_one_line_naming_the_file(tmp_path, capsys, monkeypatch, case):
    make, problem = BAD_REFERENCES[case]
    monkeypatch.chdir(tmp_path)
    make(tmp_path / f"{case}.docx")
    code = main(["build", "--content", str(EXAMPLE), "--out", "out", "--format", "docx", "--doc", "committee-report",
                 "--reference-docx", f"{case}.docx"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    if problem is None:
        assert err.startswith(f"build failed: {case}.docx: a damaged Word package (") and err.strip().endswith(EXPECTED), err
    else:
        assert err.strip() == f"build failed: {case}.docx: {problem}; {EXPECTED}"
    assert not (tmp_path / "out" / "committee-report.docx").exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    """A part that unpacks 1000 to 1 is refused from the zip's directory: no memory is spent on it."""
    import tracemalloc

    bomb = _zip(tmp_path / "bomb.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"x",
                                         "word/media/a.bin": bytes(60 * 2**20)})
    from lgss_docs.errors import BuildError
    from lgss_docs.writers.docx.reference import open_reference

    tracemalloc.start()
    with pytest.raises(BuildError):
        open_reference(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 * 2**20


def test_the_templates_link_to_a_file_on_the_councils_network_is_dropped(tmp_path):
    template = docx.Document(str(council_template(tmp_path / "linked.docx")))
    settings_part = next(r.target_part for r in template.part.rels.values() if r.reltype.endswith("/settings"))
    r_id = settings_part.relate_to("file:///S:/Templates/House.dotm", ATTACHED_TEMPLATE, is_external=True)
    attached = etree.SubElement(template.settings.element, qn("w:attachedTemplate"))
    attached.set(qn("r:id"), r_id)
    template.save(tmp_path / "linked.docx")
    package = zipfile.ZipFile(build_with(tmp_path / "linked.docx", tmp_path / "out"))
    assert b"attachedTemplate" not in package.read("word/settings.xml")
    assert not [n for n in package.namelist() if n == "word/_rels/settings.xml.rels"] or \
        b"House.dotm" not in package.read("word/_rels/settings.xml.rels")


ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"


def test_a_zip_bomb_as_a_process_is_one_line_and_exit_1(tmp_path):
    import sys

    make, problem = BAD_REFERENCES["bomb"]
    make(tmp_path / "bomb.docx")
    result = subprocess.run([sys.executable, "-m", "lgss_docs", "build", "--content", str(EXAMPLE), "--out", "out",
                             "--format", "docx", "--reference-docx", "bomb.docx"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert result.stderr == f"build failed: bomb.docx: {problem}; {EXPECTED}\n"


def test_a_word_template_dotx_is_taken_like_a_document(tmp_path):
    source = zipfile.ZipFile(council_template(tmp_path / "house.docx"))
    with zipfile.ZipFile(tmp_path / "house.dotx", "w", zipfile.ZIP_DEFLATED) as dotx:
        for name in source.namelist():
            data = source.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            dotx.writestr(name, data)
    assert b"template.main+xml" in zipfile.ZipFile(tmp_path / "house.dotx").read("[Content_Types].xml")
    result = docx.Document(str(build_with(tmp_path / "house.dotx", tmp_path / "out")))
    assert [p.text for p in result.sections[0].header.paragraphs] == ["OFFICIAL"]
    assert result.styles["Normal"].font.name == "Georgia"
