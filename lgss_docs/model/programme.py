"""programme.yaml: the programme, its partners and people, the RAG scale, key dates, papers."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import ContentModel
from .dates import Date
from .rag import RagLevel

Slug = str  # lower-case words joined by hyphens; checked where ids are collected


class Programme(ContentModel):
    name: str
    formerly: str | None = None
    organisation: str = Field(description="Short name of the shared service, e.g. LGSS")
    size: str | None = Field(None, description="Scale of the organisation in words, e.g. 'c. £63 million'")


class Partner(ContentModel):
    code: str = Field(pattern=r"^[A-Z][A-Za-z0-9&]{1,11}$",
                      description="a short code used across papers: 2 to 12 letters, digits or &, starting with a capital, e.g. CCC")
    name: str
    kind: Literal["partner", "customer", "other"] = Field(
        "partner", description="partner: a founding council that can lead a service; customer and other bodies are named only")


class Person(ContentModel):
    id: Slug
    name: str
    role: str | None = None


class ScaleLevel(ContentModel):
    level: RagLevel
    definition: str


class KeyDate(ContentModel):
    id: Slug
    date: Date
    event: str


class Meeting(ContentModel):
    committee: str
    date: Date
    agenda_item: str | None = None


class Block(ContentModel):
    """A block of a section: Markdown text, or a table the pipeline derives from the facts."""

    text: str | None = None
    table: Literal["rag_summary", "temporary_arrangements", "services_repatriated",
                   "services_lead_authority", "appendices", "rag_key"] | None = None

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.text is None) == (self.table is None):
            raise ValueError("a block has either text or table, not both or neither")
        return self


class Section(ContentModel):
    heading: str
    blocks: list[Block] = Field(min_length=1)


class Appendix(ContentModel):
    title: str
    paper: str | None = Field(None, description="Id of a paper built alongside, if the appendix is one")


class CommitteeReport(ContentModel):
    title: str
    confidentiality: str | None = Field(None, description="Marking shown in the title and every page header, e.g. Confidential")
    meeting: Meeting
    authors: list[Slug] = Field(min_length=1, description="Ids of people in the people list")
    purpose: str
    recommendations: list[str] = Field(min_length=1)
    status_as_at: Date = Field(description="Date the RAG summary is reported as at")
    sections: list[Section] = Field(min_length=1)
    appendices: list[Appendix] = []


class HighlightReport(ContentModel):
    """The programme highlight report's own metadata; its body comes from the work streams."""

    title: str
    confidentiality: str | None = None
    meeting: Meeting = Field(description="The board the report is presented to, and when")
    date: Date = Field(description="Date of the paper; work stream reports are checked against it")
    report_by: Slug = Field(description="Id of a person in the people list")
    subject: str
    recommendations: list[str] = Field(min_length=1)
    purpose: str = Field(description="Markdown: what the report is for")
    programme_purpose: str = Field(description="Markdown: what the programme is for")
    progress: str = Field("", description="Markdown: said before the RAG summary of the work streams")


class ProgrammeFile(ContentModel):
    """The whole of programme.yaml."""

    programme: Programme
    partners: list[Partner] = Field(min_length=1)
    people: list[Person] = []
    rag_scale: list[ScaleLevel] = Field(min_length=2)
    key_dates: list[KeyDate] = []
    committee_report: CommitteeReport
    highlight_report: HighlightReport
