"""The budget report of July 2019: every figure of its fourteen tables where the report printed it,
read back from the HTML, the DOCX and the PDF; totals that follow their rows, in the tables and
in the sentences; and the printed totals its rows do not bear out, each reported by check.

The figures below are transcribed from the report as printed (the seed), not from the example's
files, so a figure typed wrong in tables/ fails here. In the PDF a figure's column is found from
where it is printed: poppler's ``pdftotext -bbox`` gives every word with its box, and a figure
belongs to the column whose unit ("£000", right-aligned in the header like the figures) ends
where the figure ends. Reading positions, not text order, is what shows the right column.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from lxml import etree
from lxml import html as lxml_html

from lgss_docs.build import BuildRequest, build
from lgss_docs.cli import main
from lgss_docs.review.run import ReviewRequest, review

from conftest import BUDGET
from support import W

# Each table as the report printed it: a row a line, "label | figure | ...", "~" for a cell of words.
# Two labels are ours where the report printed none (a screen reader needs one): "Total" under the
# residual gap, and "Income – revised" in the budget build.
SEED = {
    "financial-asks-2019-20": """
        CCC | 619
        MKC | 465
        NCC | 248
        CCC | 300
        MKC | 25
        NCC (includes £50k ask brought forward from 2018-19) | 196
        LGSS Trading | 229
        Fire and Rescue | 9
        Total ask | 2,091""",
    "delivery-plan": """
        Shared savings proposals | 316
        Council specific savings | 350
        Increased trading income | 102
        Service Line additional income targets | 99
        Savings already delivered | 648
        TOTAL | 1,515
        Residual gap | 576""",
    "residual-gap": """
        CCC | 582 | ~
        MKC | -33 | ~
        NCC | 27 | ~
        Total | 576 | ~""",
    "budget-build": """
        Base budget 2018-19 | 18,454 | 10,479 | 25,709 | 54,617
        Transfers to/(from) LGSS base | -14 | 253 | -668 | -429
        Gross expenditure budget – base | 18,440 | 10,732 | 25,041 | 54,188
        Pressures | 45 | 432 | 470 | 947
        Expenditure inflation | 178 | 169 | 13 | 360
        Savings | -619 | -465 | -248 | -1,332
        Customer specific savings | -300 | -25 | -146 | -446
        Gross expenditure budget – revised | 17,744 | 10,843 | 25,130 | 53,717
        Income | -9,583 | -1,674 | -14,876 | -26,133
        Income inflation | 0 | -2 | 0 | -2
        Income – revised | -9,583 | -1,676 | -14,876 | -26,135
        Net budget 2019-20 | 8,161 | 9,166 | 10,254 | 27,582""",
    "income-expenditure": """
        Direct employees | 50,067
        Premises costs | 28
        Transport costs | 614
        Supplies and services | 8,156
        Recharge income | -5,148
        Gross expenditure – total | 53,717
        Income | 26,135
        Net expenditure – total | 27,582""",
    "directorate-budgets": """
        Finance Leadership | 10 | 0 | 10
        Professional Finance – CCC | 1,631 | 0 | 1,631
        Professional Finance – MKC | 1,915 | -53 | 1,862
        Financial Operations | 3,680 | -305 | 3,375
        Debt and Income | 872 | -25 | 847
        Integrated Finance Services | 1,599 | -627 | 972
        Audit & Risk | 2,056 | -422 | 1,634
        Pensions Operations | 6,543 | -6,543 | 0
        Procurement and Insurance | 1,684 | -293 | 1,391
        Finance Customers and Other | 3,209 | -24 | 3,186
        Total Directorate | 21,738 | -8,273 | 13,465
        HR Central Management | 150 | 0 | 150
        Policy & Strategy | 1,073 | 0 | 1,073
        Health, Safety and Wellbeing | 693 | -132 | 561
        HR Business Partners – CCC | 1,096 | 0 | 1,096
        HR Business Partners – MKC | 762 | 0 | 762
        HR Business Partners – NCC | 915 | 0 | 915
        NCC Schools | 178 | -256 | -78
        MKC Schools | 159 | -151 | 8
        Learning & Development | 3,839 | -880 | 2,959
        HR Transactional Services | 2,242 | -699 | 1,543
        Total Directorate | 11,063 | -2,118 | 8,967
        IT Leadership | 60 | 0 | 60
        Cambridgeshire County Council | 1,568 | 0 | 1,568
        Milton Keynes Council | 2,835 | -1 | 2,834
        Northamptonshire County Council | 1,558 | -39 | 1,519
        IT Customers | 7,108 | -556 | 6,552
        Strategy & Architecture | 781 | -16 | 765
        Digital Services | 439 | 0 | 439
        Commercial Management | 580 | 0 | 580
        LGSS Business Systems & Change | 3,549 | 0 | 3,549
        Total Directorate | 18,960 | -1,074 | 17,886
        Managing Director & Support | 282 | 0 | 282
        LGSS Business Planning & Finance | 413 | 0 | 413
        Customer Engagement | 387 | 0 | 387
        Business Development | 181 | -87 | 94
        Language Service | 704 | -738 | -34
        Democratic Support Services | 477 | -92 | 385
        Total Directorate | 2,444 | -917 | 1,527
        Central Trading | 40 | -13,741 | -13,701
        Savings to be allocated | -550 | -12 | -562
        TOTAL | 53,695 | -26,135 | 27,582""",
    "shared-savings": """
        Further rationalisation of the LGSS Leadership team and support | 200
        Reduced Business Planning & Finance team | 31
        Delete vacant posts in Customer Engagement and Business Development teams | 85
        TOTAL | 316""",
    "council-savings": """
        Finance Operations | 100 | ~
        HR and payroll | 125 | ~
        Business Systems | 100 | ~
        Internal Audit MKC | 25 | ~
        TOTAL | 350 | ~""",
    "trading-income": """
        Current customers | 1,937
        Increased revenues | 102
        Total | 2,039""",
    "income-targets": """
        Pensions (2019-20 and 2020-21 amounts already delivered) | 50
        OPUS LGSS recruitment agency (LGSS 49% share) | 49
        TOTAL | 99""",
    "financial-asks-2020-24": """
        CCC | 607 | 0 | 0 | 0
        MKC | 415 | 0 | 0 | 0
        NCC | 351 | 0 | 0 | 0
        CCC | 300 | 566 | 284 | 0
        MKC | 0 | 353 | 0 | 0
        NCC | 25 | 0 | 0 | 0
        LGSS Trading | 265 | 0 | 0 | 0
        Total ask | 1,963 | 919 | 284 | 0""",
}
# Every table in the order the paper prints it, with its number: the report's three, then Appendix A's.
PLACED = [("1", "financial-asks-2019-20"), ("2", "delivery-plan"), ("3", "residual-gap"),
          ("1", "financial-asks-2019-20"), ("2", "delivery-plan"), ("3", "budget-build"), ("4", "income-expenditure"),
          ("5", "directorate-budgets"), ("6a", "shared-savings"), ("6b", "council-savings"), ("6c", "trading-income"),
          ("6d", "income-targets"), ("7", "residual-gap"), ("8", "financial-asks-2020-24")]
_FIGURE = re.compile(r"^\(?-?[\d,]+\)?$")


def seed_rows(table: str) -> list[tuple[str, list[Decimal | None]]]:
    """Return each row of a seed table: its label, and each cell after it as a figure (None for words)."""
    rows = []
    for line in SEED[table].strip().splitlines():
        label, *cells = (cell.strip() for cell in line.split(" | "))
        rows.append((label, [None if cell == "~" else figure(cell) for cell in cells]))
    return rows


def figure(text: str) -> Decimal:
    """Return the figure a cell prints: 1,234, -56 or (56)."""
    value = Decimal(text.strip("()").replace(",", ""))
    return -value if text.startswith("(") else value


def test_the_seed_has_fourteen_tables_in_the_paper():
    assert len(PLACED) == 14 and set(SEED) == {table for _, table in PLACED}


# -- each format read back -----------------------------------------------------------------
def html_tables(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Return each table of figures in the HTML: its caption, and its rows of cell texts."""
    page = lxml_html.fromstring(path.read_bytes())
    return [(" ".join(t.find("caption").text_content().split()),
             [[" ".join(c.text_content().split()) for c in tr if c.tag in ("th", "td")] for tr in t.iter("tr")])
            for t in page.iter("table") if "figures" in t.get("class", "").split()]


def docx_tables(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Return each table of the DOCX whose caption is numbered, with its rows of cell texts (a cell spanning
    columns once, as in the HTML)."""
    found = []
    for table in docx.Document(str(path)).tables:
        caption = table._tbl.tblPr.find(f"{W}tblCaption")
        if caption is not None and caption.get(f"{W}val").startswith("Table "):
            rows = [list({cell._tc: cell.text for cell in row.cells}.values()) for row in table.rows]
            found.append((caption.get(f"{W}val"), rows))
    return found


def check_rows(table: str, rows: list[list[str]], where: str) -> None:
    """Assert that the rows hold every row of the seed table, in order, each figure in its column."""
    at = 0
    for label, cells in seed_rows(table):
        while at < len(rows) and (len(rows[at]) <= len(cells) or rows[at][0] != label):  # a group heading is one cell
            at += 1
        assert at < len(rows), f"{where}: no row {label!r} (in order)"
        for column, expected in enumerate(cells, start=1):
            if expected is not None:
                assert figure(rows[at][column]) == expected, f"{where}: {label}, column {column}: {rows[at][column]!r}"
        at += 1


@pytest.mark.parametrize("fmt, read", [("html", html_tables), ("docx", docx_tables)])
def test_every_figure_of_every_table_is_in_its_row_and_column(budget_built, fmt, read):
    tables = read(budget_built[f"budget-report.{fmt}"])
    assert [caption.split(":")[0] for caption, _ in tables] == [f"Table {number}" for number, _ in PLACED]
    for (caption, rows), (_number, table) in zip(tables, PLACED):
        check_rows(table, rows, f"{fmt} {caption}")


def pdf_lines(path: Path) -> list[list[tuple[float, float, str]]]:
    """Return the PDF's lines in reading order, each a list of (left, right, word) from left to right."""
    shown = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    lines: list[list[tuple[float, float, str]]] = []
    for page in etree.fromstring(shown, etree.XMLParser(recover=True)).iter("{*}page"):
        rows: dict[float, list] = {}
        for word in page.iter("{*}word"):
            top = float(word.get("yMin"))
            key = next((k for k in rows if abs(k - top) < 2), top)
            rows.setdefault(key, []).append((float(word.get("xMin")), float(word.get("xMax")), word.text))
        lines += [sorted(rows[k]) for k in sorted(rows)]
    return lines


def test_every_figure_of_every_table_is_in_its_row_and_column_of_the_pdf(budget_built):
    lines = pdf_lines(budget_built["budget-report.pdf"])
    text = [" ".join(w for _, _, w in line) for line in lines]
    at = 0
    for number, table in PLACED:
        at = next(i for i in range(at, len(lines)) if text[i].startswith(f"Table {number}:"))
        end = next((i for i in range(at + 1, len(lines)) if re.match(r"Table \d+[a-z]?:", text[i])), len(lines))
        columns: list[float] = []  # each figure column's right edge: where its unit, "£000", ends in the header
        for right in sorted(right for line in lines[at:end] for _, right, w in line if w == "£000"):
            if not columns or right - columns[-1] > 2:  # the header repeats on each page the table runs onto
                columns.append(right)
        rows = []
        for line in lines[at + 1:end]:
            # A figure ends where its column's unit ends; a number in the prose around the table does not.
            placed = [(left, columns.index(c), w) for left, right, w in line if _FIGURE.match(w)
                      for c in columns if abs(c - right) < 2]
            if not placed:
                continue
            cells = [""] * (len(columns) + 1)
            cells[0] = " ".join(w for left, _, w in line if left < min(x for x, _, _ in placed))
            for _, column, word in placed:
                cells[1 + column] = word
            rows.append(cells)
        _check_pdf_rows(table, rows)


def _check_pdf_rows(table: str, rows: list[list[str]]) -> None:
    """As check_rows, for the PDF: a label that wraps shows its first line, and a cell of words is not read."""
    at = 0
    for label, cells in seed_rows(table):
        while at < len(rows) and not (rows[at][0] and label.startswith(rows[at][0])):
            at += 1
        assert at < len(rows), f"pdf {table}: no row {label!r} (in order)"
        figures = [c for c in cells if c is not None]
        assert [figure(c) for c in rows[at][1:1 + len(figures)]] == figures, f"pdf {table}: {label}: {rows[at]}"
        at += 1


# -- totals follow their rows --------------------------------------------------------------
@pytest.fixture
def budget_copy(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BUDGET, tmp_path / "budget", ignore=shutil.ignore_patterns("output"))
    return tmp_path / "budget"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _paper_text(path: Path) -> str:
    return " ".join(" ".join(lxml_html.fromstring(path.read_bytes()).body.itertext()).split())


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_changed_row_changes_every_total_that_depends_on_it(budget_copy, fmt):
    # One saving of Table 6a, 50 more: Table 6a's total, the Delivery Plan's row that carries it
    # (in the report and in Appendix A), its TOTAL, the residual gap, and the sentences naming it.
    _edit(budget_copy / "tables" / "shared-savings.yaml", "support, 200]", "support, 250]")
    out = budget_copy / "output"
    build(BuildRequest(content=budget_copy, out=out, formats=(fmt,), papers=("budget-report",)))
    read = html_tables if fmt == "html" else docx_tables
    tables = {caption.split(":", 1)[1].strip(): rows for caption, rows in read(out / f"budget-report.{fmt}")}
    rows = {row[0]: row[1:] for row in tables["Shared savings proposals"]}
    assert rows["TOTAL"] == ["366"]
    plans = [rows for caption, rows in read(out / f"budget-report.{fmt}") if caption.endswith("Delivery Plan – 2019-20")]
    assert len(plans) == 2
    for plan in plans:
        rows = {row[0]: row[1:] for row in plan}
        assert (rows["Shared savings proposals"], rows["TOTAL"], rows["Residual gap"]) == (["366"], ["1,565"], ["526"])
    if fmt == "html":
        text = _paper_text(out / "budget-report.html")
        assert "leaves a residual gap of £526k, most of it CCC's" in text
        assert "breaks down the residual gap of £526k shown in Table 2" in text
        assert "£576k" not in text


def test_a_changed_ask_changes_the_total_ask_and_the_gap(budget_copy):
    _edit(budget_copy / "tables" / "financial-asks-2019-20.yaml", '2018-19)", 196]', '2018-19)", 206]')
    out = budget_copy / "output"
    build(BuildRequest(content=budget_copy, out=out, formats=("html",), papers=("budget-report",)))
    text = _paper_text(out / "budget-report.html")
    assert "Total ask 2,101" in text and "Total ask 2,091" not in text
    assert "Residual gap 586" in text and "a total of £2,101k" in text and "residual gap of £586k" in text


# -- printed totals the rows do not bear out -----------------------------------------------
MISMATCHES = [  # (table, row, column, as printed, what its rows come to): from the seed, summed by hand
    ("budget-build", "Base budget 2018-19", "Total", "54,617", "54,642"),
    ("budget-build", "Gross expenditure budget – base", "Total", "54,188", "54,213"),
    ("budget-build", "Customer specific savings", "Total", "-446", "-471"),
    ("directorate-budgets", "Total Directorate", "Gross expenditure budget", "21,738", "23,199"),
    ("directorate-budgets", "Total Directorate", "External Income budget", "-8,273", "-8,292"),
    ("directorate-budgets", "Total Directorate", "Net expenditure budget", "13,465", "14,907"),
    ("directorate-budgets", "Total Directorate", "Gross expenditure budget", "11,063", "11,107"),
    ("directorate-budgets", "Total Directorate", "Net expenditure budget", "8,967", "8,989"),
    ("directorate-budgets", "Total Directorate", "Gross expenditure budget", "18,960", "18,478"),
    ("directorate-budgets", "Total Directorate", "External Income budget", "-1,074", "-612"),
    ("directorate-budgets", "Total Directorate", "Net expenditure budget", "17,886", "17,866"),
    ("directorate-budgets", "TOTAL", "Gross expenditure budget", "53,695", "54,718"),
    ("directorate-budgets", "TOTAL", "External Income budget", "-26,135", "-25,692"),
    ("directorate-budgets", "TOTAL", "Net expenditure budget", "27,582", "29,026"),
]


def test_check_reports_each_printed_total_its_rows_do_not_bear_out(budget_copy, capsys):
    assert main(["check", "--content", "budget"]) == 0
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == len(MISMATCHES)
    for line, (table, row, column, printed, worked) in zip(warnings, MISMATCHES):
        match = re.fullmatch(rf"warning: budget/tables/{table}\.yaml:(\d+):(\d+): (\S+): (.*)", line)
        assert match, line
        assert match[4].startswith(f"{row}, {column}: stated as {printed}, but "), line
        assert f" {worked}; {abs(figure(printed) - figure(worked)):,} apart, more than rounding explains" in line
        source = (budget_copy / "tables" / f"{table}.yaml").read_text(encoding="utf-8").splitlines()
        written = source[int(match[1]) - 1][int(match[2]) - 1:]
        assert re.match(re.escape(printed.replace(",", "")) + r"\b", written), (line, written)
    assert main(["check", "--content", "budget", "--strict"]) == 2


def test_within_rounding_a_printed_figure_is_kept_without_a_warning(budget_copy, capsys):
    # 3,209 less 24 is 3,185; the report prints 3,186, which rounding of the two explains.
    main(["check", "--content", "budget"])
    assert "Finance Customers and Other" not in capsys.readouterr().err
    _edit(budget_copy / "tables" / "directorate-budgets.yaml", "3209, -24, 3186]", "3209, -24, 3188]")
    main(["check", "--content", "budget"])
    assert ("Finance Customers and Other, Net expenditure budget: stated as 3,188, but Gross expenditure budget and "
            "External Income budget add up to 3,185; 3 apart, more than rounding explains (at most 1.5)") in capsys.readouterr().err


def test_the_change_summary_lists_a_changed_figure_and_the_totals_it_changed(budget_copy, tmp_path):
    before = budget_copy.parent / "before"
    shutil.copytree(budget_copy, before)
    _edit(budget_copy / "tables" / "shared-savings.yaml", "support, 200]", "support, 250]")
    result = review(ReviewRequest(old=str(before), new=str(budget_copy), content=budget_copy, out=tmp_path,
                                  formats=("html",), papers=("operational-update",)))
    # The figure, every total worked out from it, and the sentence quoting one, facts filled in.
    assert [(c.place.rpartition(" › ")[2], str(c)) for c in result.changes if c.area != "Content files"] == [
        ("Table 2: Delivery Plan – 2019-20", "Shared savings proposals: 2019-20 £000 316 → 366"),
        ("Table 2: Delivery Plan – 2019-20", "TOTAL: 2019-20 £000 1,515 → 1,565"),
        ("Table 2: Delivery Plan – 2019-20", "Residual gap: 2019-20 £000 576 → 526"),
        ("Table 6a: Shared savings proposals",
         "Further rationalisation of the LGSS Leadership team and support: 2019-20 £000 200 → 250"),
        ("Table 6a: Shared savings proposals", "TOTAL: 2019-20 £000 316 → 366"),
        ("Financial Plans", "paragraph reworded …the residual gap of £576k shown in Table 2. → "
                            "…the residual gap of £526k shown in Table 2."),
    ]
