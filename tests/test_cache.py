"""The build cache never serves a stale paper: each kind of input rebuilds what uses it, and only that."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from lgss_docs.build import BuildRequest, build
from lgss_docs.cache import CACHE_NAME
from lgss_docs.errors import BuildError
from lgss_docs.inputs import declared
from lgss_docs.progress import Progress
from lgss_docs.render.paper import render_paper
from lgss_docs.render.templates import BUILT_IN, environment
from lgss_docs.validate import load_content
from lgss_docs.writers import WriterOptions

from conftest import EXAMPLE, ROOT

PAPERS = ("committee-report", "highlight-report", "transition-plan")
QUICK = ("html", "docx")  # enough to see what is rebuilt; PDF only where it matters
ALL = {f"{paper}.{fmt}" for paper in PAPERS for fmt in QUICK}


@pytest.fixture(scope="module")
def warm(tmp_path_factory) -> Path:
    """Return an output folder holding the example built in HTML and DOCX, with its cache."""
    out = tmp_path_factory.mktemp("warm")
    build(BuildRequest(content=EXAMPLE, out=out, formats=QUICK))
    return out


@pytest.fixture
def project(tmp_path, warm) -> Path:
    """Return a folder with copies of the example's content, of the built-in templates (as a layer
    over them), and of its warm output."""
    shutil.copytree(EXAMPLE, tmp_path / "content")
    shutil.copytree(BUILT_IN, tmp_path / "templates")
    shutil.copytree(warm, tmp_path / "output")
    return tmp_path


def _rebuild(project: Path, **changes) -> set[str]:
    """Return the names of the outputs a build of ``project`` writes."""
    request = BuildRequest(content=project / "content", out=project / "output",
                           templates=project / "templates", formats=QUICK)
    return {p.name for p in build(dataclasses.replace(request, **changes))}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_second_build_writes_nothing_and_says_what_is_up_to_date(project):
    fresh = []
    assert _rebuild(project) == set()
    assert build(BuildRequest(content=project / "content", out=project / "output", templates=project / "templates",
                              formats=QUICK), fresh=fresh.append) == []
    assert {p.name for p in fresh} == ALL


# What each paper reads follows from what it declares: the committee report lists work streams,
# services and arrangements, names consultation facts and prints the other two papers as its
# appendices; the highlight report reads its own file and the work streams; the plan its own file
# and plan.yaml; all three read programme.yaml.
BOTH = {f"{paper}.{fmt}" for paper in ("committee-report", "highlight-report") for fmt in QUICK}
COMMITTEE = {"committee-report.html", "committee-report.docx"}
PLAN = {f"{paper}.{fmt}" for paper in ("committee-report", "transition-plan") for fmt in QUICK}


@pytest.mark.parametrize(("path", "old", "new", "rebuilt"), [
    ("workstreams/03-finance.yaml", "rag: Amber", "rag: Red", BOTH),
    ("services/01-hr-advisory.yaml", "HR Advisory", "HR Advice", COMMITTEE),
    ("temporary-arrangements.yaml", "Procurement", "Purchasing", COMMITTEE),
    ("facts.yaml", "staff_redeployed: 14", "staff_redeployed: 15", COMMITTEE),
    ("programme.yaml", "LGSS", "L.G.S.S.", ALL),
    ("plan.yaml", "version: 6", "version: 7", PLAN),
    ("facts.yaml", "# Collective", "# The collective", COMMITTEE),  # a comment: bytes, not facts, decide
    ("papers/committee-report.yaml", "Confidential", "Restricted", COMMITTEE),
    ("papers/highlight-report.yaml", "Programme Update Report", "Programme Update", BOTH),
    ("papers/transition-plan.yaml", "kind: plan", "kind: plan\nconfidentiality: Draft", PLAN),
])
def test_editing_content_rebuilds_the_papers_that_read_it(project, path, old, new, rebuilt):
    _edit(project / "content" / path, old, new)
    assert _rebuild(project) == rebuilt


def test_a_fact_named_in_a_work_stream_makes_its_papers_read_the_facts(project):
    _edit(project / "content" / "workstreams" / "02-hr-consultation.yaml", "  - The formal feedback",
          "  - Of {consultation.staff_consulted} staff, the formal feedback")
    assert _rebuild(project) == BOTH
    _edit(project / "content" / "facts.yaml", "staff_consulted: 1300", "staff_consulted: 1310")
    assert _rebuild(project) == BOTH


def test_a_new_or_removed_file_in_a_folder_counts_as_an_edit(project):
    services = project / "content" / "services"
    (services / "22-revenues-benefits.yaml").unlink()
    assert _rebuild(project) == COMMITTEE
    workstreams = project / "content" / "workstreams"
    text = (workstreams / "07-schools-academies.yaml").read_text(encoding="utf-8")
    (workstreams / "08-schools-again.yaml").write_text(text.replace("number: 7", "number: 8"), encoding="utf-8")
    assert _rebuild(project) == BOTH


@pytest.mark.parametrize("path", ["partials/cover.html.j2", "css/paper.css", "css/workstream-page.css"])
def test_editing_a_template_or_stylesheet_rebuilds_every_paper(project, path):
    target = project / "templates" / path
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _rebuild(project) == ALL


def _reference(path: Path, size: int) -> Path:
    reference = docx.Document()
    reference.styles["Normal"].font.size = Pt(size)
    reference.save(path)
    return path


def test_a_reference_docx_and_its_bytes_are_part_of_the_key(project):
    house = _reference(project / "house.docx", 12)
    with_house = WriterOptions(reference_docx=house)
    assert _rebuild(project, options=with_house, formats=("docx",)) == {f"{paper}.docx" for paper in PAPERS}
    assert _rebuild(project, options=with_house, formats=("docx",)) == set()
    _reference(house, 13)  # same path, new styles
    assert _rebuild(project, options=with_house, formats=("docx",)) == {f"{paper}.docx" for paper in PAPERS}
    assert _rebuild(project, formats=("docx",)) == {f"{paper}.docx" for paper in PAPERS}


def test_formats_and_papers_select_outputs_without_rebuilding_the_rest(project):
    assert _rebuild(project, formats=("html",)) == set()
    assert _rebuild(project, formats=("html", "pdf"), papers=("highlight-report",)) == {"highlight-report.pdf"}
    assert _rebuild(project, formats=("html", "pdf", "docx")) == {f"{paper}.pdf" for paper in PAPERS} - {"highlight-report.pdf"}
    assert _rebuild(project, force=True) == ALL


@pytest.mark.parametrize("damage", ["delete", "edit"])
def test_a_deleted_or_hand_edited_output_is_rebuilt(project, warm, damage):
    paper = project / "output" / "highlight-report.docx"
    if damage == "delete":
        paper.unlink()
    else:
        paper.write_bytes(paper.read_bytes() + b"\0")
    assert _rebuild(project) == {"highlight-report.docx"}
    assert paper.read_bytes() == (warm / paper.name).read_bytes()


@pytest.mark.parametrize("cache", [b"", b"{", b'{"version": 2, "outputs": [1, 2]}', b"[]", b"\xff\xfe garbage",
                                   b'{"version": 2, "outputs": {"committee-report.html": {"key": 1}}, "checked": {}}',
                                   b'{"version": 2, "outputs": {}, "checked": {"key": "k", "papers": [], "warnings": [1]}}'])
def test_a_corrupt_or_truncated_cache_is_ignored(project, cache):
    (project / "output" / CACHE_NAME).write_bytes(cache)
    assert _rebuild(project) == ALL
    assert _rebuild(project) == set()  # and a good cache replaces it


def test_a_no_op_build_still_reports_the_contents_warnings(project):
    # The seed's slip, put back: a board meeting of 4 December 2020 dated 2021.
    _edit(project / "content" / "workstreams" / "01-governance.yaml", "first meeting on 4 December 2020;",
          "first meeting on 4 December 2021;")
    assert _rebuild(project) == BOTH
    warned = []
    build(BuildRequest(content=project / "content", out=project / "output", templates=project / "templates",
                       formats=QUICK), warn=warned.append)
    assert [p.field for p in warned] == ["current_status"]
    assert warned[0].path.endswith("content/workstreams/01-governance.yaml")


def test_a_paper_that_reads_a_part_not_listed_in_its_reads_fails_the_build():
    content = load_content(EXAMPLE)
    narrow = frozenset({"programme", "paper:highlight-report"})
    with pytest.raises(BuildError, match="reads workstreams, which lgss_docs.inputs.reads does not list"):
        render_paper(declared(content, "highlight-report", narrow), "highlight-report", environment())
    with pytest.raises(BuildError, match="reads paper:highlight-report, which lgss_docs.inputs.reads does not list"):
        render_paper(declared(content, "committee-report", frozenset(set(content.papers) - {"paper:highlight-report"})
                              | {"programme", "workstreams", "history", "services", "arrangements", "facts", "plan",
                                 "paper:committee-report", "paper:transition-plan"}), "committee-report", environment())


def test_force_rebuilds_the_papers_asked_for_and_keeps_the_others_fresh(project):
    assert _rebuild(project, force=True, papers=("transition-plan",)) == {"transition-plan.html", "transition-plan.docx"}
    assert _rebuild(project) == set()


def test_a_parallel_build_gives_the_same_bytes_as_a_serial_one(tmp_path):
    serial = build(BuildRequest(content=EXAMPLE, out=tmp_path / "serial", jobs=1))
    parallel = build(BuildRequest(content=EXAMPLE, out=tmp_path / "parallel", jobs=2))
    assert [p.name for p in serial] == [p.name for p in parallel] and len(serial) == 3 * len(PAPERS)
    for one, other in zip(serial + [tmp_path / "serial" / CACHE_NAME], parallel + [tmp_path / "parallel" / CACHE_NAME]):
        assert one.read_bytes() == other.read_bytes(), f"{one.name} differs"


_NOT_IMPORTED = """
import sys
from lgss_docs.cli import main
code = main(sys.argv[2:])
assert code == 0, code
imported = [name for name in sys.argv[1].split(",") if name in sys.modules]
assert not imported, f"imported {imported}"
"""


# A check needs the models; a build with every output up to date needs only the cache: not the
# models (pydantic), the templates (Jinja) or Markdown, so that it answers at once.
@pytest.mark.parametrize("command, unused", [("check", "weasyprint,docx"),
                                             ("build", "weasyprint,docx,pydantic,jinja2,markdown_it,lxml")])
def test_commands_that_render_nothing_do_not_import_the_renderers(project, command, unused):
    args = ["--content", str(project / "content")]
    if command == "build":
        args += ["--out", str(project / "output"), "--templates", str(project / "templates"),
                 "--format", "html", "--format", "docx"]
    result = subprocess.run([sys.executable, "-c", _NOT_IMPORTED, unused, command, *args],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    if command == "build":
        assert "wrote" not in result.stdout and result.stdout.count("up to date") == len(ALL), result.stdout


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_quiet_for_the_first_second_then_says_what_is_being_built():
    clock, stream = _Clock(), io.StringIO()
    progress = Progress(stream, clock)
    clock.now = 0.5
    progress("building committee-report.pdf")
    assert stream.getvalue() == ""
    clock.now = 1.2
    progress("building committee-report.pdf, highlight-report.pdf")
    progress("building committee-report.pdf, highlight-report.pdf")
    clock.now = 3.0
    progress("built highlight-report.pdf (1 of 4)")
    assert stream.getvalue().splitlines() == ["[1 s] building committee-report.pdf, highlight-report.pdf",
                                              "[3 s] built highlight-report.pdf (1 of 4)"]


@pytest.mark.parametrize("damage", ["[" * 100_000, '{"version": 1, "outputs": ' + "[" * 100_000])
def test_a_deeply_nested_cache_file_is_ignored(tmp_path, damage):
    out = tmp_path / "output"
    out.mkdir()
    (out / CACHE_NAME).write_text(damage, encoding="utf-8")
    written = build(BuildRequest(content=EXAMPLE, out=out, formats=("html",)))
    assert {p.name for p in written} == {f"{paper}.html" for paper in PAPERS}
