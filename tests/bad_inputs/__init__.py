"""The bad-input corpus: each case breaks a copy of the example and names the exact lines expected.

Cases live in the modules of this package, one module per kind of mistake, each with a list
``CASES``; a new paper or content file adds its own module and nothing else changes.

An expected line is written as the CLI prints it. Two placeholders keep line numbers true
when the example grows: ``{L}`` (or ``{L+2}``) is the line on which the case's first Replace
put its new text (``{L-1}`` the line before), and ``{@text}`` is the line of the first occurrence of ``text`` in the
(edited) file that the expected line names (``{@text}+3``: three lines after it).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Replace:
    """Replace the first ``old`` in ``file`` with ``new``."""

    file: str
    old: str
    new: str

    def apply(self, root: Path) -> int:
        path = root / self.file
        text = path.read_text(encoding="utf-8")
        assert self.old in text, f"{self.old!r} is no longer in {self.file}; update the case"
        at = text.index(self.old)
        path.write_text(text[:at] + self.new + text[at + len(self.old):], encoding="utf-8")
        return text.count("\n", 0, at) + 1


@dataclass(frozen=True)
class Write:
    """Write ``data`` (text, bytes, or a function returning bytes, for big files) to ``file``."""

    file: str
    data: str | bytes | Callable[[], bytes]

    def apply(self, root: Path) -> None:
        data = self.data() if callable(self.data) else self.data
        (root / self.file).parent.mkdir(parents=True, exist_ok=True)  # a folder the example lacks, such as tables/
        (root / self.file).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


@dataclass(frozen=True)
class Delete:
    """Delete ``file``, or a whole folder ("." is the content folder itself)."""

    file: str

    def apply(self, root: Path) -> None:
        path = root / self.file
        shutil.rmtree(path) if path.is_dir() else path.unlink()


@dataclass(frozen=True)
class Symlink:
    """Make ``file`` a symbolic link to ``target`` (as written: relative to the link's folder)."""

    file: str
    target: str

    def apply(self, root: Path) -> None:
        (root / self.file).symlink_to(self.target)


@dataclass(frozen=True)
class Case:
    id: str
    edits: tuple
    expected: tuple[str, ...]
    strict: bool = False  # the lines are warnings, which --strict makes fail

    def make(self, root: Path) -> list[str]:
        """Break the content at ``root``; return the exact problem lines the CLI must print."""
        first_line = None
        for edit in self.edits:
            line = edit.apply(root)
            first_line = first_line or line
        return [_fill(line, root, first_line) for line in self.expected]


def _fill(expected: str, root: Path, first_line: int | None) -> str:
    def at_text(match: re.Match) -> str:
        # The expected line starts with content/<file>:, the file that {@text} is looked up in.
        path = root.parent / expected.split(":", 1)[0]
        lines = path.read_text(encoding="utf-8").splitlines()
        return str(next(n for n, line in enumerate(lines, 1) if match[1] in line) + int(match[2] or 0))

    expected = re.sub(r"\{L([+-]\d+)?\}", lambda m: str(first_line + int(m[1] or 0)), expected)
    return re.sub(r"\{@([^}]+)\}([+-]\d+)?", at_text, expected)


def all_cases() -> list[Case]:
    """Return the cases of every module in this package."""
    cases = []
    for module in pkgutil.iter_modules(__path__):
        cases += importlib.import_module(f"{__name__}.{module.name}").CASES
    ids = [case.id for case in cases]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    return cases


# Files the cases break, and a whole valid work stream file to vary.
PROGRAMME = "programme.yaml"
REPORT = "papers/committee-report.yaml"
HIGHLIGHT = "papers/highlight-report.yaml"
GOVERNANCE = "workstreams/01-governance.yaml"
SERVICE = "services/05-it-operations.yaml"
FACTS = "facts.yaml"
WORKSTREAM = "number: 1\ntitle: Governance\nlead: tricia-burningham\nreport_date: 2020-11-09\nrag: Amber\n"
G = "content/" + GOVERNANCE
P = "content/" + PROGRAMME
R = "content/" + REPORT
H = "content/" + HIGHLIGHT
S = "content/" + SERVICE
F = "content/" + FACTS
