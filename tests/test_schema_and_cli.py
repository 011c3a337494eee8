"""The published JSON Schemas stay in step with the models; every command is documented."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

from lgss_docs.cli import _parser, main
from lgss_docs.schema import FILES, write_schemas

from conftest import EXAMPLE, EXAMPLES, ROOT


def _schema_folder(example):
    """Return where an example's schemas are committed: schema/ beside content/, or inside the example."""
    return ROOT / "schema" if example == EXAMPLE else example / "schema"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_committed_schemas_match_the_programmes_declarations(example, tmp_path):
    written = write_schemas(example, tmp_path)
    committed = _schema_folder(example)
    assert sorted(p.name for p in committed.glob("*.schema.json")) == sorted(p.name for p in written)
    for path in written:
        assert json.loads((committed / path.name).read_text()) == json.loads(path.read_text()), \
            f"{path.name} is stale: run `lgss-docs schema` in {example.relative_to(ROOT)}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_workstream_schema_names_every_field_and_rating(example):
    workstream = json.loads((_schema_folder(example) / "workstream.schema.json").read_text())
    for path in (example / "workstreams").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        assert set(data) <= set(workstream["properties"])
        assert set(workstream["required"]) <= set(data)
    assert workstream["additionalProperties"] is False
    text = json.dumps(workstream)
    for level in yaml.safe_load((example / "programme.yaml").read_text())["rag"]["scale"]:
        assert level["level"] in text
    assert set(FILES) == {p.name.removesuffix(".schema.json") for p in _schema_folder(example).glob("*.schema.json")}


def _commands() -> dict:
    action = next(a for a in _parser()._actions if a.dest == "command")
    return action.choices


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help_and_is_in_readme(name, capsys):
    parser = _commands()[name]
    assert parser.description, f"{name} has no description"
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: lgss-docs {name}")
    readme = (ROOT / "README.md").read_text()
    assert re.search(rf"lgss-docs {name}\b", readme), f"README does not show `lgss-docs {name}`"


@pytest.mark.parametrize("warned", [False, True], ids=["clean", "with-a-warning"])
def test_check_ends_its_summary_line(warned, content_copy, tmp_path):
    # As a terminal or a log shows it: the next output starts on a line of its own.
    if warned:
        path = content_copy / "workstreams" / "01-governance.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("report_date: 2020-11-09", "report_date: 2020-09-01", 1),
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "lgss_docs", "check", "--content", "content"], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "content: valid (3 papers, 7 project work streams, 22 services).\n")
    if warned:
        [warning] = done.stderr.splitlines(keepends=True)
        assert warning.startswith("warning: content/workstreams/01-governance.yaml:") and warning.endswith("?\n")
    else:
        assert done.stderr == ""
