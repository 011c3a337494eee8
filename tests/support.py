"""Reading what the papers say, for assertions: text out of PDF and DOCX; the benchmark's
synthetic programme, for tests at scale."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def pdf_pages(path: Path) -> list[str]:
    """Return the text of each page of the PDF at ``path``."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def docx_paragraphs(path: Path) -> list[str]:
    """Return the text of every paragraph of the DOCX body, tables included, in order."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        out.append(text)
    return out


def missing_tool(what: str):
    """Skip on a developer's machine without ``what``; in CI (where setup installs it) fail."""
    message = f"{what} is installed by scripts/setup --test"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def synthetic():
    """Return bench/synthetic.py as a module (the benchmark is not a package)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("synthetic", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ctrl_c_answered() -> None:
    """Restore Ctrl-C's default in a child process (a ``preexec_fn``): a test run started in the
    background inherits SIGINT ignored, and a Python started so never raises KeyboardInterrupt."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def edit_once(path, old: str, new: str) -> None:
    """Replace the first ``old`` in the file at ``path`` with ``new``; fail if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
