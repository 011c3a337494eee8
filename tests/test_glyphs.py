"""Characters that no installed font has: the PDF would draw empty boxes, so check warns at the text."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from lgss_docs.cli import main
from lgss_docs.validate import glyphs

GOVERNANCE = "workstreams/01-governance.yaml"


def _no_font_has(char: str) -> bool:
    listed = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True)
    return listed.returncode == 0 and listed.stdout.strip() == ""


def _retitle(content, title: str) -> None:
    path = content / GOVERNANCE
    path.write_text(path.read_text(encoding="utf-8").replace("title: Governance\n", f"title: {title}\n", 1), encoding="utf-8")


pytestmark = pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig's fc-list is not installed")


def test_a_character_no_font_has_is_a_warning_at_its_text(content_copy, capsys, monkeypatch):
    if not (_no_font_has("中") and _no_font_has("文")):
        pytest.skip("a font with Chinese characters is installed here")
    monkeypatch.chdir(content_copy.parent)
    _retitle(content_copy, "Governance (中文)")
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f'warning: content/{GOVERNANCE}:4:8: title: no installed font has "中" (U+4E2D) or "文" (U+6587), so the PDF '
        "shows an empty box for each; install a font that has them (see docs/checks.md)"]
    assert main(["check", "--content", "content", "--strict"]) == 2


def test_characters_an_installed_font_has_give_no_warning(content_copy, capsys, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    _retitle(content_copy, "Café – 5 € ± ✓ Ŵ Ω ж\u200d\u00ad\u2009")  # joiner, soft hyphen, thin space: not drawn
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr().err == ""


def test_without_fontconfig_nothing_is_claimed(content_copy, capsys, monkeypatch):
    monkeypatch.chdir(content_copy.parent)
    monkeypatch.setenv("PATH", "")
    glyphs.installed_coverage.cache_clear()
    try:
        _retitle(content_copy, "Governance \U00010600")
        assert main(["check", "--content", "content"]) == 0
        assert capsys.readouterr().err == ""
    finally:
        glyphs.installed_coverage.cache_clear()
