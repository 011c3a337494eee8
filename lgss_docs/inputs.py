"""What each paper reads: the parts of the content folder it is built from, and nothing else.

A part is a content file or folder named as in ``load/tree.py`` (programme, workstreams,
services, ...), one paper's own file (``paper:ID``) or one table of figures (``table:ID``).
What a paper reads follows from what it declares: its kind, its blocks, its appendices, and the
facts named in the text it prints, including the text of the parts it reads (and the tables
whose rows a table it reads adds up). The build cache rebuilds a paper only when one of
those parts changes; to keep that honest, a paper's view is given its content with every other
part replaced by a stand-in that fails the build as soon as the view touches it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from .errors import BuildError
from .load.tree import FILES, FOLDERS, HISTORY, IMAGES, ONE_FILE
from .model.content import PLACEHOLDER, Content
from .model.paper import Paper
from .model.totals import COMPUTED

# The part a table block lists its rows from.
TABLE_PARTS = {"rag_summary": "workstreams", "escalations": "workstreams", "services": "services",
               "temporary_arrangements": "arrangements"}
# The part each group of facts comes from (other groups come from facts.yaml).
FACT_PARTS = {"dates": "programme", "programme": "programme", "workstreams": "workstreams", "paper": None, "table": None}


def paper_part(paper_id: str) -> str:
    return f"paper:{paper_id}"


def table_part(table_id: str) -> str:
    return f"table:{table_id}"


def block_parts(paper: Paper) -> Iterator[tuple[str, tuple]]:
    """Yield (part, loc) for each part the blocks and kind of ``paper`` list things from."""
    if paper.kind == "plan":
        yield "plan", ("kind",)
    for s, section in enumerate(paper.sections):
        for b, block in enumerate(section.blocks):
            loc = ("sections", s, "blocks", b)
            if getattr(block, "workstream_pages", False):
                yield "workstreams", loc + ("workstream_pages",)
            elif getattr(block, "figures", None) is not None:
                yield table_part(block.figures), loc + ("figures",)
            elif getattr(block, "rag_history", False):
                yield "workstreams", loc + ("rag_history",)
            elif getattr(block, "image", None) is not None:
                yield IMAGES, loc + ("image",)
            elif (part := TABLE_PARTS.get(getattr(block, "table", None))) is not None:
                yield part, loc + ("table",)


def facts_named(data) -> set[tuple[str, str]]:
    """Return (group, name) of every fact named in the strings of ``data`` (a file's plain data)."""
    if isinstance(data, str):
        return {(m[1], m[2]) for m in PLACEHOLDER.finditer(data)}
    if isinstance(data, dict):
        return set().union(*map(facts_named, data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*map(facts_named, data)) if data else set()
    return set()


def _part_of_fact(group: str, name: str) -> str | None:
    """Return the part fact ``group.name`` comes from: a table's own for a figure, facts.yaml for a group of its own."""
    if group == "tables":
        return table_part(name.split(".")[0])
    return FACT_PARTS.get(group, "facts")


def tables_used(content: Content, table_id: str) -> set[str]:
    """Return the parts of the tables whose rows table ``table_id``'s subtotals and totals name (TABLE.ROW)."""
    entry = content.tables.get(table_id)
    if entry is None:
        return set()
    refs = set()
    for row in entry.model.rows:
        if isinstance(row, COMPUTED):
            for ref in (row.sum if isinstance(row.sum, list) else []) + (row.difference or []):
                if "." in ref:
                    refs.add(table_part(ref.split(".", 1)[0]))
    return refs


def _sources(content: Content, part: str):
    """Yield the sources (files) of ``part`` in ``content``."""
    if part.startswith("paper:"):
        yield content.papers[part.removeprefix("paper:")].source
    elif part.startswith("table:"):
        if (entry := content.tables.get(part.removeprefix("table:"))) is not None:
            yield entry.source
    elif part in ("workstreams", "services"):
        yield from (entry.source for entry in getattr(content, part))
    elif part == "programme":
        yield content.programme_source
    elif (source := getattr(content, f"{part}_source", None)) is not None:
        yield source


def reads(content: Content, paper_id: str) -> frozenset[str]:
    """Return every part paper ``paper_id`` reads: what it lists, its appendices, the facts its text names."""
    paper = content.papers[paper_id].model
    parts = {"programme", paper_part(paper_id), *(part for part, _ in block_parts(paper))}
    for appendix in paper.appendices:
        if appendix.paper in content.papers:
            parts.add(paper_part(appendix.paper))
            parts.update(part for part, _ in block_parts(content.papers[appendix.paper].model))
    todo = list(parts)
    while todo:  # the text of a part read may name facts of another part, a table another table's rows
        part = todo.pop()
        named = {_part_of_fact(group, name) for source in _sources(content, part) for group, name in facts_named(source.data)}
        if part.startswith("table:"):
            named |= tables_used(content, part.removeprefix("table:"))
        for other in named - parts - {None}:
            parts.add(other)
            todo.append(other)
    if "workstreams" in parts:  # its ratings are shown beside earlier cycles'
        parts.add(HISTORY)
    return frozenset(parts)


def declared(content: Content, paper_id: str, parts: frozenset[str]) -> Content:
    """Return ``content`` as paper ``paper_id`` may see it: each part it does not read is a stand-in."""
    why = f"the {paper_id} paper reads {{part}}, which lgss_docs.inputs.reads does not list; the build cache could serve a stale paper"
    hidden = {part: _Undeclared(why.format(part=part)) for part in (*FILES, *FOLDERS)
              if part not in parts and part not in ONE_FILE.values()}
    for part in list(hidden):
        if f"{part}_source" in {f.name for f in dataclasses.fields(content)}:
            hidden[f"{part}_source"] = hidden[part]
    if HISTORY not in parts:
        hidden[HISTORY] = _Undeclared(why.format(part=HISTORY))
    papers = {pid: entry for pid, entry in content.papers.items() if paper_part(pid) in parts}
    tables = {tid: entry for tid, entry in content.tables.items() if table_part(tid) in parts}
    return dataclasses.replace(content, papers=_Only(papers, why, paper_part), tables=_Only(tables, why, table_part), **hidden)


class _Only(dict):
    """The papers (or tables) a paper may read; looking up any other fails the build."""

    def __init__(self, entries, why: str, part):
        super().__init__(entries)
        self._why, self._part = why, part

    def __missing__(self, key):
        raise BuildError(self._why.format(part=self._part(key)))


class _Undeclared:
    """Stands in for a part a paper does not read; any use of it is a bug in ``reads``."""

    def __init__(self, why: str):
        self._why = why

    def __getattr__(self, name):
        raise BuildError(self._why)

    def __iter__(self):
        raise BuildError(self._why)

    def __len__(self):
        raise BuildError(self._why)

    def __bool__(self):
        raise BuildError(self._why)
