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
from lgss_docs.schema import SCHEMAS, write_schemas

from conftest import EXAMPLE, ROOT


def test_committed_schemas_match_the_models(tmp_path):
    for path in write_schemas(tmp_path):
        committed = ROOT / "schema" / path.name
        assert committed.exists(), f"run `lgss-docs schema` and commit {committed.name}"
        assert json.loads(committed.read_text()) == json.loads(path.read_text()), f"{path.name} is stale: run `lgss-docs schema`"


def test_schemas_accept_the_example_and_name_every_field():
    workstream = json.loads((ROOT / "schema" / "workstream.schema.json").read_text())
    data = yaml.safe_load((EXAMPLE / "workstreams" / "01-governance.yaml").read_text())
    assert set(data) <= set(workstream["properties"])
    assert set(workstream["required"]) <= set(data)
    assert workstream["additionalProperties"] is False
    assert set(SCHEMAS) == {p.name.removesuffix(".schema.json") for p in (ROOT / "schema").glob("*.schema.json")}


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
    assert (done.returncode, done.stdout) == (0, "content: valid (7 work streams, 22 services).\n")
    if warned:
        [warning] = done.stderr.splitlines(keepends=True)
        assert warning.startswith("warning: content/workstreams/01-governance.yaml:") and warning.endswith("?\n")
    else:
        assert done.stderr == ""
