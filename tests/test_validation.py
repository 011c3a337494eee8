"""Validation: typed models, and every problem reported as path:line:col: field: message."""

from __future__ import annotations

import datetime as dt

import pytest

from lgss_docs.cli import main
from lgss_docs.model.dates import parse_date
from lgss_docs.model.rag import Rag, parse_status


@pytest.mark.parametrize(("typed", "shown", "overall"), [
    ("Amber", "Amber", Rag.AMBER),
    ("AMBER/RED", "Amber/Red", Rag.AMBER_RED),
    ("green / amber", None, None),  # not on the scale
    ("amber/green", "Amber/Green", Rag.AMBER_GREEN),
    ("Amber (OLA) / Green (Road Map)", "Amber (OLA) / Green (Road Map)", Rag.AMBER),
    ("Green (OLA) / Red (Road Map)", "Green (OLA) / Red (Road Map)", Rag.RED),
    ("Purple", None, None),
    ("Amber (OLA) / Blue (Road Map)", None, None),
])
def test_rag_statuses(typed, shown, overall):
    if shown is None:
        with pytest.raises(ValueError, match="expected one of Red, Amber/Red, Amber, Amber/Green, Green"):
            parse_status(typed)
    else:
        status = parse_status(typed)
        assert (str(status), status.overall) == (shown, overall)


@pytest.mark.parametrize(("typed", "expected"), [
    (dt.date(2020, 11, 4), dt.date(2020, 11, 4)),
    ("2020-11-04", dt.date(2020, 11, 4)),
    ("4 November 2020", dt.date(2020, 11, 4)),
    ("4th November 2020", dt.date(2020, 11, 4)),
    ("05th Nov 2020", dt.date(2020, 11, 5)),
    ("4/11/20", dt.date(2020, 11, 4)),
    ("4/11/2020", dt.date(2020, 11, 4)),
])
def test_dates_in_the_forms_officers_type(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31 June 2020", "next week", "2020-13-01", "13/13/2020"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(ValueError, match="expected a date"):
        parse_date(typed)


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_unknown_rag_names_file_line_and_leaves_output_alone(content_copy, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    out = tmp_path / "out"
    out.mkdir()
    (out / "committee-report.pdf").write_bytes(b"earlier build")
    governance = content_copy / "workstreams" / "01-governance.yaml"
    _replace(governance, "rag: Amber", "rag: Purple")
    code = main(["build", "--content", "content", "--out", str(out)])
    err = capsys.readouterr().err.splitlines()
    line = _line_of(governance, "rag: Purple")
    assert code == 2
    assert err == [
        f'content/workstreams/01-governance.yaml:{line}:6: rag: expected one of Red, Amber/Red, Amber, Amber/Green, Green; got "Purple"',
        "1 problem found; nothing was written.",
    ]
    assert [p.name for p in out.iterdir()] == ["committee-report.pdf"]
    assert (out / "committee-report.pdf").read_bytes() == b"earlier build"


def test_all_problems_of_a_run_together(content_copy, capsys, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    _replace(content_copy / "services" / "15-accounts-payable.yaml", "lead_authority: CCC", "lead_authority: NBC")
    _replace(content_copy / "services" / "16-insurance.yaml", "lead_authority: CCC", "lead_authority: XYZ")
    _replace(content_copy / "workstreams" / "03-finance.yaml", "report_date:", "reportdate:")
    _replace(content_copy / "consultation.yaml", "posts_deleted: 25", "posts_deleted: 25\nposts_deleted: 26")
    assert main(["check", "--content", "content"]) == 2
    err = capsys.readouterr().err.splitlines()
    # Problems in every file come together; cross-references are checked once every file is valid.
    assert err == [
        "content/consultation.yaml:6:1: posts_deleted: duplicate key; already given on line 5",
        "content/workstreams/03-finance.yaml:1:1: report_date: required field is missing",
        'content/workstreams/03-finance.yaml:5:1: reportdate: unknown field; did you mean "report_date"?',
        "3 problems found; nothing was written.",
    ]
    _replace(content_copy / "consultation.yaml", "\nposts_deleted: 26", "")
    assert main(["check", "--content", "content"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "content/workstreams/03-finance.yaml:1:1: report_date: required field is missing",
        'content/workstreams/03-finance.yaml:5:1: reportdate: unknown field; did you mean "report_date"?',
        "2 problems found; nothing was written.",
    ]
    _replace(content_copy / "workstreams" / "03-finance.yaml", "reportdate:", "report_date:")
    assert main(["check", "--content", "content"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        'content/services/15-accounts-payable.yaml:4:17: lead_authority: "NBC" is not a partner council; expected one of CCC, MKC, NCC',
        'content/services/16-insurance.yaml:4:17: lead_authority: "XYZ" is not a declared partner; expected one of CCC, MKC, NCC',
        "2 problems found; nothing was written.",
    ]


def test_check_on_the_example_prints_one_summary_line(capsys, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "content: valid (7 work streams, 22 services).\n"
    assert captured.err == ""
