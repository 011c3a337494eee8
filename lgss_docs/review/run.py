"""A review in one readable function: read both versions, compare, render, then write.

As in the build, nothing is written until every output exists in memory, so invalid content on
either side leaves the output folder as it was. Two versions with the same content files are
known to be the same at once, before anything is validated or rendered; a paper none of whose
files changed is not rendered either.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from ..build import chosen, write_all
from ..errors import BuildError, ContentError
from ..render.paper import render_paper
from ..render.templates import environment, layers
from ..views.style import theme
from ..writers import FORMATS, WriterOptions, writer
from .change import Change
from .changes import appendix_papers, area, file_changes, listed_once, may_have_changed, papers_added_and_removed
from .git import git
from .readable import unreadable
from .reading import read_changes
from .redline_html import AUTHOR, redline, with_key
from .sources import WORKING_TREE, Side, Version, checked_out, described, validated
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
    old: Version | Side
    new: Version | Side
    changes: list[Change]
    written: list[Path] = field(default_factory=list)

    @property
    def old_label(self) -> str:
        return described(self.old.label, self.old.commit)

    @property
    def new_label(self) -> str:
        return described(self.new.label, self.new.commit)


def review(request: ReviewRequest) -> Review:
    """Return the changes between the two versions, after writing the summary and the redlines."""
    with ExitStack() as stack:
        sides = [stack.enter_context(checked_out(spec, request.content)) for spec in (request.old, request.new)]
        if refused := [problem for side in sides for problem in side.refused]:
            raise ContentError(refused)
        if sides[0].files == sides[1].files:  # the same files: nothing to validate, render or mark
            return _write(request, Review(sides[0], sides[1], []), [], None)
        old, new = _both_versions(request, *sides)
    folders = layers(request.content, request.templates)
    env = environment(folders)
    author, when = _stamp(new)
    by_paper, areas, outputs = {}, {}, []
    both = [pid for pid in new.content.papers if pid in old.content.papers]
    for paper_id in chosen(request.papers, both):
        if not may_have_changed(old, new, paper_id):
            continue
        before = render_paper(old.content, paper_id, env, folders)
        after = render_paper(new.content, paper_id, env, folders)
        if before.html == after.html:
            continue  # files changed, but nothing the paper prints: no redline to lay out
        marked = replace(after, id=f"{paper_id}-redline", html=redline(before.html, after.html, when or after.date, author))
        areas[paper_id] = area(new, paper_id)
        by_paper[paper_id] = read_changes(marked.html, areas[paper_id], paper_id)
        if not by_paper[paper_id]:
            continue  # files changed, but nothing the paper prints
        keyed = replace(marked, html=with_key(marked.html, old.described(), new.described(), folders))
        for fmt in request.formats:
            # Word marks tracked changes itself; the key and its stylesheet are for HTML and PDF.
            paper = marked if fmt == "docx" else keyed
            outputs.append((request.out / f"{marked.id}.{fmt}", writer(fmt)(paper, WriterOptions())))
    appendices = {pid: appendix_papers(new, pid) for pid in by_paper}
    changes = [c for changes in listed_once(by_paper, appendices, areas).values() for c in changes]
    changes = papers_added_and_removed(old, new) + changes + file_changes(old, new)
    return _write(request, Review(old, new, changes), outputs, new)


def _write(request: ReviewRequest, result: Review, outputs: list, new: Version | None) -> Review:
    """Return ``result`` after writing ``outputs`` and the summary, as Markdown and HTML."""
    markdown = as_markdown(result.changes, result.old_label, result.new_label)
    outputs.append((request.out / "summary.md", markdown.encode("utf-8")))
    folders = layers(request.content, request.templates)
    title = heading(result.old_label, result.new_label)
    date = _summary_date(new, result)
    css = theme(new.content.programme).css() if new is not None else ""
    html = as_html(markdown, title, date, folders, css)
    outputs.append((request.out / "summary.html", html.encode("utf-8")))
    return replace(result, written=write_all(request.out, outputs))


def _summary_date(new: Version | None, result: Review):
    """Return the summary's own date (never the clock's): the newer version's latest paper, or its commit."""
    if new is not None:
        days = [entry.model.day for entry in new.content.papers.values() if entry.model.day]
        if days or new.content.plan is not None:
            return max(days) if days else new.content.plan.date
    commit = result.new.commit or result.old.commit
    return commit.when.date() if commit is not None else datetime(2000, 1, 1).date()


def _stamp(new: Version) -> tuple[str, str | None]:
    """Return who made the changes and when, as Word's tracked changes record them: the newer
    commit's author and date; for the working tree, the name git knows the user by, on the
    paper's own date (None); for a folder, lgss-docs."""
    if new.commit is not None:
        return new.commit.author, new.commit.when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if new.label == WORKING_TREE:
        try:
            return git(new.content.root, "config", "user.name").strip() or AUTHOR, None
        except BuildError:  # no name set
            return AUTHOR, None
    return AUTHOR, None


def _both_versions(request: ReviewRequest, old_side: Side, new_side: Side) -> tuple[Version, Version]:
    """Return both versions, or raise one ContentError with the problems of both sides.

    An old revision whose content today's checks refuse is history, not a mistake to fix: the
    error then says from which commit on the content can be read."""
    versions, problems = [], []
    for side in (old_side, new_side):
        try:
            versions.append(validated(side))
        except ContentError as exc:
            if side is old_side and side.commit is not None:
                raise unreadable(request.old, request.new, request.content, exc.problems) from None
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return versions[0], versions[1]
