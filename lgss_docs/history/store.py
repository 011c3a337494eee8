"""What each cycle held, kept in the output folder so that a cycle is read from git only once.

A record is keyed by git's id of the content folder at the cycle (cycles with the same content
share one) and holds the code's hash it was read with: today's checks decide whether an old
cycle reads, so new code reads it again. A missing or damaged file is ignored, as the build
cache is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import code_version
from ..output import write_atomically

STORE_NAME = ".lgss-docs-history.json"
_VERSION = 1


@dataclass
class Store:
    """Records of cycles by content tree id; ``folder`` None keeps them in memory only."""

    folder: Path | None = None
    records: dict[str, dict] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    loaded: dict[str, dict] = field(default_factory=dict)  # what the file held, to write only a change

    @classmethod
    def load(cls, folder: Path | None) -> Store:
        """Return the store kept in ``folder``, or an empty one if it is missing, unreadable or of other code."""
        if folder is None:
            return cls()
        try:
            data = json.loads((Path(folder) / STORE_NAME).read_text(encoding="utf-8"))
            if data["version"] != _VERSION or data["code"] != code_version() or not isinstance(data["cycles"], dict):
                raise ValueError("another version")
            records = {str(tree): record for tree, record in data["cycles"].items() if isinstance(record, dict)}
            return cls(Path(folder), records, loaded=dict(records))
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return cls(Path(folder))

    def get(self, tree: str) -> dict | None:
        self.used.add(tree)
        return self.records.get(tree)

    def put(self, tree: str, record: dict) -> None:
        self.used.add(tree)
        self.records[tree] = record

    def save(self) -> None:
        """Write the records this run used (others are dropped), if it read any history and that changes what is kept."""
        if self.folder is None or not self.used:
            return
        kept = {tree: self.records[tree] for tree in sorted(self.used) if tree in self.records}
        if kept != self.loaded:
            data = {"version": _VERSION, "code": code_version(), "cycles": kept}
            write_atomically(self.folder / STORE_NAME, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())
