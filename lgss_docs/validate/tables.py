"""Checks on the tables of figures: every cell read as its column's type, every row a subtotal
names found (errors); every figure stated as printed compared with the one worked out from the
rows (warnings, since a ledger's rounding may differ from the sum of rounded rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..errors import Problem
from ..model.content import Content
from ..model.figures import figure_text, plain
from ..model.totals import Grid, Grids, Line
from .hints import one_of


def check_tables(content: Content) -> list[Problem]:
    """Return every problem of every table of figures, each at its file, line and column."""
    grids = Grids(content.tables, content.programme.rag)
    problems = []
    for table_id, entry in content.tables.items():
        for issue in grids[table_id].issues:
            hint = one_of(issue.got, issue.choices) if issue.got is not None else ""
            problems.append(entry.source.problem(issue.loc, f"{issue.message}; {hint}" if hint else issue.message))
    return problems


def stated_warnings(content: Content) -> list[Problem]:
    """Return a warning for each figure stated as printed that the rows it sums do not bear out.

    Each typed figure rounded to the column's last digit is at most half a unit out, and so is
    the printed total: n figures may add up to (n + 1) / 2 units away from it, and no more.
    """
    grids = Grids(content.tables, content.programme.rag)
    warnings = []
    for table_id, entry in content.tables.items():
        grid = grids[table_id]
        for line, j, stated, worked, how in _stated(grid):
            unit = Decimal(1).scaleb(-grid.decimals[j])
            ratio = grid.table.columns[j].formula is not None and grid.table.columns[j].formula[0] == "ratio"
            allowed = unit if ratio else unit * (worked.count + 1) / 2
            if abs(stated - worked.value) > allowed:
                percent = grid.table.columns[j].type == "percentage"
                def shown(value, decimals=grid.decimals[j], percent=percent):
                    return figure_text(value, decimals, "minus", percent)
                where = f"{line.label or grid.table.columns[0].heading or 'row'}, {_heading(grid, j)}"
                warnings.append(entry.source.problem(line.cells[j].loc, (
                    f"{where}: stated as {shown(stated)}, but {how} {shown(worked.value)}; "
                    f"{plain(abs(stated - worked.value))} apart, more than rounding explains (at most {plain(allowed.normalize())})")))
    return warnings


def _heading(grid: Grid, j: int) -> str:
    column = grid.table.columns[j]
    return column.heading or column.id


def _stated(grid: Grid) -> Iterator[tuple[Line, int, Decimal, object, str]]:
    """Yield (line, column, stated figure, worked-out Amount, how it is worked out in words) for each stated figure."""
    columns = grid.table.columns
    for line in grid.lines:
        for j, cell in enumerate(line.cells):
            if cell.stated is None or cell.amount is None:
                continue
            formula = columns[j].formula
            if line.kind == "row" and formula is not None:
                yield line, j, cell.stated, cell.amount, _across(grid, *formula)
            else:
                yield line, j, cell.stated, cell.amount, line.formula


def _across(grid: Grid, name: str, operands: list[str]) -> str:
    headings = [_heading(grid, grid.column(o)) for o in operands]
    if name == "sum":
        return f"{', '.join(headings[:-1])} and {headings[-1]} add up to"
    if name == "difference":
        return f"{headings[0]} less {headings[1]} is"
    return f"{headings[0]} as a share of {headings[1]} is"
