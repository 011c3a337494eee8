"""The transition plan: landscape pages in a portrait report, Word cells shaded month by month,
and plan.yaml problems reported at their file:line:col."""

from __future__ import annotations

import re
import zipfile
from collections import Counter

import docx
import pytest
import yaml
from docx.enum.section import WD_ORIENT
from lxml import etree
from pypdf import PdfReader

from lgss_docs.build import BuildRequest, build
from lgss_docs.cli import main
from lgss_docs.model.plan import Month
from lgss_docs.validate import load_content
from lgss_docs.writers.docx.walker import HATCHING

from conftest import EXAMPLE
from support import W, pdf_pages

A3_LANDSCAPE = (1191, 842)


@pytest.fixture(scope="module")
def plan():
    return load_content(EXAMPLE).plan


def _sizes(path) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(str(path)).pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_report_stays_portrait_and_its_plan_pages_turn_landscape(built, plan):
    sizes = _sizes(built["committee-report.pdf"])
    pages = pdf_pages(built["committee-report.pdf"])
    chart = [i for i, text in enumerate(pages) if "Mar-20" in text]
    assert chart, "the plan is missing from the committee report"
    assert "Appendix 1: Business Transition Programme Plan" in pages[chart[0]]
    for i, size in enumerate(sizes):
        assert (size == A3_LANDSCAPE) == (i in chart), f"page {i + 1} is {size}"
    assert sizes[0][0] < sizes[0][1]


def test_every_chart_page_repeats_the_key_and_the_months(built, plan):
    first, last = plan.month_range()
    months = [Month.of(i).label for i in range(first.index, last.index + 1)]
    pages = pdf_pages(built["transition-plan.pdf"])
    assert all(size == A3_LANDSCAPE for size in _sizes(built["transition-plan.pdf"]))
    chart_pages = [text for text in pages if "Timetable" in text]
    assert len(chart_pages) > 1
    for text in chart_pages:
        flat = _flat(text)
        assert all(label in flat for label in months), flat[:300]
        assert all(t.label in flat for t in plan.timetables), flat[:300]


def test_an_activity_never_splits_across_pages(built, plan):
    pages = [_flat(text) for text in pdf_pages(built["transition-plan.pdf"])]
    for _, _, activity in plan.activities():
        if not activity.steps:
            continue
        page = next(p for p in pages if activity.title in p)
        last = activity.steps[-1]
        assert _flat(last.steps[-1] if last.steps else last.text) in page, activity.id
        if activity.stakeholders:
            assert _flat(activity.stakeholders[-1]) in page, activity.id


def test_word_turns_landscape_for_the_plan_and_keeps_headers(built):
    report = docx.Document(str(built["committee-report.docx"]))
    orientations = [s.orientation for s in report.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT
    assert WD_ORIENT.LANDSCAPE in orientations
    for section in report.sections[1:]:
        assert section.header.is_linked_to_previous and section.footer.is_linked_to_previous
        assert (section.page_width > section.page_height) == (section.orientation == WD_ORIENT.LANDSCAPE)
    standalone = docx.Document(str(built["transition-plan.docx"]))
    assert [(s.orientation, s.page_width.mm) for s in standalone.sections] == [(WD_ORIENT.LANDSCAPE, pytest.approx(420))]


def _chart_table(path):
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return next(t for t in body.iter(f"{W}tbl")
                if (c := t.find(f"{W}tblPr/{W}tblCaption")) is not None and c.get(f"{W}val").endswith("timetable by month"))


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def test_shaded_month_cells_match_the_months_each_span_covers(built, plan):
    timetables = {t.colour.lstrip("#").upper(): t for t in plan.timetables}
    numbers = {f"{s.code}{n}": a for s in plan.sections for n, a in enumerate(s.activities, start=1)}
    shaded: Counter = Counter()
    current = None
    for row in _chart_table(built["transition-plan.docx"]).iter(f"{W}tr"):
        if row.find(f"{W}trPr/{W}tblHeader") is not None:
            continue
        cells = row.findall(f"{W}tc")
        current = numbers.get(_text(cells[0]), current) if cells else current
        for cell in cells:
            shd = cell.find(f"{W}tcPr/{W}shd")
            if shd is not None and shd.get(f"{W}fill") in timetables:
                timetable = timetables[shd.get(f"{W}fill")]
                span = cell.find(f"{W}tcPr/{W}gridSpan")
                assert shd.get(f"{W}val") == HATCHING[timetable.mark]
                shaded[current.id, timetable.id] += int(span.get(f"{W}val")) if span is not None else 1
    expected = Counter({(a.id, tid): sum(s.months for s in spans)
                        for _, _, a in plan.activities() for tid, spans in a.timetable.items()})
    assert shaded == expected


def test_a4_is_an_option(content_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    plan_file = content_copy / "plan.yaml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("page_size: A3", "page_size: A4"), encoding="utf-8")
    written = build(BuildRequest(content=content_copy, out=tmp_path / "out", formats=("pdf", "docx"), papers=("transition-plan",)))
    pdf, word = sorted(written, key=lambda p: p.suffix, reverse=True)
    assert set(_sizes(pdf)) == {(842, 595)}
    assert [round(s.page_width.mm) for s in docx.Document(str(word)).sections] == [297]


TINY_PLAN = """\
title: Plan
version: 1
date: 2020-09-24
months: {first: Mar-20, last: Feb-21}
timetables:
  - {id: original, label: Original, short: Orig, colour: "#9dc3e6", mark: dotted}
sections:
  - title: Governance
    code: G
    activities:
      - id: one
        title: One
        timetable:
          original: [{start: Mar-20, end: May-20}]
"""
SPAN = "sections[0].activities[0].timetable.original[0]"
ANOTHER = "\n      - id: one\n        title: Again\n        timetable: {}\n"


@pytest.mark.parametrize(("old", "new", "at", "field", "message"), [
    ("end: May-20", "end: Mai-20", "Mai-20", f"{SPAN}.end", 'expected a month such as Mar-20 or 2020-03; got "Mai-20"'),
    ("start: Mar-20", "start: 2020-13", "2020-13", f"{SPAN}.start", 'expected a month such as Mar-20 or 2020-03; got "2020-13"'),
    ("start: Mar-20", "start: Jun-20", "May-20", f"{SPAN}.end", "ends in May-20, before it starts in Jun-20"),
    ("end: May-20", "end: 2021-03", "2021-03", f"{SPAN}.end", "Mar-21 is after the chart's last month, Feb-21 (months.last)"),
    ("start: Mar-20", "start: Jan-20", "Jan-20", f"{SPAN}.start", "Jan-20 is before the chart's first month, Mar-20 (months.first)"),
    ("original: [", "revised: [", "revised", "sections[0].activities[0].timetable.revised", '"revised" is not a declared timetable; expected one of original'),
    ("id: one", "id: One", "One", "sections[0].activities[0].id", '"One" is not a valid id; use lower-case letters, digits and hyphens'),
    ("end: May-20}]\n", "end: May-20}]" + ANOTHER, "one\n        title: Again", "sections[0].activities[1].id", '"one" is already used on line 11; ids must be unique'),
    ("version: 1", "version: 1\npage_size: A5", "A5", "page_size", 'expected one of A3 or A4; got "A5"'),
])
def test_plan_problems_name_file_line_and_column(content_copy, capsys, monkeypatch, old, new, at, field, message):
    monkeypatch.chdir(content_copy.parent)
    text = TINY_PLAN.replace(old, new, 1)
    (content_copy / "plan.yaml").write_text(text, encoding="utf-8")
    offset = text.index(at)
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    assert main(["check", "--content", "content"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"content/plan.yaml:{line}:{column}: {field}: {message}", "1 problem found; nothing was written."]


def test_milestones_must_be_key_dates(content_copy, capsys, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "plan.yaml").write_text(TINY_PLAN + "milestones: [go-live]\n", encoding="utf-8")
    ids = [d["id"] for d in yaml.safe_load((content_copy / "programme.yaml").read_text(encoding="utf-8"))["key_dates"]]
    assert main(["check", "--content", "content"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f'content/plan.yaml:15:14: milestones[0]: "go-live" is not in key_dates in programme.yaml; expected one of {", ".join(ids)}',
        "1 problem found; nothing was written."]
