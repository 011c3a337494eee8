"""Image paths named in content, kept inside the content folder.

No content field takes an image yet (Markdown images are switched off, so prose cannot name
one); a field that comes to name an image calls ``image_problems`` during validation, before
the path reaches a template, so a paper never reads or fetches a file from elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..errors import Problem
from ..load import Source

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def image_problems(source: Source, loc: tuple, value: str, content_root: Path) -> list[Problem]:
    """Return the problem with image path ``value`` at ``loc``; [] for an image inside the content folder."""
    if PureWindowsPath(value).drive or PurePosixPath(value).is_absolute():
        message = "an image path must be relative to the content folder, not absolute"
    elif _SCHEME.match(value):
        message = "an image must be a file in the content folder, not a URL; save it there and give its path"
    elif not (Path(content_root) / value).resolve().is_relative_to(Path(content_root).resolve()):
        message = "this image path leads outside the content folder; keep images inside it"
    elif not (Path(content_root) / value).is_file():
        message = "no image at this path in the content folder"
    else:
        return []
    return [source.problem(loc, f'{message}; got "{value}"')]
