"""tables/*.yaml: a table of figures, one file each, its id the file's name.

Columns are typed (text, money in £, £000 or £m, number, percentage, date, RAG); a column may
be worked out from others (the sum or difference of columns, or one as a percentage of
another). Rows are lists of cells; a group heading starts a group of rows; subtotal and total
rows, and rows whose figures are worked out (``row: Label`` with ``sum:``), are computed from
the rows they name (``above``, their ``group``, rows by id, or another table's rows) and may
state the figures printed elsewhere, which the check compares with the computed ones.
Nothing is evaluated: each computation is one of these few declared forms.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, WithJsonSchema, model_validator

from .base import ContentModel, Slug
from .figures import UNITS

Unit = Literal[UNITS]
FIGURE_TYPES = ("money", "number", "percentage")


def _scalar(value: object) -> object:
    if isinstance(value, (list, dict)):
        raise ValueError(f"a cell holds one value; got {'a list' if isinstance(value, list) else 'a mapping'}")
    return value


# One cell as typed; read against its column's type once the whole table is known.
Cell = Annotated[str | int | float | bool | dt.date | None, BeforeValidator(_scalar), WithJsonSchema(
    {"type": ["string", "number", "boolean", "null"], "description": "A cell: text, a figure, a date or a rating"})]


class Column(ContentModel):
    id: Slug = Field(description="How rows' figures are named: {tables.TABLE.ROW.COLUMN}, and what sum: or ratio: name")
    heading: str = Field("", description="The column's heading (a money column's unit is printed under it)")
    type: Literal["text", "money", "number", "percentage", "date", "rag"] = Field(
        "text", description="text; money (with a unit); number; percentage; date; rag (a level of the programme's scale)")
    unit: Unit | None = Field(None, description="For money: £, £000 or £m (default: the table's unit)")
    decimals: int | None = Field(None, ge=0, le=6, description="Decimal places printed (default: as many as the figures typed have)")
    sum: list[Slug] | None = Field(None, min_length=2, description="Worked out: the sum of these columns, e.g. [north, south, east]")
    difference: list[Slug] | None = Field(None, min_length=2, max_length=2, description="Worked out: the first column less the second, e.g. [budget, outturn]")
    ratio: list[Slug] | None = Field(None, min_length=2, max_length=2, description="Worked out (a percentage): the first column as a share of the second, e.g. [spent, budget]")

    @property
    def formula(self) -> tuple[str, list[str]] | None:
        """Return (sum, difference or ratio; the columns it works from), or None for a column typed in."""
        return next(((name, getattr(self, name)) for name in ("sum", "difference", "ratio") if getattr(self, name)), None)

    @property
    def figures(self) -> bool:
        return self.type in FIGURE_TYPES


RowRef = Annotated[str, WithJsonSchema({"type": "string", "description": "A row's id, or TABLE.ROW for a row of another table"})]


class _Computed(ContentModel):
    id: Slug | None = Field(None, description="How prose and other rows name it (default: its label as an id, e.g. total-ask)")
    sum: Literal["above", "group"] | list[RowRef] | None = Field(
        None, description="above: every row above; group: the rows of its group; or a list of row ids")
    difference: list[RowRef] | None = Field(None, min_length=2, max_length=2, description="The first row less the second")
    stated: list[Cell] = Field([], description="The figures as printed elsewhere, one per column after the first (~ for none): checked against the computed ones")

    @model_validator(mode="after")
    def _one_formula(self):
        if (self.sum is None) == (self.difference is None):
            raise ValueError("give sum: (above, group or a list of rows) or difference: (two rows), not both or neither")
        return self


class WorkedRow(_Computed):
    row: str = Field(description="The row's label: a row like the others, its figures worked out (e.g. carried from another table)")


class Subtotal(_Computed):
    subtotal: str = Field(description="The row's label")


class Total(_Computed):
    total: str = Field(description="The row's label")


class Group(ContentModel):
    group: str = Field(description="A heading over the rows that follow, up to the next group")


class NamedRow(ContentModel):
    row: list[Cell] = Field(min_length=1, description="The cells, one per column (a worked-out column's cell is the figure as printed, or left out)")
    id: Slug = Field(description="How prose and other rows name it, e.g. north-additional")


def _row_kind(value: object) -> str | None:
    if isinstance(value, list):
        return "cells"
    if isinstance(value, dict) and isinstance(value.get("row"), str):
        return "worked"
    if isinstance(value, dict):
        return next((key for key in ("row", "group", "subtotal", "total") if key in value), None)
    return None


Row = Annotated[
    Annotated[list[Cell], Tag("cells")] | Annotated[NamedRow, Tag("row")] | Annotated[WorkedRow, Tag("worked")]
    | Annotated[Group, Tag("group")] | Annotated[Subtotal, Tag("subtotal")] | Annotated[Total, Tag("total")],
    Discriminator(_row_kind, custom_error_type="row_kind",
                  custom_error_message="expected a row: a list of cells [label, 1, 2], or group:, subtotal:, total: or row: with id:"),
]


class TableFile(ContentModel):
    """The whole of a file of tables/."""

    caption: str = Field(description="The table's caption (a block placing it may give another)")
    description: str | None = Field(None, description="What the table is for, told to screen-reader users (default: its size and headings)")
    unit: Unit | None = Field(None, description="The unit of its money columns: £, £000 or £m")
    negatives: Literal["brackets", "minus"] = Field("brackets", description="Print a negative figure as (1,234) or as -1,234")
    columns: list[Column] = Field(min_length=1, description="The columns, in order; the first labels the rows")
    rows: list[Row] = Field(min_length=1)
