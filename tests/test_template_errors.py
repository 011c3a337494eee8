"""A mistake in a user-edited template is reported as templates/FILE:LINE: message, exit 2."""

from __future__ import annotations

import shutil

import pytest

from lgss_docs.cli import main
from lgss_docs.render.templates import DEFAULT_TEMPLATES

from conftest import EXAMPLE

REPORT = "committee-report.html.j2"
COVER = "partials/cover.html.j2"

# (template to edit, text in it, what to put instead, the text on the line Jinja blames in the
# edited file, the message after "templates/FILE:LINE: ", which is Jinja's own)
CASES = {
    "tag-not-closed": (REPORT, "{% for section in sections %}", "{% for section in sections %",
                       '<section class="numbered">', "unexpected '<'"),
    "block-not-ended": (REPORT, "{% endfor %}\n</main>", "</main>", "{% endblock %}",
                        "Encountered unknown tag 'endblock'. You probably made a nesting mistake. Jinja is expecting "
                        "this tag, but currently looking for 'endfor' or 'else'. The innermost block that needs to be "
                        "closed is 'for'."),
    "undefined-name": (REPORT, "{{ organisation }}", "{{ organisaton }}", "{{ organisaton }}", "'organisaton' is undefined"),
    "undefined-in-partial": (COVER, "{{ label }}", "{{ caption }}", "{{ caption }}", "'caption' is undefined"),
    "unknown-filter": (REPORT, "{{ block.text | markdown }}", "{{ block.text | markdwn }}", "markdwn",
                       "No filter named 'markdwn' found."),
    "division-by-zero": (REPORT, "{{ organisation }}", "{{ organisation }}{{ 1 // 0 }}", "1 // 0",
                         "integer division or modulo by zero"),
}


@pytest.fixture
def copies(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE, tmp_path / "content")
    shutil.copytree(DEFAULT_TEMPLATES, tmp_path / "templates")
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "committee-report.html").write_bytes(b"earlier")
    return tmp_path


@pytest.mark.parametrize("name", CASES)
def test_template_error_names_file_and_line(name, copies, capsys):
    template, old, new, blamed, message = CASES[name]
    path = copies / "templates" / template
    text = path.read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new, 1)
    path.write_text(edited, encoding="utf-8")
    line = edited[: edited.index(blamed)].count("\n") + 1
    code = main(["build", "--content", "content", "--out", "output", "--templates", "templates", "--format", "html"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"templates/{template}:{line}: {message}", "template error; nothing was written."]
    assert (copies / "output" / "committee-report.html").read_bytes() == b"earlier"


def test_missing_template(copies, capsys):
    (copies / "templates" / REPORT).unlink()
    assert main(["build", "--content", "content", "--out", "output", "--templates", "templates"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"templates/{REPORT}: template not found", "template error; nothing was written."]
