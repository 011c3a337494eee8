"""The plan chart in Word: the red date line the paper promises, tinted sections, whole activities."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from support import W


def _chart(path):
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return next(t for t in root.iter(f"{W}tbl")
                if t.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val").endswith("timetable by month"))


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _grid(row) -> list[tuple[int, object]]:
    """Return (last grid column, w:tc) for every cell of ``row``, cells merged from above included."""
    out, column = [], -1
    for tc in row.findall(f"{W}tc"):
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        column += int(span.get(f"{W}val")) if span is not None else 1
        out.append((column, tc))
    return out


@pytest.mark.parametrize("paper", ["transition-plan", "committee-report"])
def test_the_plan_date_is_a_red_line_down_its_month(built, paper):
    rows = _chart(built[f"{paper}.docx"]).findall(f"{W}tr")
    # The month heading marked ▼ is the plan's (24 September 2020: late in the month, so its right edge).
    heading = next(r for r in rows if any(_text(tc) == "Sep-20 ▼" for _, tc in _grid(r)))
    column = next(c for c, tc in _grid(heading) if _text(tc) == "Sep-20 ▼")
    lined = []
    for row in rows:
        for last, tc in _grid(row):
            right = tc.find(f"{W}tcPr/{W}tcBorders/{W}right")
            if right is not None:
                assert right.get(f"{W}color") == "C00000" and int(right.get(f"{W}sz")) >= 8
                assert last == column, f"a red line off the plan date's month: {_text(row)[:40]}"
                lined.append(row)
            assert tc.find(f"{W}tcPr/{W}tcBorders/{W}left") is None
    # The line runs unbroken down the chart: every row has it but the key and the section titles
    # (one cell across the table). A bar across the date is two cells, the line between them.
    unlined = [r for r in rows if r not in lined]
    assert unlined[0] is rows[0] and _text(rows[0]).startswith("Key")
    assert unlined[1:] and all(len(r.findall(f"{W}tc")) == 1 for r in unlined[1:]), [_text(r)[:30] for r in unlined]


def test_a_bar_across_the_date_is_two_cells_of_one_look(built):
    rows = _chart(built["transition-plan.docx"]).findall(f"{W}tr")
    pairs = 0
    for row in rows:
        cells = [tc for _, tc in _grid(row)]
        for left, right in zip(cells, cells[1:]):
            bordered = left.find(f"{W}tcPr/{W}tcBorders/{W}right") is not None and left.find(f"{W}tcPr/{W}shd") is not None
            if bordered and _fill(left)[0] != "auto" and right.find(f"{W}tcPr/{W}shd") is not None and _fill(right) == _fill(left):
                pairs += 1
    assert pairs >= 10  # the Covid-19 timetable's bars run through September 2020


def test_section_rows_are_tinted_like_the_header(built):
    rows = _chart(built["transition-plan.docx"]).findall(f"{W}tr")
    sections = [r for r in rows if len(r.findall(f"{W}tc")) == 1 and _text(r) in
                ("Governance", "Transition", "Customers", "People")]
    assert len(sections) == 4
    header_fill = rows[1].find(f"{W}tc/{W}tcPr/{W}shd").get(f"{W}fill")
    for row in sections:
        assert row.find(f"{W}tc/{W}tcPr/{W}shd").get(f"{W}fill") == header_fill


def test_every_row_of_an_activity_keeps_with_the_next(built):
    rows = _chart(built["transition-plan.docx"]).findall(f"{W}tr")
    starts = [i for i, r in enumerate(rows) if r.find(f"{W}tc/{W}tcPr/{W}vMerge[@{W}val='restart']") is not None]
    assert len(starts) == 26
    for start in starts:
        # An activity runs from its first bar row to its filler row, the first with no merged cell after it.
        end = next(i for i in range(start + 1, len(rows)) if rows[i].find(f"{W}tc/{W}tcPr/{W}vMerge") is not None
                   and (i + 1 == len(rows) or rows[i + 1].find(f"{W}tc/{W}tcPr/{W}vMerge") is None
                        or rows[i + 1].find(f"{W}tc/{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"))
        for row in rows[start:end]:
            for p in row.iter(f"{W}p"):
                assert p.find(f"{W}pPr/{W}keepNext") is not None, f"row {_text(row)[:40]!r} may leave its activity"


def _fill(tc) -> tuple[str, str]:
    """Return a cell's shading: (fill colour, pattern)."""
    shd = tc.find(f"{W}tcPr/{W}shd")
    return shd.get(f"{W}fill"), shd.get(f"{W}val")
