"""The hint after a name nobody declared: the likely intended one, or the names there are."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def one_of(value: str, choices: Iterable[str]) -> str:
    """Return 'did you mean "x"?' for a near miss, else 'expected one of a, b, c' ("" if none)."""
    names = list(dict.fromkeys(choices))
    close = difflib.get_close_matches(value, names, n=1, cutoff=0.6)
    # A first name alone ("tricia") is a near miss for "tricia-burningham" too.
    starts = [name for name in names if value and name.startswith(value)]
    if close or len(starts) == 1:
        return f'did you mean "{(close or starts)[0]}"?'
    return f"expected one of {', '.join(names)}" if names else ""
