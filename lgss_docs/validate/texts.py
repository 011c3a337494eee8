"""Every text typed in the content, with where it stands, for checks that read all of it.

Checks that look inside text (links, characters) read the files' own values rather than the
models, so every field of every file is covered, present and future, with no list to keep.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ..inputs import paper_part, table_part
from ..load import Source
from ..load.yaml_source import Loc
from ..model.content import Content


def sources(holder) -> Iterator[Source]:
    """Yield each Source that a ContentTree or a Content holds, directly or in its entries."""
    for field in dataclasses.fields(holder):
        value = getattr(holder, field.name)
        items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            source = item if isinstance(item, Source) else getattr(item, "source", None)
            if isinstance(source, Source):
                yield source


def parts_and_sources(content: Content) -> Iterator[tuple[str, Source]]:
    """Yield (part, source) for every file of ``content``, named by its part as ``inputs.reads`` names it."""
    yield "programme", content.programme_source
    for paper_id, entry in content.papers.items():
        yield paper_part(paper_id), entry.source
    for part in ("workstreams", "services"):
        yield from ((part, entry.source) for entry in getattr(content, part))
    for part in ("arrangements", "facts", "plan"):
        if (source := getattr(content, f"{part}_source")) is not None:
            yield part, source
    for table_id, entry in content.tables.items():
        yield table_part(table_id), entry.source


def texts(holder) -> Iterator[tuple[Source, Loc, str]]:
    """Yield (source, loc, text) for every text value of every file ``holder`` holds."""
    for source in sources(holder):
        yield from ((source, loc, text) for loc, text in strings(source.data))


def strings(data, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Yield (loc, text) for every string value in a file's plain data."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, loc + (index,))
