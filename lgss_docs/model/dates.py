"""Dates as officers type them, read into one type and shown in one format."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_LONG = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


def parse_date(value: object) -> dt.date:
    """Return a date from YAML's own date, ISO text, "4 November 2020" or UK "4/11/2020"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        got = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else f'"{value}"'
        raise ValueError(f"expected a date such as 2020-11-17; got {got}")
    text = value.strip()
    try:
        if m := _LONG.match(text):
            return dt.date(int(m[3]), _month(m[2]), int(m[1]))
        if m := _NUMERIC.match(text):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return dt.date(year, int(m[2]), int(m[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f'expected a date such as 2020-11-17 or "17 November 2020"; got "{text}"') from None


def _month(name: str) -> int:
    """Return the number of the month ``name`` is, in full or cut short ("Nov", "Sept")."""
    name = name.lower()
    for number, month in enumerate(MONTHS, start=1):
        if len(name) >= 3 and month.lower().startswith(name):
            return number
    raise ValueError(name)


def long_date(day: dt.date) -> str:
    """Return the one format papers use: "4 November 2020" (no locale involved)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": ["string"], "description": "A date: 2020-11-17, \"17 November 2020\" or 17/11/2020"}),
]
