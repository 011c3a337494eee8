"""The whole build in one readable function: gather and check everything, then write.

Like MkDocs' build, nothing is written until every paper has rendered in every format,
so invalid content or a failing renderer leaves the output folder as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .output import write_atomically
from .papers import PAPERS, render_paper
from .render.templates import DEFAULT_TEMPLATES, environment
from .validate import load_content
from .validate.warnings import content_warnings
from .writers import FORMATS, WriterOptions, writer


@dataclass(frozen=True)
class BuildRequest:
    content: Path
    out: Path
    formats: tuple[str, ...] = FORMATS
    papers: tuple[str, ...] = tuple(PAPERS)
    templates: Path = DEFAULT_TEMPLATES
    options: WriterOptions = WriterOptions()


def build(request: BuildRequest, progress: Callable[[str], None] = lambda _: None,
          warn: Callable[[Problem], None] = lambda _: None) -> list[Path]:
    """Return the paths written after building every requested paper in every format."""
    content = load_content(request.content)
    for problem in content_warnings(content):
        warn(problem)
    env = environment(request.templates)
    rendered = [render_paper(PAPERS[p], content, env, request.templates) for p in request.papers]
    outputs: list[tuple[Path, bytes]] = []
    for paper in rendered:
        for fmt in request.formats:
            progress(f"{paper.id}.{fmt}")
            outputs.append((request.out / f"{paper.id}.{fmt}", writer(fmt)(paper, request.options)))
    return _write_all(outputs)


def _write_all(outputs: Iterable[tuple[Path, bytes]]) -> list[Path]:
    written = []
    for path, data in outputs:
        write_atomically(path, data)
        written.append(path)
    return written
