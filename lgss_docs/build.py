"""The whole build in one readable function: gather and check everything, then write.

Like MkDocs' build, nothing is written until every paper has rendered in every format,
so invalid content or a failing renderer leaves the output folder as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .output import remove_stale_parts, write_atomically
from .papers import PAPERS, render_paper
from .render.templates import DEFAULT_TEMPLATES, environment
from .validate import load_content
from .validate.warnings import heed
from .writers import FORMATS, WriterOptions, writer


@dataclass(frozen=True)
class BuildRequest:
    content: Path
    out: Path
    formats: tuple[str, ...] = FORMATS
    papers: tuple[str, ...] = tuple(PAPERS)
    templates: Path = DEFAULT_TEMPLATES
    options: WriterOptions = WriterOptions()
    strict: bool = False  # warnings fail the build


def build(request: BuildRequest, progress: Callable[[str], None] = lambda _: None,
          warn: Callable[[Problem], None] = lambda _: None) -> list[Path]:
    """Return the paths written after building every requested paper in every format."""
    content = load_content(request.content)
    heed(content, request.strict, warn)
    env = environment(request.templates)
    rendered = [render_paper(PAPERS[p], content, env, request.templates) for p in request.papers]
    outputs: list[tuple[Path, bytes]] = []
    for paper in rendered:
        for fmt in request.formats:
            progress(f"{paper.id}.{fmt}")
            outputs.append((request.out / f"{paper.id}.{fmt}", writer(fmt)(paper, request.options)))
    return _write_all(request.out, outputs)


def _write_all(out: Path, outputs: list[tuple[Path, bytes]]) -> list[Path]:
    remove_stale_parts(out, [path.name for path, _ in outputs])
    written = []
    for path, data in outputs:
        write_atomically(path, data)
        written.append(path)
    return written
