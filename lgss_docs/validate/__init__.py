"""Stage 2: validate the read files into typed models, reporting every problem at once."""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, Problem
from ..load import ContentTree, Source, read_tree
from ..model.arrangements import Consultation, TemporaryArrangementsFile
from ..model.content import Content, Entry
from ..model.plan import PlanFile
from ..model.programme import ProgrammeFile
from ..model.service import Service
from ..model.workstream import Workstream
from .fields import problems_from
from .links import check_links
from .plan import check_plan
from .references import check_references

M = TypeVar("M", bound=BaseModel)
_ORDER_PREFIX = re.compile(r"^\d+[-_]")


def _validate(source: Source | None, model: type[M], problems: list[Problem]) -> M | None:
    if source is None:  # unreadable; its problem is already listed
        return None
    if not isinstance(source.data, dict):
        problems.append(source.problem((), "expected a mapping of fields at the top of the file"))
        return None
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, source, model))
        return None


def _entries(sources: list[Source], model: type[M], problems: list[Problem]) -> list[Entry[M]]:
    entries = []
    for source in sources:
        if (validated := _validate(source, model, problems)) is not None:
            entries.append(Entry(_ORDER_PREFIX.sub("", source.path.stem), validated, source))
    return entries


def validate_tree(tree: ContentTree) -> Content:
    """Return the typed Content of ``tree``; raise ContentError with every problem found."""
    problems: list[Problem] = list(tree.problems)
    programme = _validate(tree.programme, ProgrammeFile, problems)
    arrangements = _validate(tree.arrangements, TemporaryArrangementsFile, problems)
    consultation = _validate(tree.consultation, Consultation, problems)
    workstreams = _entries(tree.workstreams, Workstream, problems)
    services = _entries(tree.services, Service, problems)
    plan = _validate(tree.plan, PlanFile, problems)
    if problems:
        raise ContentError(problems)
    content = Content(
        root=tree.root, programme=programme, arrangements=arrangements, consultation=consultation,
        workstreams=sorted(workstreams, key=lambda e: e.model.number), services=services,
        programme_source=tree.programme, plan=plan, plan_source=tree.plan)
    if problems := check_references(content) + check_plan(content) + check_links(tree, content):
        raise ContentError(problems)
    return content


def load_content(root) -> Content:
    """Return the validated content of the folder ``root`` (stages 1 and 2 together)."""
    return validate_tree(read_tree(root, partial=True))
