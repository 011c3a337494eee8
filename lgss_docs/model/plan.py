"""plan.yaml: the transition plan, its activities and their spans against each timetable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

from .base import ContentModel
from .colour import Colour
from .dates import MONTHS, Date

_SHORT_MONTH = re.compile(r"^([A-Za-z]{3})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; ordered, so spans can be compared and counted."""

    year: int
    month: int

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    @property
    def label(self) -> str:
        """Return the chart's column heading: "Mar-20"."""
        return f"{MONTHS[self.month - 1][:3]}-{self.year % 100:02d}"

    @property
    def long(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return self.label

    @classmethod
    def of(cls, index: int) -> Month:
        return cls(index // 12, index % 12 + 1)


def parse_month(value: object) -> Month:
    """Return the Month written as "Mar-20", "2020-03" or a date within it."""
    if isinstance(value, Month):
        return value
    if hasattr(value, "year") and hasattr(value, "month"):
        return Month(value.year, value.month)
    text = str(value).strip()
    short = [name[:3].lower() for name in MONTHS]
    if (m := _SHORT_MONTH.match(text)) and m[1].lower() in short:
        return Month(2000 + int(m[2]), short.index(m[1].lower()) + 1)
    if (m := _ISO_MONTH.match(text)) and 1 <= int(m[2]) <= 12:
        return Month(int(m[1]), int(m[2]))
    raise ValueError(f'expected a month such as Mar-20 or 2020-03; got "{text}"')


MonthField = Annotated[
    Month,
    BeforeValidator(parse_month),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "description": "A month: Mar-20 or 2020-03"}),
]

# The non-colour mark of each timetable: how its bars are hatched, so timetables differ in greyscale too.
Mark = Literal["dotted", "diagonal", "horizontal", "crossed", "solid"]


class Timetable(ContentModel):
    id: str
    label: str = Field(description="Legend text, e.g. 'Original planned timetable'")
    short: str = Field(description="A word or two naming the timetable beside each bar")
    colour: Colour = Field(description="Fill colour, #RRGGBB")
    mark: Mark = Field(description="Hatching that tells the timetables apart without colour")


class Span(ContentModel):
    start: MonthField
    end: MonthField
    label: str | None = Field(None, description="Text inside the bar, e.g. Consultation")
    reconstructed: bool = Field(False, description="True when the source lost this bar and it was rebuilt from the dates")

    @property
    def months(self) -> int:
        return self.end.index - self.start.index + 1


class Step(ContentModel):
    text: str
    steps: list[str] = Field([], description="Sub-steps, shown as a., b., ...")


def _step(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


# A step is written as text, or as a mapping when it has sub-steps; editors are told both forms.
_STEP_SCHEMA = {"anyOf": [
    {"type": "string"},
    {"type": "object", "properties": {"text": {"type": "string"}, "steps": {"type": "array", "items": {"type": "string"}}},
     "required": ["text"], "additionalProperties": False},
]}


class Activity(ContentModel):
    id: str
    title: str
    steps: list[Annotated[Step, BeforeValidator(_step), WithJsonSchema(_STEP_SCHEMA)]] = []
    stakeholders: list[str] = Field([], description="Stakeholders and resources")
    timetable: dict[str, list[Span]] = Field(description="Spans per timetable id")


class PlanSection(ContentModel):
    title: str
    code: str = Field(pattern=r"^[A-Z]{1,3}$", description="Letter numbering the section's activities, e.g. G")
    activities: list[Activity] = Field(min_length=1)


class MonthRange(ContentModel):
    first: MonthField
    last: MonthField


class PlanLabels(ContentModel):
    """Headings of the chart's columns, in the programme's own words."""

    number: str = "#"
    activity: str = "Activity"
    stakeholders: str = "Stakeholders"
    timetable: str = "Timetable"
    key: str = "Key"
    milestones: str = "Milestones"


class PlanFile(ContentModel):
    """The whole of plan.yaml."""

    title: str
    version: int = Field(ge=1)
    date: Date
    page_size: Literal["A3", "A4"] = "A3"
    months: MonthRange | None = Field(None, description="Columns of the chart; by default the months the spans cover")
    timetables: list[Timetable] = Field(min_length=1)
    milestones: list[str] = Field([], description="Ids of key_dates in programme.yaml")
    labels: PlanLabels = PlanLabels()
    sections: list[PlanSection] = Field(min_length=1)

    def activities(self):
        """Yield (section index, activity index, activity) in chart order."""
        for s, section in enumerate(self.sections):
            for a, activity in enumerate(section.activities):
                yield s, a, activity

    def month_range(self) -> tuple[Month, Month]:
        """Return the chart's first and last month: as set, or the span of every bar."""
        if self.months is not None:
            return self.months.first, self.months.last
        spans = [span for _, _, a in self.activities() for spans in a.timetable.values() for span in spans]
        dated = Month(self.date.year, self.date.month)
        return min((s.start for s in spans), default=dated), max((s.end for s in spans), default=dated)
