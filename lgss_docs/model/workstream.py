"""A project work stream: one file each under content/workstreams/."""

from __future__ import annotations

from pydantic import Field

from .base import ContentModel
from .dates import Date
from .rag import Status


class Workstream(ContentModel):
    number: int = Field(ge=1, description="Work stream number, as in 'Project work stream 1'")
    title: str
    project: str | None = Field(None, description="Project title on its highlight report, if not the title")
    lead: str = Field(description="Id of a person in programme.yaml")
    previous_lead: str | None = None
    report_date: Date
    rag: Status
    objectives: str | None = Field(None, description="Markdown list of key project objectives")
    current_status: str = Field("", description="Markdown: progress to date")
    next_milestones: str = Field("", description="Markdown: key milestones for the next 4 weeks")
    risks_and_issues: str = Field("", description="Markdown: current key risks and issues")
    escalations: str = Field("", description="Markdown: items requiring escalation to the Board")


# The Markdown boxes of a work stream's highlight report, in the order the report shows them.
REPORT_BOXES = ("objectives", "current_status", "next_milestones", "risks_and_issues", "escalations")
