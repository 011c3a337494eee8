"""The whole build in one readable function: gather and check everything, then write.

Like MkDocs' build, nothing is written until every paper has rendered in every format,
so invalid content or a failing renderer leaves the output folder as it was. Outputs whose
inputs have not changed since they were written are left alone (see ``cache``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, Checked, stamp
from .errors import Problem, UsageError, heed
from .history import DEFAULT_PATTERN
from .history.store import Store
from .history.tags import find_cycles
from .load.tree import HISTORY
from .output import remove_stale_parts, write_atomically
from .render.layers import kinds, layers
from .writers import FORMATS, WriterOptions

# What validates, renders and writes is imported when there is something to do: a build with
# every output up to date (the common case while editing one file) then starts in a fraction
# of the time, as it needs only the cache and the files' hashes.


@dataclass(frozen=True)
class BuildRequest:
    content: Path
    out: Path
    formats: tuple[str, ...] = FORMATS
    papers: tuple[str, ...] = ()  # ids of declared papers; () for all of them
    templates: Path | None = None  # a template layer above the content's own and the built-in ones
    options: WriterOptions = WriterOptions()
    jobs: int = 1  # worker processes for PDF and DOCX
    force: bool = False  # rebuild the requested outputs, up to date or not
    strict: bool = False  # warnings fail the build
    cycles: str = DEFAULT_PATTERN  # the tags that mark reporting cycles
    previous: str | None = None  # the cycle to compare with (default: the latest before the content as it is)


def build(request: BuildRequest, progress: Callable[[str], None] = lambda _: None,
          warn: Callable[[Problem], None] = lambda _: None,
          fresh: Callable[[Path], None] = lambda _: None) -> list[Path]:
    """Return the paths written after building every requested paper in every format.

    Outputs already up to date are not built again; each is passed to ``fresh`` instead.
    """
    folders = layers(request.content, request.templates)
    cycles = find_cycles(request.content, request.cycles, request.previous)  # git only: no YAML
    # Hashed before reading: an edit during the build is seen next time.
    inputs = stamp(request.content, folders, request.options, cycles.key())
    cache, store = Cache.load(request.out), Store.load(request.out)
    content, checked = None, cache.checks(request.content, inputs.content_key())
    if checked is None:  # this content has not been checked before: validate it now
        from .history.read import history_of
        from .inputs import reads
        from .validate import load_content
        from .validate.warnings import content_warnings
        content = load_content(request.content, kinds(folders))
        papers = {pid: sorted(reads(content, pid)) for pid in content.papers}
        content.history, left_out = history_of(content, cycles, store, any(HISTORY in p for p in papers.values()))
        checked = Checked(papers, content_warnings(content), left_out)
        cache.keep_checks(request.content, inputs.content_key(), checked)
    heed(checked.warnings + checked.cycles, request.strict, warn)
    todo = []
    for paper in chosen(request.papers, checked.papers):
        for fmt in request.formats:
            path, key = request.out / f"{paper}.{fmt}", inputs.key(paper, checked.papers[paper], fmt)
            if not request.force and cache.is_fresh(path, key):
                fresh(path)
            else:
                todo.append((paper, fmt, path, key))
    if not todo:
        cache.save()
        store.save()
        return []
    from .history.read import history_of
    from .inputs import declared
    from .parallel import Task, Writers
    from .render.paper import render_paper
    from .render.templates import environment
    from .validate import load_content
    if content is None:
        content = load_content(request.content, kinds(folders))
        needed = any(HISTORY in checked.papers[paper] for paper, _, _, _ in todo)
        content.history, _ = history_of(content, cycles, store, needed)
    env = environment(folders)
    rendered = {paper: render_paper(declared(content, paper, frozenset(checked.papers[paper])), paper, env, folders)
                for paper in dict.fromkeys(paper for paper, _, _, _ in todo)}
    with Writers(request.jobs, [fmt for _, fmt, _, _ in todo]) as writers:
        tasks = [Task(rendered[paper], fmt, request.options) for paper, fmt, _, _ in todo]
        outputs = [(path, data) for (_, _, path, _), data in zip(todo, writers.write_all(tasks, progress))]
    written = write_all(request.out, outputs)
    for (_, _, path, key), (_, data) in zip(todo, outputs):
        cache.record(path, key, data)
    cache.save()
    store.save()
    return written


def chosen(requested: tuple[str, ...], declared_papers) -> list[str]:
    """Return the requested paper ids (all declared ones for none); raise UsageError naming an unknown one."""
    for paper in requested:
        if paper not in declared_papers:
            from .validate.hints import one_of  # a mistake's path only: the validation package is large

            hint = one_of(paper, declared_papers) or "the content declares no papers"
            raise UsageError(f'--doc {paper}: no such paper; {hint}')
    return list(dict.fromkeys(requested)) or list(declared_papers)


def write_all(out: Path, outputs: list[tuple[Path, bytes]]) -> list[Path]:
    """Write every (path, bytes) atomically, after clearing what a killed build left; return the paths."""
    remove_stale_parts(out, [path.name for path, _ in outputs])
    written = []
    for path, data in outputs:
        write_atomically(path, data)
        written.append(path)
    return written
