"""The change summary as a reviewer reads it: in the terminal, as Markdown, as an HTML page."""

from __future__ import annotations

from itertools import groupby

from ..render.markdown import markdown_html
from ..render.templates import BUILT_IN, environment, render, stylesheet
from .change import Change


def heading(old_label: str, new_label: str) -> str:
    """Return "Changes from HEAD~1 to the working tree"."""
    return f"Changes from {_named(old_label)} to {_named(new_label)}"


def _named(label: str) -> str:
    return "the working tree" if label == "working tree" else label


def as_text(changes: list[Change], old_label: str, new_label: str) -> str:
    """Return the summary for the terminal: a heading, then each area and its changes indented."""
    if not changes:
        return f"No changes from {_named(old_label)} to {_named(new_label)}.\n"
    lines = [f"{heading(old_label, new_label)}: {len(changes)}"]
    for area, group in groupby(changes, key=lambda c: c.area):
        lines += ["", area] + [f"  {change}" for change in group]
    return "\n".join(lines) + "\n"


def as_markdown(changes: list[Change], old_label: str, new_label: str) -> str:
    """Return the summary as Markdown: a level-1 heading, a level-2 heading per area, bullets."""
    lines = [f"# {heading(old_label, new_label)}", ""]
    if not changes:
        return "\n".join(lines + ["No changes.", ""])
    for area, group in groupby(changes, key=lambda c: c.area):
        lines += [f"## {area}", ""] + [f"- {change}" for change in group] + [""]
    return "\n".join(lines)


def as_html(markdown: str, title: str, date, folders=(BUILT_IN,), theme_css: str = "") -> str:
    """Return the Markdown summary as a page in the papers' house style."""
    return render(environment(folders), "change-summary.html.j2", body=markdown_html(markdown), theme_css=theme_css,
                  document_title=title, running_title=title, author="lgss-docs", description=title,
                  date=date, stylesheet=stylesheet(folders), paper_class="change-summary")
