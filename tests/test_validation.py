"""Validation: typed models, and every problem reported as path:line:col: field: message."""

from __future__ import annotations

import datetime as dt

import pytest

from lgss_docs.cli import main
from lgss_docs.model.dates import parse_date
from lgss_docs.model.rag import RagScheme, parse_status

FIVE = RagScheme(scale=[{"level": w, "colour": "#ffffff"} for w in ("Red", "Amber/Red", "Amber", "Amber/Green", "Green")],
                 not_reported="Not reported")
THREE = RagScheme(scale=[{"level": w, "colour": "#ffffff"} for w in ("Red", "Amber", "Green")])


@pytest.mark.parametrize(("scheme", "typed", "shown", "worst"), [
    (FIVE, "Amber", "Amber", "Amber"),
    (FIVE, "AMBER/RED", "Amber/Red", "Amber/Red"),
    (FIVE, "green / amber", None, None),  # not on the scale
    (FIVE, "amber/green", "Amber/Green", "Amber/Green"),
    (FIVE, "Amber (OLA) / Green (Road Map)", "Amber (OLA) / Green (Road Map)", "Amber"),
    (FIVE, "Green (OLA) / Red (Road Map)", "Green (OLA) / Red (Road Map)", "Red"),
    (FIVE, "not reported", "Not reported", "Not reported"),
    (FIVE, "Purple", None, None),
    (FIVE, "Amber (OLA) / Blue (Road Map)", None, None),
    (THREE, "Green", "Green", "Green"),
    (THREE, "Amber/Green", None, None),  # on another programme's scale, not this one's
    (THREE, "Not reported", None, None),  # this scale has no word for a rating not given
])
def test_ratings_are_read_against_the_declared_scale(scheme, typed, shown, worst):
    if shown is None:
        with pytest.raises(ValueError, match=f"expected one of {scheme.expected()}"):
            parse_status(typed, scheme)
    else:
        status = parse_status(typed, scheme)
        assert (str(status), status.worst(scheme) if status.reported else str(status)) == (shown, worst)


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
        f'content/workstreams/01-governance.yaml:{line}:6: rag: expected one of Red, Amber/Red, Amber, Green; got "Purple"',
        "1 problem found; nothing was written.",
    ]
    assert [p.name for p in out.iterdir()] == ["committee-report.pdf"]
    assert (out / "committee-report.pdf").read_bytes() == b"earlier build"


def test_all_problems_of_a_run_together(content_copy, capsys, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    _replace(content_copy / "services" / "15-accounts-payable.yaml", "lead_authority: CCC", "lead_authority: NBC")
    _replace(content_copy / "services" / "16-insurance.yaml", "lead_authority: CCC", "lead_authority: XYZ")
    _replace(content_copy / "workstreams" / "03-finance.yaml", "report_date:", "reportdate:")
    _replace(content_copy / "facts.yaml", "posts_deleted: 25", "posts_deleted: 25\n  posts_deleted: 26")
    assert main(["check", "--content", "content"]) == 2
    err = capsys.readouterr().err.splitlines()
    # Problems in every file come together; cross-references are checked once every file is valid.
    assert err == [
        "content/facts.yaml:8:3: consultation.posts_deleted: duplicate key; already given on line 7",
        'content/workstreams/03-finance.yaml:5:1: reportdate: unknown field; did you mean "report_date"?',
        "2 problems found; nothing was written.",
    ]
    _replace(content_copy / "facts.yaml", "\n  posts_deleted: 26", "")
    assert main(["check", "--content", "content"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        'content/workstreams/03-finance.yaml:5:1: reportdate: unknown field; did you mean "report_date"?',
        "1 problem found; nothing was written.",
    ]
    _replace(content_copy / "workstreams" / "03-finance.yaml", "reportdate:", "report_date:")
    assert main(["check", "--content", "content"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        'content/services/15-accounts-payable.yaml:4:17: lead_authority: "NBC" is not a partner; expected one of CCC, MKC, NCC',
        'content/services/16-insurance.yaml:4:17: lead_authority: "XYZ" is not a declared partner; expected one of CCC, MKC, NCC',
        "2 problems found; nothing was written.",
    ]


def test_check_on_the_example_prints_one_summary_line(capsys, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "content: valid (3 papers, 7 project work streams, 22 services).\n"
    assert captured.err == ""
