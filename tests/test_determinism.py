"""Two builds in two processes give the same bytes, whatever the clock, zone, locale or seed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace

import docx

from lgss_docs.render.paper import render_paper
from lgss_docs.render.templates import environment
from lgss_docs.validate import load_content
from lgss_docs.writers import WriterOptions, writer

from conftest import EXAMPLE, ROOT
from support import missing_tool

FAKE_CLOCK = "2031-02-03 04:05:06"  # another day, month, year and time of day; the clock still runs


def _build(out, env_changes: dict[str, str], clock: str | None = None) -> dict[str, bytes]:
    """Return {name: bytes} of a build in a new process, with ``env_changes`` and, if given,
    the system clock set to ``clock`` (Debian's faketime, which the worker processes inherit)."""
    env = {**os.environ, **env_changes}
    command = [sys.executable, str(ROOT / "build.py"), "--content", str(EXAMPLE), "--out", str(out)]
    result = subprocess.run(_faked(command, clock), env=env, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _faked(command: list[str], clock: str | None) -> list[str]:
    if clock is None:
        return command
    if shutil.which("faketime") is None:
        missing_tool("faketime")
    return ["faketime", clock, *command]


def test_the_fake_clock_reaches_python():
    shown = subprocess.run(_faked([sys.executable, "-c", "import datetime; print(datetime.date.today())"], FAKE_CLOCK),
                           capture_output=True, text=True, check=True).stdout.strip()
    assert shown == FAKE_CLOCK.split()[0]


def test_two_builds_are_byte_identical(tmp_path):
    first = _build(tmp_path / "a", {"TZ": "UTC", "LC_ALL": "C", "PYTHONHASHSEED": "1"})
    second = _build(tmp_path / "b", {"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "cy_GB.UTF-8",
                                    "PYTHONHASHSEED": "4242", "SOURCE_DATE_EPOCH": "1"}, clock=FAKE_CLOCK)
    assert first.keys() == second.keys() and len(first) >= 3
    for name in sorted(first, key=lambda n: (n.startswith("."), n)):  # the papers, then the cache
        assert first[name] == second[name], f"{name} differs between builds"


def test_docx_zip_has_fixed_order_and_timestamp(built):
    with zipfile.ZipFile(built["committee-report.docx"]) as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    # The paper's own date (17 November 2020), never the time of the build.
    assert {i.date_time for i in infos} == {(2020, 11, 17, 0, 0, 0)}


def test_pdf_dates_come_from_the_paper(built):
    from pypdf import PdfReader

    info = PdfReader(str(built["committee-report.pdf"])).metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20201117"


def test_a_paper_dated_after_2107_still_builds(tmp_path):
    # A zip entry's year is 7 bits from 1980, so it ends with 2107; the core properties keep the real date.
    paper = render_paper(load_content(EXAMPLE), "transition-plan", environment())
    for day, zipped in ((dt.date(2108, 2, 29), (2107, 2, 29)), (dt.date(9999, 12, 31), (2107, 12, 31))):
        path = tmp_path / f"{day.year}.docx"
        path.write_bytes(writer("docx")(replace(paper, date=day), WriterOptions()))
        with zipfile.ZipFile(path) as package:
            assert {i.date_time for i in package.infolist()} == {(*zipped, 0, 0, 0)}
        assert docx.Document(str(path)).core_properties.created.date() == day
