"""The programme highlight report: every work stream's facts in every form, the header block
repeating on a continuation page, headings that nest, and the warnings `check` gives.

Snapshots of the paper in its three forms are in test_snapshots.py, with the other papers'.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree
from lxml import html as lxml_html

from lgss_docs.cli import main
from lgss_docs.model.dates import long_date
from lgss_docs.render.markdown import markdown_html
from lgss_docs.validate import load_content

from conftest import EXAMPLE
from support import W, docx_paragraphs, pdf_pages

CONTENT = load_content(EXAMPLE)
WORKSTREAMS = [e.model for e in CONTENT.workstreams]
BOXES = [box.id for box in CONTENT.programme.workstream_page.boxes]
PAPER = CONTENT.papers["highlight-report"].model


def _flat(text: str) -> str:
    text = re.sub(r"(\w-)\n(\w)", r"\1\2", text)  # a line broken after a hyphen is one word
    return re.sub(r"\s+", " ", text).strip()


def _lead(ws) -> str:
    lead = CONTENT.person(ws.lead).name
    return f"{lead} (previously {CONTENT.person(ws.previous_lead).name})" if ws.previous_lead else lead


def _header_block(ws) -> str:
    """Return the header block's text, as a reader sees it at the top of each page of a report."""
    return (f"Project {ws.project or ws.title} Project lead {_lead(ws)} "
            f"Date of report {long_date(ws.report_date)} Overall RAG status {ws.rag}")


def _items(markdown: str) -> list[str]:
    """Return the text of every list item of ``markdown``, without the items nested in it."""
    items = []
    for li in lxml_html.fragment_fromstring(str(markdown_html(markdown)), create_parent="div").iter("li"):
        own = (li.text or "") + "".join((c.text_content() if c.tag not in ("ul", "ol") else "") + (c.tail or "") for c in li)
        items.append(_flat(own))
    return items


def _pdf_body(path) -> list[str]:
    """Return each page's text without the running header and footer, spaces folded."""
    title = PAPER.title
    return [_flat(re.sub(r"Page \d+ of \d+", " ", page).replace(title, " ")) for page in pdf_pages(path)]


def _without_repeated_headers(pages: list[str]) -> str:
    """Return the pages as one text, dropping a header block that repeats at the top of a page."""
    out = []
    for page in pages:
        for ws in WORKSTREAMS:
            page = page.removeprefix(_header_block(ws))
        out.append(page)
    return " ".join(out)


@pytest.fixture(scope="module")
def texts(built) -> dict[str, str]:
    return {
        "pdf": _without_repeated_headers(_pdf_body(built["highlight-report.pdf"])),
        "docx": _flat(" ".join(docx_paragraphs(built["highlight-report.docx"]))),
    }


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("ws", WORKSTREAMS, ids=lambda ws: ws.title)
def test_every_workstream_with_its_lead_date_rag_and_bullets(texts, fmt, ws):
    text = texts[fmt]
    assert f"5.{ws.number} {ws.title}" in text
    assert _header_block(ws) in text
    items = [item for box in BOXES for item in _items(ws.box(box))]
    assert items, "every work stream reports something"
    for item in items:
        assert item in text, f"{fmt}: missing {item!r}"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_source_dates_are_shown_in_one_format(texts, fmt):
    # The Finance file gives its date as 4/11/20 and HR as "4th November 2020".
    assert "Date of report 4 November 2020" in texts[fmt]
    assert "4/11/20" not in texts[fmt] and "4th November" not in texts[fmt]


def test_an_empty_box_says_none(built):
    page = lxml_html.fromstring(built["highlight-report.html"].read_bytes())
    tables = page.findall(".//table[@class='highlight']")
    assert len(tables) == len(WORKSTREAMS)
    for ws, table in zip(WORKSTREAMS, tables):
        boxes = [_flat(td.text_content()) for tr in table.iterfind("tbody/tr[@class='may-split']") for td in tr]
        # Objectives are hidden when a work stream gives none (when_empty: hide); the others say "None".
        expected = [box for box in BOXES if box != "objectives" or ws.box("objectives")]
        assert len(boxes) == len(expected)
        for name, shown in zip(expected, boxes):
            assert (shown == "None") == (not ws.box(name)), f"{ws.title}: {name}"


def test_escalations_are_gathered_for_the_board(built):
    page = lxml_html.fromstring(built["highlight-report.html"].read_bytes())
    section = next(s for s in page.iter("section") if _flat(s.findtext("h2") or "") == "4. Escalations to the Board")
    rows = section.findall(".//table[@class='escalations']/tbody/tr")
    escalating = [ws for ws in WORKSTREAMS if ws.escalations]
    assert [_flat(r.findtext("th")) for r in rows] == [f"{ws.number}. {ws.title}" for ws in escalating]
    for ws, row in zip(escalating, rows):
        assert _items(ws.escalations) == [_flat(li.text_content()) for li in row.iter("li")]
    quiet = [str(ws.number) for ws in WORKSTREAMS if not ws.escalations]
    assert f"Project work streams {', '.join(quiet[:-1])} and {quiet[-1]} have nothing to escalate." in _flat(section.text_content())


def test_a_report_running_over_a_page_repeats_its_header_block(built):
    pages = _pdf_body(built["highlight-report.pdf"])
    continued = []
    for ws in WORKSTREAMS:
        on = [n for n, page in enumerate(pages) if _header_block(ws) in page]
        assert f"5.{ws.number} {ws.title} {_header_block(ws)}" in pages[on[0]]
        assert on == list(range(on[0], on[0] + len(on))), "continuation pages follow the first"
        for n in on[1:]:
            assert pages[n].startswith(_header_block(ws)), f"page {n + 1} does not open with the header block"
            assert f"5.{ws.number} {ws.title}" not in pages[n]
        if len(on) > 1:
            continued.append(ws.title)
    # IT's long status runs over a page.
    assert "IT Network & Infrastructure" in continued


def _highlight_tables(path):
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return [t for t in root.iter(f"{W}tbl")
            if t.find(f"{W}tblPr/{W}tblCaption") is not None
            and t.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val").startswith("Project work stream")
            and t.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val").count(":") == 1]


def test_docx_grid_is_a_word_table_with_repeating_header_rows(built):
    tables = _highlight_tables(built["highlight-report.docx"])
    assert len(tables) == len(WORKSTREAMS)
    for ws, table in zip(WORKSTREAMS, tables):
        rows = table.findall(f"{W}tr")
        repeating = [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows]
        assert repeating == [True, True] + [False] * (len(rows) - 2)
        header_text = " ".join("".join(t.text for t in r.iter(f"{W}t")) for r in rows[:2])
        assert (ws.project or ws.title) in header_text and long_date(ws.report_date) in header_text
        # The boxes may run over a page; the box headings stay with their boxes.
        body = rows[2:]
        for heading, box in zip(body[::2], body[1::2]):
            assert heading.find(f"{W}trPr/{W}cantSplit") is not None
            assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in heading.iter(f"{W}p"))
            assert box.find(f"{W}trPr/{W}cantSplit") is None
        widths = [int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")]
        assert widths[0] + widths[1] == pytest.approx(widths[2] + widths[3], abs=2)  # two equal halves


def test_docx_nested_bullets_are_word_list_levels(built):
    # IT's status nests three deep: each depth is its own Word list style, not typed indents.
    it = _highlight_tables(built["highlight-report.docx"])[[ws.number for ws in WORKSTREAMS].index(5)]
    styles = {s.get(f"{W}val") for s in it.iter(f"{W}pStyle")}
    assert {"ListBullet", "ListBullet2", "ListBullet3"} <= styles


def _heading_levels(path) -> list[tuple[int, str]]:
    page = lxml_html.fromstring(path.read_bytes())
    return [(int(h.tag[1]), _flat(h.text_content())) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]


@pytest.mark.parametrize("paper, section_level", [("highlight-report", 2), ("committee-report", 3)])
def test_headings_nest_in_both_places(built, paper, section_level):
    headings = _heading_levels(built[f"{paper}.html"])
    assert headings[0][0] == 1
    for (before, _), (level, text) in zip(headings, headings[1:]):
        assert level <= before + 1, f"{text!r} skips a level"
    levels = dict((text, level) for level, text in headings)
    assert levels["1. Purpose of the report"] == section_level
    for ws in WORKSTREAMS:
        assert levels[f"5.{ws.number} {ws.title}"] == section_level + 1


def test_committee_report_carries_it_as_appendix_2(built):
    appendices = CONTENT.papers["committee-report"].model.appendices
    number, appendix = next((n, a) for n, a in enumerate(appendices, 1) if a.paper == "highlight-report")
    heading = f"Appendix {number}: {appendix.title}"
    assert (2, heading) in _heading_levels(built["committee-report.html"])
    pages = [_flat(p) for p in pdf_pages(built["committee-report.pdf"])]
    assert len([p for p in pages if p.startswith(heading)]) == 1  # at the top of a page of its own
    docx_text = _flat(" ".join(docx_paragraphs(built["committee-report.docx"])))
    for ws in WORKSTREAMS:
        assert _header_block(ws) in docx_text


# -- warnings -----------------------------------------------------------------------------

WORKSTREAM = """\
number: 8
title: Procurement
lead: claire-townrow
report_date: {date}
rag: Green
current_status: |
  - {status}
"""


@pytest.mark.parametrize("date, status, expected", [
    ("2020-11-20", "On track.",
     "6:14: report_date: 20 November 2020 is after the date of the highlight-report paper, 12 November 2020"),
    ("2020-09-30", "On track.",
     "6:14: report_date: 30 September 2020 is more than 6 weeks before the date of the highlight-report paper, "
     "12 November 2020; is this report up to date?"),
    ("2020-10-01", "On track.", None),  # exactly 6 weeks before: still current
    ("2020-11-12", "Contract signed on 3rd March 2022.",
     '8:17: current_status: "3rd March 2022" is more than a year from the date of the highlight-report paper, '
     "12 November 2020; is the year right?"),
    ("2020-11-12", "Contract signed on 1/11/19.",
     '8:17: current_status: "1/11/19" is more than a year from the date of the highlight-report paper, '
     "12 November 2020; is the year right?"),
    ("2020-11-12", "Next review on 30 October 2021.", None),  # within a year
])
def test_check_warns_and_still_succeeds(content_copy, capsys, monkeypatch, date, status, expected):
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "workstreams" / "08-procurement.yaml").write_text(
        "# a work stream written for this test\n\n" + WORKSTREAM.format(date=date, status=status), encoding="utf-8")
    assert main(["check", "--content", "content"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "content: valid (3 papers, 8 project work streams, 22 services).\n"
    ours = [line for line in captured.err.splitlines() if "08-procurement" in line]
    assert ours == ([f"warning: content/workstreams/08-procurement.yaml:{expected}"] if expected else [])


def test_the_seeds_slip_is_a_warning_on_check_and_build(content_copy, capsys, monkeypatch, tmp_path):
    # The seed dates the Lead Authority Board's first meeting 2021 in one place; put it back.
    monkeypatch.chdir(content_copy.parent)
    governance = content_copy / "workstreams" / "01-governance.yaml"
    text = governance.read_text(encoding="utf-8")
    assert "first meeting on 4 December 2020;" in text
    governance.write_text(text.replace("first meeting on 4 December 2020;", "first meeting on 4 December 2021;"), encoding="utf-8")
    line = next(n for n, text in enumerate(governance.read_text().splitlines(), 1) if text.startswith("current_status:"))
    warning = (f"warning: content/workstreams/01-governance.yaml:{line}:17: current_status: \"4 December 2021\" "
               "is more than a year from the date of the highlight-report paper, 12 November 2020; is the year right?")
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr().err.splitlines() == [warning]
    assert main(["build", "--content", "content", "--out", str(tmp_path), "--doc", "highlight-report", "--format", "html"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [warning]
    assert captured.out.splitlines() == [f"wrote {tmp_path / 'highlight-report.html'}"]
    assert main(["check", "--content", "content", "--strict"]) == 2


@pytest.mark.parametrize("file, old, new, expected", [
    ("papers/highlight-report.yaml", "authors: [claire-townrow]", "authors: [claire]",
     'authors[0]: "claire" is not in people in programme.yaml; did you mean "claire-townrow"?'),
    ("workstreams/02-hr-consultation.yaml", "  - The formal feedback", "  - On {dates.no-such-day} the formal feedback",
     "current_status: {dates.no-such-day} names no known fact;"),
])
def test_highlight_report_references_are_checked(content_copy, capsys, monkeypatch, file, old, new, expected):
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert main(["check", "--content", "content"]) == 2
    problems = [line for line in capsys.readouterr().err.splitlines() if not line.startswith("warning: ")]
    assert len(problems) == 2 and f"content/{file}:" in problems[0] and expected in problems[0]
