"""In-paper links: ``[text](#id)`` in Markdown must lead to an element, in every paper that prints it.

WeasyPrint cannot lay out a link to an id that no element has, so such a link would fail the
PDF build as a template error, with no file or line. Here it is a content error at the text
that holds it. The ids a paper has are the ones the templates give its elements, worked out
once, in ``paper_ids``; a test compares them with the ids of the built papers. A text is
printed by the papers that read its file (``inputs.reads``), so a link in a work stream's
box must lead somewhere in each paper that shows work stream pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from ..errors import Problem
from ..inputs import reads
from ..model.content import Content
from ..model.paper import WorkstreamPagesBlock
from ..render.markdown import parse_markdown
from .hints import one_of
from .texts import parts_and_sources, strings

FORMS = "in-paper links name a section's id, #appendix-N (or -A), #workstream-N, or #plan- and an activity id"


def _printed(content: Content, paper_id: str) -> list[str]:
    """Return the papers whose content paper ``paper_id`` prints: itself, then its appendices that are papers."""
    paper = content.papers[paper_id].model
    return [paper_id, *(a.paper for a in paper.appendices if a.paper in content.papers and a.paper != paper_id)]


def paper_ids(content: Content, paper_id: str) -> set[str]:
    """Return every id the templates give an element of paper ``paper_id``.

    Keep in step with the ``id=`` attributes of the templates: a section's declared id, each
    appendix that is a paper, each work stream's page, the plan chart's description and each of
    its activities.
    """
    paper = content.papers[paper_id].model
    ids = {f"appendix-{paper.appendix_number(n)}" for n, a in enumerate(paper.appendices, start=1) if a.paper in content.papers}
    for printed in (content.papers[p].model for p in _printed(content, paper_id)):
        ids |= {section.id for section in printed.sections if section.id}
        if any(isinstance(b, WorkstreamPagesBlock) for s in printed.sections for b in s.blocks):
            ids |= {f"workstream-{entry.model.number or place}" for place, entry in enumerate(content.workstreams, start=1)}
        if printed.kind == "plan" and content.plan is not None:
            ids |= {"plan-description", "plan-chart-caption", *(f"plan-{a.id}" for _, _, a in content.plan.activities())}
    return ids


def check_links(content: Content) -> list[Problem]:
    """Return a problem for each in-paper link, in any text, to an id a paper printing it lacks."""
    ids = {paper_id: paper_ids(content, paper_id) for paper_id in content.papers}
    printing = {part: [p for p in content.papers if part in reads(content, p)] for part, _ in parts_and_sources(content)}
    problems = []
    for part, source in parts_and_sources(content):
        for loc, text in strings(source.data):
            for target in _anchors(text):
                lacking = [p for p in printing[part] if target not in ids[p]]
                if lacking:
                    problems.append(source.problem(loc, _message(target, lacking[0], ids[lacking[0]], len(printing[part]))))
    return problems


def _anchors(text: str) -> Iterator[str]:
    """Yield the id each in-paper link of the Markdown ``text`` names, as the papers will read it."""
    if "#" not in text or "]" not in text:  # no link can name an id; most text stops here
        return
    for block in parse_markdown(text):
        for token in block.children or ():
            href = token.attrGet("href") if token.type == "link_open" else None
            if isinstance(href, str) and href.startswith("#"):
                yield unquote(href[1:])


def _message(target: str, paper: str, ids: set[str], papers: int) -> str:
    where = f"the {paper} paper" + (", which prints this text," if papers > 1 else "")
    hint = one_of(f"#{target}", [f"#{i}" for i in sorted(ids)])
    return (f"the link to #{target} leads nowhere in {where} (no element there has that id); "
            + (hint if hint.startswith("did you mean") else FORMS))

