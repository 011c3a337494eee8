"""A table of figures as its block shows it: numbered caption, headings with units, group
headings, and every cell printed as its column prints it (the totals worked out in the model)."""

from __future__ import annotations

from ..model.content import Content, Facts
from ..model.paper import FiguresBlock, Paper
from .style import rating

KEPT_TOGETHER = 24  # rows: a table this short is never split across pages; a longer one repeats its header


def figures(block: FiguresBlock, content: Content, paper: Paper, facts: Facts) -> dict:
    """Return what blocks/figures.html.j2 shows; its number is given with the paper's others (numbering.py)."""
    grid = facts.grids[block.figures]
    table, scheme = grid.table, content.programme.rag
    bodies: list[dict] = [{"heading": None, "rows": []}]
    for line in grid.lines:
        if line.kind == "group":
            bodies.append({"heading": facts.fill(line.label), "rows": []})
            continue
        cells = []
        for j, (column, cell) in enumerate(zip(table.columns, line.cells)):
            value = line.label if j == 0 and (line.kind != "row" or line.formula) else cell.shown
            if column.type == "rag" and value is not None:
                shown = rating(value, scheme)
                cells.append({"text": shown.text, "css": f"rag {shown.css}", "markdown": False})
            elif column.figures:
                cells.append({"text": grid.text(j, value), "css": "figure", "markdown": False})
            else:
                cells.append({"text": facts.fill(grid.text(j, value)), "css": "", "markdown": column.type == "text"})
        bodies[-1]["rows"].append({"kind": line.kind, "cells": cells})
    rows = [row for body in bodies for row in body["rows"]]
    columns = [{"heading": facts.fill(c.heading), "unit": grid.unit(j), "figure": c.figures} for j, c in enumerate(table.columns)]
    return {
        "table": block.figures,
        "caption": facts.fill(block.caption or table.caption),
        "number": block.number,
        "description": facts.fill(table.description or ""),
        "columns": columns,
        "widths": widths(columns, rows),
        "row_headers": table.columns[0].type == "text",
        "keep_together": len(rows) + len(bodies) <= KEPT_TOGETHER,
        "bodies": [body for body in bodies if body["rows"] or body["heading"] is not None],
    }


def widths(columns: list[dict], rows: list[dict]) -> list[float]:
    """Return each column's share of the width, in per cent: a figure column as wide as its widest
    figure or heading word, a text column as its longest text (up to a point, then it wraps).

    Declared in the HTML (<col style="width: N%">), so the PDF and the DOCX share them.
    """
    weights = []
    for j, column in enumerate(columns):
        texts = [row["cells"][j]["text"] for row in rows]
        words = column["heading"].split() + ([column["unit"]] if column["unit"] else [])
        weight = max(len(column["heading"]) // 2, *(len(text) for text in texts + words)) + 2 if column["figure"] else min(max(map(len, texts + [column["heading"]])), 45) + 2
        weights.append(max(weight, 6))
    return [round(100 * w / sum(weights), 2) for w in weights]
