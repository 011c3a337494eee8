"""A work stream (project, programme): one file each under workstreams/.

Its fixed fields are below; its rating and its boxes are what programme.yaml declares, so the
model of a work stream file is made for each programme (``workstream_model``).
"""

from __future__ import annotations

from pydantic import Field, create_model

from .base import ContentModel
from .dates import Date
from .programme import ProgrammeFile
from .rag import RagStatus, status_type


class Workstream(ContentModel):
    """The fields every programme's work streams have. ``rag`` is one rating, or one per dimension."""

    number: int | None = Field(None, ge=1, description="Its number, as in 'Project work stream 1'; leave out if not numbered")
    title: str
    project: str | None = Field(None, description="Title on its own page, if not the title")
    lead: str | None = Field(None, description="Id of a person in programme.yaml")
    previous_lead: str | None = Field(None, description="Id of a person in programme.yaml")
    report_date: Date | None = None
    rag: RagStatus | dict[str, RagStatus]

    def box(self, box_id: str) -> str:
        """Return the Markdown of box ``box_id`` ("" when not given)."""
        return getattr(self, box_id, None) or ""

    def ratings(self, overall: str | None) -> tuple[RagStatus, dict[str, RagStatus]]:
        """Return the overall rating and the rating of each dimension ({} with one rating)."""
        if isinstance(self.rag, RagStatus):
            return self.rag, {}
        ratings = dict(self.rag)
        return ratings[overall], ratings


def workstream_model(programme: ProgrammeFile) -> type[Workstream]:
    """Return the model of this programme's work stream files: its rating and its boxes added."""
    scheme = programme.rag
    status = status_type(scheme)
    if scheme.dimensions:
        ratings = create_model("Ratings", __base__=ContentModel, **{
            d.id: (status, Field(description=f"{d.label}: one of {scheme.expected()}")) for d in scheme.dimensions})
        rag = (ratings, Field(description="A rating for each dimension: " + ", ".join(d.id for d in scheme.dimensions)))
    else:
        rag = (status, Field(description=f"One of {scheme.expected()}"))
    boxes = {box.id: (str, Field("", description=f"Markdown: {box.heading}"))
             for box in (programme.workstream_page.boxes if programme.workstream_page else [])}
    return create_model("WorkstreamFile", __base__=Workstream, rag=rag, **boxes)
