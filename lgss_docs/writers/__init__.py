"""Stage 5: write a rendered paper's HTML as .html, .pdf and .docx.

Every writer has one signature, ``write(paper, options) -> bytes``, so the build treats
formats alike and writes nothing until all of them have succeeded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriterOptions:
    reference_docx: Path | None = None


def writer(fmt: str):
    """Return the writer for ``fmt``, importing heavy libraries only when needed."""
    if fmt == "html":
        from .html import write
    elif fmt == "pdf":
        from .pdf import write
    elif fmt == "docx":
        from .docx import write
    else:
        raise KeyError(fmt)
    return write


FORMATS = ("html", "pdf", "docx")
