"""Figures in tables: amounts of money, counts and percentages, read exactly and printed as
councils print them.

A figure is read from the text the officer typed (``2,091``, ``-14``, ``(1,332)``, ``12.5``),
never from YAML's reading of it, into a Decimal, so sums are exact and ``1.10`` keeps its
two decimals. Printing rounds half up, puts in thousands separators and shows a negative in
brackets or with a minus, as the table asks; prose names a figure with its unit (``£576k``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

# How a figure of each unit is named in a sentence: £576k, £4.2m, £1,250.
UNITS = ("£", "£000", "£m")
_PROSE_UNIT = {"£": ("£", ""), "£000": ("£", "k"), "£m": ("£", "m")}
_FIGURE = re.compile(r"^(?P<open>\()?(?P<minus>[-−])?(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<fraction>\d+))?(?P<close>\))?$")


class NotAFigure(ValueError):
    """Text that is not a figure; the message says what was expected."""


def read_figure(text: str, percent: bool = False) -> Decimal:
    """Return the figure ``text`` writes: 2,091 or 2091; -14, −14 or (14); 12.5; with ``percent``, 45%.

    Raise NotAFigure for anything else, a currency sign included: the unit is the column's.
    """
    written = text.strip().replace(" ", "")
    if percent and written.endswith("%"):
        written = written[:-1]
    match = _FIGURE.match(written)
    if not match or bool(match["open"]) != bool(match["close"]) or (match["open"] and match["minus"]):
        raise NotAFigure(text)
    value = Decimal(match["whole"].replace(",", "") + (f".{match['fraction']}" if match["fraction"] else ""))
    return -value if match["open"] or match["minus"] else value


def decimals_of(value: Decimal) -> int:
    """Return how many decimals ``value`` was written with."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def rounded(value: Decimal, decimals: int) -> Decimal:
    """Return ``value`` rounded half up (as councils round, not to even) to ``decimals`` places."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def figure_text(value: Decimal, decimals: int, negatives: str = "brackets", percent: bool = False) -> str:
    """Return ``value`` as a table prints it: 2,091; (1,332) or -1,332; 45.2%."""
    shown = rounded(value, decimals)
    text = f"{abs(shown):,.{decimals}f}" + ("%" if percent else "")
    if shown < 0:
        return f"({text})" if negatives == "brackets" else f"-{text}"
    return text


def prose_text(value: Decimal, decimals: int, unit: str | None = None, percent: bool = False) -> str:
    """Return ``value`` as a sentence names it, with its unit: £576k, -£2k, £4.2m, 1,274, 71%."""
    shown = rounded(value, decimals)
    before, after = _PROSE_UNIT.get(unit, ("", ""))
    text = f"{before}{abs(shown):,.{decimals}f}{after}" + ("%" if percent else "")
    return f"-{text}" if shown < 0 else text


def plain(value: Decimal) -> str:
    """Return ``value`` for a message: thousands separators, a minus, its own decimals."""
    return f"{value:,}" if decimals_of(value) else f"{value:,.0f}"
