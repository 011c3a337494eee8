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
