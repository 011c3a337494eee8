"""programme.yaml: the programme, its words, partners and people, RAG scheme, work stream pages,
kinds of service and key dates. Everything a paper says about the programme as a whole."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import ContentModel, Slug
from .colour import Colour
from .dates import Date
from .rag import RagScheme


class Programme(ContentModel):
    name: str
    formerly: str | None = None
    organisation: str = Field(description="Short name of the organisation, shown above each paper's title")
    size: str | None = Field(None, description="Scale of the organisation in words, e.g. 'c. £63 million'")


class Words(ContentModel):
    """The programme's own names for things, as its papers use them."""

    workstream: str = Field("work stream", description='What one file of workstreams/ is called: "project work stream", "programme", "project"')
    workstreams: str | None = Field(None, description="The plural, if not the singular with an s")

    @property
    def plural(self) -> str:
        return self.workstreams or f"{self.workstream}s"


class HouseStyle(ContentModel):
    """Colours and names of the house style, used by every format alike."""

    ink: Colour = Field("#1b1b1b", description="Text, #RRGGBB")
    accent: Colour = Field("#1d3f6e", description="Headings and captions, #RRGGBB (on white)")
    header_fill: Colour = Field("#e8ecf2", description="Tint of table header cells, #RRGGBB")
    docx_table_style: str = Field("Paper Table", description="Name of the Word table style the DOCX papers use")


class Partner(ContentModel):
    code: str = Field(pattern=r"^[A-Z][A-Za-z0-9&]{1,11}$",
                      description="a short code used across papers: 2 to 12 letters, digits or &, starting with a capital, e.g. ABC")
    name: str
    kind: Literal["partner", "customer", "other"] = Field(
        "partner", description="partner: a founding body that can lead a service; customer and other bodies are named only")


class Person(ContentModel):
    id: Slug
    name: str
    role: str | None = None


class KeyDate(ContentModel):
    id: Slug
    date: Date
    event: str


class Box(ContentModel):
    """One box of a work stream's page: a Markdown field of every work stream file."""

    id: str = Field(description="The field's name in the work stream files, e.g. current_status")
    heading: str
    width: Literal["half", "full"] = Field("half", description="half: two boxes side by side; full: the box has the row to itself")
    when_empty: Literal["none", "hide"] = Field("none", description='none: print "None"; hide: leave the box out')


class PageLabels(ContentModel):
    title: str = Field("Project", description="Label of the work stream's title on its page and first column of RAG tables")
    lead: str = "Lead"
    report_date: str = "Date of report"
    rag: str = "RAG status"


class WorkstreamPage(ContentModel):
    """``workstream_page:`` the page each work stream has in a highlight or closure report."""

    labels: PageLabels = PageLabels()
    boxes: list[Box] = Field(min_length=1)


class ServiceModel(ContentModel):
    """A way a service can be delivered after the change: repatriated, led by one partner, hosted..."""

    id: Slug
    label: str = Field(description='How the change summary names it, e.g. "lead authority"')
    lead_authority: Literal["required", "none", "optional"] = Field(
        "none", description="Whether services of this model name the partner that leads them")


class ProgrammeFile(ContentModel):
    """The whole of programme.yaml."""

    programme: Programme
    words: Words = Words()
    style: HouseStyle = HouseStyle()
    partners: list[Partner] = []
    people: list[Person] = []
    rag: RagScheme
    workstream_page: WorkstreamPage | None = Field(
        None, description="The boxes of each work stream's page; needed by papers that show work stream pages")
    service_models: list[ServiceModel] = Field([], description="The delivery models services may have")
    key_dates: list[KeyDate] = []
