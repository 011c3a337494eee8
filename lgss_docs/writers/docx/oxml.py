"""Raw WordprocessingML that python-docx has no API for, built in one place.

Each helper places its element where the schema's child order requires it, so Word opens
the result without repair; that order is written once, in the ``successors`` lists.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from docx.table import _Cell
from docx.text.run import Run

# Children of w:tcPr and w:trPr that must come after the one we add (ECMA-376 order).
_TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_TBLPR_AFTER_CAPTION = ("w:tblDescription",)


def _insert(parent, child, successors=()) -> None:
    """Insert ``child`` into ``parent`` before the first of ``successors``, replacing a same-named child."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    for name in successors:
        found = parent.find(qn(name))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def shade_cell(cell, fill_hex: str, pattern: str = "clear") -> None:
    """Give ``cell`` a background fill; ``pattern`` can add hatching that survives greyscale."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), pattern)
    shd.set(qn("w:color"), "auto" if pattern == "clear" else "000000")
    shd.set(qn("w:fill"), fill_hex.lstrip("#").upper())
    _insert(cell._tc.get_or_add_tcPr(), shd, _TCPR_AFTER_SHD)


def rule_above(cell, eighths: int) -> None:
    """Draw a rule of ``eighths`` of a point along the top of ``cell`` (above a total)."""
    border_cell(cell, "top", "auto", eighths)


_TCPR_AFTER_BORDERS = ("w:shd",) + _TCPR_AFTER_SHD


_BORDER_SIDES = ("top", "left", "bottom", "right")  # the order of w:tcBorders' children


def border_cell(cell, side: str, colour_hex: str, eighths_of_a_point: int = 12) -> None:
    """Draw a solid line on one ``side`` of ``cell`` ("auto": the text's colour), over the table style's grid; other sides kept."""
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        _insert(tc_pr, borders, _TCPR_AFTER_BORDERS)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(eighths_of_a_point))
    line.set(qn("w:space"), "0")
    line.set(qn("w:color"), colour_hex if colour_hex == "auto" else colour_hex.lstrip("#").upper())
    later = _BORDER_SIDES[_BORDER_SIDES.index(side) + 1:] + ("insideH", "insideV", "tl2br", "tr2bl")
    _insert(borders, line, tuple(f"w:{name}" for name in later))


def keep_row_with_next(row) -> None:
    """Keep ``row`` on the page of the row after it: every paragraph of it, merged cells' too."""
    for p in row._tr.iter(qn("w:p")):
        p.get_or_add_pPr().keepNext_val = True


def mark_header_row(row) -> None:
    """Make ``row`` repeat at the top of every page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    _insert(tr_pr, OxmlElement("w:tblHeader"))


def keep_row_together(row) -> None:
    """Stop Word splitting ``row`` across a page break."""
    tr_pr = row._tr.get_or_add_trPr()
    _insert(tr_pr, OxmlElement("w:cantSplit"), ("w:trHeight", "w:tblHeader"))


def describe_table(table, caption: str, description: str = "") -> None:
    """Set the table's caption and description (w:tblCaption, w:tblDescription) for screen readers."""
    tbl_pr = table._tbl.tblPr
    cap = OxmlElement("w:tblCaption")
    cap.set(qn("w:val"), caption)
    # tblCaption and tblDescription are the last children of w:tblPr, in that order.
    _insert(tbl_pr, cap, _TBLPR_AFTER_CAPTION)
    if description:
        desc = OxmlElement("w:tblDescription")
        desc.set(qn("w:val"), description)
        _insert(tbl_pr, desc)


def add_field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a simple field such as PAGE or NUMPAGES, shown as ``placeholder`` until updated."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def add_hyperlink(paragraph, url: str, text: str) -> Run:
    """Append a real external hyperlink (a relationship plus w:hyperlink) to ``paragraph``; return its run."""
    r_id = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    r_pr.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    r_pr.append(underline)
    run.append(r_pr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)
    return Run(run, paragraph)


def set_document_language(document, lang: str) -> None:
    """Set the default language of every run (w:docDefaults) so spell-check and screen readers agree."""
    rpr = _default_run_properties(document)
    lang_el = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang_el.set(qn(attr), lang)
    _insert(rpr, lang_el)


def set_cell_margins(table, top=60, bottom=60, left=100, right=100) -> None:
    """Give every cell of ``table`` padding (twentieths of a point), like the HTML's."""
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(value))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    _insert(tbl_pr, mar, ("w:tblLook", "w:tblCaption", "w:tblDescription"))


def restart_numbering(document, style_name: str, number_format: str | None = None, start: int = 1) -> int | None:
    """Return the id of a new numbering that counts ``style_name``'s list from ``start`` (1) again.

    Paragraphs of a numbered style share one count across the document, so a second
    list would go on from 3; a w:num with a startOverride starts it afresh. With
    ``number_format`` (a w:numFmt value such as lowerRoman), the list counts i, ii, iii: the
    override then carries the style's own level, its indents kept, with that format.
    """
    style = document.styles[style_name].element
    num_pr = style.pPr.numPr if style.pPr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None  # a reference .docx whose style has no numbering
    level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
    num = numbering.add_num(abstract_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), str(level))
    restart = OxmlElement("w:startOverride")
    restart.set(qn("w:val"), str(start))
    override.append(restart)
    if number_format is not None:
        abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == str(abstract_id))
        lvl = copy.deepcopy(next(x for x in abstract.findall(qn("w:lvl")) if x.get(qn("w:ilvl")) == str(level)))
        lvl.find(qn("w:numFmt")).set(qn("w:val"), number_format)
        override.append(lvl)
    num.append(override)
    return num.numId


def set_numbering(paragraph, num_id: int) -> None:
    """Make ``paragraph`` count in the numbering ``num_id`` (its style still sets the look)."""
    paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id

def _revision(kind: str, author: str, when: str, change_id: int):
    """Return an empty w:ins or w:del recording who made a change and when (a date, as ISO 8601)."""
    mark = OxmlElement(f"w:{kind}")
    mark.set(qn("w:id"), str(change_id))
    mark.set(qn("w:author"), author)
    mark.set(qn("w:date"), f"{when}T00:00:00Z" if len(when) == 10 else when)
    return mark


def track_run(run, kind: str, author: str, when: str, change_id: int) -> None:
    """Wrap ``run`` in w:ins or w:del, so Word shows it as a change to accept or reject."""
    mark, r = _revision(kind, author, when, change_id), run._r
    r.addprevious(mark)
    mark.append(r)
    if kind == "del":
        # The schema keeps deleted text in w:delText; a w:t inside w:del is not deleted text.
        for text in r.findall(qn("w:t")):
            deleted = OxmlElement("w:delText")
            deleted.text = text.text
            deleted.set(qn("xml:space"), "preserve")
            text.addprevious(deleted)
            r.remove(text)


def track_paragraph_mark(paragraph, kind: str, author: str, when: str, change_id: int) -> None:
    """Mark the paragraph mark of ``paragraph`` inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
    p_pr = paragraph._p.get_or_add_pPr()
    r_pr = p_pr.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        _insert(p_pr, r_pr, ("w:sectPr", "w:pPrChange"))
    # In a paragraph mark's properties, w:ins and w:del come before every formatting child.
    r_pr.insert(0, _revision(kind, author, when, change_id))


def every_run(paragraph) -> list[Run]:
    """Return every run of ``paragraph``, those inside tracked changes and links included
    (python-docx's ``paragraph.runs`` sees only its direct children, so formatting set through
    it would miss the words a redline marks)."""
    return [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))]


def settle_last_mark(paragraphs) -> None:
    """Move a tracked mark off the last paragraph of a cell or document onto the one before.

    The last paragraph's mark ends its container and cannot be inserted or deleted: a paragraph
    added at the end is, to Word, the previous paragraph's mark added (with the new words after
    it). So the change moves to the nearest earlier mark that is not tracked already; with none,
    the whole container is new (or gone) and its row or document says so."""
    if not paragraphs:
        return
    r_pr = paragraphs[-1]._p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    mark = next((m for m in r_pr if m.tag in (qn("w:ins"), qn("w:del"))), None) if r_pr is not None else None
    if mark is None:
        return
    r_pr.remove(mark)
    for paragraph in reversed(paragraphs[:-1]):
        earlier = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        if earlier is None or not any(m.tag in (qn("w:ins"), qn("w:del")) for m in earlier):
            track_paragraph_mark(paragraph, mark.tag.rpartition("}")[2], mark.get(qn("w:author")),
                                 mark.get(qn("w:date")), int(mark.get(qn("w:id"))))
            return


def track_row(row, kind: str, author: str, when: str, change_id: int) -> None:
    """Mark the table row ``row`` inserted or deleted (w:trPr/w:ins|w:del, after the row's other properties)."""
    _insert(row._tr.get_or_add_trPr(), _revision(kind, author, when, change_id), ("w:trPrChange",))


def set_style_id(paragraph, style_id: str) -> None:
    """Give ``paragraph`` the style ``style_id``; by id, as python-docx looks a name up on every call."""
    paragraph._p.style = style_id


def set_table_style_id(table, style_id: str) -> None:
    table._tbl.tblStyle_val = style_id


def remove_paragraph(paragraph) -> None:
    p = paragraph._p
    p.getparent().remove(p)


def cells_by_column(table, row) -> dict[int, _Cell]:
    """Return {grid column: cell} of the cells ``row`` holds itself, leaving out those merged down into it.

    ``row.cells`` gives the same cells but finds each merged one's origin by scanning the rows above.
    """
    cells, column = {}, row._tr.grid_before
    for tc in row._tr.tc_lst:
        if tc.vMerge != "continue":
            cells[column] = _Cell(tc, table)
        column += tc.grid_span
    return cells


def row_cells(table) -> list[list[_Cell]]:
    """Return each row's cells, once each, as ``row.cells`` has them: a cell merged down is its top cell.

    One pass over the grid; the same cell object stands for a merged cell in every row it covers.
    """
    rows, above = [], {}  # above: grid column -> the cell covering it in the row before
    for tr in table._tbl.tr_lst:
        cells, column = [], tr.grid_before
        for tc in tr.tc_lst:
            cell = above[column] if tc.vMerge == "continue" else _Cell(tc, table)
            for covered in range(column, column + tc.grid_span):
                above[covered] = cell
            if cell not in cells:
                cells.append(cell)
            column += tc.grid_span
        rows.append(cells)
    return rows


def merge_cells(table, row: int, column: int, down: int, across: int) -> _Cell:
    """Return the cell at (``row``, ``column``) merged with the empty cells ``down`` rows and ``across``
    columns from it: the same XML as python-docx's ``cell.merge``, which measures the span by scanning
    the rows for every cell it covers."""
    rows = table._tbl.tr_lst
    top = rows[row].tc_at_grid_offset(column)
    for index in range(row, row + down):
        tc = top if index == row else rows[index].tc_at_grid_offset(column)
        _widen(tc, across)
        tc.vMerge = None if down == 1 else "restart" if index == row else "continue"
    return _Cell(top, table)


def set_cell_widths(table, widths: list[int]) -> None:
    """Give each cell of ``table`` the width of the grid columns it spans."""
    for tr in table._tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            tc.width = Emu(sum(widths[column:column + tc.grid_span]))
            column += tc.grid_span


def span_columns(cell, span: int) -> None:
    """Make the empty ``cell`` span ``span`` grid columns, removing the cells it covers.

    The same XML as python-docx's ``cell.merge`` within one row, which finds the row's index by
    scanning every row of the table on each call, making large tables quadratic.
    """
    _widen(cell._tc, span)
    cell._tc.vMerge = None


def _widen(tc, span: int) -> None:
    """Make the w:tc ``tc`` span ``span`` grid columns, removing the empty cells after it."""
    for _ in range(span - 1):
        covered = tc.getnext()
        tc.grid_span += covered.grid_span
        covered.getparent().remove(covered)


def describe_picture(picture, description: str) -> None:
    """Give an inline picture its alternative text (wp:docPr descr), which Word reads aloud."""
    picture._inline.docPr.set("descr", description)


def add_text_run(paragraph, text: str):
    """Return a new run of ``paragraph`` holding ``text``, as ``paragraph.add_run(text)`` does.

    python-docx feeds the text through a state machine one character at a time, to turn tabs
    and line breaks into elements; text without them becomes one w:t, made here directly.
    """
    if any(c in text for c in "\t\r\n"):
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        run._r.add_t(text)
    return run


_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_declared_font(document, font: str) -> None:
    """Make ``font`` the document's font, with no theme font left to win over it.

    A w:rFonts theme attribute (asciiTheme="majorHAnsi") takes precedence over the font named
    beside it, so python-docx's template shows its headings in the theme's Calibri Light even
    with font.name set to Arial. Every theme attribute goes; the defaults name ``font``.
    """
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for name in _THEME_FONTS:
            fonts.attrib.pop(qn(name), None)
        if not fonts.attrib:
            fonts.getparent().remove(fonts)
    rpr = _default_run_properties(document)
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for name in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(name), font)
    rpr.insert(0, fonts)  # w:rFonts is the first child of w:rPr


def _default_run_properties(document):
    """Return the document defaults' w:rPr (w:docDefaults/w:rPrDefault/w:rPr), made if missing."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def set_style_borders(style, eighths_of_a_point: int = 4) -> None:
    """Rule every edge and inside line of the table style ``style`` (w:tblPr/w:tblBorders)."""
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        # w:tblPr follows a style's paragraph and run properties (ECMA-376 order).
        _insert(style.element, tbl_pr, ("w:trPr", "w:tcPr", "w:tblStylePr"))
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(eighths_of_a_point))
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "auto")
        borders.append(line)
    _insert(tbl_pr, borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"))


def default_font_size(document):
    """Return the document defaults' font size (w:docDefaults' w:sz), or None."""
    size = _default_run_properties(document).find(qn("w:sz"))
    return Pt(int(size.get(qn("w:val"))) / 2) if size is not None else None


def style_is_numbered(style) -> bool:
    """Return whether paragraphs of ``style`` (or of a style it is based on) are numbered."""
    while style is not None:
        p_pr = style.element.pPr
        if p_pr is not None and p_pr.numPr is not None:
            num_id = p_pr.numPr.numId
            return num_id is not None and num_id.val != 0
        style = style.base_style
    return False
