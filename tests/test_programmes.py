"""Any programme office: a second programme, papers declared in content, no LGSS in the engine.

The Future Northants example is built from its own content with no code of its own: five
RAG dimensions, its own words, its own boxes, a closure report with a second paper as its
appendix. The engine and the built-in templates hold no word of the LGSS example.
"""

from __future__ import annotations

import io
import keyword
import re
import shutil
import subprocess
import tokenize
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from lgss_docs.build import BuildRequest, build
from lgss_docs.cli import main
from lgss_docs.render.templates import BUILT_IN
from lgss_docs.validate import load_content

from conftest import EXAMPLE, EXAMPLES, ROOT
from support import docx_paragraphs, pdf_pages

NORTHANTS = ROOT / "examples" / "future-northants"
LGSS_WORDS = re.compile(r"lgss([^-_]|$)|business transition|joint committee|\bccc\b|\bmkc\b|\bncc\b", re.IGNORECASE)


@pytest.fixture
def northants(built_northants) -> dict[str, Path]:
    return built_northants


def test_the_example_programmes_are_bundled():
    assert [p.name for p in EXAMPLES] == ["content", "future-northants", "lgss-budget-2019"]


def test_every_declared_paper_is_built_in_every_format(northants):
    declared = load_content(NORTHANTS).papers
    assert sorted(northants) == sorted(f"{paper}.{fmt}" for paper in declared for fmt in ("html", "pdf", "docx"))


def _code_and_strings(path: Path):
    """Yield (line, text) of every name and string literal in a Python file, docstrings and comments left out."""
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    for index, token in enumerate(tokens):
        before = next((t for t in reversed(tokens[:index]) if t.type not in (tokenize.NL, tokenize.NEWLINE,
                                                                             tokenize.INDENT, tokenize.DEDENT)), None)
        # A string standing alone as a statement (after a colon, a newline or at the start) is a docstring.
        docstring = token.type == tokenize.STRING and (before is None or before.string == ":" or
                                                      tokens[index - 1].type in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT))
        if token.type == tokenize.STRING and not docstring or token.type == tokenize.NAME and not keyword.iskeyword(token.string):
            yield token.start[0], token.string


def _without_own_name(text: str) -> str:
    """Return ``text`` without the tool's own name, which stays (lgss-docs, lgss_docs, LgssDocsError)."""
    return re.sub(r"lgss[-_]docs|LgssDocs", "", text)


def test_the_engine_and_built_in_templates_hold_no_lgss_word():
    found = [f"{path.relative_to(ROOT)}:{line}: {text}" for path in sorted((ROOT / "lgss_docs").rglob("*.py"))
             for line, text in _code_and_strings(path) if LGSS_WORDS.search(_without_own_name(text))]
    found += [f"{path.relative_to(ROOT)}:{n}: {line.strip()}" for path in sorted(BUILT_IN.rglob("*")) if path.is_file()
              and path.suffix in (".j2", ".css") for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if LGSS_WORDS.search(line.replace("lgss-docs", ""))]
    found += [f"{path.relative_to(ROOT)}: {path.name}" for path in (ROOT / "lgss_docs" / "starter").rglob("*")
              if path.is_file() and LGSS_WORDS.search(path.read_text(encoding="utf-8").replace("lgss-docs", ""))]
    assert found == []


def test_the_checker_of_that_rule_sees_a_word_in_code(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""About the LGSS example."""\n# the Joint Committee\nSUBJECT = "Business Transition Board"\n')
    assert [text for _, text in _code_and_strings(sample) if LGSS_WORDS.search(text)] == ['"Business Transition Board"']


def _texts(built: dict[str, Path], paper: str) -> dict[str, str]:
    page = lxml_html.fromstring(built[f"{paper}.html"].read_bytes())
    for style in page.iter("style"):
        style.drop_tree()
    flat = lambda text: re.sub(r"\s+", " ", text)  # noqa: E731
    return {"html": flat(" ".join(page.body.itertext())), "pdf": flat(" ".join(pdf_pages(built[f"{paper}.pdf"]))),
            "docx": flat(" ".join(docx_paragraphs(built[f"{paper}.docx"])))}


@pytest.mark.parametrize("paper", ["closure-report", "closing-positions"])
def test_future_northants_papers_hold_no_lgss_word(northants, paper):
    for fmt, text in _texts(northants, paper).items():
        assert not LGSS_WORDS.search(text), f"{fmt}: {LGSS_WORDS.search(text)[0]!r}"
    for source in NORTHANTS.rglob("*.yaml"):
        assert not LGSS_WORDS.search(source.read_text(encoding="utf-8")), source


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_the_closing_position_shows_five_dimensions_for_every_programme(northants, fmt):
    content = load_content(NORTHANTS)
    text = _texts(northants, "closure-report")[fmt]
    assert "Programme Overall Budget Risks Issues Schedule" in text
    for entry in content.workstreams:
        ratings = " ".join(str(r) for r in dict(entry.model.rag).values())
        assert f"{entry.model.title} {ratings}" in text, entry.model.title
    assert "The ratings are illustrative." in text
    assert "Not reported The programme gave no closing rating on this dimension." in text


def test_each_programme_page_is_an_appendix_and_a_paper_of_its_own(northants):
    content = load_content(NORTHANTS)
    report, alone = (_texts(northants, p)["pdf"] for p in ("closure-report", "closing-positions"))
    assert "Appendix 1: Closing position of each programme" in report
    for entry in content.workstreams:
        for text in (report, alone):
            assert f"{entry.model.title} Overall Budget Risks Issues Schedule" in text


def test_the_programmes_own_words_and_table_style_reach_the_papers(northants):
    html = northants["closure-report.html"].read_text(encoding="utf-8")
    assert "--accent: #0b5563" in html and ".rag-amber { background: #ffe699; }" in html
    styles = zipfile.ZipFile(northants["closure-report.docx"]).read("word/styles.xml").decode()
    assert 'w:styleId="FutureNorthantsTable"' in styles and "LGSS" not in styles
    assert "Each programme" not in html or "programme" in html  # the example calls a work stream a programme
    assert "project work stream" not in html.lower()


def test_recommendations_are_numbered_as_the_paper_asks_in_every_format(northants):
    # pypdf leaves list markers out of its text; poppler's pdftotext keeps them.
    shown = subprocess.run(["pdftotext", northants["closure-report.pdf"], "-"], capture_output=True, text=True, check=True)
    text = re.sub(r"\s+", " ", shown.stdout)
    assert "are asked to: i. Note that every programme" in text and " ii. Accept the actions" in text
    html = northants["closure-report.html"].read_text(encoding="utf-8")
    assert '<ol type="i"><li>Note that every programme' in html
    package = zipfile.ZipFile(northants["closure-report.docx"])
    document, numbering = (package.read(f"word/{part}.xml").decode() for part in ("document", "numbering"))
    num_id = re.search(r'<w:numId w:val="(\d+)"/>', document[document.index("are asked to:"):])[1]
    override = re.search(rf'<w:num w:numId="{num_id}">.*?</w:num>', numbering, re.S)[0]
    assert '<w:numFmt w:val="lowerRoman"/>' in override and '<w:startOverride w:val="1"/>' in override


# -- RAG as declared ------------------------------------------------------------------------
@pytest.fixture
def northants_copy(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(NORTHANTS, tmp_path / "fn", ignore=shutil.ignore_patterns("output"))
    return tmp_path / "fn"


def _check(folder: Path, capsys) -> list[str]:
    assert main(["check", "--content", str(folder.name)]) == 2
    return [line for line in capsys.readouterr().err.splitlines() if not line.startswith("warning:")]


ICT = "workstreams/05-ict.yaml"


@pytest.mark.parametrize("old, new, expected", [
    ("  schedule: Amber", "  shedule: Amber",
     ["fn/workstreams/05-ict.yaml:{R}:3: rag.schedule: required field is missing",
      'fn/workstreams/05-ict.yaml:{L}:3: rag.shedule: unknown field; did you mean "schedule"?']),
    ("  schedule: Amber", "  schedule: Purple",
     ['fn/workstreams/05-ict.yaml:{L}:13: rag.schedule: expected one of Red, Amber, Green, Not reported; got "Purple"']),
    ("  schedule: Amber", "  schedule: Amber/Red",
     ['fn/workstreams/05-ict.yaml:{L}:13: rag.schedule: expected one of Red, Amber, Green, Not reported; got "Amber/Red"']),
    ("  schedule: Amber", "  schedule: Not reported", []),
])
def test_ratings_follow_the_declared_dimensions_and_scale(northants_copy, capsys, old, new, expected):
    path = northants_copy / ICT
    text = path.read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new, 1)
    path.write_text(edited, encoding="utf-8")
    line = edited[: edited.index(new)].count("\n") + 1
    rag_line = next(n for n, t in enumerate(edited.splitlines(), 1) if t.startswith("rag:")) + 1
    if not expected:
        assert main(["check", "--content", "fn"]) == 0
        return
    assert _check(northants_copy, capsys) == [e.format(L=line, R=rag_line) for e in expected] + [
        f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found; nothing was written."]


def test_a_dimension_named_overall_must_be_declared(northants_copy, capsys):
    programme = northants_copy / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("  overall: overall", "  overall: total"), encoding="utf-8")
    line = next(n for n, t in enumerate(programme.read_text(encoding="utf-8").splitlines(), 1) if "overall: total" in t)
    assert _check(northants_copy, capsys) == [
        f'fn/programme.yaml:{line}:12: rag.overall: "total" is not a declared dimension; expected one of overall, budget, '
        "risks, issues, schedule", "1 problem found; nothing was written."]


# -- papers declared in content -------------------------------------------------------------
def test_two_papers_of_one_kind_to_two_meetings(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "content")
    first = (tmp_path / "content" / "papers" / "committee-report.yaml").read_text(encoding="utf-8")
    second = first.replace("name: LGSS Joint Committee", "name: Audit Committee").replace("date: 2020-11-17", "date: 2020-12-08")
    (tmp_path / "content" / "papers" / "audit-committee-report.yaml").write_text(second, encoding="utf-8")
    written = build(BuildRequest(content=tmp_path / "content", out=tmp_path / "out", formats=("html",)))
    assert sorted(p.name for p in written) == ["audit-committee-report.html", "committee-report.html",
                                               "highlight-report.html", "transition-plan.html"]
    audit = (tmp_path / "out" / "audit-committee-report.html").read_text(encoding="utf-8")
    assert "That the Audit Committee:" in audit and "8 December 2020" in audit


def test_a_content_folder_overrides_one_template_and_keeps_the_rest(tmp_path):
    shutil.copytree(NORTHANTS, tmp_path / "fn", ignore=shutil.ignore_patterns("output"))
    key = tmp_path / "fn" / "templates" / "blocks" / "rag_key.html.j2"
    key.parent.mkdir(parents=True)
    key.write_text('<p class="our-key">{% for level in block.levels %}{{ level.word }}; {% endfor %}</p>\n', encoding="utf-8")
    css = tmp_path / "fn" / "templates" / "css" / "house.css"
    css.parent.mkdir()
    css.write_text("p.our-key { font-style: italic; }\n", encoding="utf-8")
    build(BuildRequest(content=tmp_path / "fn", out=tmp_path / "out", formats=("html",)))
    html = (tmp_path / "out" / "closure-report.html").read_text(encoding="utf-8")
    page = lxml_html.fromstring(html.encode())
    assert [p.text_content() for p in page.find_class("our-key")][0] == "Red; Amber; Green; Not reported; "
    assert page.find_class("rag-key") == [] and page.find_class("rag-summary")  # the rest stays built-in
    assert "p.our-key { font-style: italic; }" in html and "table.rag-summary" in html


def test_a_kind_of_paper_the_content_brings(tmp_path, capsys, monkeypatch):
    shutil.copytree(NORTHANTS, tmp_path / "fn", ignore=shutil.ignore_patterns("output"))
    kind = tmp_path / "fn" / "templates" / "kinds" / "briefing.html.j2"
    kind.parent.mkdir(parents=True)
    kind.write_text('{% extends "base.html.j2" %}{% from "partials/sections.html.j2" import sections %}'
                    '{% block body %}<h1>Briefing: {{ paper.title }}</h1>{{ sections(paper, 2) }}{% endblock %}\n', encoding="utf-8")
    (tmp_path / "fn" / "papers" / "briefing.yaml").write_text(
        "kind: briefing\ntitle: Members' briefing\ndate: 2021-04-12\nsections:\n  - heading: Where things stand\n"
        "    blocks:\n      - table: rag_summary\n", encoding="utf-8")
    build(BuildRequest(content=tmp_path / "fn", out=tmp_path / "out", formats=("html", "docx"), papers=("briefing",)))
    html = (tmp_path / "out" / "briefing.html").read_text(encoding="utf-8")
    assert "<h1>Briefing: Members&#39; briefing</h1>" in html and "Adult Social Care" in html
    (tmp_path / "fn" / "papers" / "briefing.yaml").write_text("kind: breifing\ntitle: x\ndate: 2021-04-12\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "fn"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        'fn/papers/briefing.yaml:1:7: kind: "breifing" is not a kind of paper; did you mean "briefing"? '
        "(a kind of your own is a template in the content's templates/kinds/)")


def test_an_unknown_paper_asked_for_is_named_with_the_papers_there_are(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["build", "--doc", "highlight-reprot", "--format", "html", "--out", "output/none"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        'lgss-docs build: --doc highlight-reprot: no such paper; did you mean "highlight-report"?']
    assert not (ROOT / "output" / "none").exists()


# -- a new programme ------------------------------------------------------------------------
def test_init_writes_a_programme_that_checks_and_builds(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "north-shire", "--name", "North Shire Transformation", "--date", "2026-11-20"]) == 0
    folder = tmp_path / "north-shire"
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and ".git/" not in p.as_posix())
    assert {".gitignore", ".gitattributes", ".vscode/settings.json", "README.md", "programme.yaml",
            "papers/highlight-report.yaml", "workstreams/01-example.yaml", "schema/workstream.schema.json"} <= set(names)
    monkeypatch.chdir(folder)
    capsys.readouterr()
    assert main(["check"]) == 0
    assert capsys.readouterr().out == ".: valid (1 paper, 1 work stream).\n"
    assert main(["build", "--format", "html"]) == 0
    html = (folder / "output" / "highlight-report.html").read_text(encoding="utf-8")
    assert "North Shire Transformation: highlight report" in html and "20 November 2026" in html
    assert main(["init", str(folder)]) == 2  # never over an existing programme
