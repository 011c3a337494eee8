"""Warnings: printed with file:line and the run still succeeds, unless --strict makes them fail."""

from __future__ import annotations

import shutil

import pytest

from lgss_docs.cli import main

from conftest import EXAMPLE

GOVERNANCE = "workstreams/01-governance.yaml"


@pytest.fixture
def late_report(tmp_path, monkeypatch) -> str:
    """Return the warning line for a work stream report dated after the highlight report."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE, tmp_path / "content")
    path = tmp_path / "content" / GOVERNANCE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("report_date: 2020-11-09", "report_date: 2020-11-20"), encoding="utf-8")
    line = text[: text.index("report_date:")].count("\n") + 1
    return (f"warning: content/{GOVERNANCE}:{line}:14: report_date: 20 November 2020 is after the date of the "
            "highlight-report paper, 12 November 2020")


def test_check_prints_a_warning_and_succeeds(late_report, capsys):
    assert main(["check", "--content", "content"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [late_report]
    assert out.startswith("content: valid")


def test_check_strict_fails_on_a_warning(late_report, capsys):
    assert main(["check", "--content", "content", "--strict"]) == 2
    out, err = capsys.readouterr()
    assert (out, err.splitlines()) == ("", [late_report, "1 warning, and --strict makes warnings fail; nothing was written."])


def test_build_strict_writes_nothing(late_report, tmp_path, capsys):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "committee-report.html").write_bytes(b"earlier")
    assert main(["build", "--content", "content", "--out", "output", "--format", "html", "--strict"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == late_report
    assert (tmp_path / "output" / "committee-report.html").read_bytes() == b"earlier"


def test_build_without_strict_warns_and_writes(late_report, tmp_path, capsys):
    assert main(["build", "--content", "content", "--out", "output", "--format", "html", "--doc", "committee-report"]) == 0
    out, err = capsys.readouterr()
    assert (out.splitlines(), err.splitlines()) == (["wrote output/committee-report.html"], [late_report])
