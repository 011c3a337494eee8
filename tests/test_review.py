"""Reviewing a cycle: the change summary, the redlines and git's view of committed papers.

The fixture is a git repository with the example committed twice (tags v1 and v2): between
them Governance moves from Amber to Amber/Red, Revenue and Benefits changes lead authority
from MKC to NCC, and a sentence of Future governance arrangements is reworded. A third tag,
``broken``, gives Governance a status that does not exist.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import string
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from lgss_docs.cli import main
from lgss_docs.errors import printable
from lgss_docs.render.markdown import markdown_html, parse_markdown
from lgss_docs.render.paper import RenderedPaper, render_paper
from lgss_docs.render.templates import environment
from lgss_docs.review.reading import excerpts
from lgss_docs.review.redline_html import redline
from lgss_docs.review.run import ReviewRequest, review
from lgss_docs.review.sources import load_version
from lgss_docs.review.summary import markdown_text
from lgss_docs.writers import WriterOptions, writer

from conftest import EXAMPLE, ROOT
from support import W, pdf_pages
from support import edit_once as _edit
from tracked import settled, text_and_formatting

OLD_SENTENCE = "The Lead Authority Board's terms of reference form part of the revised Partner and Delegation Agreement."
NEW_SENTENCE = "The Lead Authority Board's terms of reference are set out in the revised Partner and Delegation Agreement."
NEW_DATE = "2020-11-13T12:00:00Z"  # the newer commit's author date, as Word records the change
GIT_ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Programme Office", "GIT_AUTHOR_EMAIL": "pmo@example.org",
           "GIT_COMMITTER_NAME": "Programme Office", "GIT_COMMITTER_EMAIL": "pmo@example.org",
           "GIT_AUTHOR_DATE": "2020-11-13T12:00:00Z", "GIT_COMMITTER_DATE": "2020-11-13T12:00:00Z"}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Return a git repository whose content/ is the example at v1 and edited at v2 (checked out)."""
    repo = tmp_path_factory.mktemp("programme")
    shutil.copytree(EXAMPLE, repo / "content")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "November cycle")
    _git(repo, "tag", "v1")
    content = repo / "content"
    _edit(content / "workstreams" / "01-governance.yaml", "rag: Amber\n", "rag: Amber/Red\n")
    _edit(content / "services" / "22-revenues-benefits.yaml", "lead_authority: MKC", "lead_authority: NCC")
    _edit(content / "papers" / "committee-report.yaml", "terms of reference form part of the revised Partner and",
          "terms of reference are set out in the revised Partner and")
    _edit(content / "plan.yaml", "- {start: Oct-20, end: Oct-20, label: Repatriation, reconstructed: true}",
          "- {start: Oct-20, end: Nov-20, label: Repatriation, reconstructed: true}")
    _git(repo, "commit", "-q", "-am", "Governance to Amber/Red; NCC leads Revenues and Benefits; repatriation runs on")
    _git(repo, "tag", "v2")
    _git(repo, "checkout", "-q", "-b", "broken")
    _edit(content / "workstreams" / "01-governance.yaml", "rag: Amber/Red\n", "rag: Purple\n")
    _git(repo, "commit", "-q", "-am", "A status that does not exist")
    _git(repo, "tag", "broken")
    _git(repo, "checkout", "-q", "main")
    return repo


@pytest.fixture(scope="module")
def reviewed(repo, tmp_path_factory):
    """Return the review of v1 against v2, every output written."""
    out = tmp_path_factory.mktemp("review")
    return review(ReviewRequest(old="v1", new="v2", content=repo / "content", out=out))


def _written(reviewed, name: str) -> Path:
    return next(p for p in reviewed.written if p.name == name)


# -- the change summary ------------------------------------------------------------------
def test_summary_names_each_change_and_nothing_else(reviewed):
    # Each paper's changes as its redline marks them, under the headings above them; the
    # appendices that print other papers whole name those papers' lists instead of repeating them.
    bars = ("Aug-20 to Sep-20: Consultation; Oct-20: Repatriation → Aug-20 to Sep-20: Consultation; "
            "Oct-20 to Nov-20: Repatriation")
    assert [(c.area.split(" (")[-1], c.place, str(c)) for c in reviewed.changes] == [
        ("committee-report)", "2. Transition programme update › RAG status of each project work stream as at 13 November 2020",
         "Project work stream 1: Governance: Current status Amber → Amber/Red"),
        ("committee-report)", "4. Collective consultation › Lead authority services from 1 December 2020",
         "Revenue and Benefits: Lead authority MKC → NCC"),
        ("committee-report)", "6. Future governance arrangements",
         "paragraph reworded …Board's terms of reference form part of the revised Partner and… → "
         "…Board's terms of reference are set out in the revised Partner and…"),
        ("committee-report)", "Appendix 1: Business Transition Programme Plan",
         "2 changes, as listed under LGSS Programme Review: Transition Plan (transition-plan)"),
        ("committee-report)", "Appendix 2: LGSS Business Transition Programme Highlight Report",
         "2 changes, as listed under LGSS Business Transition Programme Highlight Report (highlight-report)"),
        ("highlight-report)", "3. Project work stream progress › RAG status of each project work stream as at 12 November 2020",
         "Project work stream 1: Governance: Current status Amber → Amber/Red"),
        ("highlight-report)", "5. Project work stream highlight reports › 5.1 Governance › Project work stream 1: Governance",
         "Project work stream 1: Governance: Overall RAG status Amber → Amber/Red"),
        ("transition-plan)", "LGSS Programme Review: Transition Plan: timetable by month",
         f"P7 Repatriated Services to 'home' Partner Councils: Post-consultation bars {bars}"),
        ("transition-plan)", "LGSS Programme Review: Transition Plan: dates in words › Months of each activity by timetable",
         f"P7 Repatriated Services to 'home' Partner Councils: Further revisions following close of consultation period {bars}"),
        ("Content files", "", "papers/committee-report.yaml: changed"),
        ("Content files", "", "plan.yaml: changed"),
        ("Content files", "", "services/22-revenues-benefits.yaml: changed"),
        ("Content files", "", "workstreams/01-governance.yaml: changed"),
    ]


def test_summary_is_written_as_markdown_and_html(reviewed):
    markdown = _written(reviewed, "summary.md").read_text(encoding="utf-8")
    assert markdown.startswith(
        "# Changes from v1 (8437c80, 13 November 2020, Programme Office) to v2 (b5f8406, 13 November 2020, Programme Office)"
        "\n\n## LGSS Business Transition Programme Update (committee-report)\n\n"
        "### 2\\. Transition programme update › RAG status of each project work stream as at 13 November 2020\n\n"
        "- Project work stream 1: Governance: Current status Amber → Amber/Red\n")
    html = _written(reviewed, "summary.html").read_text(encoding="utf-8")
    assert "<h2>Content files</h2>" in html
    assert "<li>Revenue and Benefits: Lead authority MKC → NCC</li>" in html


def test_identical_versions_give_an_empty_summary(repo, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["diff", "v2", "--out", str(tmp_path)]) == 0
    v2 = "v2 (b5f8406, 13 November 2020, Programme Office)"
    assert capsys.readouterr().out.startswith(f"No changes from {v2} to the working tree.\n")
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == f"# Changes from {v2} to the working tree\n\nNo changes.\n"
    # No paper reads differently, so no redline is laid out: only the summary is written.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.html", "summary.md"]


def test_only_the_papers_that_read_differently_get_a_redline(repo, tmp_path, monkeypatch):
    monkeypatch.chdir(repo)
    content = repo / "content"
    original = (content / "plan.yaml").read_text(encoding="utf-8")
    _edit(content / "plan.yaml", "label: Repatriation", "label: Services repatriated")
    try:
        assert main(["diff", "v2", "--out", str(tmp_path), "--format", "html"]) == 0
    finally:
        (content / "plan.yaml").write_text(original, encoding="utf-8")
    # The plan prints in the committee report too; the highlight report does not read it.
    assert sorted(p.name for p in tmp_path.glob("*-redline.html")) == ["committee-report-redline.html",
                                                                        "transition-plan-redline.html"]


def test_an_invalid_side_is_reported_at_its_revision_file_and_line(repo, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["diff", "v1", "broken", "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        'broken:content/workstreams/01-governance.yaml:8:6: rag: expected one of Red, Amber/Red, Amber, Green; got "Purple"',
        "1 problem found; nothing was written.",
    ]
    assert not (tmp_path / "out").exists()


def test_an_old_revision_in_a_format_no_longer_read_names_the_commit_to_start_from(tmp_path, capsys, monkeypatch):
    # History: a format today's checks refuse (a rating off the scale stands in for one), a
    # commit that brings the content up to date, then an ordinary edit.
    shutil.copytree(EXAMPLE, tmp_path / "content")
    governance = tmp_path / "content" / "workstreams" / "01-governance.yaml"
    _edit(governance, "rag: Amber\n", "rag: Purple\n")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "The old format")
    _edit(governance, "rag: Purple\n", "rag: Amber\n")
    _git(tmp_path, "commit", "-q", "-am", "Content in the new format")
    _edit(governance, "rag: Amber\n", "rag: Red\n")
    _git(tmp_path, "commit", "-q", "-am", "Governance to Red")
    upgraded = _git(tmp_path, "rev-parse", "--short=7", "HEAD~1").strip()
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "HEAD~2", "HEAD", "--out", "review"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, "one line"
    assert err.startswith("lgss-docs diff: HEAD~2 (") and "holds content this version of lgss-docs does not read" in err
    assert 'rag: expected one of Red, Amber/Red, Amber, Green; got "Purple"' in err
    assert f"the content reads from {upgraded} (13 November 2020, Content in the new format) on" in err
    assert not (tmp_path / "review").exists()


def test_an_unknown_revision_is_named(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    assert main(["diff", "v9"]) == 1
    assert "v9: not a content folder, nor a revision of the git repository" in capsys.readouterr().err


@pytest.mark.parametrize("before, after, expected", [
    ("Brief the Board on 4 December", "Brief the Board on 11 December",
     ("Brief the Board on 4 December", "Brief the Board on 11 December")),
    ("one two three four five six seven eight nine", "one two three four five SIX seven eight nine",
     ("…two three four five six seven eight nine", "…two three four five SIX seven eight nine")),
    ("a b c d e f g h i j k l", "a b c d e f X h i j k l", ("…c d e f g h i j k…", "…c d e f X h i j k…")),
])
def test_a_reworded_text_is_cut_to_the_words_around_the_change(before, after, expected):
    assert excerpts(before, after) == expected


# -- the redlines ------------------------------------------------------------------------
def _body(html: str) -> str:
    """Return the body of a redline without the author and date every mark carries."""
    inner = html.split("<body>", 1)[1].split("</body>", 1)[0]
    return re.sub(r' (datetime|data-author)="[^"]*"', "", inner)


@pytest.mark.parametrize("old, new, expected", [
    ("<p>Due in September 2020.</p>", "<p>Due in early October 2020.</p>",
     "<p>Due in<del> September</del><ins> early October</ins> 2020.</p>"),
    ("<p>Note <strong>this</strong> now.</p>", "<p>Note <strong>that</strong> now.</p>",
     "<p>Note<del> <strong>this</strong></del><ins> <strong>that</strong></ins> now.</p>"),
    ("<p><strong>Implement new arrangements</strong></p>", "<p><strong>Implement the new arrangements</strong></p>",
     "<p><strong>Implement</strong><ins><strong> the</strong></ins><strong> new arrangements</strong></p>"),
    ("<table><tbody><tr><td>Pensions</td><td>NCC</td></tr><tr><td>Insurance</td><td>CCC</td></tr></tbody></table>",
     "<table><tbody><tr><td>Pensions</td><td>MKC</td></tr><tr><td>Insurance</td><td>CCC</td></tr></tbody></table>",
     "<table><tbody><tr><td>Pensions</td><td><del>NCC</del><ins>MKC</ins></td></tr>"
     "<tr><td>Insurance</td><td>CCC</td></tr></tbody></table>"),
    ("<table><tbody><tr><td>Pensions</td><td>NCC</td></tr><tr><td>Insurance</td><td>CCC</td></tr></tbody></table>",
     "<table><tbody><tr><td>Insurance</td><td>CCC</td></tr></tbody></table>",
     '<table><tbody><tr class="redline-del"><td><del>Pensions</del></td><td><del>NCC</del></td></tr>'
     "<tr><td>Insurance</td><td>CCC</td></tr></tbody></table>"),
    ("<ul><li>Close the ledgers</li></ul>", "<ul><li>Close the ledgers</li><li>Brief the Board</li></ul>",
     '<ul><li>Close the ledgers</li><li class="redline-ins"><ins>Brief the Board</ins></li></ul>'),
])
def test_redline_marks_words_within_blocks_and_cells(old, new, expected):
    page = "<!DOCTYPE html><html><head><title>t</title></head><body>{}</body></html>"
    assert _body(redline(page.format(old), page.format(new), date(2020, 11, 17))) == expected


def test_redline_pdf_has_both_versions_of_the_reworded_sentence(reviewed):
    text = " ".join(" ".join(page.split()) for page in pdf_pages(_written(reviewed, "committee-report-redline.pdf")))
    # Deleted words stand before inserted ones: each sentence reads once the other's words are out.
    assert OLD_SENTENCE in text.replace(" are set out in ", " ")
    assert NEW_SENTENCE in text.replace(" form part of ", " ")


def _document(path: Path):
    return etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))


def _marks(root, outside_chart: bool = False) -> list[tuple[str, str]]:
    """Return (ins|del, text) of every tracked run change, in document order."""
    out = []
    for mark in root.iter(f"{W}ins", f"{W}del"):
        if outside_chart and _in_chart(mark):
            continue
        if mark.getparent().tag not in (f"{W}rPr", f"{W}trPr"):
            out.append((etree.QName(mark).localname, "".join(mark.itertext())))
    return out


def _in_chart(mark) -> bool:
    """Return whether a tracked change sits in the plan's Gantt table (cells merged by month)."""
    table = next((a for a in mark.iterancestors(f"{W}tbl")), None)
    caption = table.find(f"{W}tblPr/{W}tblCaption") if table is not None else None
    return caption is not None and caption.get(f"{W}val").endswith("timetable by month")


def test_tracked_docx_marks_exactly_the_changed_text(reviewed):
    root = _document(_written(reviewed, "committee-report-redline.docx"))
    rag = [("del", "Amber"), ("ins", "Amber/Red")]
    # The report's own RAG table, its services table and section 6; Appendix 1's months in
    # words; then Appendix 2 shows the Governance RAG twice more (its summary table and the
    # work stream's header block).
    assert [m for m in _marks(root, outside_chart=True)] == [
        *rag,
        ("del", "MKC"), ("ins", "NCC"),
        ("del", " form part of"), ("ins", " are set out in"),
        ("del", " Oct-20:"), ("ins", " Oct-20 to Nov-20:"),
        *rag, *rag,
    ]
    # In the chart a bar that grows changes merged cells, which Word cannot track cell by
    # cell: the activity's rows are tracked as deleted and inserted, whole.
    rows = [m for m in root.iter(f"{W}ins", f"{W}del") if m.getparent().tag == f"{W}trPr" and _in_chart(m)]
    kinds = [etree.QName(m).localname for m in rows]
    assert kinds == ["del"] * (len(kinds) // 2) + ["ins"] * (len(kinds) // 2) and kinds
    marks = list(root.iter(f"{W}ins", f"{W}del"))
    assert {m.get(f"{W}author") for m in marks} == {"Programme Office"}  # the newer commit's author
    assert {m.get(f"{W}date") for m in marks} == {NEW_DATE}
    assert [int(m.get(f"{W}id")) for m in marks] == list(range(1, len(marks) + 1))
    assert all(m.find(f".//{W}t") is None for m in root.iter(f"{W}del")), "deleted text must be w:delText"


def _paragraphs(root) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


@pytest.mark.parametrize("accept, version", [(True, "v2"), (False, "v1")])
def test_accepting_all_changes_gives_the_new_paper_and_rejecting_the_old(reviewed, repo, accept, version):
    content = load_version(version, repo / "content").content
    paper = render_paper(content, "committee-report", environment())
    plain = etree.fromstring(zipfile.ZipFile(io.BytesIO(writer("docx")(paper, WriterOptions())))
                             .read("word/document.xml"))
    result = settled(_document(_written(reviewed, "committee-report-redline.docx")), accept)
    assert text_and_formatting(result) == text_and_formatting(plain)


def test_whole_rows_and_paragraphs_are_tracked_with_their_marks():
    page = ("<!DOCTYPE html><html><head><title>t</title></head><body>{}"
            "<table><tbody><tr><td>Insurance</td><td>CCC</td></tr>{}</tbody></table></body></html>")
    old = page.format("<p>Kept.</p><p>Dropped entirely.</p>", "<tr><td>Pensions</td><td>NCC</td></tr>")
    new = page.format("<p>Kept.</p>", "")
    paper = RenderedPaper("t", redline(old, new, date(2020, 11, 17)), "t", "a", date(2020, 11, 17))
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(writer("docx")(paper, WriterOptions())))
                            .read("word/document.xml"))
    assert [etree.QName(m.getparent()).localname for m in root.iter(f"{W}del")] == ["rPr", "p", "trPr", "p", "p"]
    assert "Dropped entirely." not in _paragraphs(settled(root, accept=True))
    assert "Pensions" not in _paragraphs(settled(root, accept=True))


def test_a_review_writes_the_same_bytes_twice(repo, tmp_path):
    runs = [review(ReviewRequest(old="v1", new="v2", content=repo / "content", out=tmp_path / str(n),
                                 formats=("docx", "html"))) for n in (1, 2)]
    first, second = ([p.read_bytes() for p in r.written] for r in runs)
    assert first == second


# -- git integration ---------------------------------------------------------------------
def test_git_diff_shows_the_text_of_committed_papers(repo, tmp_path, capsys):
    papers = tmp_path / "papers"
    shutil.copytree(repo, papers, ignore=shutil.ignore_patterns("output"))
    _git(papers, "checkout", "-q", "v1")
    _git(papers, "checkout", "-q", "-b", "published")
    for version in ("v1", "v2"):
        _git(papers, "checkout", "-q", version, "--", "content")
        assert main(["build", "--content", str(papers / "content"), "--out", str(papers / "output"),
                     "--format", "docx", "--format", "pdf"]) == 0
        if version == "v1":
            (papers / ".gitattributes").write_text("*.docx diff=lgss-docx\n*.pdf diff=lgss-pdf\n")
        _git(papers, "add", "-A")
        _git(papers, "commit", "-q", "-m", f"papers at {version}")
    command = f"{sys.executable} -m lgss_docs"
    assert main(["git-setup", "--repo", str(papers), "--command", command]) == 0
    assert "registered the lgss-docx and lgss-pdf diff drivers" in capsys.readouterr().out
    env = {**GIT_ENV, "PYTHONPATH": str(ROOT)}
    for name in ("committee-report.docx", "committee-report.pdf"):
        done = subprocess.run(["git", "diff", "HEAD~1", "HEAD", "--", f"output/{name}"], cwd=papers, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        changed = [line for line in done.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        assert any("Amber/Red" in line for line in changed if line.startswith("+")), done.stdout
        assert any("are set out in" in line for line in changed if line.startswith("+")), done.stdout
        assert any("form part of" in line for line in changed if line.startswith("-")), done.stdout
        assert "Binary files" not in done.stdout


def test_git_setup_names_the_missing_gitattributes_lines(repo, tmp_path, capsys):
    bare = tmp_path / "repo"
    bare.mkdir()
    _git(bare, "init", "-q")
    assert main(["git-setup", "--repo", str(bare)]) == 0
    out = capsys.readouterr().out
    assert out.endswith("add these lines to .gitattributes at the top of the repository, and commit it:\n"
                        "*.docx diff=lgss-docx\n*.pdf diff=lgss-pdf\n")
    for driver in ("lgss-docx", "lgss-pdf"):
        command = _git(bare, "config", f"diff.{driver}.textconv").strip()
        assert command == f"{sys.executable} -m lgss_docs textconv" and Path(command.split()[0]).is_absolute()
        assert _git(bare, "config", f"diff.{driver}.cachetextconv").strip() == "true"  # git log -p converts each file once


def test_the_registered_driver_runs_with_no_virtual_environment_on_the_path(built, tmp_path):
    bare = tmp_path / "repo"
    bare.mkdir()
    _git(bare, "init", "-q")
    assert main(["git-setup", "--repo", str(bare)]) == 0
    command = _git(bare, "config", "diff.lgss-pdf.textconv").strip()
    # git runs the driver through the shell, with the user's PATH, where no venv need be active.
    done = subprocess.run(f"{command} {built['highlight-report.pdf']}", shell=True, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0 and done.stdout.strip(), done.stderr


def test_a_committed_link_leading_outside_is_refused_at_its_revision(tmp_path, capsys, monkeypatch):
    # git archive writes a committed symbolic link as a link; extracted, it would read this machine's files.
    shutil.copytree(EXAMPLE, tmp_path / "content")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "November cycle")
    (tmp_path / "content" / "workstreams" / "08-hostname.yaml").symlink_to("/etc/hostname")
    (tmp_path / "content" / "services" / "23-notes.yaml").symlink_to("../../README.md")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "Links")
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "HEAD~1", "HEAD", "--out", "review", "--format", "html"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "HEAD:content/services/23-notes.yaml:1:1: a symbolic link to ../../README.md, outside the content folder; "
        "commit the file itself",
        "HEAD:content/workstreams/08-hostname.yaml:1:1: a symbolic link to /etc/hostname, outside the content folder; "
        "commit the file itself",
        "2 problems found; nothing was written.",
    ]
    assert not (tmp_path / "review").exists()


def _bomb(path: Path, megabytes: int, entries: int = 0) -> Path:
    """Write a .docx whose document.xml unpacks to ``megabytes`` of spaces, with ``entries`` empty parts more."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:p><w:r><w:t>'.encode())
            for _ in range(megabytes):
                part.write(b" " * 2**20)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
        for n in range(entries):
            package.writestr(f"word/media/{n}.bin", b"")
    return path


# Runs a command and prints its exit status and peak memory. A small process of its own starts
# it: Linux counts in a child's peak the memory of the process it was forked from (pytest's, here).
_MEASURE = ("import resource, subprocess, sys\n"
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
            "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


def _textconv(path: Path) -> tuple[int, str, float]:
    """Return (exit status, stderr, peak memory in MB) of textconv run on ``path`` as a process."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "lgss_docs", "textconv", str(path)],
                          cwd=path.parent, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    code, peak = done.stdout.split()
    return int(code), done.stderr, int(peak) / 1024


@pytest.mark.parametrize("megabytes, entries, refusal", [
    (1024, 0, "word/document.xml would unpack to 1,024 MB; textconv reads at most 64 MB"),
    (40, 0, "word/document.xml is compressed 1,0"),  # the exact ratio follows
    (0, 20_000, "20,001 parts; textconv opens at most 10,000"),
], ids=["big", "ratio", "entries"])
def test_textconv_refuses_a_zip_bomb_in_bounded_memory(megabytes, entries, refusal, tmp_path):
    code, stderr, peak = _textconv(_bomb(tmp_path / "bomb.docx", megabytes, entries))
    assert code == 1 and stderr.startswith(f"textconv failed: bomb.docx: refused: {refusal}"), stderr
    assert len(stderr.splitlines()) == 1
    assert peak < 150, f"{peak:.0f} MB"


def test_textconv_reads_a_large_honest_document_in_bounded_memory(tmp_path):
    # 30 MB of document.xml in 120,000 paragraphs: read paragraph by paragraph, never as a whole tree.
    path = tmp_path / "long.docx"
    paragraph = '<w:p><w:r><w:t>{}</w:t></w:r></w:p>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package, package.open("word/document.xml", "w") as part:
        part.write(f'<w:document xmlns:w="{W[1:-1]}"><w:body>'.encode())
        for n in range(120_000):
            part.write(paragraph.format(f"Paragraph {n}: " + " ".join(f"w{n * 7 + k}" for k in range(30))).encode())
        part.write(b"</w:body></w:document>")
    assert zipfile.ZipFile(path).getinfo("word/document.xml").file_size > 30 * 2**20
    code, stderr, peak = _textconv(path)
    assert (code, stderr) == (0, "")
    assert peak < 150, f"{peak:.0f} MB"


FORGED = "Governance\n\n## Services\n\n- No changes."
SHOWN = "Governance\\n\\n## Services\\n\\n- No changes."


def test_a_value_with_line_breaks_cannot_forge_the_summary(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE, "old")
    shutil.copytree(EXAMPLE, "new")
    title = "title: |\n" + "".join(f"  {line}\n" for line in FORGED.splitlines())
    _edit(Path("new/workstreams/01-governance.yaml"), "title: Governance\n", title)
    assert main(["diff", "old", "new", "--out", "review", "--format", "html", "--doc", "highlight-report"]) == 0
    out = capsys.readouterr().out.splitlines()
    count = int(out[0].removeprefix("Changes from old to new: "))
    assert out[2] == "LGSS Business Transition Programme Highlight Report (highlight-report)"
    assert any(line.endswith("→ 5.1 Governance ## Services - No changes.") for line in out)  # on one line, as typed
    # The title's line breaks and Markdown add no heading, entry or "No changes." of their own.
    tokens = [t for t in parse_markdown(Path("review/summary.md").read_text(encoding="utf-8"))]
    items = [t for t in tokens if t.type == "list_item_open"]
    assert len(items) == count
    html = lxml_html.fromstring(Path("review/summary.html").read_bytes())
    assert [h.text_content() for h in html.iter("h2")] == [
        "LGSS Business Transition Programme Highlight Report (highlight-report)", "Content files"]
    assert not [e for e in html.iter("h1", "h2", "h3", "li") if e.text_content().strip() in ("Services", "No changes.")]
    assert len(list(html.iter("li"))) == count


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from(list(string.printable + "\x00\x1b\x85\u2028\u202e\u00a0é→")) , max_size=30)
       | st.sampled_from(["# heading", "1. one", "2) two", "- item", "+ item", "> quote", "```", "~~~", "***",
                          "<b>bold</b>", "<https://example.org>", "[link](https://example.org)", "![image](x.png)",
                          "&lt;tag&gt;", "a\\", "`code`", "*em* _em_ __strong__", "a\n=====", "=== x", "    code"]))
def test_any_value_reads_in_the_markdown_summary_as_typed(value):
    value = value.strip()  # as every value of the content models is
    assert markdown_html(f"- {markdown_text(value)}") == f"<ul>\n<li>{_escape_html(printable(value))}</li>\n</ul>\n"
