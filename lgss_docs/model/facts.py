"""facts.yaml: named figures, dates and words that prose cites instead of retyping them.

Each top-level key is a group, each key under it a fact: ``consultation: {staff_consulted: 1300}``
is cited as ``{consultation.staff_consulted}`` and printed "1,300". Numbers get thousands
separators and dates the papers' one format, so a figure reads the same wherever it is cited.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, Field, RootModel, StringConstraints, WithJsonSchema

from .dates import long_date

Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, bool, int, float, str)):
        return value
    got = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "nothing"
    raise ValueError(f"expected text, a number or a date; got {got}")


Value = Annotated[dt.date | bool | int | float | str, BeforeValidator(_plain), WithJsonSchema(
    {"type": ["string", "number", "boolean"], "description": "Text, a number or a date"})]


class FactsFile(RootModel[dict[Name, dict[Name, Value]]]):
    """The whole of facts.yaml: groups of named values."""

    root: dict[Name, dict[Name, Value]] = Field(description="Groups of facts: group → name → value")


def fact_text(value: Value) -> str:
    """Return ``value`` as prose prints it: 1,300; 4 November 2020; 2.594; text as given."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):  # as typed, with thousands separators: 2.594 stays 2.594
        return f"{value:,}"
    return value
