"""A review in one readable function: load both versions, compare, render, then write.

As in the build, nothing is written until every output exists in memory, so invalid content on
either side leaves the output folder as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..build import chosen, write_all
from ..errors import ContentError
from ..render.paper import render_paper
from ..render.templates import environment, layers
from ..views.style import theme
from ..writers import FORMATS, WriterOptions, writer
from .change import Change
from .changes import summarise
from .redline_html import redline, with_key
from .sources import Version, load_version
from .summary import as_html, as_markdown, heading


@dataclass(frozen=True)
class ReviewRequest:
    old: str
    new: str | None = None  # None: the content folder as it is now
    content: Path = Path("content")
    out: Path = Path("output/review")
    formats: tuple[str, ...] = FORMATS
    papers: tuple[str, ...] = ()  # ids of papers in both versions; () for all of them
    templates: Path | None = None  # a template layer above the content's own


@dataclass(frozen=True)
class Review:
    old: Version
    new: Version
    changes: list[Change]
    written: list[Path] = field(default_factory=list)


def review(request: ReviewRequest) -> Review:
    """Return the changes between the two versions, after writing the summary and the redlines."""
    old, new = _both_versions(request)
    changes = summarise(old.content, new.content)
    folders = layers(request.content, request.templates)
    env = environment(folders)
    outputs: list[tuple[Path, bytes]] = []
    both = [pid for pid in new.content.papers if pid in old.content.papers]  # added or removed papers are in the summary
    for paper_id in chosen(request.papers, both):
        before = render_paper(old.content, paper_id, env, folders)
        after = render_paper(new.content, paper_id, env, folders)
        if before.html == after.html:
            continue  # nothing to mark: laying out an unmarked copy of the paper would only cost time
        marked = replace(after, id=f"{paper_id}-redline", html=redline(before.html, after.html, after.date))
        keyed = replace(marked, html=with_key(marked.html, old.label, new.label, folders))
        for fmt in request.formats:
            # Word marks tracked changes itself; the key and its stylesheet are for HTML and PDF.
            paper = marked if fmt == "docx" else keyed
            outputs.append((request.out / f"{marked.id}.{fmt}", writer(fmt)(paper, WriterOptions())))
    markdown = as_markdown(changes, old.label, new.label)
    outputs.append((request.out / "summary.md", markdown.encode("utf-8")))
    title = heading(old.label, new.label)
    html = as_html(markdown, title, _latest_date(new.content), folders, theme(new.content.programme).css())
    outputs.append((request.out / "summary.html", html.encode("utf-8")))
    return Review(old, new, changes, write_all(request.out, outputs))


def _latest_date(content):
    """Return the latest date of the newer version's papers: the summary's own date (never the clock's)."""
    days = [entry.model.day for entry in content.papers.values() if entry.model.day]
    return max(days) if days else content.plan.date


def _both_versions(request: ReviewRequest) -> tuple[Version, Version]:
    """Return both versions, or raise one ContentError with the problems of both sides."""
    versions, problems = [], []
    for spec in (request.old, request.new):
        try:
            versions.append(load_version(spec, request.content))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return versions[0], versions[1]
