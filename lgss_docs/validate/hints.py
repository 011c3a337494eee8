"""The hint after a name nobody declared: the likely intended one, or the names there are."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def edits(a: str, b: str) -> int:
    """Return how many letters must be added, removed, changed or swapped to turn ``a`` into ``b``."""
    a, b = a.lower(), b.lower()
    rows = [list(range(len(b) + 1))]
    for i, x in enumerate(a, start=1):
        row = [i]
        for j, y in enumerate(b, start=1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (x != y)))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def one_of(value: str, choices: Iterable[str], max_edits: int | None = None) -> str:
    """Return 'did you mean "x"?' for a near miss, else 'expected one of a, b, c' ("" if none).

    With ``max_edits``, only a slip of that many letters is a near miss: for values where a
    wrong guess would mislead (a RAG rating), not just any similar word.
    """
    names = list(dict.fromkeys(choices))
    if max_edits is not None:
        close = sorted((n for n in names if edits(value, n) <= max_edits), key=lambda n: edits(value, n))[:1]
        return f'did you mean "{close[0]}"?' if close else (f"expected one of {', '.join(names)}" if names else "")
    close = difflib.get_close_matches(value, names, n=1, cutoff=0.6)
    # A first name alone ("tricia") is a near miss for "tricia-burningham" too.
    starts = [name for name in names if value and name.startswith(value)]
    if close or len(starts) == 1:
        return f'did you mean "{(close or starts)[0]}"?'
    return f"expected one of {', '.join(names)}" if names else ""
