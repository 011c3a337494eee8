"""The published JSON Schemas, proven on real files by an independent validator (jsonschema).

An officer's editor underlines what the schema refuses, so the schema must accept every file of
every bundled example, and refuse what `check` refuses: a misspelt key, a rating not on the
scale, a value of the wrong type.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from lgss_docs.cli import main

from conftest import EXAMPLES

# Which schema describes which files, as README's editor settings map them.
FILES = {"programme.yaml": "programme", "papers/*.yaml": "paper", "workstreams/*.yaml": "workstream",
         "services/*.yaml": "service", "temporary-arrangements.yaml": "temporary-arrangements",
         "facts.yaml": "facts", "plan.yaml": "plan", "tables/*.yaml": "table"}


class _AsAnEditorReadsIt(yaml.SafeLoader):
    """YAML as JSON Schema sees it in an editor: an unquoted date is text, not a date object."""


_AsAnEditorReadsIt.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _schema_dir(example: Path) -> Path:
    return example / "schema" if (example / "schema").is_dir() else example.parent / "schema"


def _errors(example: Path, schemas: Path) -> dict[str, list[str]]:
    """Return {file: [what the schema refuses]} for every content file of ``example``."""
    found = {}
    for pattern, kind in FILES.items():
        schema = json.loads((schemas / f"{kind}.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.validators.validator_for(schema)(schema)
        for path in sorted(example.glob(pattern)):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_AsAnEditorReadsIt)
            found[str(path.relative_to(example))] = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                                                     for e in validator.iter_errors(data)]
    return found


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_file_of_every_example_is_valid_under_its_published_schema(example):
    found = _errors(example, _schema_dir(example))
    assert len(found) >= 3
    assert {name: errors for name, errors in found.items() if errors} == {}


# (file, text to find, its replacement, what the schema must refuse there)
MUTATIONS = [
    ("workstreams/01-governance.yaml", "\nrag: Amber", "\nrag: Ambre", "rag"),
    ("workstreams/01-governance.yaml", "\ntitle:", "\ntitel:", "titel"),
    ("workstreams/01-governance.yaml", "\nnumber: 1", "\nnumber: one", "number"),
    ("programme.yaml", "\nprogramme:", "\nprogramme_:", "programme_"),
    ("papers/committee-report.yaml", "\ntitle:", "\ntitle: [a, list]\nold_title:", "title"),
    ("papers/committee-report.yaml", "table: rag_summary", "table: rag_sumary", "blocks"),
]


@pytest.mark.parametrize("name, find, replace, where", MUTATIONS, ids=[m[2].strip() for m in MUTATIONS])
def test_a_mistake_check_refuses_the_schema_refuses_too(tmp_path, capsys, name, find, replace, where):
    from conftest import EXAMPLE

    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content, ignore=shutil.ignore_patterns("output", "templates"))
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert find in text, f"{name} no longer has {find!r}: update the mutation"
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 2
    refused = _errors(content, _schema_dir(EXAMPLE))[name]
    assert any(where in error for error in refused), refused
