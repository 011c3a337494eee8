"""The papers a programme office builds: each a view, a template and an output name.

Adding a paper means adding a row to PAPERS; the build and every writer pick it up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup

from .model.content import Content
from .render.templates import DEFAULT_TEMPLATES, render
from .views.committee_report import committee_report
from .views.highlight_report import highlight_report
from .views.plan import transition_plan


@dataclass(frozen=True)
class PaperSpec:
    id: str
    template: str
    view: Callable[[Content], dict]
    description: str
    # The content parts (see inputs.py) the view reads; None: all of them. A change to a part
    # rebuilds exactly the papers that declare it.
    reads: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RenderedPaper:
    """A paper rendered once to HTML, with the metadata every writer needs."""

    id: str
    html: str
    title: str
    author: str
    date: date
    language: str = "en-GB"
    subject: str = ""


PAPERS: dict[str, PaperSpec] = {
    spec.id: spec
    for spec in [
        PaperSpec("committee-report", "committee-report.html.j2", committee_report,
                  "Committee report to the Joint Committee"),
        PaperSpec("highlight-report", "highlight-report.html.j2", highlight_report,
                  "Programme highlight report to the Business Transition Board",
                  reads=("programme", "consultation", "workstreams")),
        PaperSpec("transition-plan", "transition-plan.html.j2", transition_plan,
                  "The programme's transition plan, month by month",
                  reads=("programme", "plan")),
    ]
}


def render_paper(spec: PaperSpec, content: Content, env: jinja2.Environment,
                 templates: Path = DEFAULT_TEMPLATES) -> RenderedPaper:
    """Return ``spec`` rendered to HTML from ``content``."""
    view = spec.view(content)
    running = " – ".join(filter(None, [view["title"], view.get("confidentiality")]))
    author = "; ".join(p.name for p in view["authors"])
    stylesheet = stylesheets(templates)
    html = render(env, spec.template, **view, document_title=running, running_title=running,
                  author=author, description=view.get("purpose", spec.description),
                  organisation=content.programme.programme.organisation,
                  stylesheet=stylesheet, paper_class=spec.id)
    return RenderedPaper(id=spec.id, html=html, title=running, author=author, date=view["date"],
                         subject=content.programme.programme.name)


def stylesheets(templates: Path) -> Markup:
    """Return every stylesheet of ``templates/css``, paper.css first: trusted, so not escaped."""
    sheets = sorted((templates / "css").glob("*.css"), key=lambda p: (p.name != "paper.css", p.name))
    return Markup("\n".join(p.read_text(encoding="utf-8") for p in sheets))
