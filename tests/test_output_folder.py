"""The output folder: one that cannot be written is named, and one build at a time writes to it.

Two builds into one folder used to race: one removed the other's temporary files, and about one
round in six failed with "cannot write". A build now holds a lock on its output folder (flock,
released when the process ends however it ends), and a second build says so at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lgss_docs.cli import main

from conftest import EXAMPLE, ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's lgss_docs, whatever is installed
BUSY = "build failed: another build is writing to {}; wait for it or use --out"
COMMANDS = {
    "build": ["build", "--content", str(EXAMPLE), "--format", "html"],
    "diff": ["diff", str(EXAMPLE), str(EXAMPLE), "--format", "html", "--doc", "transition-plan"],
    "schema": ["schema", "--content", str(EXAMPLE)],
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("command", COMMANDS)
def test_out_naming_a_file_is_a_message(command, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("papers").write_bytes(b"a file")
    assert main([*COMMANDS[command], "--out", "papers"]) == 1
    assert capsys.readouterr().err.splitlines() == [f"{command} failed: papers: a file, not a folder; --out must name a folder"]
    assert Path("papers").read_bytes() == b"a file"


@pytest.fixture
def unwritable(tmp_path):
    """Return a folder this process cannot write in: read-only to a user, immutable to root."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(b"kept")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    elif shutil.which("chattr") and subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        undo = ["chattr", "-i", str(folder)]
    else:
        pytest.skip("cannot make a folder unwritable here")
    yield folder
    subprocess.run(undo, check=True)


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unwritable_out_is_a_message(command, unwritable, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for out, problem in (("locked", "cannot write in this folder"), ("locked/papers", "cannot create this folder")):
        assert main([*COMMANDS[command], "--out", out]) == 1
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith(f"{command} failed: {out}: {problem} (") and line.endswith(")"), line
    assert _snapshot(unwritable) == {"notes.txt": b"kept"}


def test_a_folder_named_like_a_temporary_file_is_left_alone(tmp_path):
    out = tmp_path / "output"
    (out / ".committee-report.html.x1y2.part").mkdir(parents=True)
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", str(EXAMPLE), "--out", str(out),
                           "--format", "html"], env=ENV, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert (out / ".committee-report.html.x1y2.part").is_dir()
    assert (out / "committee-report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


def _holder(folder: Path) -> subprocess.Popen:
    """Return a process that holds ``folder``'s output lock until its stdin closes."""
    code = ("import sys; from lgss_docs.output import output_lock\n"
            "with output_lock(sys.argv[1]):\n    print('locked', flush=True); sys.stdin.read()\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(folder)], env=ENV, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    return holder


def _build(out: Path, *more: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--content", str(EXAMPLE), "--out", out.name, *more],
                            env=ENV, cwd=out.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_build_into_the_same_folder_is_told_to_wait(tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    (out / "committee-report.html").write_bytes(b"<html>earlier</html>")
    holder = _holder(out)
    try:
        for command in (["--format", "html"], ["--format", "pdf", "--doc", "transition-plan"]):
            second = _build(out, *command)
            stdout, stderr = second.communicate(timeout=120)
            assert (second.returncode, stdout, stderr) == (1, "", BUSY.format("output") + "\n")
        assert _snapshot(out) == {"committee-report.html": b"<html>earlier</html>"}
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    # The lock goes with the process that held it; the next build writes.
    assert _build(out, "--format", "html").wait(timeout=120) == 0
    assert (out / "committee-report.html").read_bytes() != b"<html>earlier</html>"


def test_two_builds_at_once_never_fail_to_write(tmp_path):
    out = tmp_path / "output"
    for _ in range(6):
        shutil.rmtree(out, ignore_errors=True)
        builds = [_build(out, "--format", "html", "--format", "docx", "--force") for _ in range(2)]
        results = [(b.wait(timeout=300), b.stderr.read()) for b in builds]
        for code, stderr in results:
            assert (code, stderr) in {(0, ""), (1, BUSY.format("output") + "\n")}, stderr
        assert 0 in [code for code, _ in results]
        for paper in ("committee-report", "highlight-report", "transition-plan"):
            assert (out / f"{paper}.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
        assert not list(out.glob(".*.part"))


def test_invalid_content_leaves_no_output_folder_behind(content_copy, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (content_copy / "facts.yaml").write_text("", encoding="utf-8")
    assert main(["build", "--content", "content", "--out", "new/papers", "--format", "html"]) == 2
    assert "1 problem found; nothing was written." in capsys.readouterr().err
    assert not Path("new").exists()
