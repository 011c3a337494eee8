"""Which files are content: one rule for the loader and the build cache, so no paper is ever stale.

Links are followed, hidden files (editors' lock and swap files) are never content, and only
regular files are read: a pipe named like a content file is refused without being opened.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from lgss_docs.build import BuildRequest, build
from lgss_docs.cli import main

from conftest import EXAMPLE, ROOT


def _build(content, out) -> set[str]:
    return {p.name for p in build(BuildRequest(content=content, out=out, formats=("html",)))}


def test_an_edit_in_a_linked_folder_rebuilds_the_papers_that_read_it(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "content")
    shutil.move(tmp_path / "content" / "workstreams", tmp_path / "shared-workstreams")
    (tmp_path / "content" / "workstreams").symlink_to(tmp_path / "shared-workstreams")
    assert _build(tmp_path / "content", tmp_path / "out") == {"committee-report.html", "highlight-report.html",
                                                              "transition-plan.html"}
    finance = tmp_path / "shared-workstreams" / "03-finance.yaml"
    finance.write_text(finance.read_text(encoding="utf-8").replace("rag: Amber", "rag: Red"), encoding="utf-8")
    assert _build(tmp_path / "content", tmp_path / "out") == {"committee-report.html", "highlight-report.html"}
    assert "<td class=\"rag rag-red\">Red</td>" in (tmp_path / "out" / "highlight-report.html").read_text(encoding="utf-8")


def test_hidden_files_are_never_content(tmp_path, capsys, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "content")
    workstreams = tmp_path / "content" / "workstreams"
    # An editor's lock file (a link to nowhere, as Emacs makes them) and a hidden copy of a work stream.
    (workstreams / ".#01-governance.yaml").symlink_to("user@host.1234:1700000000")
    shutil.copy(workstreams / "01-governance.yaml", workstreams / ".01-governance.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr().out == "content: valid (3 papers, 7 project work streams, 22 services).\n"
    _build(tmp_path / "content", tmp_path / "out")
    # Editing the hidden copy changes nothing: it was never read, and the build says so truthfully.
    hidden = workstreams / ".01-governance.yaml"
    hidden.write_text(hidden.read_text(encoding="utf-8").replace("rag: Amber", "rag: Red"), encoding="utf-8")
    assert _build(tmp_path / "content", tmp_path / "out") == set()


def test_a_yml_file_is_a_warning_not_a_silent_gap(tmp_path, capsys, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "content")
    shutil.copy(tmp_path / "content" / "workstreams" / "07-schools-academies.yaml",
                tmp_path / "content" / "workstreams" / "08-procurement.yml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "warning: content/workstreams/08-procurement.yml:1:1: is not read: content files end in .yaml; rename it"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_named_like_a_content_file_is_refused_not_opened(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "content")
    os.mkfifo(tmp_path / "content" / "workstreams" / "08-pipe.yaml")
    done = subprocess.run([sys.executable, "-m", "lgss_docs", "check", "--content", "content"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)  # a read would block for ever
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "content/workstreams/08-pipe.yaml:1:1: is a pipe; content files are plain .yaml files",
        "1 problem found; nothing was written."]


def test_text_that_looks_like_css_does_not_recolour_word(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "content")
    governance = tmp_path / "content" / "workstreams" / "01-governance.yaml"
    governance.write_text(governance.read_text(encoding="utf-8").replace(
        "risks_and_issues: |\n", "risks_and_issues: |\n  - .rag-green { background: #FF0000 } --head: #FF0000\n"),
        encoding="utf-8")
    build(BuildRequest(content=tmp_path / "content", out=tmp_path / "out", formats=("docx",), papers=("highlight-report",)))
    document = zipfile.ZipFile(tmp_path / "out" / "highlight-report.docx").read("word/document.xml").decode()
    assert "#FF0000" in document and 'w:fill="FF0000"' not in document  # said, not obeyed
    assert 'w:fill="C6EFCE"' in document  # Green, as programme.yaml declares it


def test_jobs_must_be_a_whole_number_of_one_or_more(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--jobs", "-3"])
    assert exit_info.value.code == 2
    assert "argument --jobs: expected a whole number of 1 or more; got '-3'" in capsys.readouterr().err


def test_a_failing_textconv_says_textconv_not_build(tmp_path, capsys):
    (tmp_path / "paper.pdf").write_bytes(b"not a pdf")
    assert main(["textconv", str(tmp_path / "paper.pdf")]) == 1
    assert capsys.readouterr().err.startswith("textconv failed: ")


def test_near_miss_fact_names_are_warnings(tmp_path, capsys, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "content")
    report = tmp_path / "content" / "papers" / "committee-report.yaml"
    text = report.read_text(encoding="utf-8").replace("On {dates.june-paper}", "On {Dates.june-paper}")
    report.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "- text: |" in t)  # the text starts on that line
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"warning: content/papers/committee-report.yaml:{line}:15: sections[0].blocks[0].text: {{Dates.june-paper}} "
        "is printed as typed; to name a fact write {dates.june-paper}"]
    assert main(["check", "--content", "content", "--strict"]) == 2


def test_the_example_check_runs_from_the_repository_root(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0


def test_a_changed_picture_rebuilds_the_papers_that_place_it_and_no_other(tmp_path):
    from PIL import Image

    shutil.copytree(EXAMPLE, tmp_path / "content")
    assert "committee-report.html" in _build(tmp_path / "content", tmp_path / "out")
    picture = tmp_path / "content" / "images" / "governance-structure.png"
    with Image.open(picture) as image:
        image.rotate(180).save(picture)
    assert _build(tmp_path / "content", tmp_path / "out") == {"committee-report.html"}
    assert _build(tmp_path / "content", tmp_path / "out") == set()
