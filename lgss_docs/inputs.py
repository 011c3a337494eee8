"""What each paper reads: the parts of the content folder it is built from, and nothing else.

A part is a content file or folder named as in ``load/tree.py`` (programme, consultation,
workstreams, ...). A paper declares its parts in ``PaperSpec.reads``; the build cache rebuilds
a paper only when one of them changes, so a declaration must never leave a part out. To keep
declarations honest, a paper's view is given its content with every undeclared part replaced
by a stand-in that fails the build as soon as the view touches it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .errors import BuildError
from .load.tree import FOLDERS, SINGLE_FILES

EVERYTHING = None  # a paper that declares nothing reads every file of the content folder


def parts() -> tuple[str, ...]:
    """Return the name of every part of a content folder."""
    return (*SINGLE_FILES, *FOLDERS)


def part_files(part: str, files: list[str]) -> list[str]:
    """Return the files of ``part`` among ``files`` (paths relative to the content folder)."""
    if part in SINGLE_FILES:
        return [name for name in files if name == SINGLE_FILES[part]]
    folder = FOLDERS[part]
    # As read_tree finds them: the .yaml files directly inside the folder.
    return [name for name in files if name.startswith(f"{folder}/") and name.count("/") == 1 and name.endswith(".yaml")]


def declared(content, spec):
    """Return ``content`` as paper ``spec`` may see it: each part it does not declare is a stand-in."""
    if spec.reads is EVERYTHING:
        return content
    hidden = {part: _Undeclared(spec.id, part) for part in parts() if part not in spec.reads}
    # Each part's Source (kept for error positions) goes with the part.
    hidden.update({f"{part}_source": _Undeclared(spec.id, part) for part in hidden
                   if f"{part}_source" in {f.name for f in dataclasses.fields(content)}})
    return dataclasses.replace(content, **{k: v for k, v in hidden.items() if hasattr(content, k)})


class _Undeclared:
    """Stands in for a part a paper did not declare; any use of it is a bug in the declaration."""

    def __init__(self, paper: str, part: str):
        self._why = (f"the {paper} paper reads {part} but its PaperSpec.reads does not declare it; "
                     "add it, or the build cache could serve a stale paper")

    def __getattr__(self, name):
        raise BuildError(self._why)

    def __iter__(self):
        raise BuildError(self._why)

    def __len__(self):
        raise BuildError(self._why)

    def __bool__(self):
        raise BuildError(self._why)


def visible_files(root: Path) -> list[str]:
    """Return every file under ``root``, relative and sorted, leaving out hidden ones (.git, editor swap files)."""
    found = (p.relative_to(root) for p in Path(root).rglob("*") if p.is_file())
    return sorted(p.as_posix() for p in found if not any(part.startswith(".") for part in p.parts))
