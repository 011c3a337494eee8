"""The Jinja environment: template folders in layers, autoescaped, strict about undefined names,
errors with the file and line of the template that failed.

Templates come in layers, as MkDocs themes do: ``--templates`` first, then the content folder's
own ``templates/``, then the built-in set shipped inside the package. A file found in an upper
layer replaces the file of that name below it, so a programme office overrides one partial or
one stylesheet and keeps the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..errors import TemplateError, display_path
from ..model.dates import long_date
from .layers import BUILT_IN, CONTENT_TEMPLATES, kinds, layers  # noqa: F401 - where callers look them up
from .markdown import markdown_html, markdown_inline


def stylesheet(folders: Sequence[Path]) -> Markup:
    """Return every layer's css/*.css, the upper layer's file where two share a name, paper.css
    first: trusted text, so not escaped."""
    sheets: dict[str, Path] = {}
    for folder in reversed(folders):
        sheets.update({p.name: p for p in (Path(folder) / "css").glob("*.css")})
    order = sorted(sheets, key=lambda name: (name != "paper.css", name))
    return Markup("\n".join(sheets[name].read_text(encoding="utf-8") for name in order))


def environment(folders: Sequence[Path] = (BUILT_IN,)) -> jinja2.Environment:
    """Return the Environment that renders every paper from the template layers ``folders``."""
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(folder)) for folder in folders]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(long_date=long_date, markdown=markdown_html, markdown_inline=markdown_inline)
    return env


def render(env: jinja2.Environment, name: str, **context) -> str:
    """Return template ``name`` rendered with ``context``; raise TemplateError naming file:line."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = display_path(Path(exc.filename)) if exc.filename else exc.name or name
        raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        searched = [_layer_name(Path(loader.searchpath[0])) for loader in env.loader.loaders]
        raise TemplateError(f"{exc.name}: template not found in {', '.join(searched)}") from None
    except Exception as exc:  # a user-edited template can fail in any way; say where
        raise TemplateError(f"{_template_frame(exc, name)}: {exc}") from None


def _layer_name(folder: Path) -> str:
    return "the built-in templates" if folder == BUILT_IN else display_path(folder)


def _template_frame(exc: BaseException, fallback: str) -> str:
    """Return "file:line" of the innermost template frame in ``exc``'s traceback."""
    where = fallback
    tb = exc.__traceback__ or sys.exc_info()[2]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(".html"):
            where = f"{display_path(Path(filename))}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where
