"""JSON Schemas for the content files, so an editor can check YAML while officers type."""

from __future__ import annotations

import json
from pathlib import Path

from .model.arrangements import Consultation, TemporaryArrangementsFile
from .model.plan import PlanFile
from .model.programme import ProgrammeFile
from .model.service import Service
from .model.workstream import Workstream
from .output import write_atomically

SCHEMAS = {
    "programme": ProgrammeFile,
    "workstream": Workstream,
    "service": Service,
    "temporary-arrangements": TemporaryArrangementsFile,
    "consultation": Consultation,
    "plan": PlanFile,
}


def write_schemas(folder: Path) -> list[Path]:
    """Write one ``NAME.schema.json`` per content file kind into ``folder``; return the paths."""
    written = []
    for name, model in SCHEMAS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": f"lgss-docs {name} file", **model.model_json_schema()}
        path = Path(folder) / f"{name}.schema.json"
        write_atomically(path, (json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode())
        written.append(path)
    return written
