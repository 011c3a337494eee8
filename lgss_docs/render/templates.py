"""The Jinja environment: autoescaped, strict about undefined names, errors with file:line."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2

from ..errors import TemplateError, display_path
from ..model.dates import long_date
from .markdown import markdown_html, markdown_inline

DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def environment(templates: Path = DEFAULT_TEMPLATES) -> jinja2.Environment:
    """Return the Environment that renders every paper from the folder ``templates``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
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
        folder = Path(env.loader.searchpath[0]) if isinstance(env.loader, jinja2.FileSystemLoader) else Path()
        raise TemplateError(f"{display_path(folder / exc.name)}: template not found") from None
    except Exception as exc:  # a user-edited template can fail in any way; say where
        raise TemplateError(f"{_template_frame(exc, name)}: {exc}") from None


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
