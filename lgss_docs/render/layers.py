"""The template folders of a build, most specific first, and the kinds of paper they lay out.

Apart from the Jinja environment (``templates``) so that a build with nothing to do, which only
hashes these folders, never imports Jinja.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Sequence
from pathlib import Path

BUILT_IN = Path(str(importlib.resources.files("lgss_docs.templates")))
CONTENT_TEMPLATES = "templates"  # a content folder's own layer


def layers(content: Path | None = None, extra: Path | None = None) -> tuple[Path, ...]:
    """Return the template folders, the most specific first: ``extra``, the content's, the built-in."""
    found = [Path(extra)] if extra is not None else []
    if content is not None and (Path(content) / CONTENT_TEMPLATES).is_dir():
        found.append(Path(content) / CONTENT_TEMPLATES)
    return (*found, BUILT_IN)


def kinds(folders: Sequence[Path]) -> list[str]:
    """Return the kinds of paper the layers provide: the names of their kinds/*.html.j2."""
    return sorted({p.name.removesuffix(".html.j2") for folder in folders for p in (Path(folder) / "kinds").glob("*.html.j2")})
