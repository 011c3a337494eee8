"""Pipe tables in Markdown whose rows do not match their header.

markdown-it (like GitHub) quietly fills a row with too few cells with empty ones and drops the
cells of a row with too many, so a figure typed one cell short lands in the wrong column and
nothing says so. Each such row is an error, placed on its own line of the file when the text is
a block (``text: |``), as tables in content are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.rules_block.table import escapedSplit

from ..errors import Problem
from ..load import Source
from ..model.content import Content
from ..render.markdown import parse_markdown
from .texts import parts_and_sources, strings

_QUOTE = re.compile(r"^\s*(?:>\s?)+")


def check_pipe_tables(content: Content) -> list[Problem]:
    """Return a problem for each row of a pipe table, in any text of ``content``, with a cell too few or too many."""
    problems = []
    for _, source in parts_and_sources(content):
        for loc, text in strings(source.data):
            if "|" in text and "\n" in text:
                problems += [_at(source, loc, row, message) for row, message in _uneven_rows(text)]
    return problems


def cells_in(line: str) -> int:
    """Return how many cells a pipe table's row ``line`` has, as markdown-it splits it."""
    cells = escapedSplit(_QUOTE.sub("", line).strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return len(cells)


def _uneven_rows(text: str) -> Iterator[tuple[int | None, str]]:
    """Yield (line of the text, message) for each row of a pipe table whose cells do not match its header."""
    lines = text.splitlines()
    header, in_body = 0, False
    for token in parse_markdown(text):
        if token.type == "thead_open":
            header = cells_in(lines[token.map[0]])
        in_body = token.type == "tbody_open" or in_body and token.type != "tbody_close"
        if token.type == "tr_open" and in_body and token.map:
            found = cells_in(lines[token.map[0]])
            if found < header:
                yield token.map[0], (f"this pipe table row has {found} cell{'s' if found != 1 else ''} where its header "
                                     f"has {header}; add the missing cell (| | for an empty one), or the others land in "
                                     "the wrong columns")
            elif found > header:
                yield token.map[0], (f"this pipe table row has {found} cells where its header has {header}; "
                                     "the extra cells would be dropped")


def _at(source: Source, loc: tuple, row: int, message: str) -> Problem:
    """Return the problem placed on the file's line of the text's ``row``, when the text is a block (text: |)."""
    problem = source.problem(loc, message)
    try:
        file_lines = source.path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return problem
    text = _text_at(source.data, loc)
    wanted = text.splitlines()[row].strip()
    index = problem.line + row  # a block's text starts on the line after its | or >
    if 0 <= index < len(file_lines) and file_lines[index].strip() == wanted and wanted:
        line = file_lines[index]
        return Problem(problem.path, index + 1, len(line) - len(line.lstrip()) + 1, problem.field, message)
    return problem


def _text_at(data, loc: tuple) -> str:
    for part in loc:
        data = data[part]
    return data
