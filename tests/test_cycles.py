"""Reporting cycles: git tags, previous status, direction of travel and the RAG history.

The fixture is a git repository holding the LGSS example, closed as three cycles with
``lgss-docs cycle close``: September, October and November 2020. Governance goes Green →
Amber → Red; HR and Consultation, Green throughout, is retitled and renumbered (its file
``02-hr-consultation.yaml`` becomes ``08-hr-consultation.yaml``) in November, keeping its id;
Procurement is new in November. The highlight report asks for a RAG history chart. HEAD is
the November cycle, unchanged, so papers built from it compare November with October.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree
from lxml import html as lxml_html

from lgss_docs.build import BuildRequest, build
from lgss_docs.cli import main
from lgss_docs.history.store import STORE_NAME
from lgss_docs.model.history import Cycle, History, Point, Rated, direction, held_since
from lgss_docs.model.rag import RagScheme, parse_status
from lgss_docs.review.sources import load_revision as real

from conftest import EXAMPLE
from support import W, docx_paragraphs, pdf_pages
from support import edit_once as _edit

PAPERS = ("committee-report", "highlight-report")
GIT_IDENTITY = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_AUTHOR_NAME": "Programme Office", "GIT_AUTHOR_EMAIL": "pmo@example.org",
                "GIT_COMMITTER_NAME": "Programme Office", "GIT_COMMITTER_EMAIL": "pmo@example.org"}
GOVERNANCE = "Project work stream 1: Governance"
COLOURS = {"Red": "F4C7C3", "Amber": "FFE699", "Green": "C6EFCE"}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _close(repo: Path, monkeypatch, name: str, day: str, message: str) -> None:
    """Commit everything on ``day`` and close cycle ``name`` with the command an officer runs."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", f"{day}T12:00:00Z")
    monkeypatch.setenv("GIT_COMMITTER_DATE", f"{day}T12:00:00Z")
    _git(repo, "add", "--all")
    _git(repo, "commit", "-q", "-m", message)
    assert main(["cycle", "close", name, "--content", str(repo / "content")]) == 0


def _repository(repo: Path, example: Path, monkeypatch) -> Path:
    """Return the content folder of a new git repository at ``repo`` holding a copy of ``example``."""
    content = repo / "content"
    shutil.copytree(example, content, ignore=shutil.ignore_patterns("schema"))
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    _git(repo, "init", "-q", "-b", "main")
    return content


def _three_cycles(repo: Path, monkeypatch) -> Path:
    """Make ``repo`` the git repository of the fixture (see the module's docstring); return its content."""
    content = _repository(repo, EXAMPLE, monkeypatch)
    _edit(content / "papers" / "highlight-report.yaml", "      - table: rag_key\n",
          "      - table: rag_key\n      - rag_history: true\n")
    governance = content / "workstreams" / "01-governance.yaml"
    _edit(governance, "rag: Amber\n", "rag: Green\n")
    _close(repo, monkeypatch, "2020-09", "2020-09-30", "September cycle")
    _edit(governance, "rag: Green\n", "rag: Amber\n")
    _close(repo, monkeypatch, "2020-10", "2020-10-30", "October cycle")
    _edit(governance, "rag: Amber\n", "rag: Red\n")
    hr = content / "workstreams" / "02-hr-consultation.yaml"
    _edit(hr, "number: 2\n", "number: 9\n")
    _edit(hr, "title: HR and Consultation\n", "title: People and Consultation\n")
    hr.rename(content / "workstreams" / "09-hr-consultation.yaml")
    (content / "workstreams" / "08-procurement.yaml").write_text(
        "number: 8\ntitle: Procurement\nlead: claire-townrow\nreport_date: 2020-11-10\nrag: Amber\n", encoding="utf-8")
    _close(repo, monkeypatch, "2020-11", "2020-11-13", "November cycle")
    return content


@pytest.fixture(scope="module")
def cycles_repo(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _three_cycles(tmp_path_factory.mktemp("programme"), monkeypatch)


@pytest.fixture(scope="module")
def papers(cycles_repo, tmp_path_factory) -> dict[str, Path]:
    """Return {"highlight-report.pdf": path, ...}: the committee and highlight reports of November."""
    out = tmp_path_factory.mktemp("output")
    return {p.name: p for p in build(BuildRequest(content=cycles_repo, out=out, papers=PAPERS))}


# -- the model -------------------------------------------------------------------------------
SCHEME = RagScheme.model_validate({"scale": [{"level": w, "colour": "#ffffff"} for w in ("Red", "Amber/Red", "Amber", "Green")],
                                   "not_reported": "Not reported"})


def _status(word):
    return None if word is None else parse_status(word, SCHEME)


@pytest.mark.parametrize("before, now, expected", [
    ("Amber", "Red", "worsening"), ("Amber", "Amber/Red", "worsening"), ("Red", "Green", "improving"),
    ("Green", "Green", "same"), ("Amber (OLA) / Green (Road Map)", "Amber", "same"), (None, "Amber", "new"),
    ("Not reported", "Amber", "rated"), ("Amber", "Not reported", "unrated"), ("Not reported", "Not reported", "same"),
])
def test_direction_of_travel_compares_worst_levels_on_the_declared_scale(before, now, expected):
    assert direction(_status(before), _status(now), SCHEME) == expected


def _history(*ratings) -> History:
    points = tuple(Point(f"cycle {n}", f"c{n}", {} if word is None else {"ws": Rated("WS", 1, _status(word))})
                   for n, word in enumerate(ratings, start=1))
    return History(points, len(points) - 1)


@pytest.mark.parametrize("ratings, now, since", [
    (("Green", "Amber"), "Red", "this cycle"),
    (("Green", "Red"), "Red", "cycle 2"),
    (("Red", "Red"), "Red", "cycle 1"),
    ((None, "Red"), "Red", "cycle 2"),  # not a work stream in cycle 1
    (("Red", "Amber (OLA) / Red (Road Map)"), "Red", "cycle 1"),  # shaded alike: the same level
    (("Not reported", "Not reported"), "Not reported", "cycle 1"),
])
def test_a_rating_has_held_since_the_first_cycle_of_its_run(ratings, now, since):
    assert held_since(_history(*ratings), "ws", None, _status(now), SCHEME) == since


@pytest.mark.parametrize("name, label, short", [
    ("2020-11", "November 2020", "Nov 2020"), ("2020-11-13", "13 November 2020", "13 Nov 2020"),
    ("q3-2020", "q3-2020", "q3-2020"), ("2020-13", "2020-13", "2020-13"),
])
def test_a_cycle_is_named_by_its_tag(name, label, short):
    import datetime as dt

    cycle = Cycle(f"cycle/{name}", name, "0" * 40, dt.date(2020, 11, 13), "")
    assert (cycle.label, cycle.short) == (label, short)


# -- cycle close and cycle list ----------------------------------------------------------------
def test_cycle_list_shows_each_cycle_with_its_date(cycles_repo, capsys):
    assert main(["cycle", "list", "--content", str(cycles_repo)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [re.sub(r"\b[0-9a-f]{9}\b", "COMMIT", line) for line in lines] == [
        "cycle/2020-09  30 September 2020  COMMIT  September 2020",
        "cycle/2020-10    30 October 2020  COMMIT  October 2020",
        "cycle/2020-11   13 November 2020  COMMIT  November 2020  (the content as it is now)",
        "Papers built now compare cycle/2020-11 with cycle/2020-10.",
    ]
    tags = _git(cycles_repo.parent, "for-each-ref", "--format=%(objecttype) %(refname:strip=2) %(contents:subject)", "refs/tags")
    assert tags.splitlines() == ["tag cycle/2020-09 Reporting cycle 2020-09", "tag cycle/2020-10 Reporting cycle 2020-10",
                                 "tag cycle/2020-11 Reporting cycle 2020-11"]


@pytest.fixture
def scratch(tmp_path, monkeypatch) -> Path:
    """Return the content folder of a new repository with one commit and no cycles."""
    content = _repository(tmp_path, EXAMPLE, monkeypatch)
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2020-11-13T12:00:00Z")
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2020-11-13T12:00:00Z")
    _git(tmp_path, "add", "--all")
    _git(tmp_path, "commit", "-q", "-m", "First cycle")
    return content


def _refused(capsys, *args) -> list[str]:
    assert main(["cycle", "close", *args]) == 2
    return capsys.readouterr().err.splitlines()


def test_closing_a_cycle_is_refused_while_the_content_has_changes_not_committed(scratch, capsys):
    _edit(scratch / "workstreams" / "01-governance.yaml", "rag: Amber\n", "rag: Red\n")
    (scratch / "workstreams" / "08-procurement.yaml").write_text("title: Procurement\nrag: Amber\n")
    assert _refused(capsys, "2020-11", "--content", str(scratch)) == [
        "lgss-docs cycle: content/workstreams/01-governance.yaml and 1 other file of the content folder have changes "
        "not committed; commit them first, so that the cycle's tag holds what its papers were built from"]
    assert _git(scratch.parent, "tag") == ""


def test_a_cycle_is_closed_once(scratch, capsys):
    assert main(["cycle", "close", "2020-11", "--content", str(scratch)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "tagged HEAD cycle/2020-11: the end of cycle 2020-11"
    assert _refused(capsys, "2020-11", "--content", str(scratch)) == [
        "lgss-docs cycle: cycle/2020-11 already exists: a cycle is closed once. To close it again on this commit, "
        "remove the old tag first (git tag -d cycle/2020-11)"]


def test_a_cycle_of_invalid_content_is_not_closed(scratch, capsys, monkeypatch):
    _edit(scratch / "workstreams" / "01-governance.yaml", "rag: Amber\n", "rag: Purple\n")
    _git(scratch.parent, "commit", "-q", "-am", "A status that does not exist")
    monkeypatch.chdir(scratch.parent)
    assert _refused(capsys, "2020-11") == [
        'content/workstreams/01-governance.yaml:8:6: rag: expected one of Red, Amber/Red, Amber, Green; got "Purple"',
        "1 problem found; nothing was written."]
    assert _git(scratch.parent, "tag") == ""


@pytest.mark.parametrize("args, message", [
    (["2020 11"], '"2020 11" cannot be part of a git tag (cycle/2020 11); use letters, digits, hyphens and dots, such as 2020-11'),
    (["2020-11", "--cycles", "cycle"], '--cycles cycle: to name a cycle the pattern needs exactly one "*" (such as cycle/*)'),
])
def test_a_cycle_name_must_make_a_tag(scratch, capsys, args, message):
    assert _refused(capsys, *args, "--content", str(scratch)) == [f"lgss-docs cycle: {message}"]


def test_any_tag_scheme_can_mark_cycles(scratch, capsys):
    assert main(["cycle", "close", "2020-11", "--cycles", "reporting-*", "--content", str(scratch)]) == 0
    assert _git(scratch.parent, "tag").splitlines() == ["reporting-2020-11"]
    capsys.readouterr()
    assert main(["cycle", "list", "--cycles", "reporting-*", "--content", str(scratch)]) == 0
    assert "November 2020  (the content as it is now)" in capsys.readouterr().out
    assert main(["cycle", "list", "--content", str(scratch)]) == 0
    assert capsys.readouterr().out.startswith("No cycles: no tag matching cycle/* on the commits up to HEAD.")


def test_content_outside_git_has_no_cycles(tmp_path, capsys):
    shutil.copytree(EXAMPLE, tmp_path / "content")
    assert main(["cycle", "list", "--content", str(tmp_path / "content")]) == 0
    assert capsys.readouterr().out.startswith("No cycles:")
    err = _refused(capsys, "2020-11", "--content", str(tmp_path / "content"))
    assert len(err) == 1 and err[0].endswith("not inside a git repository; a cycle is a git tag, so the content must be "
                                             "in a git repository")


# -- previous status and direction of travel, in every format ---------------------------------
def _html_rows(path: Path, table_class: str) -> list[list[str]]:
    page = lxml_html.fromstring(path.read_bytes())
    table = page.xpath(f"//table[contains(concat(' ', @class, ' '), ' {table_class} ')]")[0]
    return [[_cell_text(cell) for cell in tr.xpath("th|td")] for tr in table.iter("tr")]


def _cell_text(cell) -> str:
    return re.sub(r"\s+", " ", " ".join(cell.itertext())).strip()


def _docx_tables(path: Path) -> dict[str, list]:
    """Return each captioned table of a DOCX by caption: its rows, each a list of (text, fill)."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    tables = {}
    for table in root.iter(f"{W}tbl"):
        caption = table.find(f"{W}tblPr/{W}tblCaption")
        if caption is not None:
            tables.setdefault(caption.get(f"{W}val"), [
                [(" ".join("".join(t.text for t in p.iter(f"{W}t")) for p in tc.iter(f"{W}p")).strip(),
                  tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") if tc.find(f"{W}tcPr/{W}shd") is not None else None)
                 for tc in tr.findall(f"{W}tc")] for tr in table.findall(f"{W}tr")])
    return tables


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("paper", PAPERS)
def test_the_rag_table_shows_the_travel_since_the_last_cycle_in_html(papers, paper):
    rows = _html_rows(papers[f"{paper}.html"], "rag-summary")
    assert rows[0] == ["Project", "Current status", "Direction of travel since October 2020", "Rating held"]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label[GOVERNANCE] == ["Red", "▼ Amber → Red, worsening", "Red since November 2020"]
    assert by_label["Project work stream 3: Finance"] == ["Amber", "► Amber, no change", "Amber since September 2020"]
    # Renamed and renumbered, matched by its id: its history is kept.
    assert by_label["Project work stream 9: People and Consultation"] == [
        "Green", "► Green, no change", "Green since September 2020"]
    assert by_label["Project work stream 8: Procurement"] == ["Amber", "New", "Amber since November 2020"]
    page = lxml_html.fromstring(papers[f"{paper}.html"].read_bytes())
    arrows = page.xpath("//table[contains(@class, 'rag-summary')]//span[@class='travel-arrow']")
    assert {a.get("aria-hidden") for a in arrows} == {"true"}  # the words are read; the arrow repeats them


@pytest.mark.parametrize("paper", PAPERS)
def test_the_rag_table_shows_the_travel_since_the_last_cycle_in_pdf(papers, paper):
    text = _flat(" ".join(pdf_pages(papers[f"{paper}.pdf"])))
    assert "Direction of travel since October 2020 Rating held" in text
    assert f"{GOVERNANCE} Red ▼ Amber → Red, worsening Red since November 2020" in text
    assert "People and Consultation Green ► Green, no change Green since September 2020" in text


@pytest.mark.parametrize("paper", PAPERS)
def test_the_rag_table_shows_the_travel_since_the_last_cycle_in_docx(papers, paper):
    table = next(rows for caption, rows in _docx_tables(papers[f"{paper}.docx"]).items()
                 if caption.startswith("RAG status of each"))
    assert [text for text, _ in table[0]] == ["Project", "Current status", "Direction of travel since October 2020",
                                             "Rating held"]
    governance = next(row for row in table if row[0][0] == GOVERNANCE)
    assert governance == [(GOVERNANCE, None), ("Red", COLOURS["Red"]), ("▼ Amber → Red, worsening", None),
                          ("Red since November 2020", None)]


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_each_work_stream_page_shows_its_travel_and_since_when(papers, fmt):
    path = papers[f"highlight-report.{fmt}"]
    text = _flat(" ".join(pdf_pages(path)) if fmt == "pdf" else " ".join(docx_paragraphs(path)) if fmt == "docx"
                 else " ".join(lxml_html.fromstring(path.read_bytes()).body.itertext()))
    assert ("Overall RAG status Red Direction of travel since October 2020 ▼ Amber → Red, worsening "
            "Rating held Red since November 2020") in text
    assert "Direction of travel since October 2020 New Rating held Amber since November 2020" in text


# -- the RAG history chart ----------------------------------------------------------------------
def test_the_history_chart_is_an_svg_of_every_cycle_with_its_words(papers):
    page = lxml_html.fromstring(papers["highlight-report.html"].read_bytes())
    figure = page.xpath("//figure[contains(@class, 'chart')]")[0]
    assert figure.find("figcaption").text == "RAG history of each project work stream, cycle by cycle"
    svg = figure.find("svg")
    assert svg.get("role") == "img"
    heads = [t.text for t in svg.iter("text") if t.get("font-weight") == "bold"]
    assert heads == ["Sep 2020", "Oct 2020", "Nov 2020"]
    title = svg.find("title").text
    assert title.startswith("RAG history of each project work stream, cycle by cycle: 3 cycles, September 2020 to "
                            "November 2020.")
    assert " 1. Governance: Green in September 2020, Amber in October 2020, Red in November 2020." in title
    assert " 9. People and Consultation: Green throughout." in title
    assert " 8. Procurement: Amber in November 2020." in title
    fills = {rect.get("fill") for rect in svg.iter("rect")}
    assert {"#c6efce", "#ffe699", "#f4c7c3"} <= fills
    # One row per work stream, the renamed one once, under its title now.
    labels = [t.text for t in svg.iter("text") if t.get("x") == "6"]
    assert labels.count("9. People and Consultation") == 1 and not any("HR" in label for label in labels)
    assert figure.xpath("table[contains(@class, 'chart-data')]")[0].get("hidden") is not None


def test_the_history_chart_is_drawn_in_the_pdf_with_alternative_text(papers):
    text = _flat(" ".join(pdf_pages(papers["highlight-report.pdf"])))
    assert "Sep 2020 Oct 2020 Nov 2020" in text
    assert "1. Governance Green Amber Red" in text
    with pikepdf.open(papers["highlight-report.pdf"]) as pdf:
        alts = [str(obj.get("/Alt")) for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)
                and obj.get("/S") == "/Figure"]
    assert len(alts) == 1 and "1. Governance: Green in September 2020, Amber in October 2020, Red in November 2020." in alts[0]


def test_the_history_chart_is_a_shaded_table_in_the_docx(papers):
    tables = _docx_tables(papers["highlight-report.docx"])
    chart = tables["RAG history of each project work stream, cycle by cycle"]
    assert [text for text, _ in chart[0]] == ["Project work stream", "Sep 2020", "Oct 2020", "Nov 2020"]
    rows = {row[0][0]: row[1:] for row in chart[1:]}
    assert rows["1. Governance"] == [("Green", COLOURS["Green"]), ("Amber", COLOURS["Amber"]), ("Red", COLOURS["Red"])]
    assert rows["8. Procurement"] == [("", None), ("", None), ("Amber", COLOURS["Amber"])]
    assert len(chart) == 1 + 8
    assert "RAG history of each project work stream, cycle by cycle" in docx_paragraphs(papers["highlight-report.docx"])


# -- builds: a working tree edited since, --previous, no-op rebuilds, the same bytes -----------
def test_an_edited_working_tree_is_a_new_cycle_compared_with_the_last(cycles_repo, tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(cycles_repo.parent, copy)
    _edit(copy / "content" / "workstreams" / "01-governance.yaml", "rag: Red\n", "rag: Amber\n")
    build(BuildRequest(content=copy / "content", out=tmp_path / "out", papers=("highlight-report",), formats=("html",)))
    path = tmp_path / "out" / "highlight-report.html"
    governance = {row[0]: row[1:] for row in _html_rows(path, "rag-summary")}[GOVERNANCE]
    assert governance == ["Amber", "▲ Red → Amber, improving", "Amber since this cycle"]
    chart = lxml_html.fromstring(path.read_bytes()).xpath("//svg")[0]
    assert [t.text for t in chart.iter("text") if t.get("font-weight") == "bold"] == [
        "Sep 2020", "Oct 2020", "Nov 2020", "This cycle"]


def test_previous_names_the_cycle_to_compare_with(cycles_repo, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", "--content", str(cycles_repo), "--out", str(out), "--doc", "highlight-report",
                 "--format", "html", "--previous", "2020-09"]) == 0
    rows = {row[0]: row[1:] for row in _html_rows(out / "highlight-report.html", "rag-summary")}
    assert rows["Project"][1] == "Direction of travel since September 2020"
    assert rows[GOVERNANCE] == ["Red", "▼ Green → Red, worsening", "Red since November 2020"]
    assert main(["build", "--content", str(cycles_repo), "--out", str(out), "--previous", "2020-12"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        'lgss-docs build: --previous 2020-12: not a cycle before the content as it is now; did you mean "cycle/2020-10"?')


def test_a_rebuild_with_nothing_changed_is_a_no_op_reading_no_yaml_and_no_cycle(cycles_repo, tmp_path, monkeypatch):
    request = BuildRequest(content=cycles_repo, out=tmp_path, formats=("html", "docx"))
    assert len(build(request)) == 6
    assert (tmp_path / STORE_NAME).is_file()

    def refuse(*args, **kwargs):
        raise AssertionError("a no-op build read content")
    monkeypatch.setattr("lgss_docs.validate.load_content", refuse)
    monkeypatch.setattr("lgss_docs.history.read.load_revision", refuse)
    fresh = []
    assert build(request, fresh=fresh.append) == [] and len(fresh) == 6


def test_check_takes_the_cycles_a_build_has_read_from_the_output_folder(cycles_repo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--content", str(cycles_repo), "--doc", "highlight-report", "--format", "html"]) == 0
    monkeypatch.setattr("lgss_docs.history.read.load_revision", lambda *a: pytest.fail("a cycle read again from git"))
    assert main(["check", "--content", str(cycles_repo)]) == 0
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == [".lgss-docs-cache.json", STORE_NAME,
                                                                       "highlight-report.html"]


def test_a_new_cycle_rebuilds_only_the_papers_that_list_work_streams(cycles_repo, tmp_path, monkeypatch):
    copy = tmp_path / "repo"
    shutil.copytree(cycles_repo.parent, copy)
    request = BuildRequest(content=copy / "content", out=tmp_path / "out", formats=("html",))
    build(request)
    read = []
    monkeypatch.setattr("lgss_docs.history.read.load_revision", lambda revision, content: read.append(revision) or real(revision, content))
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    _edit(copy / "content" / "workstreams" / "01-governance.yaml", "rag: Red\n", "rag: Amber/Red\n")
    _close(copy, monkeypatch, "2020-12", "2020-12-11", "December cycle")
    assert sorted(p.name for p in build(request)) == ["committee-report.html", "highlight-report.html"]
    # Only November is read from git: it was the content itself until December was closed.
    assert read == [_git(copy, "rev-parse", "cycle/2020-11^{commit}").strip()]


def test_the_same_commit_and_tags_give_the_same_bytes(cycles_repo, papers, tmp_path):
    again = build(BuildRequest(content=cycles_repo, out=tmp_path, papers=PAPERS))
    assert len(again) == 6
    for path in again:
        assert path.read_bytes() == papers[path.name].read_bytes(), path.name


# -- robust history -------------------------------------------------------------------------------
def test_an_old_cycle_invalid_today_is_left_out_with_a_warning(scratch, tmp_path, monkeypatch, capsys):
    repo = scratch.parent
    governance = scratch / "workstreams" / "01-governance.yaml"
    # Two cycles closed under older rules: a field since removed, and a level since renamed.
    _edit(governance, "rag: Amber\n", "rag: Amber\nsponsor: chris-malyon\n")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2020-08-28T12:00:00Z")
    _git(repo, "commit", "-q", "-am", "August cycle")
    _git(repo, "tag", "-a", "-m", "Reporting cycle 2020-08", "cycle/2020-08")  # as the old rules let it be closed
    _edit(governance, "rag: Amber\nsponsor: chris-malyon\n", "rag: Yellow\n")
    yellow = '    - level: Yellow\n      colour: "#fff2a8"\n'
    _edit(scratch / "programme.yaml", "    - level: Green\n", yellow + "    - level: Green\n")
    _close(repo, monkeypatch, "2020-09", "2020-09-30", "September cycle")
    _edit(governance, "rag: Yellow\n", "rag: Amber\n")
    _edit(scratch / "programme.yaml", yellow, "")
    _close(repo, monkeypatch, "2020-10", "2020-10-30", "October cycle")
    _edit(governance, "rag: Amber\n", "rag: Red\n")
    monkeypatch.chdir(tmp_path)
    expected = [
        "warning: cycle/2020-08:content/workstreams/01-governance.yaml:9:1: sponsor: unknown field; expected one of "
        "number, title, project, lead, previous_lead, report_date, rag, objectives, current_status, next_milestones, "
        "risks_and_issues, escalations; so cycle/2020-08 is left out of the RAG history",
        'warning: cycle/2020-09:content/workstreams/01-governance.yaml:8:6: rag: "Yellow" is not a rating on today\'s RAG '
        "scale (Red, Amber/Red, Amber, Green); so cycle/2020-09 is left out of the RAG history",
    ]
    args = ["--content", str(scratch)]
    assert main(["build", *args, "--out", "out", "--doc", "highlight-report", "--format", "html"]) == 0
    assert capsys.readouterr().err.splitlines() == expected
    rows = {row[0]: row[1:] for row in _html_rows(tmp_path / "out" / "highlight-report.html", "rag-summary")}
    assert rows[GOVERNANCE] == ["Red", "▼ Amber → Red, worsening", "Red since this cycle"]
    assert main(["build", *args, "--out", "out", "--doc", "highlight-report", "--format", "html"]) == 0
    assert capsys.readouterr().err.splitlines() == expected  # kept, and said again by a build with nothing to do
    assert main(["check", *args]) == 0
    assert capsys.readouterr().err.splitlines() == expected
    assert main(["check", *args, "--strict"]) == 2


# -- a programme rated on several dimensions ------------------------------------------------------
NORTHANTS = EXAMPLE.parent / "examples" / "future-northants"


def test_with_dimensions_the_table_shows_the_overall_travel_and_each_page_every_dimension(tmp_path, monkeypatch):
    content = _repository(tmp_path, NORTHANTS, monkeypatch)
    _edit(content / "papers" / "closure-report.yaml", "        caption: What each rating means\n",
          "        caption: What each rating means\n      - {rag_history: true, last: 2}\n")
    ict = content / "workstreams" / "05-ict.yaml"
    _edit(ict, "  overall: Green\n", "  overall: Red\n")
    _close(tmp_path, monkeypatch, "2021-02", "2021-02-26", "February cycle")
    _edit(ict, "  overall: Red\n", "  overall: Amber\n")
    _close(tmp_path, monkeypatch, "2021-03", "2021-03-26", "March cycle")
    _edit(ict, "  overall: Amber\n", "  overall: Green\n")
    _edit(ict, "  schedule: Amber\n", "  schedule: Red\n")
    build(BuildRequest(content=content, out=tmp_path / "out", formats=("html",)))
    rows = _html_rows(tmp_path / "out" / "closure-report.html", "rag-summary")
    assert rows[0] == ["Programme", "Overall", "Budget", "Risks", "Issues", "Schedule", "Overall since March 2021"]
    assert {row[0]: row[1:] for row in rows}["ICT"] == [
        "Green", "Green", "Amber", "Green", "Red", "▲ Amber → Green, improving Green since this cycle"]
    tables = lxml_html.fromstring((tmp_path / "out" / "closing-positions.html").read_bytes()).xpath(
        "//table[contains(@class, 'rag-dimensions')][caption[contains(., 'ICT')]]")
    ict_rows = [[_cell_text(c) for c in tr.xpath("th|td")] for tr in tables[0].iter("tr")]
    assert ict_rows == [["", "Overall", "Budget", "Risks", "Issues", "Schedule"],
                        ["March 2021", "Amber", "Green", "Amber", "Green", "Amber"],
                        ["This cycle", "Green", "Green", "Amber", "Green", "Red"],
                        ["Direction of travel", "▲ Improving", "► No change", "► No change", "► No change", "▼ Worsening"],
                        ["Held since", "this cycle", "February 2021", "February 2021", "February 2021", "this cycle"]]
    chart = lxml_html.fromstring((tmp_path / "out" / "closure-report.html").read_bytes()).xpath("//svg")[0]
    assert [t.text for t in chart.iter("text") if t.get("font-weight") == "bold"] == ["Mar 2021", "This cycle"]  # last: 2
    assert "ICT: Overall Amber in March 2021, Green in this cycle; Budget Green throughout;" in chart.find("title").text


def test_many_cycles_show_initials_with_a_key(monkeypatch):
    from lgss_docs.render.templates import environment
    from lgss_docs.validate import load_content
    from lgss_docs.views.rag_history import chart

    content = load_content(EXAMPLE)
    months = [f"2020-{m:02d}" for m in range(1, 12)]
    ratings = {e.id: Rated(e.model.title, e.model.number, _status("Amber/Red")) for e in content.workstreams}
    content.history = History(tuple(Point(m, m, ratings) for m in months), len(months) - 1)
    view = chart(content, "History", None)
    assert view["columns"] == [*months, "This cycle"]
    assert view["key"] == [("R", "Red"), ("A/R", "Amber/Red"), ("A", "Amber"), ("G", "Green")]
    governance = view["rows"][0]
    assert [c.text for c in governance.cells] == ["A/R"] * 11 + ["A"]
    assert view["width"] <= 656  # the text width of the page
    html = environment().get_template("blocks/rag_history.html.j2").render(block={**view, "noun": "Project work stream"})
    assert '<p class="chart-key">Key: R Red, A/R Amber/Red, A Amber, G Green.</p>' in html
    assert "1. Governance: Amber/Red from 2020-01 to 2020-11, Amber in this cycle." in html


def test_a_paper_with_the_chart_is_accessible_pdf(papers):
    from pdfua.validator import Severity, Validator

    report = Validator().validate(str(papers["highlight-report.pdf"]))
    assert [f for f in report.findings if f.severity is Severity.ERROR] == []
