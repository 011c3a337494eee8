"""lgss-docs serve, in a real browser: an edit to the content shows in the open page, a mistake shows
as the line ``check`` prints for it, and fixing it brings the paper back. PDF and DOCX come from the
page's links."""

from __future__ import annotations

import io
import queue
import shutil
import signal
import subprocess
import sys
import threading
import zipfile

import pytest
from pypdf import PdfReader

from conftest import EXAMPLE
from support import ctrl_c_answered

WAIT_MS = 30_000  # generous: the machine may be busy; the speed is measured in bench/run.py
WORKSTREAM = "workstreams/01-governance.yaml"


def _first_line(stream, seconds: float) -> str:
    """Return the first line ``stream`` prints within ``seconds``, or "" if none."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=seconds)
    except queue.Empty:
        return ""


@pytest.fixture
def served(tmp_path):
    """Return (base URL, content folder) of ``lgss-docs serve`` running on a copy of the example."""
    shutil.copytree(EXAMPLE, tmp_path / "content")
    server = subprocess.Popen([sys.executable, "-m", "lgss_docs", "serve", "--content", "content", "--port", "0",
                               "--out", "preview"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, preexec_fn=ctrl_c_answered)
    try:
        line = _first_line(server.stdout, 120)
        assert line.startswith("serving http://127.0.0.1:"), line or server.stderr.read()
        yield line.split()[1], tmp_path / "content"
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0, server.stderr.read()


@pytest.fixture(scope="module")
def page():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Chromium is not installed (scripts/setup --test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        yield browser.new_page()
        browser.close()


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_shows_in_the_open_page_and_a_mistake_shows_as_its_line(served, page, tmp_path):
    from playwright.sync_api import expect

    url, content = served
    page.goto(f"{url}highlight-report.html")
    heading = page.locator("h3", has_text="5.1 Governance")
    expect(heading).to_have_count(1)

    _edit(content / WORKSTREAM, "title: Governance\n", "title: Governance and Assurance\n")
    expect(page.locator("h3", has_text="5.1 Governance and Assurance")).to_have_count(1, timeout=WAIT_MS)

    _edit(content / WORKSTREAM, "rag: Amber\n", "rag: Purple\n")
    check = subprocess.run([sys.executable, "-m", "lgss_docs", "check", "--content", "content"], cwd=tmp_path,
                           capture_output=True, text=True)
    problem = check.stderr.splitlines()[0]
    assert problem.startswith(f"content/{WORKSTREAM}:8:6: rag: "), check.stderr
    expect(page.locator("#lgss-problems")).to_contain_text(problem, timeout=WAIT_MS)
    expect(page.locator("h3", has_text="5.1 Governance and Assurance")).to_have_count(1)  # the last good build

    _edit(content / WORKSTREAM, "rag: Purple\n", "rag: Red\n")
    expect(page.locator("#lgss-problems")).to_have_count(0, timeout=WAIT_MS)
    expect(page.locator("tr", has_text="Project work stream 1:").locator("td.rag").first).to_have_text("Red")


def test_pdf_and_docx_are_built_from_the_page_links(served, page):
    url, _ = served
    page.goto(f"{url}highlight-report.html")
    for fmt, kind in (("pdf", "application/pdf"), ("docx", "wordprocessingml")):
        href = page.locator(f"#lgss-preview a[href$='.{fmt}']").get_attribute("href")
        response = page.request.get(f"{url}{href.lstrip('/')}", timeout=120_000)
        assert response.status == 200 and kind in response.headers["content-type"]
        body = response.body()
        text = _text_of(fmt, body)
        assert "Project work stream 1: Governance" in text


def _text_of(fmt: str, body: bytes) -> str:
    """Return the text of a PDF, or the document XML of a DOCX, served as ``body``."""
    if fmt == "pdf":
        return "".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    return zipfile.ZipFile(io.BytesIO(body)).read("word/document.xml").decode()
