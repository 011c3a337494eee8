"""Reporting cycles as git tags: finding the cycles before the working tree, and closing one.

The naming scheme is a tag pattern with one ``*`` (default ``cycle/*``): ``lgss-docs cycle close
2020-11`` tags HEAD ``cycle/2020-11``, and the build reads every tag matching the pattern on
the commits up to HEAD. A cycle's date is its tag's (or, for a lightweight tag, its commit's),
as git recorded it: never the clock's. This asks git a few questions and reads no content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError, UsageError
from ..model.history import Cycle
from ..review.git import git, repository
from . import DEFAULT_PATTERN


@dataclass(frozen=True)
class Cycles:
    """The cycles of a content folder up to HEAD, oldest first, split at the working tree."""

    past: tuple[Cycle, ...] = ()  # the cycles before the content as it is now
    current: Cycle | None = None  # the cycle the content is, when it is unchanged since its tag
    previous: Cycle | None = None  # the cycle named to compare with; None: the latest readable one
    prefix: str = ""  # the content folder's path in the repository ("" or ending in /)

    def key(self) -> str:
        """Return a hash of what the cycles are (tags, commits, content trees): part of a paper's cache key."""
        if not self.past and self.current is None:
            return ""
        data = {"past": [(c.tag, c.commit, c.tree) for c in self.past], "prefix": self.prefix,
                "current": self.current.tag if self.current else None,
                "previous": self.previous.tag if self.previous else None}
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def tag_name(pattern: str, name: str) -> str:
    """Return the tag that names cycle ``name`` in the scheme ``pattern``: cycle/* and 2020-11 → cycle/2020-11."""
    if pattern.count("*") != 1 or "?" in pattern or "[" in pattern:
        raise UsageError(f'--cycles {pattern}: to name a cycle the pattern needs exactly one "*" (such as cycle/*)')
    return pattern.replace("*", name)


def cycle_name(pattern: str, tag: str) -> str:
    """Return the name a tag gives its cycle: what the pattern's ``*`` stands for, else the whole tag."""
    if pattern.count("*") != 1:
        return tag
    before, after = pattern.split("*")
    inside = tag[len(before):len(tag) - len(after)] if tag.startswith(before) and tag.endswith(after) else ""
    return inside or tag


def find_cycles(content: Path, pattern: str = DEFAULT_PATTERN, previous: str | None = None) -> Cycles:
    """Return the cycles of the folder ``content``; none if it is not in a git repository with commits.

    The content is the latest cycle (``current``) when the folder is committed unchanged since
    that cycle's tag; otherwise it is a new cycle and every tag found is in ``past``.
    """
    try:
        top, prefix = repository(Path(content))
        listed = git(top, "for-each-ref", "--merged=HEAD", f"refs/tags/{pattern}",
                     "--format=%(refname:strip=2)%09%(objectname)%09%(*objectname)%09%(creatordate:iso-strict)"
                     "%09%(committerdate:unix)%09%(*committerdate:unix)")
    except BuildError:  # not in git, no git, no commits yet: a programme without history
        listed, prefix = "", ""
    # In the order of their commits (a cycle tagged late still falls where its content does).
    rows = sorted((line.split("\t") for line in listed.splitlines() if line), key=lambda r: (int(r[5] or r[4]), r[3], r[0]))
    if not rows:
        return _chosen(Cycles(prefix=prefix), previous)
    trees = _trees(top, prefix, ["HEAD", *(r[2] or r[1] for r in rows)])
    found = tuple(Cycle(tag=r[0], name=cycle_name(pattern, r[0]), commit=r[2] or r[1],
                        day=dt.date.fromisoformat(r[3][:10]), tree=tree) for r, tree in zip(rows, trees[1:]))
    if trees[0] == found[-1].tree and not git(Path(content), "status", "--porcelain", "--", "."):
        return _chosen(Cycles(found[:-1], found[-1], prefix=prefix), previous)
    return _chosen(Cycles(found, prefix=prefix), previous)


def _trees(top: Path, prefix: str, commits: list[str]) -> list[str]:
    """Return git's id of the content folder at each commit ("" where it is missing), in one call."""
    answer = git(top, "cat-file", "--batch-check", stdin="".join(f"{c}:{prefix}\n" for c in commits))
    return [line.split()[0] if " tree " in line else "" for line in answer.splitlines()]


def _chosen(cycles: Cycles, previous: str | None) -> Cycles:
    """Return ``cycles`` with the one named ``previous`` (a tag or a cycle's name) to compare with."""
    if previous is None:
        return cycles
    for cycle in cycles.past:
        if previous in (cycle.tag, cycle.name):
            return Cycles(cycles.past, cycles.current, cycle, cycles.prefix)
    from ..validate.hints import one_of  # a mistake's path only: the validation package is large

    hint = one_of(previous, [c.tag for c in cycles.past]) or "there is no earlier cycle"
    raise UsageError(f"--previous {previous}: not a cycle before the content as it is now; {hint}")


def close_cycle(content: Path, name: str, pattern: str = DEFAULT_PATTERN, message: str | None = None,
                check: Callable[[], object] = lambda: None) -> str:
    """Return the tag made for cycle ``name``: an annotated tag on HEAD of the content's repository.

    Refused (UsageError) when the content folder has changes not committed, since the tag
    must hold what the papers were built from, or when the cycle's tag already exists; ``check``
    runs once the content is known to be HEAD's, and may refuse too (invalid content).
    """
    tag = tag_name(pattern, name)
    try:
        top, _ = repository(Path(content))
    except BuildError as exc:
        raise UsageError(f"{exc}; a cycle is a git tag, so the content must be in a git repository") from None
    try:
        git(top, "check-ref-format", f"refs/tags/{tag}")
    except BuildError:
        raise UsageError(f'"{name}" cannot be part of a git tag ({tag}); use letters, digits, hyphens and dots, '
                         "such as 2020-11") from None
    try:
        git(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except BuildError:
        raise UsageError("the repository has no commits yet; commit the content first") from None
    if changed := git(Path(content), "status", "--porcelain", "--", ".").splitlines():
        first = changed[0][3:]
        more = f" and {len(changed) - 1} other file{'s' if len(changed) > 2 else ''}" if len(changed) > 1 else ""
        raise UsageError(f"{first}{more} of the content folder {'have' if more else 'has'} changes not committed; "
                         "commit them first, so that the cycle's tag holds what its papers were built from")
    try:
        git(top, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}")
    except BuildError:
        check()
        git(top, "tag", "--annotate", "--message", message or f"Reporting cycle {name}", tag, "HEAD")
        return tag
    raise UsageError(f"{tag} already exists: a cycle is closed once. To close it again on this commit, "
                     f"remove the old tag first (git tag -d {tag})")
