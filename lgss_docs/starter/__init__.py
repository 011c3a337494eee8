"""lgss-docs init: a new programme's content repository, ready to build.

The files beside this module are the starting point: a programme.yaml with one paper declared,
one work stream, .gitignore and .gitattributes, editor settings and a short README for
officers. ``{name}``, ``{organisation}`` and ``{date}`` in them are filled in; text such as
``{programme.name}`` is a fact the papers fill in, left as it is.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import UsageError, display_path
from ..output import write_atomically

FILES = Path(str(importlib.resources.files(__name__) / "files"))
# Starter files kept without their leading dot (package data and editors treat dotfiles apart).
RENAMED = {"gitignore": ".gitignore", "gitattributes": ".gitattributes"}


def _title(folder: Path) -> str:
    words = re.split(r"[-_\s]+", folder.resolve().name)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "New Programme"


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def init(folder: Path, name: str | None = None, day: dt.date | None = None) -> list[Path]:
    """Write a new content repository to ``folder``; return the files written.

    ``day`` dates the first paper and work stream report (default: today, as an officer starting
    a programme would expect; the papers' own dates then come from the content, never the clock).
    """
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{display_path(folder)} already exists and is not an empty folder; choose a new one")
    name = name or _title(folder)
    values = {"name": json.dumps(name, ensure_ascii=False), "organisation": json.dumps(name, ensure_ascii=False),
              "date": (day or dt.date.today()).isoformat()}
    written = []
    for source in sorted(p for p in FILES.rglob("*") if p.is_file()):
        relative = source.relative_to(FILES)
        target = folder / RENAMED.get(relative.as_posix(), relative.as_posix())
        text = source.read_text(encoding="utf-8")
        # The README names the programme in prose, not as YAML.
        text = _fill(text, {"name": name} if relative.name == "README.md" else values)
        write_atomically(target, text.encode("utf-8"))
        written.append(target)
    written += _editor_settings(folder)
    written += _git(folder)
    return written


def _editor_settings(folder: Path) -> list[Path]:
    """Write the JSON Schemas for this programme, and the VS Code settings that check YAML against them."""
    from ..schema import FILES as SCHEMA_FILES
    from ..schema import write_schemas

    written = write_schemas(folder, folder / "schema")
    names = {p.name.removesuffix(".schema.json") for p in written}
    settings = {"yaml.schemas": {f"schema/{name}.schema.json": pattern
                                 for name, pattern in SCHEMA_FILES.items() if name in names}}
    path = folder / ".vscode" / "settings.json"
    write_atomically(path, (json.dumps(settings, indent=2) + "\n").encode())
    return [*written, path]


def _git(folder: Path) -> list[Path]:
    """Make ``folder`` a git repository with the diff drivers registered, if git is installed and
    the folder is not already inside a repository; return nothing (git's own files are not listed)."""
    if shutil.which("git") is None:
        return []
    inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=folder, capture_output=True, text=True)
    if inside.returncode == 0:
        return []
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    from ..review.textconv import git_setup

    # The interpreter running now, by its absolute path: git runs the driver outside any venv.
    git_setup(folder, f"{shlex.quote(sys.executable)} -m lgss_docs")
    return []
