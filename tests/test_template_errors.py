"""A mistake in a user's template is reported as FILE:LINE: message naming the user's file, exit 2.

A programme office overrides one template at a time: the edited copy sits in a layer of its own
(here --templates; a content folder's templates/ works the same) above the built-in set.
"""

from __future__ import annotations

import shutil

import pytest

from lgss_docs.cli import main
from lgss_docs.render.templates import BUILT_IN

from conftest import EXAMPLE

REPORT = "kinds/report.html.j2"
SECTIONS = "partials/sections.html.j2"
COVER = "partials/cover.html.j2"
TEXT = "blocks/text.html.j2"

# (template to edit, text in it, what to put instead, the text on the line Jinja blames in the
# edited file, the message after "templates/FILE:LINE: ", which is Jinja's own)
CASES = {
    "tag-not-closed": (SECTIONS, "{% for section in paper.sections %}", "{% for section in paper.sections %",
                       '<section class="numbered', "unexpected '<'"),
    "block-not-ended": (REPORT, "{% endfor %}\n{% endblock %}", "{% endblock %}", "{% endblock %}",
                        "Encountered unknown tag 'endblock'. You probably made a nesting mistake. Jinja is expecting "
                        "this tag, but currently looking for 'endfor' or 'else'. The innermost block that needs to be "
                        "closed is 'for'."),
    "undefined-name": (REPORT, "{{ organisation }}", "{{ organisaton }}", "{{ organisaton }}", "'organisaton' is undefined"),
    "undefined-in-partial": (COVER, "{{ row.label }}", "{{ label }}", "{{ label }}", "'label' is undefined"),
    "unknown-filter": (TEXT, "{{ block.text | markdown(level + 1, block.numbers) }}",
                       "{{ block.text | markdwn(level + 1, block.numbers) }}", "markdwn", "No filter named 'markdwn'."),
    "division-by-zero": (REPORT, "{{ organisation }}", "{{ organisation }}{{ 1 // 0 }}", "1 // 0",
                         "integer division or modulo by zero"),
}


@pytest.fixture
def copies(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE, tmp_path / "content")
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "committee-report.html").write_bytes(b"earlier")
    return tmp_path


def _override(root, template: str):
    """Copy one built-in template into the layer ``root``/templates; return the copy's path."""
    path = root / "templates" / template
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(BUILT_IN / template, path)
    return path


@pytest.mark.parametrize("name", CASES)
def test_template_error_names_file_and_line(name, copies, capsys):
    template, old, new, blamed, message = CASES[name]
    path = _override(copies, template)
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


def test_a_missing_template_names_every_layer_searched(copies, capsys):
    path = _override(copies, SECTIONS)
    path.write_text(path.read_text(encoding="utf-8").replace('"blocks/"', '"bloks/"'), encoding="utf-8")
    assert main(["build", "--content", "content", "--out", "output", "--templates", "templates", "--format", "html"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "bloks/text.html.j2: template not found in templates, the built-in templates", "template error; nothing was written."]


def test_an_error_in_the_content_folders_own_layer_names_that_file(copies, capsys):
    path = _override(copies / "content", REPORT)
    path.write_text(path.read_text(encoding="utf-8").replace("{{ organisation }}", "{{ organisaton }}"), encoding="utf-8")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "organisaton" in text)
    assert main(["build", "--content", "content", "--out", "output", "--format", "html"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"content/templates/{REPORT}:{line}: 'organisaton' is undefined", "template error; nothing was written."]
