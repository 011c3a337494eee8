"""Tables of figures, pipe tables and numbered paragraphs, on a small programme made for the test.

Figures are read exactly and printed as councils print them; worked-out figures follow their
rows whatever the rows are (hypothesis); every column type reaches the HTML, the DOCX and the
PDF; a paper reads the tables it places or names and no other; numbered paragraphs and pipe
tables come out the same in the three formats.
"""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from lgss_docs.build import BuildRequest, build
from lgss_docs.errors import BuildError
from lgss_docs.inputs import declared, reads
from lgss_docs.model.figures import NotAFigure, figure_text, prose_text, read_figure
from lgss_docs.model.totals import Grids
from lgss_docs.validate import load_content
from lgss_docs.validate.warnings import content_warnings

from support import W

PROGRAMME = """programme: {name: Test Programme, organisation: Test Council}
rag:
  scale:
    - {level: Red, colour: "#f4c7c3"}
    - {level: Green, colour: "#c6efce"}
"""
SPEND = """caption: Spending on services
unit: £000
columns:
  - {id: service, heading: Service}
  - {id: budget, heading: Budget, type: money}
  - {id: spent, heading: Spent, type: money}
  - {id: variance, heading: Variance, type: money, difference: [budget, spent]}
  - {id: share, heading: Spent of budget, type: percentage, ratio: [spent, budget], decimals: 1}
  - {id: status, heading: Status, type: rag}
  - {id: reviewed, heading: Reviewed, type: date}
rows:
  - group: Services
  - [Finance, 1200, 1100, Green, 2024-02-01]
  - [HR, 800, 850.5, red, 1 March 2024]
  - {subtotal: All services, sum: group}
  - [Contingency, 100, 0, Green, 15/01/2024]
  - {total: Total, sum: above}
"""
REPORT = """title: Figures
date: 2024-03-04
paragraph_numbers: section
sections:
  - heading: Background
    blocks:
      - text: |
          Before the figures.
  - heading: Money
    blocks:
      - text: |
          The services were given {tables.spend.total.budget} and spent {tables.spend.total.share} of it;
          HR spent {tables.spend.hr.spent}, {tables.spend.hr.variance} against its budget.

          In order:

          3. the services;
          4. the contingency.

          Table: Who leads

          | Service | Lead | Staff |
          | --- | --- | ---: |
          | Finance | CCC | 1,200 |
          | HR | MKC | 35 |

          After the table.
      - figures: spend
      - figures: spend
        caption: The same figures again
"""
OTHER = """title: Words only
date: 2024-03-04
sections:
  - heading: Words
    blocks:
      - text: No figures here.
"""


def _programme(folder: Path, tables: dict[str, str] | None = None) -> Path:
    (folder / "papers").mkdir(parents=True)
    (folder / "tables").mkdir()
    (folder / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    (folder / "papers" / "report.yaml").write_text(REPORT, encoding="utf-8")
    (folder / "papers" / "other.yaml").write_text(OTHER, encoding="utf-8")
    for name, text in (tables or {"spend": SPEND}).items():
        (folder / "tables" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = _programme(tmp_path_factory.mktemp("figures") / "content")
    return {p.name: p for p in build(BuildRequest(content=folder, out=folder.parent / "output", papers=("report",)))}


# -- reading and printing figures --------------------------------------------------------
@pytest.mark.parametrize("typed, value", [
    ("2,091", "2091"), ("2091", "2091"), ("-14", "-14"), ("−14", "-14"), ("(1,332)", "-1332"), ("12.50", "12.50"),
    ("0", "0"), ("1,234,567.8", "1234567.8"),
])
def test_a_figure_is_read_exactly_as_typed(typed, value):
    assert read_figure(typed) == Decimal(value) and str(read_figure(typed)) == value


@pytest.mark.parametrize("typed", ["£2,091", "20,91", "1,2345", "(14", "-(14)", "two", "1.2.3", "", "12%", "1e3"])
def test_anything_else_is_not_a_figure(typed):
    with pytest.raises(NotAFigure):
        read_figure(typed)


def test_a_percentage_may_carry_its_sign():
    assert read_figure("45.5%", percent=True) == Decimal("45.5")


@pytest.mark.parametrize("value, decimals, negatives, shown", [
    ("2091", 0, "brackets", "2,091"), ("-1332", 0, "brackets", "(1,332)"), ("-1332", 0, "minus", "-1,332"),
    ("2.5", 0, "brackets", "3"), ("-2.5", 0, "brackets", "(3)"), ("-0.4", 0, "brackets", "0"), ("0.125", 2, "minus", "0.13"),
    ("1234567.891", 1, "minus", "1,234,567.9"),
])
def test_a_figure_is_printed_as_councils_print_it(value, decimals, negatives, shown):
    assert figure_text(Decimal(value), decimals, negatives) == shown


@pytest.mark.parametrize("value, decimals, unit, percent, said", [
    ("576", 0, "£000", False, "£576k"), ("-2", 0, "£000", False, "-£2k"), ("4.248", 3, "£m", False, "£4.248m"),
    ("1250", 0, "£", False, "£1,250"), ("1274", 0, None, False, "1,274"), ("92.88", 1, None, True, "92.9%"),
])
def test_prose_names_a_figure_with_its_unit(value, decimals, unit, percent, said):
    assert prose_text(Decimal(value), decimals, unit, percent) == said


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["brackets", "minus"]))
def test_what_is_printed_reads_back_as_the_figure_rounded(value, negatives):
    assert read_figure(figure_text(value, 2, negatives)) == value.quantize(Decimal("0.01"))


# -- worked-out figures follow their rows ---------------------------------------------------
def _grid(tmp_path: Path, table: str, name: str = "spend"):
    content = load_content(_programme(tmp_path / "content", {"spend": SPEND, name: table}))
    return content, Grids(content.tables, content.programme.rag)[name]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(-99_999, 99_999), min_size=2, max_size=2), min_size=1, max_size=6),
       st.lists(st.integers(-99_999, 99_999), min_size=1, max_size=4))
def test_totals_are_the_exact_sums_of_their_rows(tmp_path_factory, first, second):
    rows = [{"group": "First"}, *([f"Row {i}", a, b] for i, (a, b) in enumerate(first)), {"subtotal": "First part", "sum": "group"},
            {"group": "Second"}, *([f"Other {i}", a, 0] for i, a in enumerate(second)),
            {"total": "Total", "sum": "above"}, {"row": "Left", "difference": ["total", "first-part"]}]
    table = ("caption: Sums\nunit: £000\ncolumns:\n  - {id: item, heading: Item}\n  - {id: a, heading: A, type: money}\n"
             "  - {id: b, heading: B, type: money}\n  - {id: both, heading: Both, type: money, sum: [a, b]}\nrows:\n" +
             "".join(f"  - {_flow(row)}\n" for row in rows))
    _, grid = _grid(tmp_path_factory.mktemp("sums"), table, "sums")
    cell = lambda row, column: grid.cell(row, column).amount.value  # noqa: E731
    assert cell("first-part", "a") == sum(a for a, _ in first) and cell("first-part", "b") == sum(b for _, b in first)
    assert cell("total", "a") == sum(a for a, _ in first) + sum(second)
    assert cell("total", "both") == sum(a + b for a, b in first) + sum(second)
    assert cell("left", "a") == sum(second)
    assert grid.cell("total", "a").amount.count == len(first) + len(second)


def _flow(row) -> str:
    if isinstance(row, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in row.items()) + "}"
    return "[" + ", ".join(map(str, row)) + "]" if isinstance(row, list) else str(row)


@pytest.mark.parametrize("stated, warned", [("2101", False), ("2103", False), ("2104", True), ("2099", False), ("2098", True)])
def test_a_stated_total_may_differ_by_what_rounding_explains(tmp_path, stated, warned):
    # Four typed figures, each up to half a unit out, and the total printed rounded too: 2.5 units at most.
    table = SPEND.replace("{total: Total, sum: above}", f"{{total: Total, sum: above, stated: [{stated}]}}").replace(
        "  - [HR, 800, 850.5, red, 1 March 2024]\n", "  - [HR, 800, 850, red, 1 March 2024]\n  - [Pay, 1, 0, Red, 2024-03-01]\n")
    content, grid = _grid(tmp_path, table)
    found = [str(w) for w in content_warnings(content)]
    assert grid.cell("total", "budget").amount.value == 2101
    assert bool(found) is warned, found
    if warned:
        assert found[0].endswith(f"Total, Budget: stated as {int(stated):,}, but the rows above add up to 2,101; "
                                 f"{abs(int(stated) - 2101)} apart, more than rounding explains (at most 2.5)")


# -- every column type in every format --------------------------------------------------------
EXPECTED_ROWS = [  # what each row of Spending on services prints, worked out by hand: a column's figures
    ["Finance", "1,200", "1,100.0", "100.0", "91.7%", "Green", "1 February 2024"],  # all have its most decimals
    ["HR", "800", "850.5", "(50.5)", "106.3%", "Red", "1 March 2024"],
    ["All services", "2,000", "1,950.5", "49.5", "97.5%", "", ""],
    ["Contingency", "100", "0.0", "100.0", "0.0%", "Green", "15 January 2024"],
    ["Total", "2,100", "1,950.5", "149.5", "92.9%", "", ""],
]


def _html(built) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(built["report.html"].read_bytes())


def test_every_column_type_is_printed_as_its_column_prints_it_in_the_html(built):
    tables = [t for t in _html(built).iter("table") if "figures" in t.get("class", "")]
    assert [" ".join(t.find("caption").text_content().split()) for t in tables] == [
        "Table 1: Spending on services", "Table 2: The same figures again"]
    for table in tables:
        rows = [[" ".join(c.text_content().split()) for c in tr] for tr in table.iter("tr")]
        assert rows[0] == ["Service", "Budget £000", "Spent £000", "Variance £000", "Spent of budget", "Status", "Reviewed"]
        assert [r for r in rows[1:] if len(r) > 1] == EXPECTED_ROWS
        assert table.xpath("string(.//tr[@class='subtotal']/th/@scope)") == "row"
        assert table.xpath(".//tbody/tr[@class='subhead']/th[@scope='rowgroup'][@colspan='7']/text()") == ["Services"]
        assert table.xpath(".//tr[@class='total']/td[1]/@class") == ["figure"]
        assert table.xpath(".//tbody/tr/td[@class='rag rag-red']/text()") == ["Red"]


def test_every_column_type_is_printed_alike_in_the_docx(built):
    document = docx.Document(str(built["report.docx"]))
    table = next(t for t in document.tables if t._tbl.tblPr.find(f"{W}tblCaption").get(f"{W}val") == "Table 1: Spending on services")
    rows = [list({c._tc: c.text for c in row.cells}.values()) for row in table.rows]
    assert [r for r in rows[1:] if len(r) > 1] == EXPECTED_ROWS
    total = table.rows[-1]
    figure = total.cells[1]
    assert figure.paragraphs[0].alignment == 2  # right
    assert all(run.bold for cell in total.cells[:5] for p in cell.paragraphs for run in p.runs)
    top = figure._tc.tcPr.find(f"{W}tcBorders/{W}top")
    assert top.get(f"{W}val") == "single" and top.get(f"{W}sz") == "18"
    plain = table.rows[2].cells[0].paragraphs[0].runs[0]
    assert not plain.bold  # a row's label is plain; the heading row and totals are bold
    red = table.rows[3].cells[5]._tc.tcPr.find(f"{W}shd")
    assert red.get(f"{W}fill") == "F4C7C3"


def test_every_column_type_is_printed_alike_in_the_pdf(built):
    text = subprocess.run(["pdftotext", "-layout", str(built["report.pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    for row in EXPECTED_ROWS:
        pattern = r"\s+".join(re.escape(word) for cell in row for word in cell.split())
        assert re.search(pattern, text), row


def test_prose_names_figures_as_their_columns_print_them(built):
    text = " ".join(" ".join(_html(built).body.itertext()).split())
    assert "were given £2,100k and spent 92.9% of it; HR spent £850.5k, -£50.5k against its budget." in text


# -- numbered paragraphs and pipe tables, the same in each format ---------------------------
def test_paragraphs_are_numbered_within_sections_and_lists_keep_their_own_numbers(built):
    html = _html(built)
    numbers = [p.find("span").text for p in html.iter("p") if p.get("class") == "numbered"]
    assert numbers == ["1.1 ", "2.1 ", "2.2 ", "2.3 "]
    assert html.xpath("//ol/@start") == ["3"]
    paragraphs = [p.text for p in docx.Document(str(built["report.docx"])).paragraphs]
    assert [p.split("\t")[0] for p in paragraphs if re.match(r"\d\.\d\t", p)] == ["1.1", "2.1", "2.2", "2.3"]
    assert "2.1\tThe services were given £2,100k" in "\n".join(paragraphs)
    numbering = docx.Document(str(built["report.docx"])).part.numbering_part.element.xml
    assert '<w:startOverride w:val="3"/>' in numbering
    pdf = subprocess.run(["pdftotext", "-layout", str(built["report.pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    assert re.findall(r"^\s*(\d\.\d)\s+\S", pdf, re.M) == ["1.1", "2.1", "2.2", "2.3"]
    assert re.search(r"3\.\s+the services;\s+4\.\s+the contingency\.", pdf)


def test_a_pipe_table_is_a_real_table_in_each_format(built):
    html = _html(built)
    table = next(t for t in html.iter("table") if not t.get("class"))
    assert table.find("caption").text == "Who leads"
    assert table.xpath(".//th/@scope") == ["col"] * 3 and table.xpath(".//td[@class='align-right']/text()") == ["1,200", "35"]
    document = docx.Document(str(built["report.docx"]))
    words = next(t for t in document.tables if t._tbl.tblPr.find(f"{W}tblCaption").get(f"{W}val") == "Who leads")
    assert [[c.text for c in row.cells] for row in words.rows] == [["Service", "Lead", "Staff"], ["Finance", "CCC", "1,200"], ["HR", "MKC", "35"]]
    assert words.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert words.rows[1].cells[2].paragraphs[0].alignment == 2
    pdf = subprocess.run(["pdftotext", "-layout", str(built["report.pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Who leads\s+Service\s+Lead\s+Staff\s+Finance\s+CCC\s+1,200\s+HR\s+MKC\s+35", pdf)


# -- what a paper reads -------------------------------------------------------------------------
def test_a_paper_reads_the_tables_it_places_or_names_and_no_other(tmp_path):
    carried = "caption: Carried\nunit: £000\ncolumns:\n  - {id: item, heading: Item}\n  - {id: budget, heading: Budget, type: money}\n" \
              "rows:\n  - {row: From spend, sum: [spend.total]}\n"
    content = load_content(_programme(tmp_path / "content", {"spend": SPEND, "carried": carried, "unused": SPEND}))
    assert {p for p in reads(content, "report") if p.startswith("table:")} == {"table:spend"}
    assert {p for p in reads(content, "other") if p.startswith("table:")} == set()
    text = (tmp_path / "content" / "papers" / "other.yaml").read_text(encoding="utf-8")
    (tmp_path / "content" / "papers" / "other.yaml").write_text(text.replace("No figures here.", "Carried {tables.carried.from-spend.budget} in all."))
    content = load_content(tmp_path / "content")
    assert {p for p in reads(content, "other") if p.startswith("table:")} == {"table:carried", "table:spend"}
    seen = declared(content, "report", reads(content, "report"))
    with pytest.raises(BuildError, match="reads table:unused, which lgss_docs.inputs.reads does not list"):
        seen.tables["unused"]
