"""The one exception family lgss-docs raises for things a user can fix.

The library raises these; only the command line (``lgss_docs.cli``) turns them into
messages and exit codes. Anything else that escapes is a bug and exits 1.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Characters a terminal may act on rather than show: C0 and C1 controls (ESC starts ANSI and OSC
# sequences, NUL and line breaks cut a message), line and paragraph separators, and the
# bidirectional controls, which reorder what follows them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """Return ``text`` with every character a terminal could act on shown as its escape (``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: repr(m[0])[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at a place a person can open in an editor."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return printable(f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}")


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when inside it, else as given; printable."""
    # realpath, unlike Path.resolve, gives up quietly on a symbolic link that loops.
    resolved = Path(os.path.realpath(path))
    try:
        shown = resolved.relative_to(os.path.realpath(Path.cwd())).as_posix()
    except ValueError:
        shown = Path(path).as_posix()
    return printable(shown)


class LgssDocsError(Exception):
    """Base of every error a user can act on."""


class ContentError(LgssDocsError):
    """The content is invalid; carries every problem found in the run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class StrictWarnings(ContentError):
    """Warnings, made fatal by --strict; carries every warning found."""


class TemplateError(LgssDocsError):
    """A template could not be read or rendered; names the template file and line."""


class BuildError(LgssDocsError):
    """A paper could not be written (disk full, permissions, a renderer refusing input)."""


class UsageError(LgssDocsError):
    """A command was asked for something that does not exist (a paper id, a folder); says what there is."""


def heed(found: list[Problem], strict: bool, warn: Callable[[Problem], None]) -> None:
    """Pass each warning in ``found`` to ``warn``; with ``strict``, raise StrictWarnings instead."""
    if strict and found:
        raise StrictWarnings(found)
    for warning in found:
        warn(warning)
