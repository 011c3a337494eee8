"""The one exception family lgss-docs raises for things a user can fix.

The library raises these; only the command line (``lgss_docs.cli``) turns them into
messages and exit codes. Anything else that escapes is a bug and exits 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when inside it, else as given."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


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
