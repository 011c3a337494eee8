"""The whole build in one readable function: gather and check everything, then write.

Like MkDocs' build, nothing is written until every paper has rendered in every format,
so invalid content or a failing renderer leaves the output folder as it was. Outputs whose
inputs have not changed since they were written are left alone (see ``cache``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, stamp
from .errors import Problem
from .inputs import declared
from .output import write_atomically
from .parallel import Task, write_all
from .papers import PAPERS, render_paper
from .render.templates import DEFAULT_TEMPLATES, environment
from .validate import load_content
from .validate.warnings import content_warnings
from .writers import FORMATS, WriterOptions


@dataclass(frozen=True)
class BuildRequest:
    content: Path
    out: Path
    formats: tuple[str, ...] = FORMATS
    papers: tuple[str, ...] = tuple(PAPERS)
    templates: Path = DEFAULT_TEMPLATES
    options: WriterOptions = WriterOptions()
    jobs: int = 1  # worker processes for PDF and DOCX
    force: bool = False  # rebuild every output, up to date or not


def build(request: BuildRequest, progress: Callable[[str], None] = lambda _: None,
          warn: Callable[[Problem], None] = lambda _: None,
          fresh: Callable[[Path], None] = lambda _: None) -> list[Path]:
    """Return the paths written after building every requested paper in every format.

    Outputs already up to date are not built again; each is passed to ``fresh`` instead.
    """
    inputs = stamp(request)  # before reading anything: an edit during the build is seen next time
    cache = Cache(request.out) if request.force else Cache.load(request.out)
    wanted = [(PAPERS[p], fmt, request.out / f"{p}.{fmt}") for p in request.papers for fmt in request.formats]
    todo = [(spec, fmt, path) for spec, fmt, path in wanted if not cache.is_fresh(path, inputs.key(spec, fmt))]
    for _, _, path in (w for w in wanted if w not in todo):
        fresh(path)
    warnings = cache.cached_warnings(request.content, inputs.content_key()) if not todo else None
    if warnings is not None:  # nothing to build, and this content was checked before
        for problem in warnings:
            warn(problem)
        return []
    content = load_content(request.content)
    warnings = content_warnings(content)
    for problem in warnings:
        warn(problem)
    cache.keep_warnings(request.content, inputs.content_key(), warnings)
    env = environment(request.templates)
    rendered = {spec.id: render_paper(spec, declared(content, spec), env, request.templates)
                for spec in dict.fromkeys(spec for spec, _, _ in todo)}
    tasks = [Task(rendered[spec.id], fmt, request.options) for spec, fmt, _ in todo]
    outputs = [(path, data) for (_, _, path), data in zip(todo, write_all(tasks, request.jobs, progress))]
    written = _write_all(outputs)
    for (spec, fmt, path), (_, data) in zip(todo, outputs):
        cache.record(path, inputs.key(spec, fmt), data)
    cache.save()
    return written


def _write_all(outputs: Iterable[tuple[Path, bytes]]) -> list[Path]:
    written = []
    for path, data in outputs:
        write_atomically(path, data)
        written.append(path)
    return written
