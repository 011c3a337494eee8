"""Characters that no installed font has: the PDF would show an empty box for each, so warn.

WeasyPrint (through Pango and fontconfig) draws each character in the first font of the
stylesheet's list that has it, else in any installed font that has it; a character no font has
becomes an empty box, with no message. So the question is what every installed font covers,
and fontconfig answers it: ``fc-list`` gives each font's character set, read once per process.
Without fontconfig's tools nothing can be known and nothing is claimed. Word on the reader's
machine draws with the fonts installed there, so this is about the PDF (and this machine).
"""

from __future__ import annotations

import bisect
import functools
import subprocess
import unicodedata
from collections.abc import Callable

from ..errors import Problem
from .texts import texts

# Characters drawn as nothing, which no font needs: controls, format characters (joiners, soft
# hyphens, marks), spaces (drawn as space) and variation selectors.
_NOT_DRAWN = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_SHOWN = 3  # characters named in one warning; the rest are counted
_SCALABLE = {"TrueType", "CFF"}  # the formats Pango draws with; not bitmap fonts


def missing_glyphs(content) -> list[Problem]:
    """Return a warning for each text of ``content`` holding characters no installed font has."""
    has = installed_coverage()
    if has is None:
        return []
    warnings = []
    for source, loc, text in texts(content):
        if text.isascii():  # every font has these; most text stops here
            continue
        missing = sorted({c for c in text if not has(ord(c)) and _drawn(c)})
        if missing:
            warnings.append(source.problem(loc, _message(missing)))
    return warnings


def _drawn(char: str) -> bool:
    return unicodedata.category(char) not in _NOT_DRAWN and not unicodedata.name(char, "").startswith("VARIATION SELECTOR")


def _message(missing: list[str]) -> str:
    named = [f'"{c}" (U+{ord(c):04X})' for c in missing[:_SHOWN]]
    more = len(missing) - _SHOWN
    listed = (", ".join(named[:-1]) + f" or {named[-1]}" if len(named) > 1 else named[0]) + (f" and {more} more" if more > 0 else "")
    them = "them" if len(missing) > 1 else "it"
    each = " for each" if len(missing) > 1 else ""
    return (f"no installed font has {listed}, so the PDF shows an empty box{each}; "
            f"install a font that has {them} (see docs/checks.md)")


@functools.lru_cache(maxsize=1)
def installed_coverage() -> Callable[[int], bool] | None:
    """Return a test of whether some installed font has a code point, or None without fontconfig."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{fontformat}|%{charset}\\n"],
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if listed.returncode != 0:
        return None
    ranges = []
    for line in listed.stdout.splitlines():
        kind, _, charset = line.partition("|")
        if kind in _SCALABLE:
            for span in charset.split():
                first, _, last = span.partition("-")
                ranges.append((int(first, 16), int(last or first, 16)))
    starts, ends = _merged(ranges)
    return lambda point: (i := bisect.bisect_right(starts, point) - 1) >= 0 and point <= ends[i]


def _merged(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Return the starts and ends of ``ranges`` merged into sorted ranges that do not overlap."""
    starts: list[int] = []
    ends: list[int] = []
    for first, last in sorted(ranges):
        if ends and first <= ends[-1] + 1:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends
