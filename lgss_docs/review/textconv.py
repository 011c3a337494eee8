"""Committed papers as text, so that ``git diff`` and ``git log -p`` show what a .docx or .pdf says.

git runs ``lgss-docs textconv FILE`` for files whose .gitattributes diff driver is lgss-docx or
lgss-pdf; ``git-setup`` registers those drivers in the repository's own .git/config.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ..errors import BuildError, display_path
from .git import git

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRIVERS = {"lgss-docx": "*.docx", "lgss-pdf": "*.pdf"}
ATTRIBUTES = "".join(f"{pattern} diff={driver}\n" for driver, pattern in DRIVERS.items())


def text_of(path: Path) -> str:
    """Return the text of the .docx or .pdf at ``path``: one line per paragraph (DOCX) or as laid out (PDF)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return _docx_text(path)
        if suffix == ".pdf":
            return _pdf_text(path)
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise BuildError(f"{display_path(path)}: cannot read ({exc})") from None
    raise BuildError(f"{display_path(path)}: expected a .docx or .pdf file")


def _docx_text(path: Path) -> str:
    # Deleted text of tracked changes is w:delText, so the text read is the text as it stands.
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    lines = []
    for paragraph in root.iter(f"{W}p"):
        pieces = [node.text or "" if node.tag == f"{W}t" else "\n" for node in paragraph.iter(f"{W}t", f"{W}br")]
        lines.append("".join(pieces))
    return "\n".join(lines) + "\n"


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except PdfReadError as exc:
        raise BuildError(f"{display_path(path)}: not a readable PDF ({exc})") from None
    return "".join(f"--- page {n} ---\n{text.rstrip()}\n" for n, text in enumerate(pages, start=1))


def git_setup(repository: Path, command: str = "lgss-docs") -> Path:
    """Return the git config file after registering the lgss-docx and lgss-pdf textconv drivers in it."""
    for driver in DRIVERS:
        git(repository, "config", "--local", f"diff.{driver}.textconv", f"{command} textconv")
    return Path(git(repository, "rev-parse", "--absolute-git-dir").strip()) / "config"


def missing_attributes(repository: Path) -> str:
    """Return the .gitattributes lines the repository at ``repository`` still lacks ("" if none)."""
    top = Path(git(repository, "rev-parse", "--show-toplevel").strip())
    present = (top / ".gitattributes").read_text(encoding="utf-8").splitlines() if (top / ".gitattributes").is_file() else []
    return "".join(line + "\n" for line in ATTRIBUTES.splitlines() if line not in present)
