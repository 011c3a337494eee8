"""Every case of the bad-input corpus: exit 2, exactly the expected lines, output untouched.

Each case runs ``check`` and ``build`` in-process; a few also run as a real process, to see
what an officer's terminal shows (no traceback, the same lines, the exit status).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from lgss_docs.cli import main
from lgss_docs.errors import ContentError
from lgss_docs.load import load_yaml

from bad_inputs import all_cases
from bad_inputs.limits import ALIAS_BOMB, TEXT_BOMB
from conftest import EXAMPLE, ROOT

CASES = all_cases()
EARLIER = {"committee-report.html": b"<html>earlier</html>", "committee-report.pdf": b"%PDF earlier",
           "committee-report.docx": b"PK earlier", "notes.txt": b"not ours"}


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


def _broken_copy(case, tmp_path: Path) -> list[str]:
    """Return the expected stderr after copying the example into tmp_path/content and breaking it."""
    shutil.copytree(EXAMPLE, tmp_path / "content")
    lines = case.make(tmp_path / "content")
    count = len(lines)
    if case.strict:
        return [*lines, f"{count} warning{'s' if count != 1 else ''}, and --strict makes warnings fail; nothing was written."]
    return [*lines, f"{count} problem{'s' if count != 1 else ''} found; nothing was written."]


def _earlier_output(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Fill ``folder`` with an earlier build's files; return each file's bytes and mtime."""
    folder.mkdir()
    for name, data in EARLIER.items():
        (folder / name).write_bytes(data)
        os.utime(folder / name, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return _snapshot(folder)


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_in_process(case, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    expected = _broken_copy(case, tmp_path)
    before = _earlier_output(tmp_path / "output")
    for command in (["check", "--content", "content"], ["build", "--content", "content", "--out", "output"]):
        code = main(command + ["--strict"] * case.strict)
        out, err = capsys.readouterr()
        assert (code, out, err.splitlines()) == (2, "", expected), err
    assert _snapshot(tmp_path / "output") == before


SUBPROCESS_CASES = ["duplicate-key", "rag-unknown", "date-day-does-not-exist", "problems-in-three-files", "alias-bomb",
                    "escaped-escape", "bidi-override-in-rag", "ansi-in-a-key", "osc-in-a-file-name", "link-to-no-anchor",
                    "symlink-loop"]


@pytest.mark.parametrize("case", [c for c in CASES if c.id in SUBPROCESS_CASES], ids=lambda case: case.id)
def test_bad_input_in_a_real_process(case, tmp_path):
    expected = _broken_copy(case, tmp_path)
    before = _earlier_output(tmp_path / "output")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's lgss_docs, whatever is installed
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", "content", "--out", "output"],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr.splitlines()) == (2, "", expected), result.stderr
    assert _snapshot(tmp_path / "output") == before


def test_a_byte_order_mark_is_accepted(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE, tmp_path / "content")
    for path in (tmp_path / "content").rglob("*.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("text", [ALIAS_BOMB, TEXT_BOMB, "a: " + "[" * 100_000], ids=["aliases", "long-text", "nesting"])
def test_bombs_are_refused_within_bounded_memory(text, tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(ContentError, match="refused"):
            load_yaml(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Limits of 50,000 values and 4 million characters keep the peak far below what the
    # bombs would expand to (10^9 values; 40 million characters).
    assert peak < 32 * 2**20, f"peak {peak / 2**20:.1f} MB"
