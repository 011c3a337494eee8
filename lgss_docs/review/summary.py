"""The change summary as a reviewer reads it: in the terminal, as Markdown, as an HTML page.

Every value comes from content, so each is shown as typed in every format: a value with line
breaks or Markdown in it cannot add a heading, an entry or a "No changes." of its own. Line
breaks and control characters show as their escapes (``\\n``), as in messages; in Markdown,
each character that could start a construct is backslash-escaped (CommonMark allows that for
any ASCII punctuation), and the HTML page is that Markdown, rendered with raw HTML off.
"""

from __future__ import annotations

import re
from itertools import groupby

from ..errors import printable
from ..render.markdown import markdown_html
from ..render.templates import BUILT_IN, environment, render, stylesheet
from .change import Change


def heading(old_label: str, new_label: str) -> str:
    """Return "Changes from v1 (8482afc, 13 November 2020, Programme Office) to the working tree"."""
    return f"Changes from {_named(old_label)} to {_named(new_label)}"


def _named(label: str, escape=printable) -> str:
    return "the working tree" if label == "working tree" else escape(label)


def _grouped(changes: list[Change]):
    """Yield (area, [(place, [changes])]) in the order the changes come: a paper, then where in it."""
    for area, in_area in groupby(changes, key=lambda c: c.area):
        yield area, [(place, list(at)) for place, at in groupby(in_area, key=lambda c: c.place)]


# Anywhere in a line: what opens code, emphasis, links, autolinks and entities, and the escape itself.
_INLINE = re.compile(r"([\\`*_\[\]<&])")
# At the start of a line only: headings, quotes, list items, fences, thematic breaks.
_LINE_START = re.compile(r"^(\d*)([#>+\-=~.)])")


def markdown_text(value: str) -> str:
    """Return ``value`` as Markdown that reads as exactly ``printable(value)``, on one line."""
    return _LINE_START.sub(r"\1\\\2", _INLINE.sub(r"\\\1", printable(value)))


def as_text(changes: list[Change], old_label: str, new_label: str) -> str:
    """Return the summary for the terminal: a heading, then each paper (or area), where in it, and its changes."""
    if not changes:
        return f"No changes from {_named(old_label)} to {_named(new_label)}.\n"
    lines = [f"{heading(old_label, new_label)}: {len(changes)}"]
    for area, places in _grouped(changes):
        lines += ["", printable(area)]
        for place, at in places:
            indent = "    " if place else "  "
            lines += [f"  {printable(place)}"] if place else []
            lines += [f"{indent}{change.shown(printable)}" for change in at]
    return "\n".join(lines) + "\n"


def as_markdown(changes: list[Change], old_label: str, new_label: str) -> str:
    """Return the summary as Markdown: a level-1 heading, a level-2 heading per paper (or area),
    a level-3 heading per place in it, bullets."""
    lines = [f"# Changes from {_named(old_label, markdown_text)} to {_named(new_label, markdown_text)}", ""]
    if not changes:
        return "\n".join(lines + ["No changes.", ""])
    for area, places in _grouped(changes):
        lines += [f"## {markdown_text(area)}", ""]
        for place, at in places:
            lines += [f"### {markdown_text(place)}", ""] if place else []
            lines += [f"- {change.shown(markdown_text)}" for change in at] + [""]
    return "\n".join(lines)


def as_html(markdown: str, title: str, date, folders=(BUILT_IN,), theme_css: str = "") -> str:
    """Return the Markdown summary as a page in the papers' house style."""
    return render(environment(folders), "change-summary.html.j2", body=markdown_html(markdown), theme_css=theme_css,
                  document_title=title, running_title=title, author="lgss-docs", description=title,
                  date=date, stylesheet=stylesheet(folders), paper_class="change-summary")
