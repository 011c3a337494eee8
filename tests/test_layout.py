"""On the printed page, text stays on the page and out of its neighbours' way, whatever is typed.

Read back from the PDF as a reader sees it: the box of every word (pdftotext -bbox) must end
before the page's right margin (as wide as its left one) and overlap no other word.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lgss_docs.build import BuildRequest, build

from conftest import EXAMPLE
from support import synthetic

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
LONG_WORD = "Supercalifragilistic" * 12
LONG_URL = "https://example.org/" + "a1b2c3d4e5" * 25

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def _pages(pdf: Path) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    """Return (page width, [(x0, y0, x1, y1, word), ...]) for each page of ``pdf``."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        width = float(re.match(r'width="([\d.]+)"', page)[1])
        pages.append((width, [(*map(float, m.groups()[:4]), m[5]) for m in WORD.finditer(page)]))
    return pages


def _overlap(a, b) -> bool:
    tolerance = 0.5  # points: glyph boxes of neighbouring words may touch
    return a[0] < b[2] - tolerance and b[0] < a[2] - tolerance and a[1] < b[3] - tolerance and b[1] < a[3] - tolerance


@pytest.fixture(scope="module")
def long_words(tmp_path_factory) -> list[Path]:
    """Return the highlight and committee reports built with long words in three kinds of cell:
    Markdown text (a work stream's risks), a title (a row heading) and inline Markdown (a service's notes)."""
    root = tmp_path_factory.mktemp("long")
    shutil.copytree(EXAMPLE, root / "content")
    workstream = root / "content" / "workstreams" / "01-governance.yaml"
    text = workstream.read_text(encoding="utf-8")
    line = f"  - A word of {len(LONG_WORD)} letters, {LONG_WORD}, and a link <{LONG_URL}> in one cell.\n"
    text = text.replace("risks_and_issues: |\n", "risks_and_issues: |\n" + line, 1)
    workstream.write_text(text.replace("title: Governance\n", f"title: Governance {LONG_WORD}\n", 1), encoding="utf-8")
    service = root / "content" / "services" / "01-hr-advisory.yaml"
    service.write_text(service.read_text(encoding="utf-8") + f"notes: See <{LONG_URL}>.\n", encoding="utf-8")
    return build(BuildRequest(content=root / "content", out=root / "out", formats=("pdf",),
                              papers=("highlight-report", "committee-report")))


def test_long_words_and_links_break_inside_their_cells(long_words):
    for pdf in long_words:
        pages = _pages(pdf)
        for number, (width, words) in enumerate(pages, start=1):
            where = f"{pdf.name} page {number}"
            margin = min(word[0] for word in words)  # the running header starts at the left margin
            for word in words:
                assert word[2] <= width - margin + 1, f"{where}: {word[4][:40]} runs into the margin or off the page"
            for i, a in enumerate(words):
                for b in words[i + 1:]:
                    assert not _overlap(a, b), f"{where}: {a[4][:30]} runs over {b[4][:30]}"
        # Broken across lines, but every letter is there, in order.
        text = "".join(word[4] for _, words in pages for word in words)
        assert LONG_WORD in text and LONG_URL in text


def test_short_codes_stay_whole(built):
    # A column may narrow to let long words break; one of codes must not break them ("G1" "0").
    numbers = re.findall(r'<th scope="rowgroup"[^>]*class="number">([^<]+)</th>',
                         built["transition-plan.html"].read_text(encoding="utf-8"))
    assert "G10" in numbers
    for name in ("transition-plan.pdf", "committee-report.pdf"):
        words = [word[4] for _, page in _pages(built[name]) for word in page]
        for number in numbers:
            assert words.count(number) >= 2, f"{name}: {number} is not whole in the chart and in the table of dates"


# -- at scale: a programme of 40 work streams and a plan of 36 months -------------------------
@pytest.fixture(scope="module")
def at_scale(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("scale")
    content = synthetic().synthesise(EXAMPLE, root / "content", 1, workstreams=40, months=36)
    built = build(BuildRequest(content=content, out=root / "out", formats=("pdf",),
                               papers=("committee-report", "transition-plan")))
    return {path.stem: path for path in built}


def _line_of(words, text: str):
    """Return the first word ``text`` and every word whose middle is level with it."""
    first = next(w for w in words if w[4] == text)
    middle = (first[1] + first[3]) / 2
    return first, [w for w in words if w[1] < middle < w[3]]


def test_a_long_rag_table_starts_on_the_page_of_its_caption(at_scale):
    pages = _pages(at_scale["committee-report"])
    caption = next(n for n, (_, words) in enumerate(pages)
                   if "RAG status of each project work stream as at" in " ".join(w[4] for w in words))
    text = " ".join(w[4] for w in pages[caption][1])
    assert "Current status" in text and "Project work stream 1: Governance" in text


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def test_a_36_month_plan_heads_each_month_legibly_and_keeps_milestones_off_the_date_line(at_scale):
    width, words = _pages(at_scale["transition-plan"])[0]
    timetable, line = _line_of(words, "Timetable")
    headings = sorted((w for w in line if w[0] > timetable[2]), key=lambda w: w[0])
    # March 2020 to February 2023, each month's name whole on one line, under a row of years.
    assert [w[4] for w in headings] == [MONTHS[(2 + i) % 12] for i in range(36)]
    assert not any(_overlap(a, b) for a, b in zip(headings, headings[1:]))
    _, years = _line_of(words, "2021")
    assert [w[4] for w in sorted(years, key=lambda w: w[0])] == ["2020", "2021", "2022", "2023"]
    # The date line (24 September 2020) in the month columns, from the chart's geometry.
    mm = 72 / 25.4
    left, month = 14 * mm + 0.46 * 392 * mm, 0.54 * 392 * mm / 36
    date_line = left + (6 + 23.5 / 30) * month
    milestones, _ = _line_of(words, "Milestones")
    section = _line_of(words, "Governance")[0]  # the first row after the milestones
    below = [w for w in words if milestones[1] - 2 <= w[1] < section[1] and w[0] > timetable[2]]
    assert below, "the milestones' markers are in the month columns"
    assert not any(w[0] - 0.5 < date_line < w[2] + 0.5 for w in below), "a milestone over the date line"
    assert all(w[4].startswith("◆") for w in below)  # their words stand under the row's heading


@pytest.mark.parametrize("months", [12, 36])
def test_a_milestone_in_the_month_of_the_plan_date_stands_clear_of_its_line(tmp_path, months):
    content = synthetic().synthesise(EXAMPLE, tmp_path / "content", 1, months=months)
    plan = content / "plan.yaml"
    plan.write_text(re.sub(r"(?m)^date: .*$", "date: 2020-10-15", plan.read_text(encoding="utf-8")), encoding="utf-8")
    pdf, = build(BuildRequest(content=content, out=tmp_path / "out", formats=("pdf",), papers=("transition-plan",)))
    _, words = _pages(pdf)[0]
    mm = 72 / 25.4
    left, month = 14 * mm + 0.46 * 392 * mm, 0.54 * 392 * mm / months
    date_line = left + (7 + 14.5 / 31) * month  # 15 October 2020, the month of milestone 1 (1 October)
    milestones, _ = _line_of(words, "Milestones")
    section = _line_of(words, "Governance")[0]
    row = [w for w in words if milestones[1] - 2 <= w[1] < section[1] and left <= w[0] < left + 8 * month]
    assert any(w[4].startswith("◆") for w in row)
    assert not any(w[0] - 0.5 < date_line < w[2] + 0.5 for w in row), "a milestone over the date line"
