"""Property: whatever is typed into the content, the library raises only its own errors.

Random mutations of the example (keys deleted, values swapped for other kinds, text inserted
or cut off) and random content trees are validated and, when valid, rendered to HTML (no PDF:
the writers take the same HTML). Anything but ContentError or TemplateError is a bug.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgss_docs.errors import ContentError, TemplateError
from lgss_docs.render.paper import render_paper
from lgss_docs.render.templates import environment
from lgss_docs.validate import load_content

from conftest import EXAMPLE

FILES = sorted(p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*.yaml"))
# Field names the models know, so random trees often get past "unknown field".
NAMES = ["programme", "name", "organisation", "partners", "code", "kind", "people", "id", "role", "rag", "scale",
         "level", "colour", "definition", "dimensions", "not_reported", "overall", "key_dates", "date", "event",
         "words", "workstream", "workstream_page", "boxes", "heading", "width", "service_models", "title", "meeting",
         "short", "authors", "purpose", "recommendations", "items", "status_as_at", "sections", "blocks", "text",
         "table", "caption", "columns", "field", "workstream_pages", "appendices", "paper", "cover", "value",
         "number", "lead", "report_date", "model", "lead_authority", "scope", "arrangements", "service",
         "agreed", "revision", "consultation", "staff_consulted", "current_status", "escalations"]
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(), st.dates(),
                    st.text(max_size=20), st.sampled_from(["Red", "Amber (OLA) / Green", "{dates.nope}", "CCC",
                                                           "claire-townrow", "2020-02-30", "<script>", "rag_summary"]))
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=8)), inner, max_size=5)),
    max_leaves=20)

_ENV = environment()


@contextmanager
def _example_copy():
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        shutil.copytree(EXAMPLE, root)
        yield root


def _validate_and_render(root: Path) -> None:
    """Validate ``root`` and render every paper to HTML; only the project's own errors may escape."""
    try:
        content = load_content(root)
        for paper in content.papers:
            assert render_paper(content, paper, _ENV).html.rstrip().endswith("</html>")
    except (ContentError, TemplateError):
        pass


def _mutate(data, draw):
    """Return ``data`` with one random change somewhere inside it."""
    if isinstance(data, dict) and data:
        key = draw(st.sampled_from(sorted(data)))
        action = draw(st.sampled_from(["delete", "replace", "add", "descend"]))
        if action == "delete":
            return {k: v for k, v in data.items() if k != key}
        if action == "replace":
            return {**data, key: draw(trees)}
        if action == "add":
            return {**data, draw(st.sampled_from(NAMES)): draw(trees)}
        return {**data, key: _mutate(data[key], draw)}
    if isinstance(data, list) and data:
        index = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["delete", "replace", "descend"]))
        if action == "delete":
            return data[:index] + data[index + 1:]
        return data[:index] + [draw(trees) if action == "replace" else _mutate(data[index], draw)] + data[index + 1:]
    return draw(trees)


@SETTINGS
@given(st.data())
def test_mutated_values_raise_only_content_errors(data):
    with _example_copy() as root:
        name = data.draw(st.sampled_from(FILES))
        original = yaml.safe_load((root / name).read_text(encoding="utf-8"))
        mutated = _mutate(original, data.draw)
        (root / name).write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
        _validate_and_render(root)


@SETTINGS
@given(st.data())
def test_mutated_text_raises_only_content_errors(data):
    with _example_copy() as root:
        path = root / data.draw(st.sampled_from(FILES))
        raw = path.read_bytes()
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["truncate", "insert", "cut", "bytes"]))
        if action == "truncate":
            raw = raw[:at]
        elif action == "insert":
            raw = raw[:at] + data.draw(st.text(max_size=12)).encode("utf-8", "surrogatepass") + raw[at:]
        elif action == "cut":
            raw = raw[:at] + raw[at + data.draw(st.integers(1, 40)):]
        else:
            raw = raw[:at] + data.draw(st.binary(min_size=1, max_size=4)) + raw[at:]
        path.write_bytes(raw)
        _validate_and_render(root)


@SETTINGS
@given(st.dictionaries(st.sampled_from(FILES), trees, min_size=1, max_size=4))
def test_random_content_trees_raise_only_content_errors(files):
    with _example_copy() as root:
        for name, tree in files.items():
            (root / name).write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
        _validate_and_render(root)
