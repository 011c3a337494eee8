"""The ratings at each earlier cycle, read from git and checked against today's rules.

Each cycle's content is exported and validated as a build would (``review.sources``); only
its work streams' ids, titles, numbers and ratings are kept. A cycle that fails today's checks,
or whose ratings are not on today's RAG scale, is left out with a warning naming its tag and
the first problem: history is context, and an old mistake must not stop this cycle's papers.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BuildError, ContentError, Problem
from ..model.content import Content
from ..model.history import Cycle, History, Point, Rated
from ..model.rag import RagScheme, RagStatus, parse_status
from ..review.sources import load_revision
from .store import Store
from .tags import Cycles


def history_of(content: Content, cycles: Cycles, store: Store, needed: bool = True) -> tuple[History | None, list[Problem]]:
    """Return the history of ``content`` over ``cycles`` and a warning for each cycle left out;
    (None, []) when no paper needs it, so that nothing is read from git for nothing."""
    if not needed:
        return None, []
    return read_history(content.root, cycles, content.programme.rag, store)


def read_history(content: Path, cycles: Cycles, scheme: RagScheme, store: Store) -> tuple[History, list[Problem]]:
    """Return the history of the folder ``content`` over ``cycles``, and a warning for each cycle left out."""
    points: list[tuple[Cycle, Point]] = []
    warnings: list[Problem] = []
    for cycle in cycles.past:
        record = store.get(cycle.tree)
        if not _well_formed(record):
            record = _record(cycle, Path(content), cycles.prefix)
            store.put(cycle.tree, record)
        try:
            points.append((cycle, _point(cycle, record, scheme)))
        except _LeftOut as exc:
            at = exc.problem
            warnings.append(Problem(f"{cycle.tag}:{cycles.prefix}{at[0]}" if at[0] else cycle.tag, at[1], at[2], at[3],
                                    f"{at[4]}; so {cycle.tag} is left out of the RAG history{exc.how_many}"))
    tags = [cycle.tag for cycle, _ in points]
    wanted = cycles.previous.tag if cycles.previous else (tags[-1] if tags else None)
    previous = tags.index(wanted) if wanted in tags else None
    return History(tuple(point for _, point in points), previous, cycles.current), warnings


class _LeftOut(Exception):
    def __init__(self, problem: list, count: int):
        self.problem = problem
        self.how_many = "" if count == 1 else f" (the first of {count} problems today's checks find in it)"


def _record(cycle: Cycle, content: Path, prefix: str) -> dict:
    """Return what the store keeps of ``cycle``: its work streams' ratings, or its first problem."""
    if not cycle.tree:
        return {"problem": ["", 1, 1, "", f"has no {prefix or 'content'} folder"], "count": 1}
    try:
        old = load_revision(cycle.commit, content)
    except ContentError as exc:
        first = exc.problems[0]
        at = f"{cycle.commit}:{prefix}"  # how load_revision names a file of that commit
        inside = first.path.removeprefix(at) if first.path.startswith(at) else ""
        return {"problem": [inside, first.line, first.column, first.field, first.message], "count": len(exc.problems)}
    except BuildError as exc:
        return {"problem": ["", 1, 1, "", str(exc)], "count": 1}
    return {"workstreams": list(_workstreams(old))}


def _workstreams(old: Content):
    overall_id = old.programme.rag.overall_id
    for entry in old.workstreams:
        ws = entry.model
        overall, dimensions = ws.ratings(overall_id)
        at = entry.source.problem(("rag",), "")
        yield {"id": entry.id, "file": f"{entry.source.path.parent.name}/{entry.source.path.name}", "line": at.line,
               "column": at.column, "title": ws.title, "number": ws.number, "overall": str(overall),
               "dimensions": {d: str(r) for d, r in dimensions.items()}}


def _well_formed(record) -> bool:
    if not isinstance(record, dict):
        return False
    if "problem" in record:
        return isinstance(record["problem"], list) and len(record["problem"]) == 5 and isinstance(record.get("count"), int)
    return isinstance(record.get("workstreams"), list) and all(
        isinstance(w, dict) and {"id", "file", "line", "column", "title", "number", "overall", "dimensions"} <= set(w)
        for w in record["workstreams"])


def _point(cycle: Cycle, record: dict, scheme: RagScheme) -> Point:
    """Return the ratings of ``record`` read on today's scale; raise _LeftOut if they do not read."""
    if "problem" in record:
        raise _LeftOut(record["problem"], record["count"])
    ratings = {}
    for ws in record["workstreams"]:
        ratings[ws["id"]] = Rated(ws["title"], ws["number"], _on_scale(ws["overall"], ws, scheme),
                                  {d: _on_scale(word, ws, scheme) for d, word in ws["dimensions"].items()})
    return Point(cycle.label, cycle.short, ratings)


def _on_scale(word: str, ws: dict, scheme: RagScheme) -> RagStatus:
    """Return the rating ``word`` on today's scale; raise _LeftOut naming the file if it is not on it."""
    try:
        return parse_status(word, scheme)
    except ValueError:
        raise _LeftOut([ws["file"], ws["line"], ws["column"], "rag",
                        f'"{word}" is not a rating on today\'s RAG scale ({scheme.expected()})'], 1) from None
