"""Stage 3: compute what each paper shows from the content (derived, never retyped)."""

from __future__ import annotations

from ..model.content import Content, Facts
from .plan import plan_paper
from .report import report


def paper_view(content: Content, paper_id: str) -> dict:
    """Return what paper ``paper_id``'s template shows, its appendices' papers included.

    A plan paper shows the chart; a report, or a kind a content folder brings, shows its cover,
    sections and appendices (a kind of one's own lays out the same view its own way).
    """
    view = _own_view(content, paper_id)
    view.update(id=paper_id, kind=content.papers[paper_id].model.kind, appendices=_appendices(content, paper_id))
    return view


def _own_view(content: Content, paper_id: str) -> dict:
    if content.papers[paper_id].model.kind == "plan":
        return plan_paper(content, paper_id)
    return report(content, paper_id)


def _appendices(content: Content, paper_id: str) -> list[dict]:
    """Return each appendix: its number, title and, when it is a declared paper, that paper's view.

    An appendix's own appendices are listed in it but not printed again inside this paper.
    """
    paper = content.papers[paper_id].model
    facts = Facts(content, paper)
    out = []
    for number, appendix in enumerate(paper.appendices, start=1):
        inner = None
        if appendix.paper is not None:
            inner = _own_view(content, appendix.paper)
            inner.update(id=appendix.paper, kind=content.papers[appendix.paper].model.kind, appendices=[])
        out.append({"number": paper.appendix_number(number), "title": facts.fill(appendix.title), "paper": inner})
    return out
