"""Tables of figures (tables/), the figures named in text, pipe tables and numbered paragraphs."""

from . import REPORT, Case, R, Replace, Write

TABLE = "tables/asks.yaml"
T = "content/" + TABLE
ASKS = """caption: Savings asks
unit: £000
columns:
  - {id: ask, heading: Ask}
  - {id: 2019-20, heading: 2019-20, type: money}
rows:
  - [CCC, 619]
  - [MKC, 465]
  - {total: Total ask, sum: above}
"""


def asks(old: str, new: str) -> Write:
    """Write the table of asks with ``old`` replaced by ``new``."""
    assert old in ASKS
    return Write(TABLE, ASKS.replace(old, new, 1))


COUNT = "expected 2 cells, one per column (Ask, 2019-20); got"

CASES = [
    Case("table-total-stated-wrong", (asks("sum: above}", "sum: above, stated: [2901]}"),),
         (f"warning: {T}:9:45: rows[2].stated[0]: Total ask, 2019-20: stated as 2,901, but the rows above add up to "
          "1,084; 1,817 apart, more than rounding explains (at most 1.5)",), strict=True),
    Case("table-column-total-stated-wrong", (Write(TABLE, ASKS.replace(
        "  - {id: 2019-20, heading: 2019-20, type: money}\n",
        "  - {id: ccc, heading: CCC, type: money}\n  - {id: mkc, heading: MKC, type: money}\n"
        "  - {id: all, heading: Total, type: money, sum: [ccc, mkc]}\n").replace(
        "  - [CCC, 619]\n  - [MKC, 465]\n", "  - [Shared, 619, 465, 1048]\n")),),
         (f"warning: {T}:9:24: rows[0][3]: Shared, Total: stated as 1,048, but CCC and MKC add up to 1,084; "
          "36 apart, more than rounding explains (at most 1.5)",), strict=True),
    Case("table-cell-not-a-number", (asks("[MKC, 465]", "[MKC, four hundred]"),),
         (f'{T}:8:11: rows[1][1]: expected an amount of money such as 1,234, -56 or (56); got "four hundred"',)),
    Case("table-cell-with-a-pound-sign", (asks("[MKC, 465]", '[MKC, "£465"]'),),
         (f'{T}:8:11: rows[1][1]: expected a figure without a £ sign (the unit is in the column\'s heading); got "£465"',)),
    Case("table-row-a-cell-short", (asks("[MKC, 465]", "[MKC]"),),
         (f"{T}:8:5: rows[1]: {COUNT} 1",)),
    Case("table-row-comma-in-a-figure", (asks("[MKC, 465]", "[MKC, 1,465]"),),
         (f"{T}:8:13: rows[1][2]: {COUNT} 3 (in [brackets] a comma separates cells: put text or a figure with a "
          "comma in quotes)",)),
    Case("table-sum-names-no-row", (asks("sum: above}", "sum: [ccc, mck]}"),),
         (f'{T}:9:35: rows[2].sum[1]: "mck" names no row of this table; did you mean "mkc"?',)),
    Case("table-sum-of-a-row-below", (asks("  - [CCC, 619]\n", "  - {subtotal: Part, sum: [total-ask]}\n  - [CCC, 619]\n"),),
         (f'{T}:7:28: rows[0].sum[0]: "total-ask" is not above this row; a row adds up rows above it',)),
    Case("table-group-total-outside-a-group", (asks("sum: above}", "sum: group}"),),
         (f"{T}:9:29: rows[2].sum: this row is not in a group; use sum: above, or a list of rows",)),
    Case("table-row-of-no-kind", (asks("{total: Total ask, sum: above}", "{totl: Total ask}"),),
         (f"{T}:9:5: rows[2]: expected a row: a list of cells [label, 1, 2], or group:, subtotal:, total: or row: with id:",)),
    Case("table-money-without-a-unit", (asks("unit: £000\n", ""),),
         (f"{T}:4:43: columns[1].type: a money column needs a unit: give unit: £, £000 or £m here or for the whole table",)),
    Case("table-worked-column-uses-one-to-its-right", (asks(
        "  - {id: 2019-20, heading: 2019-20, type: money}\n",
        "  - {id: total, heading: Total, type: money, sum: [ask, 2019-20]}\n  - {id: 2019-20, heading: 2019-20, type: money}\n"),),
         (f'{T}:5:52: columns[1].sum[0]: "ask" is a text column; sum works from money or number columns',
          f'{T}:5:57: columns[1].sum[1]: "2019-20" is not to the left of this column; a worked-out column uses the '
          "columns before it")),
    Case("table-stated-in-a-text-column", (Write(TABLE, ASKS.replace(
        "  - {id: 2019-20, heading: 2019-20, type: money}\n",
        "  - {id: 2019-20, heading: 2019-20, type: money}\n  - {id: notes, heading: Notes}\n").replace(
        "  - [CCC, 619]\n  - [MKC, 465]\n", "  - [CCC, 619, Agreed]\n  - [MKC, 465, Agreed]\n").replace(
        "sum: above}", "sum: above, stated: [1084, 0]}")),),
         (f"{T}:10:51: rows[2].stated[1]: Notes is a text column; only figures are stated (~ for none)",)),
    Case("table-rating-not-on-the-scale", (Write(TABLE, ASKS.replace(
        "  - {id: 2019-20, heading: 2019-20, type: money}\n",
        "  - {id: 2019-20, heading: 2019-20, type: money}\n  - {id: status, heading: Status, type: rag}\n").replace(
        "  - [CCC, 619]\n  - [MKC, 465]\n", "  - [CCC, 619, Ambre]\n  - [MKC, 465, Green]\n")),),
         (f'{T}:8:16: rows[0][2]: expected one of Red, Amber/Red, Amber, Green; got "Ambre"',)),
    Case("table-id-twice", (Write(TABLE, ASKS), Write("tables/01-asks.yaml", ASKS)),
         ('content/tables/asks.yaml:1:1: has the id "asks" of content/tables/01-asks.yaml; rename one of them',)),
    Case("tables-that-add-up-each-other", (
        asks("sum: above}", "sum: [other.total-ask]}"),
        Write("tables/other.yaml", ASKS.replace("sum: above}", "sum: [asks.total-ask]}"))),
         ('content/tables/other.yaml:9:30: rows[2].sum[0]: "asks.total-ask" leads back to this table; rows of two '
          "tables cannot each add up the other",)),
    Case("figures-block-names-no-table", (Write(TABLE, ASKS), Replace(REPORT, "      - table: rag_summary\n",
                                                                        "      - table: rag_summary\n      - figures: aks\n")),
         (f'{R}:{{L+1}}:18: sections[1].blocks[2].figures: "aks" is not a table in tables/; did you mean "asks"?',)),
    Case("figure-named-with-no-such-row", (Write(TABLE, ASKS), Replace(REPORT, "On {dates.june-paper}", "On {tables.asks.total.2019-20}")),
         (f'{R}:{{L-1}}:15: sections[0].blocks[0].text: {{tables.asks.total.2019-20}} names no figure; "total" is not a row '
          'of asks; did you mean "total-ask"?',)),
    Case("figure-named-without-its-column", (Write(TABLE, ASKS), Replace(REPORT, "On {dates.june-paper}", "On {tables.asks.total-ask}")),
         (f"{R}:{{L-1}}:15: sections[0].blocks[0].text: {{tables.asks.total-ask}} names no figure; name one as "
          "{tables.TABLE.ROW.COLUMN}, e.g. {tables.budget.total.2019-20}",)),
    Case("pipe-table-row-a-cell-short", (Replace(REPORT, "      - text: Appendix 2 gives the detail for each project work stream.\n",
                                                 "      - text: |\n          | Appendix | Holds |\n          | --- | --- |\n"
                                                 "          | 1 | The plan |\n          | 2 |\n"),),
         (f"{R}:{{L+4}}:11: sections[1].blocks[2].text: this pipe table row has 1 cell where its header has 2; add the "
          "missing cell (| | for an empty one), or the others land in the wrong columns",)),
    Case("paragraphs-numbered-in-unnumbered-sections", (Replace(REPORT, "status_as_at:", "numbered: false\nparagraph_numbers: section\nstatus_as_at:"),),
         (f"{R}:{{L+1}}:20: paragraph_numbers: section numbers paragraphs 1.1, 1.2 within numbered sections; set "
          "numbered: true, or number them through the paper",)),
]
