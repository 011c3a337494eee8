"""In-paper links: ``[text](#id)`` in Markdown must lead to an element of the papers with that id.

WeasyPrint cannot lay out a link to an id that no element has, so such a link would fail the
PDF build as a template error, with no file or line. Here it is a content error at the text
that holds it. The ids that exist are the ones the templates give elements, listed once, in
``paper_ids``; a test compares that list with the ids of the built papers.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from ..errors import Problem
from ..model.content import Content
from ..render.markdown import parse_markdown
from .hints import one_of
from .texts import texts

# The appendices that are papers of their own, and so sections with an id (committee-report.html.j2).
_APPENDIX_PAPERS = ("transition-plan", "highlight-report")
FORMS = "in-paper links name #appendix-N, #workstream-N or #plan- and an activity id"


def paper_ids(content: Content) -> set[str]:
    """Return every id the templates give an element of some paper, for ``content``.

    Keep in step with the ``id=`` attributes of the templates: the committee report's appendices
    that are papers, each work stream's highlight report, the plan chart's description and each
    of its activities.
    """
    appendices = content.programme.committee_report.appendices
    return {*(f"appendix-{n}" for n, a in enumerate(appendices, start=1) if a.paper in _APPENDIX_PAPERS),
            *(f"workstream-{entry.model.number}" for entry in content.workstreams),
            "plan-description",
            *(f"plan-{activity.id}" for section in content.plan.sections for activity in section.activities)}


def check_links(tree, content: Content) -> list[Problem]:
    """Return a problem for each in-paper link, in any text of ``tree``, to an id no paper has."""
    ids = paper_ids(content)
    return [source.problem(loc, _message(target, ids))
            for source, loc, text in texts(tree) for target in _anchors(text) if target not in ids]


def _anchors(text: str) -> Iterator[str]:
    """Yield the id each in-paper link of the Markdown ``text`` names, as the papers will read it."""
    if "#" not in text or "]" not in text:  # no link can name an id; most text stops here
        return
    for block in parse_markdown(text):
        for token in block.children or ():
            href = token.attrGet("href") if token.type == "link_open" else None
            if isinstance(href, str) and href.startswith("#"):
                yield unquote(href[1:])


def _message(target: str, ids: set[str]) -> str:
    hint = one_of(f"#{target}", [f"#{i}" for i in sorted(ids)])
    return (f"the link to #{target} leads nowhere: no part of the papers has that id; "
            + (hint if hint.startswith("did you mean") else FORMS))
