"""JSON Schemas for the content files, so an editor checks the YAML while officers type.

The schemas are made for one programme: its work stream files are checked against the RAG
levels, dimensions and boxes its programme.yaml declares, and its services against its
service models. Write them again after changing those declarations.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ContentError
from .load.tree import read_tree
from .model.arrangements import TemporaryArrangementsFile
from .model.facts import FactsFile
from .model.paper import Paper
from .model.plan import PlanFile
from .model.programme import ProgrammeFile
from .model.service import Service
from .model.table import TableFile
from .model.workstream import workstream_model
from .output import write_atomically

# Schema file -> the content files it describes (for editor settings), relative to the content folder.
FILES = {
    "programme": "programme.yaml",
    "paper": "papers/*.yaml",
    "workstream": "workstreams/*.yaml",
    "service": "services/*.yaml",
    "temporary-arrangements": "temporary-arrangements.yaml",
    "facts": "facts.yaml",
    "plan": "plan.yaml",
    "table": "tables/*.yaml",
}


def _programme(content: Path) -> ProgrammeFile:
    """Return the content's programme.yaml validated, or raise ContentError saying why not."""
    from .validate import validate_file  # the same validation and messages as a build

    tree = read_tree(content, partial=True)
    problems = [p for p in tree.problems if p.path.endswith("programme.yaml")]
    programme = validate_file(tree.programme, ProgrammeFile, problems)
    if programme is None:
        raise ContentError(problems)
    return programme


def schemas(content: Path) -> dict[str, dict]:
    """Return {name: JSON Schema} for each kind of content file of the programme at ``content``."""
    programme = _programme(content)
    models = {"programme": ProgrammeFile, "paper": Paper, "workstream": workstream_model(programme), "service": Service,
              "temporary-arrangements": TemporaryArrangementsFile, "facts": FactsFile, "plan": PlanFile,
              "table": TableFile}
    found = {}
    for name, model in models.items():
        found[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                       "title": f"lgss-docs {name} file", **model.model_json_schema()}
    if programme.service_models:
        found["service"]["properties"]["model"]["enum"] = [m.id for m in programme.service_models]
    return found


def write_schemas(content: Path, folder: Path) -> list[Path]:
    """Write one ``NAME.schema.json`` per kind of content file into ``folder``; return the paths."""
    written = []
    for name, schema in schemas(content).items():
        path = Path(folder) / f"{name}.schema.json"
        write_atomically(path, (json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode())
        written.append(path)
    return written
