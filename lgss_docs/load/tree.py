"""Find and read every file of a content folder, gathering all problems before failing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, Problem, display_path
from .yaml_source import Source, load_yaml

SINGLE_FILES = {
    "programme": "programme.yaml",
    "arrangements": "temporary-arrangements.yaml",
    "consultation": "consultation.yaml",
    "plan": "plan.yaml",
}
FOLDERS = {"workstreams": "workstreams", "services": "services"}


@dataclass
class ContentTree:
    """Every content file, read but not yet validated (None: a file that could not be read)."""

    root: Path
    programme: Source | None
    arrangements: Source | None
    consultation: Source | None
    plan: Source | None
    workstreams: list[Source]
    services: list[Source]
    problems: list[Problem] = field(default_factory=list)  # kept when read with partial=True


def read_tree(root: Path, *, partial: bool = False) -> ContentTree:
    """Return the content folder at ``root`` read file by file; raise ContentError for all problems.

    With ``partial``, return what could be read, the problems in ``problems``, so validation
    can report the other files' problems in the same run.
    """
    root = Path(root)
    if not root.is_dir():
        raise ContentError([Problem(display_path(root), 1, 1, "", "content folder not found")])
    problems: list[Problem] = []
    found: dict = {}

    def read(path: Path) -> Source | None:
        try:
            return load_yaml(path)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None

    for name, filename in SINGLE_FILES.items():
        path = root / filename
        found[name] = read(path) if path.is_file() else None
        if not path.is_file():
            problems.append(Problem(display_path(path), 1, 1, "", f"required file is missing; create {filename} in the content folder"))
    for name, folder in FOLDERS.items():
        paths = sorted((root / folder).glob("*.yaml")) if (root / folder).is_dir() else []
        if not paths:
            problems.append(Problem(display_path(root / folder), 1, 1, "", f"no {name} found; add one .yaml file per {name[:-1]}"))
        found[name] = [s for s in map(read, paths) if s is not None]
    if problems and not partial:
        raise ContentError(problems)
    return ContentTree(root=root, problems=problems, **found)
