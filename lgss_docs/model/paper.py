"""papers/*.yaml: the papers a programme office builds, each declared in a file of its own.

A paper has a kind: ``report`` (a cover panel, numbered sections of blocks, appendices: a
committee report, a highlight report, a closure report), ``plan`` (the programme plan as a
chart), or the name of a template the content folder brings. Sections hold blocks: Markdown
text, a table the pipeline derives from the facts, a table of figures from tables/, or a page
per work stream. Each kind of
block has its own fields and its own errors (a discriminated union, keyed by the block's
first word).
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, ConfigDict, Discriminator, Field, Tag, WithJsonSchema

from .base import ContentModel, Slug
from .dates import Date


class Meeting(ContentModel):
    name: str = Field(description="The committee or board the paper goes to")
    short: str | None = Field(None, description='How the paper names it in a sentence, e.g. "the Board" (default: "the" and its name)')
    date: Date
    agenda_item: str | None = None

    @property
    def called(self) -> str:
        return self.short or f"the {self.name}"


# -- blocks ---------------------------------------------------------------------------------

class TextBlock(ContentModel):
    text: str = Field(description="Markdown; {group.name} names a fact, such as {dates.board-starts}")


class _Table(ContentModel):
    caption: str | None = Field(None, description="The table's caption (a default is given for each table)")


class RagSummaryTable(_Table):
    table: Literal["rag_summary"]
    as_at: Date | None = Field(None, description="The date the ratings are reported as at (default: the paper's status_as_at, or its date)")
    headings: list[str] | None = Field(None, min_length=2, max_length=2,
                                       description="The two column headings (with dimensions, only the first is used)")


class RagKeyTable(_Table):
    table: Literal["rag_key"]


class ServiceColumn(ContentModel):
    field: Literal["name", "notes", "lead_authority", "date", "scope"]
    heading: str


class ServicesTable(_Table):
    table: Literal["services"]
    model: str = Field(description="Id of a service model in programme.yaml: the table lists the services of that model")
    columns: list[ServiceColumn] = Field(min_length=1, description="Columns in order, each a field of the service files")


class ArrangementsTable(_Table):
    table: Literal["temporary_arrangements"]
    headings: list[str] = Field(["Service", "As agreed", "Revisions"], min_length=3, max_length=3)


class AppendicesList(_Table):
    table: Literal["appendices"]


class EscalationsTable(_Table):
    table: Literal["escalations"]
    box: str = Field("escalations", description="The work stream box whose items are escalated")
    headings: list[str] | None = Field(None, min_length=2, max_length=2)


TABLES = {model.model_fields["table"].annotation.__args__[0]: model
          for model in (RagSummaryTable, RagKeyTable, ServicesTable, ArrangementsTable, AppendicesList, EscalationsTable)}


class _UnknownTable(ContentModel):
    """Reached only by a table name that is none of TABLES, to say which names there are."""

    model_config = ConfigDict(extra="allow")
    table: Literal[tuple(TABLES)]


class FiguresBlock(ContentModel):
    figures: Slug = Field(description="Id of a table of figures: the name of its file in tables/, e.g. budget-build")
    caption: str | None = Field(None, description="The caption here (default: the table's own)")
    number: str | None = Field(None, description='Its number, e.g. "6a" (default: the next, "Table 1", "Table 2" through the paper)')


class WorkstreamPagesBlock(ContentModel):
    workstream_pages: Literal[True] = Field(description="true: a page for each work stream, with the boxes programme.yaml declares")


class RagHistoryBlock(ContentModel):
    rag_history: Literal[True] = Field(description="true: a chart of every work stream's rating at each reporting cycle "
                                                   "(the cycles are git tags: see lgss-docs cycle)")
    caption: str | None = Field(None, description="The chart's caption (default: RAG history of each work stream, cycle by cycle)")
    last: int | None = Field(None, ge=1, description="Show only the latest N cycles, this one included (default: all)")


class ImageBlock(ContentModel):
    image: str = Field(pattern=r"^[^/\\.][^/\\]*\.(png|jpe?g|PNG|JPE?G)$",
                       description="A PNG or JPEG file of the content's images/ folder, e.g. governance-structure.png")
    alt: str = Field(min_length=1, description="What the picture shows, in words, for readers who cannot see it "
                                               "(read aloud by screen readers; required)")
    caption: str | None = Field(None, description='The caption under the picture, e.g. "Figure 1: Governance structure"')
    width: int = Field(100, ge=10, le=100, description="Its width, as a percentage of the text's width (default: 100)")


def _block_kind(value: object) -> str | None:
    """Return a block's tag: text, figures, workstream_pages, rag_history, image, or table:NAME for a derived table."""
    if not isinstance(value, dict):
        return None
    if "table" in value:
        return f"table:{value['table']}" if value["table"] in TABLES else "table:?"
    return next((key for key in ("text", "figures", "workstream_pages", "rag_history", "image") if key in value), None)


Block = Annotated[
    Union[Annotated[TextBlock, Tag("text")],
          Annotated[FiguresBlock, Tag("figures")],
          Annotated[WorkstreamPagesBlock, Tag("workstream_pages")],
          Annotated[RagHistoryBlock, Tag("rag_history")],
          Annotated[ImageBlock, Tag("image")],
          # A name that is none of TABLES: a message, never a shape an editor should offer.
          Annotated[_UnknownTable, Tag("table:?"), WithJsonSchema({"not": {}})],
          *(Annotated[model, Tag(f"table:{name}")] for name, model in TABLES.items())],
    Discriminator(_block_kind, custom_error_type="block_kind",
                  custom_error_message="expected a block: text:, table:, figures:, workstream_pages:, rag_history: or image:"),
]


class Section(ContentModel):
    heading: str
    id: Slug | None = Field(None, description="An anchor for links within the paper: [see](#id)")
    page_break: bool = Field(False, description="Start the section on a new page")
    blocks: list[Block] = Field(min_length=1)


# -- the paper ------------------------------------------------------------------------------

CoverValue = Literal["meeting", "meeting_date", "agenda_item", "authors", "date", "subject", "purpose",
                     "recommendations", "confidentiality", "status_as_at"]


class CoverRow(ContentModel):
    label: str | None = Field(None, description="The row's label (default: To, From, Date, ... as the value)")
    value: CoverValue | None = Field(None, description="A field of the paper to show")
    text: str | None = Field(None, description="Or text of your own (Markdown, facts filled in)")


class Recommendations(ContentModel):
    lead_in: str | None = Field(None, description='The sentence before the list (default: "That the <meeting>:")')
    numbering: Literal["1", "i", "a"] = Field("1", description="1: 1, 2, 3; i: i, ii, iii; a: a, b, c")
    items: list[str] = Field(min_length=1)


def _recommendations(value: object) -> object:
    return {"items": value} if isinstance(value, list) else value


class Appendix(ContentModel):
    title: str
    paper: str | None = Field(None, description="Id of a declared paper, printed in full as this appendix")


class Paper(ContentModel):
    """A whole file of papers/."""

    kind: str = Field("report", description="report, plan, or the name of a template in the content's templates/")
    title: str | None = Field(None, description="The paper's title (a plan's defaults to plan.yaml's)")
    confidentiality: str | None = Field(None, description="Marking shown after the title and in every page header")
    meeting: Meeting | None = None
    date: Date | None = Field(None, description="Date of the paper (default: the meeting's date)")
    authors: list[Slug] = Field([], description="Ids of people in programme.yaml")
    subject: str | None = None
    purpose: str | None = None
    # A plain list of recommendations is short for {items: [...]}: the schema offers both.
    recommendations: Annotated[Recommendations, BeforeValidator(
        _recommendations, json_schema_input_type=Annotated[list[str], Field(min_length=1)] | Recommendations)] | None = None
    cover_note: str | None = Field(None, description="A line above the cover panel, e.g. Presented to the {paper.meeting} on {paper.meeting_date}")
    cover: list[CoverRow] | None = Field(None, description="The cover panel's rows, in order (default: To, From, Date, Purpose, Recommendations)")
    status_as_at: Date | None = Field(None, description="Date RAG tables report as at (default: the paper's date)")
    numbered: bool = Field(True, description="Number the section headings: 1. Background")
    paragraph_numbers: Literal["none", "paper", "section"] = Field(
        "none", description="Number the paragraphs of text blocks: paper (1, 2, 3 through the paper), "
                            "section (1.1, 1.2 within each numbered section) or none")
    sections: list[Section] = []
    appendices: list[Appendix] = []
    appendix_numbers: Literal["1", "A"] = Field("1", description="Number the appendices 1, 2, 3 or A, B, C")

    def appendix_number(self, position: int) -> str:
        """Return how the paper numbers its appendix at ``position`` (from 1): "2", or "B"."""
        return chr(ord("A") + position - 1) if self.appendix_numbers == "A" else str(position)

    @property
    def day(self):
        """Return the paper's date: its own, else its meeting's (None for a plan, which has its own)."""
        return self.date or (self.meeting.date if self.meeting else None)
