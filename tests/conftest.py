"""Shared fixtures: the bundled example, built once per test session into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lgss_docs.build import BuildRequest, build

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "content"
# Every bundled programme: the LGSS example, then those under examples/.
EXAMPLES = [EXAMPLE, *sorted(p.parent for p in (ROOT / "examples").glob("*/programme.yaml"))]
BUDGET = ROOT / "examples" / "lgss-budget-2019"  # the budget report of July 2019: tables of figures


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Return {"committee-report.pdf": path, ...} for every paper of the example, built once."""
    out = tmp_path_factory.mktemp("output")
    return {path.name: path for path in build(BuildRequest(content=EXAMPLE, out=out))}


@pytest.fixture(scope="session")
def built_northants(tmp_path_factory) -> dict[str, Path]:
    """Return {"closure-report.pdf": path, ...} for every paper of the Future Northants example, built once."""
    out = tmp_path_factory.mktemp("northants")
    return {path.name: path for path in build(BuildRequest(content=ROOT / "examples" / "future-northants", out=out))}


@pytest.fixture(scope="session")
def budget_built(tmp_path_factory) -> dict[str, Path]:
    """Return {"budget-report.pdf": path, ...} for every paper of the budget example, built once."""
    out = tmp_path_factory.mktemp("budget")
    return {path.name: path for path in build(BuildRequest(content=BUDGET, out=out))}


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """Return a writable copy of the example content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture(scope="session")
def libreoffice() -> str:
    """Return the LibreOffice command, which lays a DOCX out as Word would (near enough)."""
    from support import missing_tool

    binary = shutil.which("libreoffice") or shutil.which("soffice")
    if binary is None:
        missing_tool("LibreOffice")
    return binary
