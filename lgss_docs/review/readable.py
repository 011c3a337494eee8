"""An old revision this version of lgss-docs cannot read: one clear line instead of its problems.

History holds content written before a change of format (papers declared in content, a field
renamed), which today's checks refuse. Its problems are not the reviewer's to fix, so instead of
listing them a review names the revision, its first problem, and the first later commit on the
way to the newer version whose content does read: the commit that brought the format in use
now, from which a review can start.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import ContentError, UsageError
from ..model.dates import long_date
from .git import git
from .sources import Commit, export, load_content, repository, resolve


def unreadable(revision: str, newer: str | None, content: Path, problems: list) -> UsageError:
    """Return the error saying revision ``revision`` cannot be read, and from which commit on
    (towards ``newer``, None for the working tree) the content can."""
    count = len(problems)
    first = f"{count} problem{'s' if count != 1 else ''}, the first: {problems[0]}" if problems else "it cannot be read"
    top, prefix = repository(content)
    start = resolve(revision, top)
    found = _first_readable(start.id, resolve(newer or "HEAD", top).id, top, prefix)
    where = (f"the content reads from {found.short} ({long_date(found.when.date())}, {found.subject}) on: "
             f"compare from there, e.g. lgss-docs diff {found.short}") if found is not None else \
        "no later commit's content reads either"
    return UsageError(f"{revision} ({start.described()}) holds content this version of lgss-docs does not read "
                      f"({first}); {where}")


def _first_readable(old: str, new: str, top: Path, prefix: str) -> Commit | None:
    """Return the first commit after ``old`` up to ``new`` whose content validates, by bisection
    of the commits that touch the content (a format, once changed, stays changed)."""
    listed = git(top, "rev-list", "--reverse", "--first-parent", f"{old}..{new}", "--", prefix or ".").split()
    low, high, found = 0, len(listed) - 1, None
    while low <= high:
        middle = (low + high) // 2
        if _reads(listed[middle], top, prefix):
            found, high = listed[middle], middle - 1
        else:
            low = middle + 1
    return resolve(found, top) if found is not None else None


def _reads(commit: str, top: Path, prefix: str) -> bool:
    with tempfile.TemporaryDirectory(prefix="lgss-review-") as temp:
        if export(commit, top, prefix, temp, commit):
            return False
        try:
            load_content(Path(temp) / prefix)
        except ContentError:
            return False
        return True
