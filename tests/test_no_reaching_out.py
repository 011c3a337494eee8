"""Rendering fetches nothing and opens no file outside the project; images stay in the content folder."""

from __future__ import annotations

import ast
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lgss_docs.cli import main
from lgss_docs.errors import TemplateError
from lgss_docs.load import load_yaml
from lgss_docs.render.paper import RenderedPaper
from lgss_docs.render.templates import BUILT_IN
from lgss_docs.validate.images import image_problems
from lgss_docs.writers import WriterOptions, pdf

from conftest import EXAMPLE, ROOT

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
<img src="../../etc/passwd" alt="c">""" + f'<img src="{GREY_SQUARE}" alt="d"></body></html>'


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


# Installed in a build's process through PYTHONPATH, so that the worker processes that write
# PDF and DOCX (forked, or spawned where there is no fork) record their events too. It writes
# with os.write to a descriptor opened before the hook, so recording opens nothing itself, and
# notes whether the event came while a module was being imported.
AUDIT_SITECUSTOMIZE = """
import os, sys
_LOG = os.open(os.environ["LGSS_TEST_AUDIT_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
_WATCHED = ("open", "socket.", "urllib.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.spawn")

def _audit(event, args):
    if event.startswith(_WATCHED):
        target = args[0] if args else None
        target = os.fsdecode(target) if isinstance(target, (str, bytes, os.PathLike)) else repr(target)
        frame, importing = sys._getframe().f_back, False
        while frame and not importing:
            importing, frame = frame.f_code.co_filename.startswith("<frozen importlib"), frame.f_back
        os.write(_LOG, (repr((os.getpid(), event, target, importing)) + "\\n").encode())

sys.addaudithook(_audit)
"""


def _audited_build(tmp_path) -> tuple[int, list[tuple[int, str, str, bool]]]:
    """Return the pid of a real build with two workers, and every event of it and its workers."""
    hook, log = tmp_path / "hook", tmp_path / "audit.log"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(AUDIT_SITECUSTOMIZE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(hook), "LGSS_TEST_AUDIT_LOG": str(log)}
    build = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--content", str(EXAMPLE),
                              "--out", str(tmp_path / "output"), "--jobs", "2"],
                             cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, stderr = build.communicate(timeout=600)
    assert build.returncode == 0, stderr.decode()
    return build.pid, [ast.literal_eval(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_building_the_example_opens_nothing_outside_the_project(tmp_path):
    pid, events = _audited_build(tmp_path)
    workers = {p for p, _, _, _ in events} - {pid}
    assert len(workers) == 2 and all(any(p == w and e == "open" for p, e, _, _ in events) for w in workers), \
        "the hook sees the workers' opens"
    assert (pid, "open", str(EXAMPLE / "programme.yaml"), False) in events, "and the build's own"
    # Python's own library and installed packages are code, not content, and what a library does
    # while it is imported is loading code (cffi looks for Pango with ldconfig and gcc; mimetypes
    # reads the system's table). Everything else must be the project or the output folder.
    allowed = [p.resolve() for p in (ROOT, tmp_path, Path(sys.prefix), Path(sys.base_prefix))]

    def outside(event: str, target: str) -> bool:
        if event == "subprocess.Popen" and target == "fc-list":
            return False  # the glyph check asks fontconfig which fonts are installed: reading, not reaching
        if event == "subprocess.Popen" and target == "git":
            return False  # reporting cycles are read from the content's own repository's tags
        if event.startswith("urllib.") and target.startswith("data:"):
            return False  # WeasyPrint reads a data: URL (the plan's hatching) through urllib: the bytes are the URL
        if event != "open":
            return True
        path = Path(target).resolve()
        return target.startswith("/") and target != os.devnull and not any(path.is_relative_to(a) for a in allowed)

    assert [(p, e, t) for p, e, t, importing in events if not importing and outside(e, t)] == []
    network = [(p, e, t) for p, e, t, _ in events if e.startswith(("socket.", "urllib.")) and not t.startswith("data:")]
    assert network == [], "no network"


def test_a_template_asking_for_a_local_file_fails_the_build(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "templates" / "kinds" / "report.html.j2"
    report.parent.mkdir(parents=True)
    report.write_text((BUILT_IN / "kinds" / "report.html.j2").read_text(encoding="utf-8").replace(
        "<main>", '<main><img src="file:///etc/passwd" alt="">', 1), encoding="utf-8")
    (tmp_path / "output").mkdir()
    code = main(["build", "--content", str(EXAMPLE), "--out", "output", "--templates", "templates",
                 "--doc", "committee-report"])
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
