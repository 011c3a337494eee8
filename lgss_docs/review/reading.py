"""The change summary, read from a redline: every mark it holds, named by where it stands.

The redline is the one comparison (``redline_html``); this module only reads it, so the summary
says exactly what the redline marks, no less and no more. Each change is named by what a reader
of the paper sees around it: the headings above it, the table's caption, the row's first cell
(the work stream, the service, the activity), the column's heading (or the label beside the
cell). Text reads as printed, facts filled in. A block added or removed whole is one change
listing everything it holds; a bar of a chart that moved reads as its months before and after.
"""

from __future__ import annotations

import copy
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from lxml import html as lxml_html

from .change import Change
from .marks import cells, text, whole

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LEAVES = {"p", "li", "dt", "dd", "pre", "blockquote", "span", "caption"}
LISTS = ("ul", "ol", "dl")
BLOCKS_IN_CELLS = {*LISTS, "p"}
CONTEXT = 4  # words kept either side of a change to a longer text
_NUMBER = re.compile(r"^(\d+|[a-z]|[ivxlc]+)[.)]$", re.IGNORECASE)


def read_changes(redline_html: str, area: str, paper_id: str) -> list[Change]:
    """Return every change the redline ``redline_html`` marks, in reading order, under ``area``."""
    body = lxml_html.document_fromstring(redline_html.encode("utf-8")).body
    reader = _Reader(area, paper_id)
    reader.blocks(body)
    return reader.changes


def marks_in(el) -> bool:
    """Return whether ``el`` holds a mark of the redline: words, a whole block, or a drawn cell changed."""
    return (el.find(".//ins") is not None or el.find(".//del") is not None or whole(el) is not None
            or any(whole(d) or d.get("data-old-class") is not None for d in el.iter()))


def version(el, change: str) -> str:
    """Return the text of ``el`` as the old ("del" kept) or new ("ins" kept) version reads."""
    copied = copy.deepcopy(el)
    for gone in list(copied.iter("del" if change == "ins" else "ins")):
        _drop(gone)
    return text(copied)


def _drop(el) -> None:
    """Remove ``el`` from its parent, keeping the text after it."""
    parent, tail = el.getparent(), el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def own(el):
    """Return a copy of ``el`` without the lists inside it: a list item's own words."""
    copied = copy.deepcopy(el)
    for inner in [c for c in copied if isinstance(c.tag, str) and c.tag in LISTS]:
        _drop(inner)
    return copied


def excerpts(old: str, new: str, context: int = CONTEXT) -> tuple[str, str]:
    """Return ``old`` and ``new`` cut to the words that differ and ``context`` words either side."""
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    first, last = max(0, start - context), max(0, end - context)

    def cut(words: list[str]) -> str:
        middle = " ".join(words[first:len(words) - last])
        return ("…" if first else "") + middle + ("…" if last else "")

    return cut(a), cut(b)


def _label(el) -> str:
    """Return a heading or cell as a name: its words, without symbols that only decorate it (▼)."""
    return "".join(ch for ch in version(el, "ins") if unicodedata.category(ch) != "So").strip()


@dataclass
class _Table:
    """What names the cells of one table as its rows are read."""

    caption: str
    columns: dict[int, str] = field(default_factory=dict)  # grid column -> heading
    group: str = ""      # the title of the rows below a full-width heading row
    band: str = ""       # the subject of rows under cells reaching down (an activity)
    band_left: int = 0   # rows of the band still to come
    rows_with_keys: bool = False


class _Reader:
    def __init__(self, area: str, paper_id: str):
        self.area, self.paper_id = area, paper_id
        self.headings: list[tuple[int, str]] = []
        self.changes: list[Change] = []
        self.tables: list[str] = []  # captions of the tables being read, for the place
        self.appendix = ""  # "#appendix-2" inside a paper printed as an appendix, for the key

    # -- where a change stands --------------------------------------------------------------
    def place(self) -> str:
        return " › ".join([t for level, t in self.headings if level > 1] + self.tables)

    def add(self, subject: str, what: str, old: str | None = None, new: str | None = None) -> None:
        place = self.place()
        path = [self.paper_id, self.appendix, place, subject, what]
        self.changes.append(Change(self.area, "/".join(filter(None, path)), subject, what, old, new, place))

    # -- blocks -----------------------------------------------------------------------------
    def blocks(self, el) -> None:
        for child in el:
            if not isinstance(child.tag, str) or "redline-key" in child.get("class", ""):
                continue
            if child.tag in HEADINGS:
                self.heading(child)
            elif whole(child) and child.tag not in ("tr", "tbody", "thead", "tfoot"):
                self.whole(child, "", whole(child))
            elif child.tag == "table":
                self.table(child)
            elif child.tag in LISTS:
                self.items(child, "", "item")
            elif child.tag in LEAVES:
                self.leaf(child, "", "paragraph")
            elif child.get("id", "").startswith("appendix-"):
                self.appendix = "#" + child.get("id")
                self.blocks(child)
                self.appendix = ""
            else:
                self.blocks(child)

    def heading(self, el) -> None:
        level = HEADINGS[el.tag]
        if marks_in(el):
            self.leaf(el, "", "heading")
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, _label(el)))

    def whole(self, el, subject: str, change: str, what: str | None = None, columns: dict | None = None) -> None:
        """Add one change for a block added or removed whole, listing what it holds (a row's
        cells under their column headings)."""
        noun = what or _noun(el)
        if el.tag in HEADINGS or noun == "section":
            heading = next((h for h in el.iter(*HEADINGS) if h is not el), el if el.tag in HEADINGS else None)
            subject = subject or (_label(heading) if heading is not None else "")
        described = describe(el, columns or {})
        self.add(subject, f"{noun} {'added' if change == 'ins' else 'removed'}",
                 described if change == "del" else None, described if change == "ins" else None)

    def leaf(self, el, subject: str, noun: str) -> None:
        """Add the change to one block of text, if it has one: added, removed or reworded; then
        read the lists inside it (a list item's own items)."""
        if change := whole(el):
            self.whole(el, subject, change, noun)
            return
        if not marks_in(el):
            return
        old, new = version(own(el), "del"), version(own(el), "ins")
        if old != new and (not old or not new):
            self.add(subject, f"{noun} {'added' if new else 'removed'}", old or None, new or None)
        elif old != new:
            self.add(subject, f"{noun} reworded" if len(new.split()) > 2 * CONTEXT + 2 else noun, *excerpts(old, new))
        for inner in (c for c in el if isinstance(c.tag, str) and c.tag in LISTS):
            self.items(inner, subject, noun if noun.endswith("item") else "item")

    def items(self, el, subject: str, noun: str) -> None:
        """Read a list's items; items only renumbered (a step added above them) make one change."""
        renumbered = []
        for item in (c for c in el if isinstance(c.tag, str) and c.tag in ("li", "dt", "dd")):
            old, new = version(own(item), "del"), version(own(item), "ins")
            if not whole(item) and old != new and _renumbered(old, new):
                renumbered.append((old.split()[0], new.split()[0]))
                for inner in (c for c in item if isinstance(c.tag, str) and c.tag in LISTS):
                    self.items(inner, subject, noun)
            else:
                self.leaf(item, subject, noun)
        if renumbered:
            self.add(subject, f"{noun}s renumbered", ", ".join(o for o, _ in renumbered), ", ".join(n for _, n in renumbered))

    # -- tables -----------------------------------------------------------------------------
    def table(self, el) -> None:
        caption = el.find("caption")
        name = _label(caption) if caption is not None else ""
        if caption is not None and marks_in(caption):
            self.leaf(caption, "table", "caption")
        self.tables.append(name)
        table = _Table(name)
        rows = [(row, group.tag) for group in el if isinstance(group.tag, str) and group.tag in ("thead", "tbody", "tfoot")
                for row in group if isinstance(row.tag, str) and row.tag == "tr"]
        rows += [(row, "tbody") for row in el if isinstance(row.tag, str) and row.tag == "tr"]
        table.rows_with_keys = _columns(rows) > 1
        taken: dict[int, int] = {}  # grid column -> rows a cell from above still covers
        pending: list[tuple] = []   # bar rows removed whole, waiting for the rows that replace them
        for row, group in rows:
            placed = _place(row, taken)
            if self.drawn(row, placed, table, pending):
                continue
            self.flush(pending)
            self.row(row, group, placed, table)
        self.flush(pending)
        self.tables.pop()

    def row(self, row, group: str, placed: list[tuple[int, int, object]], table: _Table) -> None:
        cells_ = [c for _, _, c in placed]
        subhead = "subhead" in row.get("class", "").split()
        if (group != "tbody" and all(c.tag == "th" for c in cells_)) or (subhead and len(cells_) > 1):
            self.headings_row(row, placed, table)
            return
        if len(cells_) == 1 and cells_[0].tag == "th" and (subhead or table.rows_with_keys and _columns([(row, group)]) > 1):
            table.group = _label(cells_[0])  # a title over the rows below it (a section of a plan)
            if marks_in(row):
                self.leaf(cells_[0], table.caption or "table", "group title")
            return
        subject = self.subject(row, placed, table)
        if change := whole(row):
            self.whole(row, subject, change, "row", _by_column(placed, table.columns))
            return
        for index, (start, _, cell) in enumerate(placed):
            if not marks_in(cell):
                continue
            beside = cells_[index - 1] if index else None
            label = beside if beside is not None and beside.tag == "th" and beside.get("scope") == "row" else None
            if heading := table.columns.get(start):
                self.cell(cell, subject if index else table.caption, heading)
            elif label is not None:
                self.cell(cell, table.band if table.band_left or int(label.get("rowspan", 1)) > 1 else table.caption,
                          _label(label))
            else:
                self.cell(cell, subject if index else table.caption, table.group)

    def cell(self, cell, subject: str, field_name: str) -> None:
        if any(isinstance(c.tag, str) and c.tag in BLOCKS_IN_CELLS for c in cell):
            for unit in cell:
                if not isinstance(unit.tag, str):
                    continue
                if unit.tag in LISTS:
                    self.items(unit, subject, f"{field_name}: item" if field_name else "item")
                else:
                    self.leaf(unit, subject, field_name or "paragraph")
            if (cell.text or "").strip() and marks_in(cell):
                self.leaf(own(cell), subject, field_name or "cell")
            return
        self.leaf(cell, subject, field_name or "cell")

    def headings_row(self, row, placed, table: _Table) -> None:
        """Read a row of column headings: a change to them, and the names they give the columns below."""
        for start, end, cell in placed:
            if marks_in(cell):
                self.leaf(cell, table.caption or "table", "column heading")
            for column in range(start, end):
                table.columns[column] = _label(cell)

    def subject(self, row, placed, table: _Table) -> str:
        """Return what a row is about: the activity its band shows, its first cell, or the table."""
        head = [c for _, _, c in placed if int(c.get("rowspan", 1)) > 1]
        if head:
            table.band = " ".join(filter(None, (_label(own(_inline(c))) for c in head)))
            table.band_left = int(head[0].get("rowspan", 1))
        if table.band_left > 0:
            table.band_left -= 1
            return table.band
        if not placed or not table.rows_with_keys or len(placed) < 2:
            return table.caption
        header = next((i for i, (_, _, c) in enumerate(placed[:2]) if c.tag == "th" and c.get("scope") == "row"), None)
        if header is not None:  # the row's header, and the number before it ("G1 Implement ...")
            return " ".join(filter(None, (_label(c) for _, _, c in placed[:header + 1])))
        first = placed[0][2]
        return _label(first) if int(first.get("colspan", 1)) == 1 else table.caption

    # -- drawn rows: bars of a chart ----------------------------------------------------------
    def drawn(self, row, placed, table: _Table, pending: list) -> bool:
        """Read a row of bars (cells with a fill) if it changed; return whether it was one."""
        if not any(c.get("data-fill") or c.get("data-old-fill") for _, _, c in placed):
            return False  # a cell whose class alone changed (a RAG rating's colour) is read as text
        subject = self.subject(row, placed, table)
        head = [c for _, _, c in placed if int(c.get("rowspan", 1)) > 1]
        for start, _, cell in placed:
            if cell in head and marks_in(cell):
                self.cell(cell, subject, table.columns.get(start, ""))
        rest = [p for p in placed if p[2] not in head]
        lane = rest[0][2] if rest and rest[0][2].get("data-fill") is None else None
        names = (version(lane, "del"), version(lane, "ins")) if lane is not None else ("", "")
        change = whole(row)
        if change == "del":
            pending.append((subject, names[0], _bars(rest, table, "del")))
            return True
        if change == "ins":
            match = next((p for p in pending if p[0] == subject and p[1] == names[1]), None)
            if match is not None:
                pending.remove(match)
                self.flush(pending)
                self.add(subject, f"{names[1]} bars".strip(), match[2] or "none", _bars(rest, table, "ins") or "none")
            else:
                self.flush(pending)
                self.add(subject, f"{names[1]} bars added".strip(), None, _bars(rest, table, "ins") or "none")
            return True
        if not marks_in(row):
            return True
        self.flush(pending)
        old, new = _bars(rest, table, "del"), _bars(rest, table, "ins")
        what = f"{names[1]} bars" if names[0] == names[1] else f"{names[0]} → {names[1]} bars"
        if old != new or names[0] != names[1]:
            self.add(subject, what.strip(), old or "none", new or "none")
        return True

    def flush(self, pending: list) -> None:
        for subject, name, bars in pending:
            self.add(subject, f"{name} bars removed".strip(), bars or "none", None)
        pending.clear()


def _inline(cell):
    """Return a copy of ``cell`` with only its inline content (a title, not the steps listed under it)."""
    copied = copy.deepcopy(cell)
    for inner in [c for c in copied if isinstance(c.tag, str) and c.tag in BLOCKS_IN_CELLS]:
        _drop(inner)
    return copied


def _bars(placed, table: _Table, change: str) -> str:
    """Return the bars of a row as one version has them, in words: "Aug-20 to Sep-20: Consultation"."""
    spans: list[list] = []
    old = change == "del"
    for start, end, cell in placed:
        fill = cell.get("data-old-fill") if old and cell.get("data-old-fill") is not None else cell.get("data-fill")
        classes = cell.get("class", "").split()
        if old and cell.get("data-old-class") is not None:
            classes = cell.get("data-old-class", "").split()
        continued = "redline-old-continued" in cell.get("class", "").split() if old else "redline-continued" in classes
        if not fill:
            continue
        label = version(cell, change)
        if continued and spans and spans[-1][1] == start:
            spans[-1][1] = end
            spans[-1][2] = spans[-1][2] or label
        else:
            spans.append([start, end, label])
    words = []
    for start, end, label in spans:
        first, last = table.columns.get(start, str(start)), table.columns.get(end - 1, str(end - 1))
        months = first if first == last else f"{first} to {last}"
        words.append(f"{months}: {label}" if label else months)
    return "; ".join(words)


def _place(row, taken: dict[int, int]) -> list[tuple[int, int, object]]:
    """Return (first column, column after, cell) of each cell of ``row``, past cells reaching down from above."""
    out, column = [], 0
    for cell in cells(row):
        while taken.get(column, 0) > 0:
            column += 1
        span, down = int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))
        out.append((column, column + span, cell))
        for c in range(column, column + span):
            if down > 1:
                taken[c] = down
        column += span
    for c in list(taken):
        taken[c] -= 1
    for c, left in list(taken.items()):
        if left <= 0:
            del taken[c]
    # A cell reaching down was counted for this row when placed: keep it for the rows below.
    return out


def _columns(rows) -> int:
    return max((sum(int(c.get("colspan", 1)) for c in cells(row)) for row, _ in rows), default=0)


def _noun(el) -> str:
    return {"table": "table", "ul": "list", "ol": "list", "li": "item", "tr": "row"}.get(
        el.tag, "heading" if el.tag in HEADINGS else "section" if el.tag in ("section", "article", "aside", "div")
        else "paragraph")


def _renumbered(old: str, new: str) -> bool:
    a, b = old.split(), new.split()
    return len(a) > 1 and a[1:] == b[1:] and bool(_NUMBER.match(a[0])) and bool(_NUMBER.match(b[0]))


def _by_column(placed, columns: dict[int, str]) -> dict[int, str]:
    """Return the column headings of a row's cells, by their place among the row's cells."""
    return {index: columns[start] for index, (start, _, _) in enumerate(placed) if start in columns}


def describe(el, columns: dict[int, str] | None = None) -> str:
    """Return everything a block holds as one line: its texts, and a table's rows as "heading: value"
    (``columns``: the headings of a lone row's cells, by place)."""
    pieces: list[str] = []
    if el.tag == "tr" and columns:
        for index, cell in enumerate(cells(el)):
            value, heading = text(cell), columns.get(index)
            pieces.append(f"{heading}: {value}" if heading and value and heading != value else value)
        return "; ".join(p for p in pieces if p)
    _describe(el, pieces, {})
    return "; ".join(p for p in pieces if p)


def _describe(el, pieces: list[str], columns: dict[int, str]) -> None:
    if el.tag == "table":
        columns = {}
        taken: dict[int, int] = {}
        for row in el.iter("tr"):
            placed = _place(row, taken)
            if all(c.tag == "th" for _, _, c in placed) or "subhead" in row.get("class", "").split():
                for start, end, cell in placed:
                    pieces.append(text(cell))
                    columns.update({c: text(cell) for c in range(start, end)})
                continue
            for start, _, cell in placed:
                value = text(cell)
                heading = columns.get(start)
                pieces.append(f"{heading}: {value}" if heading and value and heading != value else value)
        return
    if el.tag in HEADINGS or el.tag in LEAVES or not any(isinstance(c.tag, str) for c in el):
        pieces.append(text(own(el)))
        for inner in (c for c in el if isinstance(c.tag, str) and c.tag in LISTS):
            _describe(inner, pieces, columns)
        return
    if (el.text or "").strip():
        pieces.append(" ".join(el.text.split()))
    for child in el:
        if isinstance(child.tag, str):
            _describe(child, pieces, columns)
        if (child.tail or "").strip():
            pieces.append(" ".join(child.tail.split()))


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio()
