"""Stage 2: validate the read files into typed models, reporting every problem at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, Problem
from ..load import ContentTree, Source, read_tree
from ..load.tree import entry_id
from ..model.arrangements import TemporaryArrangementsFile
from ..model.content import Content, Entry
from ..model.facts import FactsFile
from ..model.paper import Paper
from ..model.plan import PlanFile
from ..model.programme import ProgrammeFile
from ..model.service import Service
from ..model.table import TableFile
from ..model.workstream import workstream_model
from .declarations import check_declarations
from .fields import problems_from
from .images import check_images, read_images
from .links import check_links
from .papers import check_papers
from .pipe_tables import check_pipe_tables
from .plan import check_plan
from .references import check_references
from .tables import check_tables

M = TypeVar("M", bound=BaseModel)


def validate_file(source: Source | None, model: type[M], problems: list[Problem], context: dict | None = None) -> M | None:
    if source is None:  # unreadable or absent; a problem is already listed if it was needed
        return None
    if not isinstance(source.data, dict):
        problems.append(source.problem((), "expected a mapping of fields at the top of the file"))
        return None
    try:
        return model.model_validate(source.data, context=context)
    except ValidationError as exc:
        problems.extend(problems_from(exc, source, model))
        return None


def _entries(sources: Sequence[Source], model: type[M], problems: list[Problem], context=None) -> list[Entry[M]]:
    entries = []
    for source in sources:
        if (validated := validate_file(source, model, problems, context)) is not None:
            entries.append(Entry(entry_id(source.path), validated, source))
    return entries


def _by_id(entries: list[Entry[M]], problems: list[Problem]) -> dict[str, Entry[M]]:
    """Return ``entries`` by id; a second file with an id (01-x.yaml and x.yaml) is a problem."""
    found: dict[str, Entry[M]] = {}
    for entry in sorted(entries, key=lambda e: e.source.path.name):
        if entry.id in found:
            problems.append(entry.source.problem((), f'has the id "{entry.id}" of {found[entry.id].source.shown_path}; '
                                                     "rename one of them"))
        found.setdefault(entry.id, entry)
    return found


def validate_tree(tree: ContentTree, kinds: Sequence[str] = ("report", "plan")) -> Content:
    """Return the typed Content of ``tree``; raise ContentError with every problem found.

    ``kinds`` are the kinds of paper the templates provide (the built-in ones and the content's own).
    """
    problems: list[Problem] = list(tree.problems)
    programme = validate_file(tree.programme, ProgrammeFile, problems)
    if programme is not None and (declared := check_declarations(programme, tree.programme)):
        problems.extend(declared)
        programme = None  # its work stream model cannot be made; the rest is still checked
    workstreams = []
    if programme is not None:
        workstreams = _entries(tree.workstreams, workstream_model(programme), problems, {"rag": programme.rag})
    papers = _entries(tree.papers, Paper, problems)
    services = _entries(tree.services, Service, problems)
    arrangements = validate_file(tree.arrangements, TemporaryArrangementsFile, problems)
    facts = validate_file(tree.facts, FactsFile, problems)
    plan = validate_file(tree.plan, PlanFile, problems)
    tables = _by_id(_entries(tree.tables, TableFile, problems), problems)
    papers = list(_by_id(papers, problems).values())
    if problems:
        raise ContentError(problems)
    content = Content(
        root=tree.root, programme=programme, programme_source=tree.programme,
        papers={e.id: e for e in papers},
        workstreams=sorted(workstreams, key=lambda e: (e.model.number is None, e.model.number or 0, e.source.path.name)),
        services=services, arrangements=arrangements, arrangements_source=tree.arrangements,
        facts=facts, facts_source=tree.facts, plan=plan, plan_source=tree.plan, warnings=tree.warnings, tables=tables)
    if problems := check_references(content) + check_papers(content, kinds) + check_plan(content) + check_tables(content) + \
            check_pipe_tables(content) + check_links(content) + \
            check_images(content):
        raise ContentError(problems)
    content.images = read_images(content)
    return content


def load_content(root, kinds: Sequence[str] = ("report", "plan")) -> Content:
    """Return the validated content of the folder ``root`` (stages 1 and 2 together)."""
    return validate_tree(read_tree(root, partial=True), kinds)
