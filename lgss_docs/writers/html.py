"""The .html paper: the rendered HTML itself, already self-contained (styles inline)."""

from __future__ import annotations


def write(paper, options) -> bytes:
    return paper.html.encode("utf-8")
