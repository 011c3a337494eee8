"""Walk the paper's semantic HTML and write the same content as Word paragraphs and tables.

The mapping is the documented class vocabulary (docs/html-vocabulary.md): h1 is the Title,
h2-h4 are Heading 1-3, lists use Word's list styles by nesting level, tables keep their
header rows, and ``rag-*`` cells are shaded with the colours the stylesheet defines.
A ``section.landscape`` becomes a landscape Word section, and the page turns back after it.
A ``figure.chart`` (an SVG for HTML and PDF) is written as its data table, shaded, and its key.
"""

from __future__ import annotations

import base64
import io
import itertools
import math
import re
from dataclasses import dataclass, field, replace

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Emu, Pt
from lxml import html as lxml_html

from . import oxml, sections

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3", "h5": "Heading 3"}
BLOCK_TAGS = {"p", "ul", "ol", "table", "div", "section", "header", "main", "footer", "figure",
              "h1", "h2", "h3", "h4", "h5", "aside", "nav", "article", "dl"}
CONTAINER_TAGS = {"div", "section", "header", "main", "footer", "article", "aside", "nav", "figure"}
_SPACE = re.compile(r"\s+")
# An ordered list's type="..." (i, ii, iii for recommendations), as Word's w:numFmt.
NUMBER_FORMATS = {"i": "lowerRoman", "I": "upperRoman", "a": "lowerLetter", "A": "upperLetter"}
# Each hatching a chart's bars may have (data-pattern), as the w:shd pattern Word draws for it.
HATCHING = {"dotted": "pct20", "diagonal": "thinDiagStripe", "horizontal": "thinHorzStripe",
            "crossed": "thinDiagCross", "solid": "clear"}
# Cell classes that align its paragraphs: figures right, as councils print them; a pipe table's own.
ALIGNED = {"figure": WD_ALIGN_PARAGRAPH.RIGHT, "align-right": WD_ALIGN_PARAGRAPH.RIGHT,
           "align-center": WD_ALIGN_PARAGRAPH.CENTER}
# The rule above a subtotal or total row of a table of figures, in eighths of a point (as CSS draws it).
RULE_ABOVE = {"subtotal": 12, "total": 18}
HANGING = Pt(28.6)  # a numbered paragraph's number hangs in this width: 2.6em of 11pt, as in the CSS
DATE_LINE_COLOUR = "C00000"  # the plan's date line, as plan.css draws it


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    line_break: bool = False
    change: tuple[str, str, str] | None = None  # ("ins" or "del", author, date) from <ins>/<del>


@dataclass
class Walker:
    """Writes HTML elements into a python-docx Document (or a table cell)."""

    document: object
    rag_fills: dict[str, str]
    table_style: str
    text_width: int  # EMU available between the margins
    header_fill: str | None = None  # the stylesheet's header-row tint
    char_pt: float = 7.0  # width of a wide bold character of the body text, for column floors
    after_table: bool = False
    change_ids: itertools.count = field(default_factory=lambda: itertools.count(1))  # w:id of tracked changes
    portrait_after: bool = False  # a landscape section ended; turn the page back before more
    break_before: bool = False  # the next paragraph of the body starts a new page
    style_ids: dict = field(default_factory=dict)  # (name, type) -> id: python-docx scans every style per lookup

    # -- blocks -------------------------------------------------------------------------
    def blocks(self, container, element) -> None:
        """Write every block child of ``element`` into ``container``."""
        pending: list[Run] = []
        for child in self._children_with_text(element):
            if isinstance(child, str) or child.tag not in BLOCK_TAGS:
                pending.extend(self._runs(child) if not isinstance(child, str) else [Run(child)])
                continue
            self._flush(container, pending)
            pending = []
            self.block(container, child)
        self._flush(container, pending)

    def block(self, container, el) -> None:
        tag, classes = el.tag, set(el.get("class", "").split())
        turned = container is self.document and self.portrait_after
        if turned:
            self.text_width = sections.turn_portrait(self.document)
            self.portrait_after = False
        if tag == "section" and "landscape" in classes and container is self.document:
            self.landscape(el)
            return
        # A new section already starts a page: a break there too would leave one blank. The
        # break is the next paragraph's "page break before", as a paragraph holding only a
        # break would put an empty line at the top of the new page.
        if "page-break" in classes and container is self.document and not turned:
            self.break_before = True
        if tag in HEADING_STYLES:
            heading = self.paragraph(container, self._runs_of(el), HEADING_STYLES[tag])
            if self._numbered(HEADING_STYLES[tag]):
                # The heading's text carries its number ("3. Options"); a template whose heading
                # style numbers itself too would show "3. 3. Options".
                oxml.set_numbering(heading, 0)
        elif tag == "p" and "numbered" in classes:
            self.numbered_paragraph(container, el)
        elif tag == "p":
            self.paragraph(container, self._runs_of(el), None)
        elif tag in ("ul", "ol"):
            self.list(container, el, level=1)
        elif tag == "table":
            self.table(container, el)
        elif tag == "figure" and "chart" in classes:
            self.chart(container, el)
        elif tag == "figure" and "image" in classes:
            self.image(container, el)
        elif tag in CONTAINER_TAGS:
            self.blocks(container, el)

    def landscape(self, el) -> None:
        """Write ``el`` in a landscape section; the next block turns the page back to portrait."""
        portrait_width = self.text_width
        self.break_before = False  # the new section starts a page of its own
        self.text_width = sections.turn_landscape(self.document, el.get("data-page-size", "A4"))
        self.blocks(self.document, el)
        self.text_width = portrait_width
        self.portrait_after = True

    def chart(self, container, el) -> None:
        """Write a chart as its data table and key: Word gets the cells shaded, not the picture
        (its caption is the table's own, so the figure's is left out too)."""
        for child in el:
            if isinstance(child.tag, str) and child.tag not in ("svg", "figcaption"):
                self.block(container, child)

    def image(self, container, el) -> None:
        """Place a figure's picture (a data: URL) at its width, described by its alternative text, then its caption."""
        img = el.find("img")
        header, _, payload = (img.get("src", "") if img is not None else "").partition(",")
        if not header.startswith("data:image/") or not header.endswith(";base64"):
            return  # the templates inline every picture; anything else is not ours to fetch
        share = float(m[1]) / 100 if (m := re.search(r"width:\s*([\d.]+)%", el.get("style", ""))) else 1.0
        paragraph = self.paragraph(container, [], None)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER  # as the HTML centres the figure
        picture = paragraph.add_run().add_picture(io.BytesIO(base64.b64decode(payload)), width=Emu(int(self.text_width * share)))
        oxml.describe_picture(picture, img.get("alt", ""))
        if (caption := el.find("figcaption")) is not None:
            paragraph.paragraph_format.keep_with_next = True
            self.paragraph(container, self._runs_of(caption), "Caption")

    def paragraph(self, container, runs: list[Run], style: str | None):
        runs = _normalise(runs)
        paragraph = self._new_paragraph(container)
        if style and (style_id := self._style_id(style, WD_STYLE_TYPE.PARAGRAPH)):
            oxml.set_style_id(paragraph, style_id)
        if self.after_table:
            # Word puts no gap between a table and the next paragraph; HTML's margin does.
            paragraph.paragraph_format.space_before = Pt(8)
            self.after_table = False
        for run in runs:
            if run.href:
                self._track(oxml.add_hyperlink(paragraph, run.href, run.text), run)
                continue
            if run.line_break:
                r = paragraph.add_run()
                r.add_break()
                self._track(r, run)
                continue
            r = oxml.add_text_run(paragraph, run.text)
            r.bold = run.bold or None
            r.italic = run.italic or None
            self._track(r, run)
        changes = {run.change for run in runs}
        if len(changes) == 1 and None not in changes:
            # A paragraph wholly inserted or deleted carries the change on its paragraph mark too,
            # so accepting a deletion (or rejecting an insertion) removes the paragraph itself.
            self._track(paragraph, runs[0], oxml.track_paragraph_mark)
        return paragraph

    def numbered_paragraph(self, container, el) -> None:
        """Write a ``p.numbered``: its number, a tab, then its text, the number hanging in the margin."""
        number = el.find("span")
        runs = self._runs_of(el)
        if number is not None and "paragraph-number" in number.get("class", "").split():
            rest = [Run(number.tail)] if number.tail else []
            for child in number.itersiblings():
                rest += self._runs(child) + ([Run(child.tail)] if child.tail else [])
            runs = [Run(_text(number))] + _normalise(rest)
        paragraph = self.paragraph(container, runs, None)
        if number is not None and (numbered := oxml.every_run(paragraph)):
            numbered[0].add_tab()
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.first_line_indent = HANGING, -HANGING
        fmt.tab_stops.add_tab_stop(HANGING)

    def _new_paragraph(self, container):
        """Return a new empty paragraph of ``container``, starting a page if a break is due."""
        paragraph = container.add_paragraph()
        if self.break_before and container is self.document:
            paragraph.paragraph_format.page_break_before = True
            self.break_before = False
        return paragraph

    def _numbered(self, name: str) -> bool:
        if ("numbered", name) not in self.style_ids:
            self.style_ids["numbered", name] = oxml.style_is_numbered(self.document.styles[name])
        return self.style_ids["numbered", name]

    def _style_id(self, name: str, kind) -> str | None:
        """Return the id of the style ``name`` of ``kind`` (None for the default style), looked up once."""
        if (name, kind) not in self.style_ids:
            self.style_ids[name, kind] = self.document.styles.get_style_id(name, kind)
        return self.style_ids[name, kind]

    def list(self, container, el, level: int) -> None:
        kind = "List Number" if el.tag == "ol" else "List Bullet"
        # A "plain" list is a list for screen readers but shows no bullets: plain paragraphs.
        style = None if "plain" in el.get("class", "").split() else kind if level == 1 else f"{kind} {min(level, 3)}"
        # Word counts a numbered style on across the whole document; each <ol> starts at 1.
        numbering = oxml.restart_numbering(self.document, style, NUMBER_FORMATS.get(el.get("type", "1")),
                                           start=_start(el)) if el.tag == "ol" and style else None
        for item in el.findall("li"):
            inline: list[Run] = []
            for child in self._children_with_text(item):
                if not isinstance(child, str) and child.tag in ("ul", "ol"):
                    self._list_item(container, inline, style, numbering)
                    inline = []
                    self.list(container, child, level + 1)
                elif not isinstance(child, str) and child.tag == "p":
                    inline.extend(self._runs_of(child) + [Run(" ")])
                else:
                    inline.extend([Run(child)] if isinstance(child, str) else self._runs(child))
            self._list_item(container, inline, style, numbering)

    def _list_item(self, container, runs: list[Run], style: str | None, numbering=None) -> None:
        if _normalise(runs):
            paragraph = self.paragraph(container, runs, style)
            if numbering is not None:
                oxml.set_numbering(paragraph, numbering)

    # -- tables -------------------------------------------------------------------------
    def table(self, container, el) -> None:
        rows = [(tr, section) for section in ("thead", "tbody", "tfoot") for part in el.findall(section) for tr in part.findall("tr")]
        rows += [(tr, "tbody") for tr in el.findall("tr")]
        if not rows:
            return
        columns = max(sum(int(c.get("colspan", 1)) for c in tr if c.tag in ("td", "th")) for tr, _ in rows)
        caption_el = el.find("caption")
        caption = _text(caption_el) if caption_el is not None else ""
        if caption and "visually-hidden" not in caption_el.get("class", ""):
            # Its runs, not its text: a caption's words changed are tracked like any paragraph's.
            self.paragraph(container, self._runs_of(caption_el), "Caption").paragraph_format.keep_with_next = True
        elif not caption or self.after_table or self.break_before:
            # Word merges two adjacent tables into one unless a paragraph stands between them.
            self._new_paragraph(container)
        table = container.add_table(rows=len(rows), cols=columns)
        oxml.set_table_style_id(table, self._style_id(self.table_style, WD_STYLE_TYPE.TABLE))
        oxml.set_cell_margins(table)
        if caption:
            oxml.describe_table(table, caption, el.get("data-description") or _describe(rows, columns))
        self._fill_rows(table, rows, figures="figures" in el.get("class", "").split())
        self._set_widths(table, _declared_shares(el, columns) or _content_shares(rows, columns, self.text_width, self.char_pt))
        # Word has no "keep these rows together" (a keep-together table, or row group); keeping
        # each row with the next does the same. Every paragraph of the row must keep with the
        # next, the empty ones of cells merged down from above too, or Word breaks there.
        kept = _kept_together(el) | ({tr for tr, _ in rows[:-1]} if "keep-together" in el.get("class", "").split() else set())
        for row, (tr, _) in zip(table.rows, rows):
            if tr in kept:
                oxml.keep_row_with_next(row)
        if "compact" in el.get("class", "").split():
            oxml.set_cell_margins(table, top=10, bottom=10, left=60, right=60)
            _compact(dict.fromkeys(cell for row_cells in oxml.row_cells(table) for cell in row_cells))
        self.after_table = True

    def _fill_rows(self, table, rows, figures: bool = False) -> None:
        taken: set[tuple[int, int]] = set()  # grid places covered by a rowspan from above
        columns = len(table._tbl.tblGrid.gridCol_lst)
        for r, (row, (tr, section)) in enumerate(zip(table.rows, rows)):
            classes = set(tr.get("class", "").split())
            # A "subhead" row heads the body rows below it: tinted like the header, kept with them;
            # so does a row of one header cell across the whole table (a plan's section title).
            heads_group = _heads_group(tr, columns)
            tinted = section == "thead" or "subhead" in classes or heads_group
            if section == "thead":
                oxml.mark_header_row(row)
            if "may-split" not in classes:
                oxml.keep_row_together(row)
            self._track_row(row, tr)  # before its cells, so change ids run in document order
            c, cells = 0, oxml.cells_by_column(table, row)  # one per grid column until spans are made
            for cell_el in (x for x in tr if x.tag in ("td", "th")):
                while (r, c) in taken:
                    c += 1
                span, down = int(cell_el.get("colspan", 1)), min(int(cell_el.get("rowspan", 1)), len(rows) - r)
                cell, edge = cells[c], _date_edge(cell_el, span)
                if down > 1:
                    cell = oxml.merge_cells(table, r, c, down, span)
                    taken.update((r + i, c + j) for i in range(1, down) for j in range(span))
                elif edge is not None and 0 < edge < span:
                    # A Word cell cannot hold a line partway across: a bar the date falls within
                    # becomes two cells of one look, and the line runs between them.
                    _span(cell, edge)
                    _span(cells[c + edge], span - edge)
                    self._fill_cell(cells[c + edge], _bar_only(cell_el))
                elif span > 1:
                    oxml.span_columns(cell, span)
                if tinted and self.header_fill and cell_el.tag == "th":
                    oxml.shade_cell(cell, self.header_fill)
                # A table of figures heads its rows in plain type; its subtotals and totals are bold.
                bold = cell_el.tag == "th" and not (figures and section == "tbody" and cell_el.get("scope") == "row") \
                    or (figures and bool(classes & set(RULE_ABOVE)))
                self._fill_cell(cell, cell_el, bold)
                for kind in classes & set(RULE_ABOVE) if figures else ():
                    oxml.rule_above(cell, RULE_ABOVE[kind])
                if edge is not None:
                    oxml.border_cell(cell, "left" if edge == 0 else "right", DATE_LINE_COLOUR)
                if "subhead" in classes or heads_group:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
                c += span

    def _fill_cell(self, cell, el, bold: bool | None = None) -> None:
        """Fill ``cell`` from the HTML cell ``el``: its shading, text and alignment; bold as ``bold``
        says (by default, a ``th`` is bold)."""
        bold = el.tag == "th" if bold is None else bold
        classes = set(el.get("class", "").split())
        for name in classes:
            if name in self.rag_fills:
                oxml.shade_cell(cell, self.rag_fills[name])
        if el.get("data-fill"):
            oxml.shade_cell(cell, el.get("data-fill"), HATCHING.get(el.get("data-pattern", ""), "clear"))
        first = cell.paragraphs[0]
        has_blocks = any(child.tag in BLOCK_TAGS for child in el)
        if has_blocks:
            oxml.remove_paragraph(first)
            self.blocks(cell, el)
            oxml.settle_last_mark(cell.paragraphs)
            if not cell.paragraphs:
                cell.add_paragraph()
        else:
            runs = self._runs_of(el)
            for run in _normalise(runs):
                r = oxml.add_text_run(first, run.text)
                if run.line_break:
                    r.add_break()
                r.bold = True if bold or run.bold else None
                r.italic = run.italic or None
                self._track(r, run)
        if bold:
            for paragraph in cell.paragraphs:
                for run in oxml.every_run(paragraph):
                    run.bold = True
        for name in classes & set(ALIGNED):
            for paragraph in cell.paragraphs:
                paragraph.alignment = ALIGNED[name]

    def _track(self, target, run: Run, track=oxml.track_run) -> None:
        """Make ``target`` (a run; a paragraph or row with ``track``) a tracked change if ``run`` is one."""
        if run.change:
            kind, author, when = run.change
            track(target, kind, author, when, next(self.change_ids))

    def _track_row(self, row, tr) -> None:
        """Track a row the redline marks wholly inserted or deleted (class redline-ins/-del) as such."""
        for kind in ("ins", "del"):
            if f"redline-{kind}" in tr.get("class", "").split():
                change = (kind, tr.get("data-author", ""), tr.get("datetime", ""))
                self._track(row, Run("", change=change), oxml.track_row)

    def _set_widths(self, table, shares: list[float]) -> None:
        """Give each grid column its share of the text width, and each cell the columns it spans."""
        widths = [Emu(int(self.text_width * share)) for share in shares]
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = width  # LibreOffice lays a fixed table out by its grid, Word by its cells
        oxml.set_cell_widths(table, widths)

    # -- inline -------------------------------------------------------------------------
    def _children_with_text(self, el):
        if el.text:
            yield el.text
        for child in el:
            if not isinstance(child.tag, str):  # comments
                if child.tail:
                    yield child.tail
                continue
            yield child
            if child.tail:
                yield child.tail

    def _runs_of(self, el) -> list[Run]:
        runs: list[Run] = [Run(el.text)] if el.text else []
        for child in el:
            if isinstance(child.tag, str):
                runs.extend(self._runs(child))
            if child.tail:
                runs.append(Run(child.tail))
        return runs

    def _runs(self, el) -> list[Run]:
        """Return the runs of an inline element (its tail excluded)."""
        if el.tag == "br":
            return [Run("", line_break=True)]
        inner = self._runs_of(el)
        if el.tag in ("strong", "b", "th"):
            inner = [replace(r, bold=True) for r in inner]
        elif el.tag in ("em", "i"):
            inner = [replace(r, italic=True) for r in inner]
        elif el.tag == "a" and el.get("href"):
            inner = [Run(_text(el), href=el.get("href"))]
        elif el.tag in ("ins", "del"):
            inner = [replace(r, change=_change(el)) for r in inner]
        return inner

    def _flush(self, container, runs: list[Run]) -> None:
        if _normalise(runs):
            self.paragraph(container, runs, None)


def _describe(rows, columns: int) -> str:
    """Return a table description for screen readers: its size and its column headings."""
    heads = [_text(c) for tr, section in rows if section == "thead" for c in tr if c.tag == "th"]
    body = sum(1 for _, section in rows if section != "thead")
    shape = f"{body} row{'s' if body != 1 else ''} and {columns} column{'s' if columns != 1 else ''}"
    return f"Table of {shape}" + (f": {', '.join(heads)}." if heads else ", each row headed by its first cell.")


def _content_shares(rows, columns: int, text_width: int, char_pt: float) -> list[float]:
    """Return each column's share of the width by how much it holds, as a browser's auto layout would."""
    weights, floors = [1.0] * columns, [0.12] * columns
    for tr, _ in rows:
        for i, cell in enumerate(x for x in tr if x.tag in ("td", "th")):
            if i < columns and int(cell.get("colspan", 1)) == 1:
                text = _text(cell)
                weights[i] = max(weights[i], math.sqrt(len(text) or 1))
                # Wide enough for the longest word, so "Recommendations" is not broken in two.
                longest = max((len(word) for word in text.split()), default=0)
                floors[i] = max(floors[i], Pt(longest * char_pt + _PADDING_PT) / text_width)
    return _shares_with_floors(weights, floors)


def _shares_with_floors(weights: list[float], floors: list[float]) -> list[float]:
    """Return shares of 1 in proportion to ``weights``, none below its floor.

    A column held at its floor keeps it; the others share what is left. (Scaling all shares
    down after raising some to their floors would take a narrow column below its floor again.)
    """
    if sum(floors) >= 1:
        return [f / sum(floors) for f in floors]
    held: set[int] = set()
    while True:
        free = 1 - sum(floors[i] for i in held)
        weight = sum(w for i, w in enumerate(weights) if i not in held)
        shares = [floors[i] if i in held else free * w / weight for i, w in enumerate(weights)]
        below = {i for i, share in enumerate(shares) if share < floors[i]} - held
        if not below:
            return shares
        held |= below


_PADDING_PT = 12  # the cell's side margins
_PERCENT = re.compile(r"width:\s*([\d.]+)%")
_DATE_AT = re.compile(r"--date-at:\s*([\d.]+)%")


def _declared_shares(el, columns: int) -> list[float] | None:
    """Return the column shares a <colgroup> declares (<col style="width: 20%">), if it gives all."""
    found = [_PERCENT.search(col.get("style", "")) for col in el.iter("col")]
    if len(found) != columns or not all(found):
        return None
    percents = [float(m[1]) for m in found]
    return [p / sum(percents) for p in percents]


def _start(ol) -> int:
    """Return the number an ordered list counts from (its start attribute, else 1)."""
    try:
        return max(0, int(ol.get("start", 1)))
    except ValueError:
        return 1


def _date_edge(el, span: int) -> int | None:
    """Return the grid line (0 to ``span``, from the cell's left) nearest the plan's date the cell
    ``el`` holds (``--date-at``, as the PDF places it), or None when it holds none."""
    found = _DATE_AT.search(el.get("style", ""))
    return round(float(found[1]) / 100 * span) if found else None


def _span(cell, columns: int) -> None:
    if columns > 1:
        oxml.span_columns(cell, columns)


def _bar_only(el):
    """Return an empty copy of the cell ``el`` with its fill and hatching: the rest of a bar cut in two."""
    return lxml_html.Element(el.tag, {name: el.get(name) for name in ("data-fill", "data-pattern", "class") if el.get(name)})


def _heads_group(tr, columns: int) -> bool:
    """Return whether the row ``tr`` is one header cell across all ``columns``: a heading of the rows below."""
    cells = [x for x in tr if x.tag in ("td", "th")]
    return len(cells) == 1 and cells[0].tag == "th" and int(cells[0].get("colspan", 1)) == columns


def _kept_together(table_el) -> set:
    """Return the rows of ``tbody.keep-together`` groups that must stay with the row after."""
    return {tr for part in table_el.findall("tbody") if "keep-together" in part.get("class", "").split()
            for tr in part.findall("tr")[:-1]}


def _compact(cells) -> None:
    """Set the ``cells`` of a ``table.compact`` in small print with exact line heights, so thin rows stay thin."""
    for paragraph in (p for cell in cells for p in cell.paragraphs):
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(8.5)
        for run in oxml.every_run(paragraph):
            run.font.size = Pt(7)


def _text(el) -> str:
    return _SPACE.sub(" ", el.text_content()).strip()


def _change(el) -> tuple[str, str, str]:
    """Return the tracked change an <ins> or <del> element records: kind, author and date."""
    return el.tag, el.get("data-author", ""), el.get("datetime", "")


def _normalise(runs: list[Run]) -> list[Run]:
    """Collapse white space across runs as HTML does; drop what is left empty."""
    out: list[Run] = []
    last_space = True
    for run in runs:
        if run.line_break:
            out.append(run)
            last_space = True
            continue
        text = _SPACE.sub(" ", run.text)
        if last_space:
            text = text.lstrip(" ")
        if not text:
            continue
        last_space = text.endswith(" ")
        out.append(replace(run, text=text))
    while out and not out[-1].line_break and out[-1].text.endswith(" "):
        stripped = out[-1].text.rstrip(" ")
        if stripped:
            out[-1] = replace(out[-1], text=stripped)
            break
        out.pop()
    return out


def parse_body(html_text: str):
    """Return the <body> element of ``html_text``."""
    return lxml_html.document_fromstring(html_text.encode("utf-8")).body
