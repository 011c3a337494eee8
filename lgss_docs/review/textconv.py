"""Committed papers as text, so that ``git diff`` and ``git log -p`` show what a .docx or .pdf says.

git runs ``lgss-docs textconv FILE`` for files whose .gitattributes diff driver is lgss-docx or
lgss-pdf; ``git-setup`` registers those drivers in the repository's own .git/config.
"""

from __future__ import annotations

import shlex
import sys
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..errors import BuildError, display_path
from .git import git

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRIVERS = {"lgss-docx": "*.docx", "lgss-pdf": "*.pdf"}
ATTRIBUTES = "".join(f"{pattern} diff={driver}\n" for driver, pattern in DRIVERS.items())

# git runs textconv on whatever is committed, so a .docx is read within bounds far above any
# paper (the committee report's document.xml is 0.4 MB, compressed 16 to 1, in 25 parts); a zip
# bomb (a few MB unpacking to GB) is refused before it is unpacked.
MAX_PARTS = 10_000
MAX_DOCUMENT_XML = 64 * 2**20
MAX_RATIO = 200  # deflate reaches about 1,000 to 1 on repeated bytes; text and XML, 5 to 40


def text_of(path: Path) -> str:
    """Return the text of the .docx or .pdf at ``path``: one line per paragraph (DOCX) or as laid out (PDF)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return _docx_text(path)
        if suffix == ".pdf":
            return _pdf_text(path)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise BuildError(f"{display_path(path)}: cannot read ({exc})") from None
    raise BuildError(f"{display_path(path)}: expected a .docx or .pdf file")


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        parts = package.infolist()
        if len(parts) > MAX_PARTS:
            raise _refused(path, f"{len(parts):,} parts; textconv opens at most {MAX_PARTS:,}")
        document = package.getinfo("word/document.xml")
        if document.file_size > MAX_DOCUMENT_XML:
            raise _refused(path, f"word/document.xml would unpack to {document.file_size / 2**20:,.0f} MB; "
                                 f"textconv reads at most {MAX_DOCUMENT_XML // 2**20} MB")
        ratio = document.file_size / max(document.compress_size, 1)
        if document.file_size > 2**20 and ratio > MAX_RATIO:
            raise _refused(path, f"word/document.xml is compressed {ratio:,.0f} to 1; textconv reads at most "
                                 f"{MAX_RATIO} to 1 (a zip bomb?)")
        # zipfile stops at the size the package declares, whatever the compressed data holds.
        with package.open(document) as stream:
            return "\n".join(_paragraphs(stream)) + "\n"


def _paragraphs(stream) -> list[str]:
    """Return the text of each w:p of the document.xml ``stream``, reading one paragraph at a time.

    Deleted text of tracked changes is w:delText, so the text read is the text as it stands. A
    paragraph inside another (a text box) is read again on its own line, after the outer one.
    """
    lines, depth = [], 0
    for event, element in etree.iterparse(stream, events=("start", "end"), tag=f"{W}p", resolve_entities=False):
        depth += 1 if event == "start" else -1
        if event == "start" or depth:
            continue
        for paragraph in element.iter(f"{W}p"):
            lines.append("".join(node.text or "" if node.tag == f"{W}t" else "\n"
                                 for node in paragraph.iter(f"{W}t", f"{W}br")))
        element.clear()
        while element.getprevious() is not None:  # what comes before is read: let it go
            del element.getparent()[0]
    return lines


def _refused(path: Path, why: str) -> BuildError:
    return BuildError(f"{display_path(path)}: refused: {why}")


def _pdf_text(path: Path) -> str:
    """Return a PDF's text page by page. PDFium (the PDF engine of Chromium) reads the text layer
    of a 20-page paper in about a tenth of a second, where a pure-Python reader takes seconds:
    this runs for every committed PDF in every ``git log -p``."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        raise BuildError(f"{display_path(path)}: not a readable PDF ({exc})") from None
    pages = []
    for page in document:
        text = page.get_textpage().get_text_bounded()
        pages.append("\n".join(line.rstrip() for line in text.splitlines()))  # PDFium ends lines with \r\n
    return "".join(f"--- page {n} ---\n{text.rstrip()}\n" for n, text in enumerate(pages, start=1))


def this_command() -> str:
    """Return how git should run this very lgss-docs: its interpreter by absolute path (quoted for
    the shell git hands the command to), so the driver works outside the virtual environment too."""
    return f"{shlex.quote(sys.executable)} -m lgss_docs"


def git_setup(repository: Path, command: str | None = None) -> Path:
    """Return the git config file after registering the lgss-docx and lgss-pdf textconv drivers in it.

    git keeps each file's text in its notes when ``cachetextconv`` is on, so ``git log -p`` over
    many cycles converts each committed paper once rather than on every run."""
    for driver in DRIVERS:
        git(repository, "config", "--local", f"diff.{driver}.textconv", f"{command or this_command()} textconv")
        git(repository, "config", "--local", f"diff.{driver}.cachetextconv", "true")
    return Path(git(repository, "rev-parse", "--absolute-git-dir").strip()) / "config"


def missing_attributes(repository: Path) -> str:
    """Return the .gitattributes lines the repository at ``repository`` still lacks ("" if none)."""
    top = Path(git(repository, "rev-parse", "--show-toplevel").strip())
    present = (top / ".gitattributes").read_text(encoding="utf-8").splitlines() if (top / ".gitattributes").is_file() else []
    return "".join(line + "\n" for line in ATTRIBUTES.splitlines() if line not in present)
