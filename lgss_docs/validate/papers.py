"""Checks on the declared papers: kinds, appendices, and the parts each paper's blocks need."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..errors import Problem
from ..inputs import block_parts
from ..load.tree import FILES, FOLDERS, IMAGES
from ..model.content import Content, Entry
from ..model.paper import CoverRow, Paper
from .hints import one_of

# What to add when a paper needs a part the content lacks.
_ADD = {
    "workstreams": "add a file to workstreams/ for each work stream",
    "services": "add a file to services/ for each service",
    "arrangements": f"create {FILES['arrangements']}",
    "plan": f"create {FILES['plan']}",
}


def check_papers(content: Content, kinds: Sequence[str]) -> list[Problem]:
    """Return every problem of the papers declared in ``content``, given the ``kinds`` of paper there are."""
    problems: list[Problem] = []
    for entry in content.papers.values():
        problems += [*_kind(entry, kinds), *_needs(entry, content), *_blocks(entry, content),
                     *_cover(entry), *_appendices(entry, content), *_paragraph_numbers(entry)]
    return problems


def _kind(entry: Entry[Paper], kinds: Sequence[str]) -> Iterator[Problem]:
    paper, source = entry.model, entry.source
    if paper.kind not in kinds:
        hint = one_of(paper.kind, kinds)
        yield source.problem(("kind",), f'"{paper.kind}" is not a kind of paper; {hint} (a kind of your own is a template '
                                        f'in the content\'s templates/kinds/)')
        return
    if paper.kind == "plan":
        if paper.sections:
            yield source.problem(("sections",), "a plan paper is its chart; give sections to a report that has the plan as an appendix")
        return
    if paper.title is None:
        yield source.problem((), "title: required field is missing", field_name="title")
    if paper.day is None:
        yield source.problem((), "date: required when the paper has no meeting; give date, or meeting with its date", field_name="date")


def _needs(entry: Entry[Paper], content: Content) -> Iterator[Problem]:
    have = {"workstreams": bool(content.workstreams), "services": bool(content.services),
            "arrangements": content.arrangements is not None, "plan": content.plan is not None}
    for part, loc in block_parts(entry.model):
        if part == IMAGES:
            continue  # each picture is checked in images.py
        if part.startswith("table:"):
            if (table := part.removeprefix("table:")) not in content.tables:
                hint = one_of(table, content.tables) or "add its file to tables/ (see README: Tables of figures)"
                yield entry.source.problem(loc, f'"{table}" is not a table in tables/; {hint}')
        elif not have[part]:
            where = FOLDERS.get(part) or FILES[part]
            yield entry.source.problem(loc, f"this paper needs {where}, which the content folder lacks; {_ADD[part]}")


def _blocks(entry: Entry[Paper], content: Content) -> Iterator[Problem]:
    programme, source = content.programme, entry.source
    boxes = [box.id for box in programme.workstream_page.boxes] if programme.workstream_page else []
    models = [m.id for m in programme.service_models]
    for s, section in enumerate(entry.model.sections):
        for b, block in enumerate(section.blocks):
            loc = ("sections", s, "blocks", b)
            table = getattr(block, "table", None)
            if getattr(block, "workstream_pages", False) and programme.workstream_page is None:
                yield source.problem(loc + ("workstream_pages",), "declare workstream_page (its boxes) in programme.yaml first")
            elif table == "escalations" and block.box not in boxes:
                hint = one_of(block.box, boxes) if boxes else "declare workstream_page with its boxes in programme.yaml"
                yield source.problem(loc + ("box",), f'"{block.box}" is not a box of the work stream page; {hint}')
            elif table == "services" and block.model not in models:
                hint = one_of(block.model, models) if models else "declare service_models in programme.yaml"
                yield source.problem(loc + ("model",), f'"{block.model}" is not a declared service model; {hint}')
            elif table == "appendices" and not entry.model.appendices:
                yield source.problem(loc + ("table",), "this paper lists no appendices; add appendices: or remove the table")


def _cover(entry: Entry[Paper]) -> Iterator[Problem]:
    paper = entry.model
    for index, row in enumerate(paper.cover or []):
        loc = ("cover", index)
        if (row.value is None) == (row.text is None):
            yield entry.source.problem(loc, "a cover row has either value or text, not both or neither")
        elif row.value is not None and not _has(paper, row):
            yield entry.source.problem(loc + ("value",), f"this paper has no {row.value.replace('_', ' ')} to show; "
                                                         f"give it, or remove the row")


def _has(paper: Paper, row: CoverRow) -> bool:
    if row.value in ("meeting", "meeting_date"):
        return paper.meeting is not None
    if row.value == "agenda_item":
        return bool(paper.meeting and paper.meeting.agenda_item)
    if row.value == "date":
        return paper.day is not None
    return bool(getattr(paper, row.value))


def _appendices(entry: Entry[Paper], content: Content) -> Iterator[Problem]:
    ids = list(content.papers)
    for index, appendix in enumerate(entry.model.appendices):
        if appendix.paper is None:
            continue
        loc = ("appendices", index, "paper")
        if appendix.paper == entry.id:
            yield entry.source.problem(loc, "a paper cannot be its own appendix")
        elif appendix.paper not in content.papers:
            yield entry.source.problem(loc, f'"{appendix.paper}" is not a declared paper; {one_of(appendix.paper, ids)}')


def _paragraph_numbers(entry: Entry[Paper]) -> Iterator[Problem]:
    if entry.model.paragraph_numbers == "section" and not entry.model.numbered:
        yield entry.source.problem(("paragraph_numbers",), "section numbers paragraphs 1.1, 1.2 within numbered sections; "
                                                           "set numbered: true, or number them through the paper")
