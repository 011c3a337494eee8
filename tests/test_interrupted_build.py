"""A build killed at any moment leaves each paper as it was or complete, never truncated."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from lgss_docs.cache import CACHE_NAME
from lgss_docs.errors import BuildError
from lgss_docs.output import remove_stale_parts, write_atomically

from conftest import EXAMPLE, ROOT
from support import ctrl_c_answered


def _complete(path: Path) -> bool:
    """Return whether the paper at ``path`` is whole: a PDF trailer, a readable zip, a closed html."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return data.rstrip().endswith(b"%%EOF")
    if path.suffix == ".docx":
        try:
            return zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        except zipfile.BadZipFile:
            return False
    return data.rstrip().endswith(b"</html>")


def _papers(folder: Path) -> list[Path]:
    """Return the papers in ``folder``: not the build cache, not temporary files."""
    return [p for p in folder.iterdir() if not p.name.startswith(".")]


def _build(content: Path, out: Path, *more: str, **popen) -> subprocess.Popen:
    # One paper in its three formats is enough to land kills mid-render and mid-write.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--content", str(content), "--out", str(out),
                             "--doc", "highlight-report", *more],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **popen)


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> tuple[Path, dict[str, bytes], float]:
    """Return (changed content, the earlier build's papers, how long a build takes here)."""
    root = tmp_path_factory.mktemp("killed")
    started = time.monotonic()
    assert _build(EXAMPLE, root / "earlier").wait() == 0
    took = time.monotonic() - started
    content = root / "content"
    shutil.copytree(EXAMPLE, content)
    programme = content / "papers" / "highlight-report.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace(
        "subject: LGSS Business Transition Programme Update Report", "subject: LGSS Business Transition Programme Update Report (revised)", 1),
        encoding="utf-8")
    return content, {p.name: p.read_bytes() for p in _papers(root / "earlier")}, took


def _assert_no_worker_outlives(out: Path) -> None:
    """Fail unless every process building into ``out`` ends soon after the build is killed."""
    def alive():
        found = []
        for proc in Path("/proc").iterdir():
            try:
                if proc.name.isdigit() and str(out).encode() in (proc / "cmdline").read_bytes():
                    found.append(proc.name)
            except OSError:
                continue
        return found
    deadline = time.monotonic() + 10
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert alive() == [], "worker processes outlived the killed build"


def _wait_until(process: subprocess.Popen, seen) -> None:
    """Poll until ``seen()`` is true or the build ends, checking often so the kill lands mid-write."""
    while process.poll() is None and not seen():
        time.sleep(0.0005)


# Moments to kill at: fractions of a whole build's time (while starting, rendering, writing),
# and two moments seen in the folder: a temporary file appears, a first paper is replaced.
MOMENTS = [0.3, 0.8, "part-file-appears", "first-paper-replaced"]


@pytest.mark.parametrize("moment", MOMENTS)
def test_killed_build_leaves_old_or_complete_papers(moment, previous, tmp_path):
    content, earlier, took = previous
    out = tmp_path / "out"
    out.mkdir()
    for name, data in earlier.items():
        (out / name).write_bytes(data)
    process = _build(content, out)
    if moment == "part-file-appears":
        _wait_until(process, lambda: any(out.glob(".*.part")))
    elif moment == "first-paper-replaced":
        _wait_until(process, lambda: any((out / n).stat().st_size != len(d) for n, d in earlier.items()))
    else:
        time.sleep(took * moment)
    process.send_signal(signal.SIGKILL)
    process.wait()
    _assert_no_worker_outlives(out)
    papers = _papers(out)
    assert sorted(p.name for p in papers) == sorted(earlier)
    for paper in papers:
        assert paper.read_bytes() == earlier[paper.name] or _complete(paper), paper.name
    assert all(p.name.endswith(".part") or p.name == CACHE_NAME for p in out.iterdir() if p.name.startswith("."))
    # The next build finishes the job and clears whatever the killed one left behind.
    assert _build(content, out).wait() == 0
    assert sorted(p.name for p in out.iterdir() if p.name != CACHE_NAME) == sorted(earlier)
    assert all(_complete(p) for p in _papers(out))


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path, monkeypatch):
    target = tmp_path / "committee-report.pdf"
    target.write_bytes(b"earlier")

    def no_space(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(BuildError, match="cannot write"):
        write_atomically(target, b"%PDF new")
    assert [p.name for p in tmp_path.iterdir()] == ["committee-report.pdf"]
    assert target.read_bytes() == b"earlier"


def test_stale_parts_of_our_papers_are_removed(tmp_path):
    names = [".committee-report.pdf.abc123.part", ".committee-report.html.x.part", ".other.pdf.x.part", "committee-report.pdf"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    remove_stale_parts(tmp_path, ["committee-report.pdf", "committee-report.html"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.pdf.x.part", "committee-report.pdf"]


def _children(pid: int) -> list[str]:
    try:
        return (Path("/proc") / str(pid) / "task" / str(pid) / "children").read_text().split()
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads worker processes from /proc")
@pytest.mark.parametrize("moment", [0.15, 0.35])  # of an earlier build's time: early enough under a changing load
def test_ctrl_c_prints_one_line_and_exits_130(moment, previous, tmp_path):
    content, earlier, took = previous
    out = tmp_path / "out"
    out.mkdir()
    for name, data in earlier.items():
        (out / name).write_bytes(data)
    # A session of its own, so that the interrupt goes to the build and its workers, as a terminal's Ctrl-C does.
    process = _build(content, out, "--jobs", "2", start_new_session=True, preexec_fn=ctrl_c_answered)
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(took * moment)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr.decode()) == (130, "interrupted; no paper was left half-written.\n")
    _assert_no_worker_outlives(out)
    for paper in _papers(out):
        assert paper.read_bytes() == earlier[paper.name] or _complete(paper), paper.name
