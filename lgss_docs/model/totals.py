"""A table of figures worked out: every cell read as its column's type, every worked-out figure
computed from the figures typed, and the figures stated as printed kept beside them.

A worked-out figure is always computed from figures as typed, never from another stated
figure, so a total printed wrong cannot hide a row typed wrong. A stated figure is what the
table prints (it may be a ledger's rounding of figures more exact than the rows); the check
compares the two (validate/tables.py). Reading never fails: a cell that cannot be read is left
empty and noted as an Issue, so one run reports every problem of every table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .dates import long_date, parse_date
from .figures import NotAFigure, decimals_of, figure_text, prose_text, read_figure
from .rag import RagScheme, parse_status
from .table import FIGURE_TYPES, Column, Group, NamedRow, Subtotal, TableFile, Total, WorkedRow

COMPUTED = (WorkedRow, Subtotal, Total)

_NOT_A_SLUG = re.compile(r"[^a-z0-9]+")


def label_id(label: str) -> str:
    """Return the id a row's label gives it: "Total ask" → total-ask."""
    return _NOT_A_SLUG.sub("-", label.lower()).strip("-")


@dataclass(frozen=True)
class Issue:
    """Something wrong in a table file, at ``loc``; ``got`` and ``choices`` make a did-you-mean."""

    loc: tuple
    message: str
    got: str | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Amount:
    """A figure worked out (or typed), and how many typed figures it is made of: what rounding can explain."""

    value: Decimal
    count: int = 1


@dataclass
class Cell:
    value: object = None  # text, a date or a RagStatus as read; figures are in amount and stated
    amount: Amount | None = None  # a figure column's figure: as typed, or worked out
    stated: Decimal | None = None  # a worked-out figure as printed, given in the content
    loc: tuple = ()

    @property
    def shown(self) -> object:
        """Return what the table prints: the stated figure where one is given, else the figure or value."""
        if self.stated is not None:
            return self.stated
        return self.amount.value if self.amount is not None else self.value


@dataclass
class Line:
    kind: str  # row, group, subtotal or total (how it looks)
    label: str
    loc: tuple
    cells: list[Cell] = field(default_factory=list)
    formula: str = ""  # how a worked-out row is worked out, in words ("the rows above add up to"); "" for a typed row


@dataclass
class Grid:
    """A table worked out: its lines in order, each column's decimals, and any issues found."""

    id: str
    table: TableFile
    lines: list[Line]
    decimals: list[int]
    issues: list[Issue]
    ids: dict[str, int]  # row id -> index in lines
    shared: dict[str, list[int]]  # an id that several rows' labels give -> those lines

    def column(self, column_id: str) -> int | None:
        return next((j for j, c in enumerate(self.table.columns) if c.id == column_id), None)

    def cell(self, row_id: str, column_id: str) -> Cell | None:
        """Return the cell of row ``row_id`` in column ``column_id``, or None if either is not there."""
        row, column = self.ids.get(row_id), self.column(column_id)
        return None if row is None or column is None else self.lines[row].cells[column]

    def unit(self, j: int) -> str | None:
        """Return column ``j``'s unit: its own, else the table's (money columns only)."""
        column = self.table.columns[j]
        return (column.unit or self.table.unit) if column.type == "money" else None

    def text(self, j: int, value: object) -> str:
        """Return ``value`` of column ``j`` as the table prints it: 2,091; (1,332); 45%; 4 November 2020."""
        return self._words(j, value, lambda v, d, p: figure_text(v, d, self.table.negatives, p))

    def words(self, j: int, value: object) -> str:
        """Return ``value`` of column ``j`` as a sentence names it: £2,091k; -£2k; 45%; 4 November 2020."""
        return self._words(j, value, lambda v, d, p: prose_text(v, d, self.unit(j), p))

    def _words(self, j: int, value: object, figure) -> str:
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return figure(value, self.decimals[j], self.table.columns[j].type == "percentage")
        if hasattr(value, "isoformat"):
            return long_date(value)
        return str(value)


class Grids:
    """Every table worked out once, on demand: a table's rows may name another table's rows."""

    def __init__(self, tables: Mapping, scheme: RagScheme):
        self.tables, self.scheme = tables, scheme
        self._done: dict[str, Grid] = {}
        self._doing: list[str] = []

    def __getitem__(self, table_id: str) -> Grid:
        """Return table ``table_id`` worked out; raise KeyError if there is no such table."""
        if table_id not in self._done:
            entry = self.tables[table_id]
            self._doing.append(table_id)
            try:
                self._done[table_id] = _Reader(table_id, entry.model, entry.source, self).grid()
            finally:
                self._doing.pop()
        return self._done[table_id]

    def find(self, table_id: str) -> Grid | str:
        """Return table ``table_id`` worked out, or why it cannot be: "unknown" or "loop"."""
        if table_id in self._doing:
            return "loop"
        try:
            self.tables[table_id]  # a stand-in for a table a paper does not read raises BuildError here
        except KeyError:
            return "unknown"
        return self[table_id]


def read_cell(column: Column, value: object, typed: str | None, scheme: RagScheme) -> object:
    """Return a cell as its column reads it (a Decimal for figures); raise ValueError saying what was expected."""
    if value is None or isinstance(value, str) and not value.strip():
        return None
    written = typed if typed is not None else str(value)
    if column.type == "text":
        return written
    if column.type in FIGURE_TYPES:
        try:
            if isinstance(value, bool):
                raise NotAFigure(written)
            return read_figure(written, percent=column.type == "percentage")
        except NotAFigure:
            raise ValueError(_expected(column, written)) from None
    if column.type == "date":
        return parse_date(value)
    return parse_status(value, scheme)


def _expected(column: Column, written: str) -> str:
    if column.type == "percentage":
        return f'expected a percentage such as 45 or 45.5%; got "{written}"'
    if column.type == "number":
        return f'expected a number such as 1,274 or -5; got "{written}"'
    if "£" in written:
        return f'expected a figure without a £ sign (the unit is in the column\'s heading); got "{written}"'
    return f'expected an amount of money such as 1,234, -56 or (56); got "{written}"'


class _Reader:
    """Works out one table: ids first (so rows can be named), then each row in order."""

    def __init__(self, table_id: str, table: TableFile, source, grids: Grids):
        self.id, self.table, self.source, self.grids = table_id, table, source, grids
        self.columns = table.columns
        self.issues: list[Issue] = []
        self.lines: list[Line] = []
        self.ids: dict[str, int] = {}
        self.shared: dict[str, list[int]] = {}

    def grid(self) -> Grid:
        self._check_columns()
        self._name_rows()
        group_start = None
        for index, row in enumerate(self.table.rows):
            loc = ("rows", index)
            if isinstance(row, Group):
                self.lines.append(Line("group", row.group, loc))
                group_start = index + 1
            elif isinstance(row, COMPUTED):
                self.lines.append(self._computed(row, index, group_start))
            else:
                self.lines.append(self._row(row, loc))
        return Grid(self.id, self.table, self.lines, self._decimals(), self.issues, self.ids, self.shared)

    # -- columns and names ------------------------------------------------------------------
    def _check_columns(self) -> None:
        for j, column in enumerate(self.columns):
            loc = ("columns", j)
            if column.type == "money" and not (column.unit or self.table.unit):
                self._issue(loc + ("type",), "a money column needs a unit: give unit: £, £000 or £m here or for the whole table")
            if column.unit and column.type != "money":
                self._issue(loc + ("unit",), f"only a money column has a unit; this one is {column.type}")
            given = [name for name in ("sum", "difference", "ratio") if getattr(column, name)]
            if len(given) > 1:
                self._issue(loc, f"a column is worked out one way; give one of {' or '.join(given)}")
            if column.formula:
                self._check_formula(column, j, loc)
        uses_first = any(isinstance(row, (Group, *COMPUTED)) for row in self.table.rows)
        if uses_first and (self.columns[0].type != "text" or self.columns[0].formula):
            self._issue(("columns", 0, "type"), "the first column labels the rows (group headings, subtotals and totals "
                                                "write their label there); make it a text column")

    def _check_formula(self, column: Column, j: int, loc: tuple) -> None:
        name, operands = column.formula
        wanted = ("percentage",) if name == "ratio" else ("money", "number")
        if column.type not in wanted:
            self._issue(loc + ("type",), f"a column worked out by {name} is a {' or '.join(wanted)} column; this one is {column.type}")
        ids = [c.id for c in self.columns]
        for k, operand in enumerate(operands):
            at = ids.index(operand) if operand in ids else None
            if at is None:
                self._issue(loc + (name, k), f'"{operand}" is not a column of this table', operand, tuple(ids[:j]))
            elif at >= j:
                self._issue(loc + (name, k), f'"{operand}" is not to the left of this column; a worked-out column '
                                             "uses the columns before it")
            elif self.columns[at].type not in ("money", "number"):
                self._issue(loc + (name, k), f'"{operand}" is a {self.columns[at].type} column; {name} works from money or number columns')

    def _name_rows(self) -> None:
        """Give each row its id: its own, else its label's when no other row's label gives the same."""
        explicit: dict[str, int] = {}
        from_labels: dict[str, list[int]] = {}
        for index, row in enumerate(self.table.rows):
            if isinstance(row, Group):
                continue
            own = getattr(row, "id", None)
            if own is not None:
                if own in explicit:
                    line = self.source.position(("rows", explicit[own]))[0]
                    self._issue(("rows", index, "id"), f'"{own}" is already the id of the row on line {line}; ids must be unique')
                explicit.setdefault(own, index)
            elif key := label_id(self._label(row, index)):
                from_labels.setdefault(key, []).append(index)
        self.ids = dict(explicit)
        for key, rows in from_labels.items():
            if key in explicit:
                continue
            if len(rows) == 1:
                self.ids[key] = rows[0]
            else:
                self.shared[key] = rows

    def _label(self, row, index: int) -> str:
        if isinstance(row, COMPUTED):
            return _kind_and_label(row)[1]
        cells, loc = self._cells(row, ("rows", index))
        if not cells or cells[0] is None:
            return ""
        return self.source.typed.get(loc + (0,), str(cells[0]))

    # -- rows --------------------------------------------------------------------------------
    def _cells(self, row, loc: tuple) -> tuple[list, tuple]:
        return (row.row, loc + ("row",)) if isinstance(row, NamedRow) else (row, loc)

    def _row(self, row, row_loc: tuple) -> Line:
        typed, loc = self._cells(row, row_loc)
        everything = list(range(len(self.columns)))
        inputs = [j for j, c in enumerate(self.columns) if not c.formula]
        if len(typed) == len(everything):
            places = everything
        elif len(typed) == len(inputs):
            places = inputs
        else:  # the cells cannot be matched to columns: one problem, not one per cell
            self._count_issue(typed, loc, inputs)
            places = []
        cells = [Cell(loc=loc) for _ in self.columns]
        for k, j in enumerate(places):
            cells[j] = self._cell(self.columns[j], typed[k], loc + (k,))
        line = Line("row", self.source.typed.get(loc + (0,), "") if typed and typed[0] is not None else "", row_loc, cells)
        self._across(line)
        return line

    def _count_issue(self, typed: list, loc: tuple, inputs: list[int]) -> None:
        names = ", ".join(c.heading or c.id for c in self.columns)
        expected = f"expected {len(self.columns)} cells, one per column ({names})"
        if len(inputs) < len(self.columns):
            worked = ", ".join(c.heading or c.id for c in self.columns if c.formula)
            expected += f", or {len(inputs)} leaving out {worked} (worked out)"
        if len(typed) > len(self.columns):
            self._issue(loc + (len(self.columns),), f"{expected}; got {len(typed)} (in [brackets] a comma separates "
                                                    "cells: put text or a figure with a comma in quotes)")
        else:
            self._issue(loc, f"{expected}; got {len(typed)}")

    def _cell(self, column: Column, value: object, loc: tuple) -> Cell:
        try:
            read = read_cell(column, value, self.source.typed.get(loc), self.grids.scheme)
        except ValueError as exc:
            self._issue(loc, str(exc))
            return Cell(loc=loc)
        if column.formula and column.figures:  # a worked-out column's cell in a row: the figure as printed
            return Cell(stated=read, loc=loc)
        if column.figures:
            return Cell(amount=None if read is None else Amount(read), loc=loc)
        return Cell(value=read, loc=loc)

    def _across(self, line: Line) -> None:
        """Work out the row's worked-out columns from its other cells, left to right."""
        ids = [c.id for c in self.columns]
        for j, column in enumerate(self.columns):
            if not column.formula:
                continue
            name, operands = column.formula
            amounts = [line.cells[ids.index(o)].amount if o in ids[:j] else None for o in operands]
            line.cells[j].amount = _combine(name, amounts)

    def _computed(self, row, index: int, group_start: int | None) -> Line:
        loc = ("rows", index)
        kind, label = _kind_and_label(row)
        operands, formula = self._operands(row, index, group_start, loc)
        cells = [Cell(loc=loc) for _ in self.columns]
        for j, column in enumerate(self.columns):
            if column.type in ("money", "number") and not column.formula:
                cells[j].amount = _combine("difference" if row.difference else "sum", [self._amount(o, j) for o in operands])
        line = Line(kind, label, loc, cells, formula)
        self._across(line)
        for k, value in enumerate(row.stated):
            self._stated(line, k, value, loc + ("stated", k))
        return line

    def _operands(self, row, index: int, group_start: int | None, loc: tuple) -> tuple[list, str]:
        """Return the lines (or other tables' lines) a computed row works from, and how, in words.

        ``above`` and ``group`` add up rows, typed or worked out, never subtotals and totals,
        which would count their rows twice.
        """
        above = [line for line in self.lines if line.kind == "row"]
        if row.sum == "above":
            return [(None, line) for line in above], "the rows above add up to"
        if row.sum == "group":
            if group_start is None:
                self._issue(loc + ("sum",), "this row is not in a group; use sum: above, or a list of rows")
                return [], ""
            group = [(None, line) for line in self.lines[group_start:] if line.kind == "row"]
            return group, "the rows of its group add up to"
        name = "sum" if row.sum is not None else "difference"
        refs = [self._ref(ref, index, loc + (name, k)) for k, ref in enumerate(getattr(row, name))]
        words = " + " if name == "sum" else " less "
        return refs, f"{words.join(getattr(row, name))} comes to"

    def _ref(self, ref: str, index: int, loc: tuple):
        """Return the line ``ref`` names (a row above this one, or TABLE.ROW), with its grid; None if none."""
        if "." in ref:
            table_id, row_id = ref.split(".", 1)
            other = self.grids.find(table_id)
            if other == "unknown":
                self._issue(loc, f'"{table_id}" is not a table in tables/', table_id, tuple(self.grids.tables))
            elif other == "loop":
                self._issue(loc, f'"{ref}" leads back to this table; rows of two tables cannot each add up the other')
            elif row_id not in other.ids:
                self._issue(loc, f'"{row_id}" is not a row of {table_id}', row_id, tuple(other.ids))
            else:
                return other, other.lines[other.ids[row_id]]
            return None
        if ref in self.shared:
            self._issue(loc, f'{len(self.shared[ref])} rows are labelled like "{ref}"; give the one you mean an id: and name that')
        elif ref not in self.ids:
            above = tuple(key for key, at in self.ids.items() if at < index)
            self._issue(loc, f'"{ref}" names no row of this table', ref, above)
        elif self.ids[ref] >= index:
            self._issue(loc, f'"{ref}" is not above this row; a row adds up rows above it')
        else:
            return None, self.lines[self.ids[ref]]
        return None

    def _amount(self, operand, j: int) -> Amount | None:
        if operand is None:
            return None
        other, line = operand
        if other is None:
            return line.cells[j].amount
        at = other.column(self.columns[j].id)
        return None if at is None else line.cells[at].amount

    def _stated(self, line: Line, k: int, value: object, loc: tuple) -> None:
        j = k + 1
        if value is None:
            return
        if j >= len(self.columns):
            self._issue(loc, f"the table has {len(self.columns) - 1} columns after the first; this is one too many")
        elif not self.columns[j].figures:
            column = self.columns[j]
            self._issue(loc, f"{column.heading or column.id} is a {column.type} column; only figures are stated (~ for none)")
        else:
            try:
                line.cells[j].stated = read_cell(self.columns[j], value, self.source.typed.get(loc), self.grids.scheme)
                line.cells[j].loc = loc
            except ValueError as exc:
                self._issue(loc, str(exc))

    def _decimals(self) -> list[int]:
        """Return each column's decimal places: as declared, else as many as its typed figures have
        (a sum or difference at least as many as the columns it works from)."""
        out: list[int] = []
        ids = [c.id for c in self.columns]
        for j, column in enumerate(self.columns):
            typed = [d for line in self.lines if line.cells for d in _typed_figures(line, j, column)]
            found = max(map(decimals_of, typed), default=0)
            if column.formula and column.formula[0] != "ratio":
                found = max([found] + [out[ids.index(o)] for o in column.formula[1] if o in ids[:j]])
            out.append(column.decimals if column.decimals is not None else found)
        return out

    def _issue(self, loc: tuple, message: str, got: str | None = None, choices: tuple[str, ...] = ()) -> None:
        self.issues.append(Issue(loc, message, got, choices))


def _kind_and_label(row) -> tuple[str, str]:
    """Return how a computed row looks (row, subtotal or total) and its label."""
    if isinstance(row, WorkedRow):
        return "row", row.row
    return ("subtotal", row.subtotal) if isinstance(row, Subtotal) else ("total", row.total)


def _typed_figures(line: Line, j: int, column: Column) -> Iterator[Decimal]:
    """Yield the figures typed in column ``j`` of ``line``: a figure of a typed row, or one stated."""
    cell = line.cells[j]
    if cell.stated is not None:
        yield cell.stated
    if line.kind == "row" and not line.formula and not column.formula and cell.amount is not None:
        yield cell.amount.value


def _combine(name: str, amounts: list[Amount | None]) -> Amount | None:
    """Return the sum, difference (first less second) or ratio (first as a percentage of second) of ``amounts``."""
    given = [a for a in amounts if a is not None]
    if not given:
        return None
    count = sum(a.count for a in given)
    if name == "sum":
        return Amount(sum((a.value for a in given), Decimal(0)), count)
    first, second = (a.value if a is not None else Decimal(0) for a in amounts)
    if name == "difference":
        return Amount(first - second, count)
    return Amount(first / second * 100, count) if second else None
