"""Rendering fetches nothing and opens no file outside the project; images stay in the content folder."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT
from lgss_docs.cli import main
from lgss_docs.errors import TemplateError
from lgss_docs.load import load_yaml
from lgss_docs.render.paper import RenderedPaper
from lgss_docs.render.templates import BUILT_IN
from lgss_docs.validate.images import image_problems
from lgss_docs.writers import WriterOptions, pdf

_EVENTS: list[tuple] = []
_RECORDING = [False]


def _audit(event: str, args: tuple) -> None:
    if _RECORDING[0] and (event == "open" or event.startswith(("socket.", "urllib."))):
        _EVENTS.append((event, args[0] if args else None))


sys.addaudithook(_audit)  # hooks cannot be removed; this one records only inside _recording()


class _recording:
    def __enter__(self):
        _EVENTS.clear()
        _RECORDING[0] = True
        return _EVENTS

    def __exit__(self, *exc):
        _RECORDING[0] = False


GREY_SQUARE = "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'><rect width='4' height='4' fill='grey'/></svg>"
OUTSIDE = """<!DOCTYPE html><html lang="en-GB"><head><title>t</title>
<link rel="stylesheet" href="http://example.invalid/house.css">
<style>@import url("https://example.invalid/more.css"); body { background: url(file:///etc/passwd); }</style></head>
<body><p>Text</p><img src="file:///etc/passwd" alt="a"><img src="http://example.invalid/logo.png" alt="b">
<img src="../../etc/passwd" alt="c"><img src="%s" alt="d"></body></html>""" % GREY_SQUARE


def _network(events: list[tuple]) -> list[tuple]:
    """Return the socket and URL events, leaving out data: URLs (they are the paper's own bytes)."""
    return [e for e in events if e[0] != "open" and not str(e[1]).startswith("data:")]


def _paper(html: str) -> RenderedPaper:
    return RenderedPaper(id="t", html=html, title="t", author="a", date=dt.date(2020, 11, 17))


def _refused(url: str) -> str:
    return (f't.pdf: refused to load "{url}": a paper loads nothing from outside itself; '
            "keep styles in templates/css and give images as data: URLs")


def test_pdf_refuses_every_outside_resource_without_opening_it():
    with _recording() as events, pytest.raises(TemplateError) as raised:
        pdf.write(_paper(OUTSIDE), WriterOptions())
    assert str(raised.value).splitlines() == [
        _refused("http://example.invalid/house.css"),
        _refused("https://example.invalid/more.css"),
        _refused("file:///etc/passwd"),
        _refused("http://example.invalid/logo.png"),
        "t.pdf: Relative URI reference without a base URI: ../../etc/passwd",
    ]
    assert _network(events) == [], "only data: URLs were opened"
    assert "/etc/passwd" not in {str(path) for event, path in events}


def test_pdf_takes_data_urls():
    html = f'<!DOCTYPE html><html lang="en-GB"><body><img src="{GREY_SQUARE}" alt="square"></body></html>'
    assert pdf.write(_paper(html), WriterOptions()).startswith(b"%PDF")


def test_building_the_example_opens_nothing_outside_the_project(tmp_path):
    # Python's own library and installed packages are code, not content; everything else must
    # be the project or the output folder.
    allowed = [ROOT, tmp_path, Path(sys.prefix), Path(sys.base_prefix)]
    allowed = [p.resolve() for p in allowed]
    with _recording() as events:
        assert main(["build", "--content", str(EXAMPLE), "--out", str(tmp_path)]) == 0
    opened = {Path(str(path)).resolve() for event, path in events if event == "open" and isinstance(path, (str, Path))}
    assert (EXAMPLE / "programme.yaml").resolve() in opened  # the hook does see the build's opens
    outside = sorted(str(p) for p in opened if not any(p.is_relative_to(a) for a in allowed))
    assert outside == []
    assert _network(events) == []


def test_a_template_asking_for_a_local_file_fails_the_build(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "templates" / "kinds" / "report.html.j2"
    report.parent.mkdir(parents=True)
    report.write_text((BUILT_IN / "kinds" / "report.html.j2").read_text(encoding="utf-8").replace(
        "<main>", '<main><img src="file:///etc/passwd" alt="">', 1), encoding="utf-8")
    (tmp_path / "output").mkdir()
    code = main(["build", "--content", str(EXAMPLE), "--out", "output", "--templates", "templates"])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        'committee-report.pdf: refused to load "file:///etc/passwd": a paper loads nothing from outside itself; '
        "keep styles in templates/css and give images as data: URLs",
        "template error; nothing was written.",
    ]
    assert list((tmp_path / "output").iterdir()) == []


@pytest.mark.parametrize(("value", "message"), [
    ("/etc/passwd", "an image path must be relative to the content folder, not absolute"),
    ("C:\\logo.png", "an image path must be relative to the content folder, not absolute"),
    ("https://example.org/logo.png", "an image must be a file in the content folder, not a URL; save it there and give its path"),
    ("file:///etc/passwd", "an image must be a file in the content folder, not a URL; save it there and give its path"),
    ("../templates/css/paper.css", "this image path leads outside the content folder; keep images inside it"),
    ("images/../../secret.png", "this image path leads outside the content folder; keep images inside it"),
    ("images/missing.png", "no image at this path in the content folder"),
])
def test_image_paths_outside_the_content_folder_are_content_errors(value, message, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "paper.yaml").write_text(f"logo: '{value}'\n", encoding="utf-8")
    source = load_yaml(tmp_path / "paper.yaml")
    [problem] = image_problems(source, ("logo",), value, tmp_path)
    assert (problem.line, problem.column, problem.field, problem.message) == (1, 7, "logo", f'{message}; got "{value}"')


def test_an_image_inside_the_content_folder_is_fine(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "paper.yaml").write_text("logo: images/logo.png\n", encoding="utf-8")
    assert image_problems(load_yaml(tmp_path / "paper.yaml"), ("logo",), "images/logo.png", tmp_path) == []
