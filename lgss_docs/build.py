"""The whole build in one readable function: gather and check everything, then write.

Like MkDocs' build, nothing is written until every paper has rendered in every format,
so invalid content or a failing renderer leaves the output folder as it was. Outputs whose
inputs have not changed since they were written are left alone (see ``cache``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, stamp
from .errors import Problem
from .inputs import declared
from .output import remove_stale_parts, write_atomically
from .parallel import Task, Writers
from .papers import PAPERS, PaperSpec, render_paper
from .render.templates import DEFAULT_TEMPLATES, environment
from .validate import load_content
from .validate.warnings import content_warnings, heed
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
    strict: bool = False  # warnings fail the build


def build(request: BuildRequest, progress: Callable[[str], None] = lambda _: None,
          warn: Callable[[Problem], None] = lambda _: None,
          fresh: Callable[[Path], None] = lambda _: None) -> list[Path]:
    """Return the paths written after building every requested paper in every format.

    Outputs already up to date are not built again; each is passed to ``fresh`` instead.
    """
    inputs = stamp(request)  # before reading anything: an edit during the build is seen next time
    cache = Cache(request.out) if request.force else Cache.load(request.out)
    todo = _stale(request, inputs, cache, fresh)
    if not todo and (warnings := cache.cached_warnings(request.content, inputs.content_key())) is not None:
        heed(warnings, request.strict, warn)  # nothing to build; this very content was checked before
        return []
    with Writers(request.jobs, [fmt for _, fmt, _ in todo]) as writers:  # workers start up meanwhile
        content = load_content(request.content)
        warnings = content_warnings(content)
        heed(warnings, request.strict, warn)
        cache.keep_warnings(request.content, inputs.content_key(), warnings)
        env = environment(request.templates)
        rendered = {spec.id: render_paper(spec, declared(content, spec), env, request.templates)
                    for spec in dict.fromkeys(spec for spec, _, _ in todo)}
        tasks = [Task(rendered[spec.id], fmt, request.options) for spec, fmt, _ in todo]
        outputs = [(path, data) for (_, _, path), data in zip(todo, writers.write_all(tasks, progress))]
    written = write_outputs(request.out, outputs)
    for (spec, fmt, path), (_, data) in zip(todo, outputs):
        cache.record(path, inputs.key(spec, fmt), data)
    cache.save()
    return written


def _stale(request: BuildRequest, inputs, cache: Cache, fresh) -> list[tuple[PaperSpec, str, Path]]:
    """Return (paper, format, path) of each requested output that is not up to date; pass the rest to ``fresh``."""
    todo = []
    for paper in request.papers:
        for fmt in request.formats:
            spec, path = PAPERS[paper], request.out / f"{paper}.{fmt}"
            if cache.is_fresh(path, inputs.key(spec, fmt)):
                fresh(path)
            else:
                todo.append((spec, fmt, path))
    return todo



def write_outputs(out: Path, outputs: list[tuple[Path, bytes]]) -> list[Path]:
    remove_stale_parts(out, [path.name for path, _ in outputs])
    written = []
    for path, data in outputs:
        write_atomically(path, data)
        written.append(path)
    return written
