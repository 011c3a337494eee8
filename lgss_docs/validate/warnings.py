"""Warnings: content that is valid but probably wrong. Printed, not fatal, unless --strict.

A warning is a Problem like any other (file:line:column), so an officer finds it the same
way; the command line prefixes it with ``warning:`` and ``--strict`` turns it into failure,
for the CI of a content repository.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Problem, StrictWarnings
from ..model.content import Content
from ..model.dates import long_date


def content_warnings(content: Content) -> list[Problem]:
    """Return every warning about ``content``: dates that point past the paper's meeting."""
    meeting = content.programme.committee_report.meeting.date
    found = []
    for entry in content.workstreams:
        if entry.model.report_date > meeting:
            found.append(entry.source.problem(("report_date",), (
                f"{long_date(entry.model.report_date)} is after the committee meets on {long_date(meeting)}; "
                "a report cannot be dated after the meeting it goes to")))
    return found


def heed(content: Content, strict: bool, warn: Callable[[Problem], None]) -> None:
    """Pass each warning about ``content`` to ``warn``; with ``strict``, raise StrictWarnings instead."""
    found = content_warnings(content)
    if strict and found:
        raise StrictWarnings(found)
    for warning in found:
        warn(warning)
