"""Checks on what programme.yaml declares, before anything is read against it.

The work stream files are validated against the RAG scheme and the boxes declared here, so a
scheme that contradicts itself (a level given twice, a box named like a fixed field) is
reported first, at its own line, rather than as confusing errors in every work stream.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..errors import Problem
from ..load import Source
from ..model.base import SLUG
from ..model.programme import ProgrammeFile
from ..model.workstream import Workstream
from .hints import one_of

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def check_declarations(programme: ProgrammeFile, source: Source) -> list[Problem]:
    """Return every problem with the declarations of ``programme``."""
    return [*_rag(programme, source), *_boxes(programme, source), *_ids(programme, source)]


def unique(source: Source, located: Iterable[tuple[tuple, str]], *, pattern: re.Pattern | None = SLUG,
           what: str = "use lower-case letters, digits and hyphens", fold=lambda value: value) -> Iterator[Problem]:
    """Yield a problem for each value that does not match ``pattern`` or was given before."""
    seen: dict[str, tuple] = {}
    for loc, value in located:
        if pattern is not None and not pattern.match(value):
            yield source.problem(loc, f'"{value}" is not a valid id; {what}')
        key = fold(value)
        if key in seen:
            yield source.problem(loc, f'"{value}" is already used on line {source.position(seen[key])[0]}; ids must be unique')
        seen.setdefault(key, loc)


def _rag(programme: ProgrammeFile, source: Source) -> Iterator[Problem]:
    rag = programme.rag
    yield from unique(source, ((("rag", "scale", i, "level"), level.level) for i, level in enumerate(rag.scale)),
                      pattern=None, fold=str.lower)
    if rag.unrated and rag.unrated.lower() in (w.lower() for w in rag.words):
        yield source.problem(("rag", "not_reported"), f'"{rag.unrated}" is a level of the scale; the word for no rating must differ')
    yield from unique(source, ((("rag", "dimensions", i, "id"), d.id) for i, d in enumerate(rag.dimensions)))
    ids = [d.id for d in rag.dimensions]
    if rag.overall is not None and rag.overall not in ids:
        hint = one_of(rag.overall, ids) if ids else "declare dimensions first"
        yield source.problem(("rag", "overall"), f'"{rag.overall}" is not a declared dimension; {hint}')


def _boxes(programme: ProgrammeFile, source: Source) -> Iterator[Problem]:
    if programme.workstream_page is None:
        return
    boxes = programme.workstream_page.boxes
    located = [(("workstream_page", "boxes", i, "id"), box.id) for i, box in enumerate(boxes)]
    yield from unique(source, located, pattern=FIELD_NAME, what="use lower-case letters, digits and underscores, e.g. current_status")
    for loc, value in located:
        if value in Workstream.model_fields:
            yield source.problem(loc, f'"{value}" is a field every work stream has; give the box another name')


def _ids(programme: ProgrammeFile, source: Source) -> Iterator[Problem]:
    yield from unique(source, ((("partners", i, "code"), p.code) for i, p in enumerate(programme.partners)), pattern=None)
    yield from unique(source, ((("people", i, "id"), p.id) for i, p in enumerate(programme.people)))
    yield from unique(source, ((("key_dates", i, "id"), d.id) for i, d in enumerate(programme.key_dates)))
    yield from unique(source, ((("service_models", i, "id"), m.id) for i, m in enumerate(programme.service_models)))
