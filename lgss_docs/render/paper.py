"""Render a declared paper once, to the semantic HTML every writer starts from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from ..model.content import Content
from ..views import paper_view
from ..views.style import Theme, plain_theme, theme
from .templates import BUILT_IN, render, stylesheet


@dataclass(frozen=True)
class RenderedPaper:
    """A paper rendered once to HTML, with the metadata every writer needs."""

    id: str
    html: str
    title: str
    author: str
    date: date
    theme: Theme = field(default_factory=plain_theme)
    language: str = "en-GB"
    subject: str = ""


def render_paper(content: Content, paper_id: str, env: jinja2.Environment,
                 folders: Sequence[Path] = (BUILT_IN,)) -> RenderedPaper:
    """Return paper ``paper_id`` of ``content`` rendered to HTML with the template layers ``folders``."""
    view = paper_view(content, paper_id)
    running = " – ".join(filter(None, [view["title"], view.get("confidentiality")]))
    author = "; ".join(p.name for p in view["authors"])
    style = theme(content.programme)
    html = render(env, f"kinds/{view['kind']}.html.j2", paper=view, document_title=running, running_title=running,
                  author=author, description=view["description"], date=view["date"],
                  organisation=content.programme.programme.organisation, theme_css=style.css(),
                  stylesheet=stylesheet(folders), paper_class=f"{view['kind']} {paper_id}")
    return RenderedPaper(id=paper_id, html=html, title=running, author=author, date=view["date"], theme=style,
                         subject=content.programme.programme.name)
