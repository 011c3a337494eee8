"""Running git for a review: one way to call it, one way to fail."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import BuildError, display_path


def git(where: Path, *args: str, failure: str | None = None, text: bool = True, stdin: str | None = None):
    """Return the output of ``git args`` run in ``where`` (given ``stdin``); raise BuildError(failure) if it fails."""
    try:
        done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=text, check=False,
                              input=stdin)
    except FileNotFoundError:
        raise BuildError("git is not installed") from None
    if done.returncode != 0:
        stderr = done.stderr if text else done.stderr.decode("utf-8", "replace")
        raise BuildError(failure or f"{display_path(where)}: git {args[0]} failed: {stderr.strip()}")
    return done.stdout


def repository(content: Path) -> tuple[Path, str]:
    """Return the top of the git repository holding ``content`` and content's path inside it
    ("" at the top, else ending in /)."""
    folder = content if content.is_dir() else content.parent
    if not folder.is_dir():
        raise BuildError(f"{display_path(content)}: folder not found, so its git repository is unknown")
    found = git(folder, "rev-parse", "--show-toplevel", "--show-prefix",
                failure=f"{display_path(folder)}: not inside a git repository").split("\n")
    return Path(found[0].strip()), found[1].strip()
