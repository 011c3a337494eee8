"""What changed between two versions: each paper's changes as its redline marks them, the papers
added or removed, and the content files changed, added, removed or renamed.

A paper's changes are read from its redline (``reading``), never worked out apart from it. A
paper printed whole as another's appendix (a plan in a committee report) shows the same changes
twice; the other paper's list then names them once, as "listed under" that paper, when they are
the same changes. Which content files a paper reads (``inputs.reads``) tells which papers cannot
have changed, so only the others are rendered.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from ..inputs import reads
from ..load.tree import part_files
from .change import Change
from .sources import Version

PAPERS = "Papers"
FILES = "Content files"
RENAMED_AT_LEAST = 0.5  # share of lines a removed and an added file keep in common to be one file renamed


def area(version: Version, paper_id: str) -> str:
    """Return how the summary heads a paper's changes: its title and its id."""
    paper = version.content.papers[paper_id].model
    title = paper.title or (version.content.plan.title if paper.kind == "plan" and version.content.plan else "")
    return f"{title} ({paper_id})" if title else paper_id


def may_have_changed(old: Version, new: Version, paper_id: str) -> bool:
    """Return whether any content file paper ``paper_id`` reads differs between the versions."""
    parts = reads(old.content, paper_id) | reads(new.content, paper_id)
    for part in parts:
        before, after = part_files(part, old.parts), part_files(part, new.parts)
        if before != after or any(old.files.get(name) != new.files.get(name) for name in after):
            return True
    return False


def papers_added_and_removed(old: Version, new: Version) -> list[Change]:
    """Return a change for each paper declared in one version only, with its title and kind."""
    out = []
    for version, change in ((old, "removed"), (new, "added")):
        other = new if version is old else old
        for paper_id, entry in version.content.papers.items():
            if paper_id in other.content.papers:
                continue
            fields = "; ".join(filter(None, [f"kind: {entry.model.kind}", f"title: {entry.model.title}" if entry.model.title else ""]))
            out.append(Change(PAPERS, f"papers/{paper_id}", paper_id, f"paper {change}",
                              fields if change == "removed" else None, fields if change == "added" else None))
    return out


def appendix_papers(version: Version, paper_id: str) -> dict[str, str]:
    """Return {"#appendix-1": paper id} for each appendix of ``paper_id`` that is a paper of its own."""
    paper = version.content.papers[paper_id].model
    return {f"#appendix-{paper.appendix_number(n)}": a.paper for n, a in enumerate(paper.appendices, start=1) if a.paper}


def listed_once(by_paper: dict[str, list[Change]], appendices: dict[str, dict[str, str]],
                areas: dict[str, str]) -> dict[str, list[Change]]:
    """Return each paper's changes with those of an appendix that is another paper listed in the
    summary replaced by one line naming it, when they are that paper's changes exactly."""
    out = {}
    for paper_id, changes in by_paper.items():
        kept: list[Change] = []
        for anchor, inner in appendices.get(paper_id, {}).items():
            within = [c for c in changes if c.key.startswith(f"{paper_id}/{anchor}/")]
            theirs = {_content(c) for c in by_paper.get(inner, [])}
            if within and all(_content(c) in theirs for c in within):
                first = changes.index(within[0])
                changes = [c for c in changes if c not in within]
                changes.insert(first, replace(within[0], key=f"{paper_id}/{anchor}", subject="", old=None, new=None,
                                              what=f"{len(within)} change{'s' if len(within) != 1 else ''}, "
                                                   f"as listed under {areas[inner]}",
                                              place=within[0].place.split(" › ")[0]))
        kept.extend(changes)
        out[paper_id] = kept
    return out


def _content(change: Change) -> tuple:
    return change.subject, change.what, change.old, change.new


def file_changes(old: Version, new: Version) -> list[Change]:
    """Return the content files added, removed, renamed (same or mostly the same lines) or changed."""
    removed = [name for name in old.files if name not in new.files]
    added = [name for name in new.files if name not in old.files]
    out, renamed = [], {}
    for name in added:
        match = max(((_likeness(old.files[gone], new.files[name]), gone) for gone in removed
                     if gone.rpartition("/")[0] == name.rpartition("/")[0] and gone not in renamed.values()),
                    default=(0.0, ""))
        if match[0] >= RENAMED_AT_LEAST:
            renamed[name] = match[1]
    for name in sorted({*old.files, *new.files}):
        if name in renamed:
            same = old.files[renamed[name]] == new.files[name]
            out.append(Change(FILES, f"files/{name}", name, "renamed" if same else "renamed and changed", renamed[name], name))
        elif name in renamed.values():
            continue
        elif name not in old.files:
            out.append(Change(FILES, f"files/{name}", name, "added"))
        elif name not in new.files:
            out.append(Change(FILES, f"files/{name}", name, "removed"))
        elif old.files[name] != new.files[name]:
            out.append(Change(FILES, f"files/{name}", name, "changed"))
    return out


def _likeness(old: bytes, new: bytes) -> float:
    if old == new:
        return 1.0
    a, b = old.decode("utf-8", "replace").splitlines(), new.decode("utf-8", "replace").splitlines()
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio()
