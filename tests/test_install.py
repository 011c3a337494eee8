"""A plain install of the built wheel (not editable) builds papers anywhere: the templates,
stylesheets and starter files travel inside the package."""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from lgss_docs.load.tree import entry_id

from conftest import EXAMPLE, ROOT

NORTHANTS = ROOT / "examples" / "future-northants"


def _run(args, cwd: Path) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """Return the bin/ folder of a fresh virtual environment holding lgss-docs from its wheel."""
    root = tmp_path_factory.mktemp("install")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", root / "dist", ROOT], root)
    [wheel] = (root / "dist").glob("lgss_docs-*.whl")
    _run([sys.executable, "-m", "venv", root / "venv"], root)
    bin_folder = root / "venv" / "bin"
    _run([bin_folder / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", wheel], root)
    # The libraries lgss-docs needs come from the test environment (a path, not a copy): this
    # checks what the wheel carries, not what PyPI serves today.
    [packages] = Path(_run([bin_folder / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], root).strip()),
    (packages / "libraries.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return bin_folder


def test_the_package_comes_from_the_wheel_not_the_checkout(installed, tmp_path):
    where = _run([installed / "python", "-c", "import lgss_docs, lgss_docs.render.templates as t; "
                  "print(lgss_docs.__file__); print(t.BUILT_IN)"], tmp_path).splitlines()
    for path in where:
        assert Path(path).is_relative_to(installed.parent) and not Path(path).is_relative_to(ROOT), path


@pytest.mark.parametrize("example, formats", [(EXAMPLE, ("html", "docx")), (NORTHANTS, ("html", "pdf", "docx"))],
                         ids=["lgss", "future-northants"])
def test_a_copy_of_each_example_builds_every_declared_paper(installed, tmp_path, example, formats):
    copy = tmp_path / "programme"
    shutil.copytree(example, copy, ignore=shutil.ignore_patterns("output"))
    args = [installed / "lgss-docs", "build", *(f"--format={fmt}" for fmt in formats)]
    written = _run(args, copy).splitlines()  # run in the copy: no --content, the folder is the content
    papers = [entry_id(p) for p in (copy / "papers").glob("*.yaml")]
    assert sorted(written) == sorted(f"wrote output/{paper}.{fmt}" for paper in papers for fmt in formats)


def test_init_then_build_with_the_installed_command(installed, tmp_path):
    _run([installed / "lgss-docs", "init", "new-programme", "--date", "2026-11-20"], tmp_path)
    written = _run([installed / "lgss-docs", "build"], tmp_path / "new-programme").splitlines()
    assert written == [f"wrote output/highlight-report.{fmt}" for fmt in ("html", "pdf", "docx")]
