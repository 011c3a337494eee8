"""The RAG history chart: every work stream down, every cycle across, each cell a rating's tint
and its word (or initials, when the words do not fit), a row per dimension when there are several.

The view lays the chart out (the template draws it as SVG for HTML and PDF) and gives the same
cells as a table, which the DOCX writes shaded instead of the picture. Sizes are CSS pixels,
estimated from the number of characters: the chart is drawn in one font at one size.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..model.content import Content
from ..model.history import Rated
from ..model.rag import RagScheme, RagStatus
from .history import history
from .style import NOT_RATED, rag_class

WIDTH = 656  # the text width of an A4 page (174 mm) in CSS pixels
FONT, CHAR, BOLD = 12, 6.7, 7.3  # font size (9 pt), and the width of an average character, plain and bold
LINE, PAD = 14, 6
ROW, DIMENSION_ROW = 23, 19  # the height of a work stream's row, and of each dimension's
MAX_COLUMN, LABEL_SHARE = 96, 0.36  # the widest a cycle's column is; the most the labels take
NO_FILL, RULE = "#ffffff", "#6f6f6f"


@dataclass(frozen=True)
class Cell:
    text: str  # what the cell shows: the word or its initials; "" when not a work stream then
    word: str  # the rating in full
    css: str  # the class that tints it (the DOCX shades by it)
    fill: str  # the tint, for the SVG
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0


@dataclass(frozen=True)
class Run:
    """Cycles in a row rated alike, for the chart's description: Green from Sep 2020 to Nov 2020."""

    word: str
    first: str
    last: str
    count: int


@dataclass
class Row:
    label: str  # "1. Governance" (on a work stream's first row; "" on its other dimensions' rows)
    dimension: str  # the dimension's label; "" with one rating
    cells: list[Cell]
    span: int = 1  # rows the label spans (one per dimension)
    runs: list[Run] = field(default_factory=list)
    y: float = 0
    height: float = 0
    label_lines: list[tuple[float, float, str]] = field(default_factory=list)  # (x, y, text)


def _initials(word: str) -> str:
    """Return "A/R" for Amber/Red, "NR" for Not reported."""
    return "/".join("".join(w[0] for w in part.split()).upper() for part in word.split("/"))


def _label(number: int | None, title: str) -> str:
    return f"{number}. {title}" if number is not None else title


def _cell(status: RagStatus | None, scheme: RagScheme) -> Cell:
    if status is None:
        return Cell("", "", "", NO_FILL)
    if not status.reported:
        return Cell(str(status), str(status), NOT_RATED, NO_FILL)
    worst = status.worst(scheme)
    fill = next(level.colour for level in scheme.scale if level.level == worst)
    return Cell(worst, worst, rag_class(worst), fill)


def _work_streams(content: Content, points) -> list[tuple[str, str, Rated | None]]:
    """Return (id, label, its ratings now or None) for every work stream of any cycle shown: today's
    in the content's order, then those of earlier cycles only, in the order they first appeared,
    each under its latest title."""
    scheme = content.programme.rag
    found = [(e.id, _label(e.model.number, e.model.title), _now(e.model, scheme)) for e in content.workstreams]
    gone: dict[str, str] = {}
    for point in points:
        for ws_id, rated in point.ratings.items():
            gone[ws_id] = _label(rated.number, rated.title)
    today = {ws_id for ws_id, _, _ in found}
    return found + [(ws_id, name, None) for ws_id, name in gone.items() if ws_id not in today]


def _now(ws, scheme: RagScheme) -> Rated:
    overall, dimensions = ws.ratings(scheme.overall_id)
    return Rated(ws.title, ws.number, overall, dimensions)


def chart(content: Content, caption: str, last: int | None) -> dict:
    """Return what blocks/rag_history.html.j2 draws: the chart laid out, its cells as a table, its key."""
    scheme, past = content.programme.rag, history(content)
    points = list(past.past)[max(0, len(past.past) - last + 1):] if last else list(past.past)
    columns = [p.short for p in points] + [past.current_short]
    labels = [p.label for p in points] + [past.current_label]  # as the description names them
    dimensions = [(d.id, d.label) for d in scheme.dimensions] or [(None, "")]
    rows = []
    for ws_id, name, now in _work_streams(content, points):
        for place, (dim_id, dim_label) in enumerate(dimensions):
            then = [p.ratings.get(ws_id) for p in points] + [now]
            cells = [_cell(rated.on(dim_id) if rated else None, scheme) for rated in then]
            rows.append(Row(name if place == 0 else "", dim_label, cells, len(dimensions) if place == 0 else 0,
                            _runs(cells, labels)))
    words = [level.level for level in scheme.scale] + ([scheme.unrated] if scheme.unrated else [])
    geometry = _layout(rows, columns, words, bool(scheme.dimensions))
    return {"caption": caption, "columns": columns, "labels": labels, "rows": rows, "dimensions": bool(scheme.dimensions),
            **geometry}


def _runs(cells: list[Cell], columns: list[str]) -> list[Run]:
    """Return the runs of cycles in a row rated alike; a cycle not rated ends a run."""
    runs: list[Run] = []
    for place, (cell, column) in enumerate(zip(cells, columns)):
        if cell.word and place > 0 and runs and cells[place - 1].word == cell.word:
            runs[-1] = Run(cell.word, runs[-1].first, column, runs[-1].count + 1)
        elif cell.word:
            runs.append(Run(cell.word, column, column, 1))
    return runs


def _groups(rows: list[Row]) -> list[list[Row]]:
    groups: list[list[Row]] = []
    for row in rows:
        if row.span:
            groups.append([row])
        else:
            groups[-1].append(row)
    return groups


def _layout(rows: list[Row], columns: list[str], words: list[str], dimensional: bool) -> dict:
    """Place every label and cell; return the chart's size, the header's lines, whether initials stand for words."""
    longest = max((len(r.label) for r in rows), default=0)
    dim_width = max((len(r.dimension) for r in rows), default=0) * CHAR + 2 * PAD if dimensional else 0
    # Labels take what they need, up to a share of the width or what the cycles leave, if more.
    label_width = min(longest * CHAR + 2 * PAD, max(WIDTH * LABEL_SHARE, WIDTH - dim_width - len(columns) * MAX_COLUMN))
    column = min(MAX_COLUMN, (WIDTH - label_width - dim_width) / len(columns))
    initials = max(len(w) for w in words) * CHAR + 2 * PAD > column
    if initials and len({_initials(w) for w in words}) < len(words):
        initials = False  # initials that would be ambiguous: the words, however tight
    heads = [[c] if len(c) * BOLD + PAD <= column else c.split(" ", 1) for c in columns]
    top = max(len(h) for h in heads) * LINE + PAD
    wrap = max(1, int((label_width - 2 * PAD) / CHAR))
    y, left = top, label_width + dim_width
    for group in _groups(rows):  # a work stream's rows: one, or one per dimension
        lines = textwrap.wrap(group[0].label, wrap)
        height = max(DIMENSION_ROW if dimensional else ROW, (len(lines) * LINE + PAD) / len(group))
        first = y + (height * len(group) - len(lines) * LINE) / 2 + LINE - 3  # the label centred on its rows
        group[0].label_lines = [(PAD, first + i * LINE, text) for i, text in enumerate(lines)]
        for row in group:
            row.y, row.height = y, height
            row.cells = [Cell(_initials(c.text) if initials and c.text else c.text, c.word, c.css, c.fill,
                              left + i * column + 1, y + 1, column - 2, height - 2) for i, c in enumerate(row.cells)]
            y += height
    return {"width": round(left + len(columns) * column, 1), "height": round(y + 1, 1), "top": top, "font": FONT,
            "label_width": label_width, "left": left, "column": column,
            "heads": [(left + (i + 0.5) * column, [(top - PAD - (len(h) - 1 - j) * LINE, text) for j, text in enumerate(h)])
                      for i, h in enumerate(heads)],
            "key": [(_initials(w), w) for w in words] if initials else []}
