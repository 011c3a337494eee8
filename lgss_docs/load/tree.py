"""The content folder's layout, the one list of its files, and reading them all.

``list_content`` is the only place that decides which files are content: the loader reads
exactly the files it lists, and the build cache hashes exactly those, so a file can never
change a paper without making it stale. The rules: the files named below, regular files only
(a pipe or a device is refused, never opened), links followed, hidden files (editors' lock and
swap files, ``.#name.yaml``) never content.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..errors import ContentError, Problem, display_path
from .yaml_source import Source, load_yaml

# part -> file, for the parts that are one file; part -> folder of .yaml files, for the others.
FILES = {
    "programme": "programme.yaml",
    "arrangements": "temporary-arrangements.yaml",
    "facts": "facts.yaml",
    "plan": "plan.yaml",
}
FOLDERS = {"papers": "papers", "workstreams": "workstreams", "services": "services", "tables": "tables"}
# The folder of pictures that image blocks place: listed (so the cache sees them), never read as YAML.
IMAGES = "images"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
REQUIRED = ("programme", "papers")
_ORDER_PREFIX = re.compile(r"^\d+[-_]")
MAX_FILES = 2_000  # content files of one folder: far above a real programme (see docs/checks.md)


def entry_id(name: str | PurePath) -> str:
    """Return the id of a folder's file: its name without the order prefix (``01-``) and ``.yaml``."""
    return _ORDER_PREFIX.sub("", PurePath(name).stem)


@dataclass
class Listing:
    """The content files found, by part (paths relative to the content folder), and what was refused."""

    root: Path
    parts: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def files(self) -> list[str]:
        return sorted(name for names in self.parts.values() for name in names)


def _is_regular(path: Path, listing: Listing) -> bool:
    """Return whether ``path`` is a regular file (following links); note what it is instead."""
    shown = display_path(path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        why = "is a link to nothing" if path.is_symlink() else f"cannot be read ({exc.strerror})"
        listing.problems.append(Problem(shown, 1, 1, "", why))
        return False
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode) else "not a regular file"
        listing.problems.append(Problem(shown, 1, 1, "", f"is {what}; content files are plain .yaml files"))
        return False
    return True


def _folder(root: Path, part: str, folder: str, listing: Listing) -> list[str]:
    path = root / folder
    if not path.is_dir():
        return []
    try:
        entries = sorted(p for p in path.iterdir() if not p.name.startswith("."))
    except OSError as exc:
        listing.problems.append(Problem(display_path(path), 1, 1, "", f"cannot be read ({exc.strerror})"))
        return []
    for other in (p for p in entries if p.suffix == ".yml"):
        listing.warnings.append(Problem(display_path(other), 1, 1, "", "is not read: content files end in .yaml; rename it"))
    found = [p for p in entries if p.suffix == ".yaml" or part == IMAGES and p.suffix.lower() in IMAGE_SUFFIXES]
    if len(found) > MAX_FILES:
        listing.problems.append(Problem(display_path(path), 1, 1, "", f"holds {len(found):,} {part} files; the limit is {MAX_FILES:,}"))
        return []
    return [f"{folder}/{p.name}" for p in found if _is_regular(p, listing)]


def list_content(root: Path) -> Listing:
    """Return every content file of the folder ``root``, by part, with the problems of those refused."""
    root = Path(root)
    listing = Listing(root)
    if not root.is_dir():
        listing.problems.append(Problem(display_path(root), 1, 1, "", "content folder not found"))
        return listing
    for part, name in FILES.items():
        path = root / name
        listing.parts[part] = [name] if (path.exists() or path.is_symlink()) and _is_regular(path, listing) else []
    for part, folder in {**FOLDERS, IMAGES: IMAGES}.items():
        listing.parts[part] = _folder(root, part, folder, listing)
    return listing


@dataclass
class ContentTree:
    """Every content file, read but not yet validated (None or left out: a file that could not be read)."""

    root: Path
    programme: Source | None
    papers: list[Source]
    workstreams: list[Source]
    services: list[Source]
    arrangements: Source | None
    facts: Source | None
    plan: Source | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    tables: list[Source] = field(default_factory=list)


def read_tree(root: Path, *, partial: bool = False) -> ContentTree:
    """Return the content folder at ``root`` read file by file; raise ContentError for all problems.

    With ``partial``, return what could be read, the problems in ``problems``, so validation
    can report the other files' problems in the same run.
    """
    root = Path(root)
    listing = list_content(root)
    problems = list(listing.problems)

    def read(name: str) -> Source | None:
        try:
            return load_yaml(root / name)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None

    if root.is_dir():
        for part in REQUIRED:
            if not listing.parts[part]:
                where = FILES.get(part) or FOLDERS[part]
                what = f"create {where} in the content folder" if part in FILES else \
                    f"add a .yaml file to {where}/ for each paper (see README: Declaring papers)"
                problems.append(Problem(display_path(root / where), 1, 1, "", f"required {'file' if part in FILES else 'folder'} is missing; {what}"))
    found = {part: [s for s in map(read, listing.parts.get(part, [])) if s is not None] for part in (*FILES, *FOLDERS)}
    tree = ContentTree(
        root=root, problems=problems, warnings=listing.warnings,
        programme=next(iter(found["programme"]), None), papers=found["papers"], workstreams=found["workstreams"],
        services=found["services"],
        arrangements=next(iter(found["arrangements"]), None), facts=next(iter(found["facts"]), None),
        plan=next(iter(found["plan"]), None), tables=found["tables"])
    if problems and not partial:
        raise ContentError(problems)
    return tree


# Earlier reporting cycles (git tags, not a content file): read by every paper that lists work streams.
HISTORY = "history"
# Parts of one file each, within a folder: a paper, a table of figures.
ONE_FILE = {"paper:": "papers", "table:": "tables"}


def part_files(part: str, listing: dict[str, list[str]]) -> list[str]:
    """Return the files of ``part`` in a content listing (part -> relative paths)."""
    for prefix, folder in ONE_FILE.items():
        if part.startswith(prefix):
            return [name for name in listing.get(folder, []) if entry_id(name) == part.removeprefix(prefix)]
    return list(listing.get(part, []))
