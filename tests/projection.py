"""Readable projections of the papers, for snapshots a reviewer can read in a diff.

A DOCX becomes its properties, the styles it uses, its sections (orientation, size, margins,
running header and footer), then its paragraphs one a line (style, text, run formatting where
set) and its tables (shape, widths, header rows, then a row a line with merges and shading).
A PDF becomes its metadata, its bookmarks, and each page's size and text. Properties that most
cells of a table share are printed once above the table, so a cell shows only what is its own;
a change to one paragraph changes a line or two.

Everything is read back from the files themselves (lxml on the zip parts, pypdf), never from the
code that wrote them. An element the projection does not know is printed as <name>, so a new
kind of content shows up in the snapshot instead of vanishing from it.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R, "rel": REL, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}
TWIPS_PER_MM = 1440 / 25.4
PAPER_SIZES = {(210, 297): "A4", (297, 420): "A3", (148, 210): "A5"}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _val(element, name: str, attribute: str = "val") -> str | None:
    """Return ``w:attribute`` of the child ``w:name`` of ``element``, "" if it has none, None if absent."""
    child = element.find(_w(name)) if element is not None else None
    return None if child is None else child.get(_w(attribute), "")


def _on(element, name: str) -> bool:
    """Return whether the toggle property ``w:name`` is on (present, and not val="0"/"false")."""
    value = _val(element, name)
    return value is not None and value not in ("0", "false", "off")


def _mm(twips) -> str:
    return f"{int(twips) / TWIPS_PER_MM:.1f}".removesuffix(".0")


def _pt(half_points) -> str:
    return f"{int(half_points) / 2:g}pt"


def _quoted(text: str, limit: int = 0) -> str:
    text = " ".join(text.split())
    return '"' + (text if not limit or len(text) <= limit else text[:limit] + "…") + '"'


# -- DOCX ----------------------------------------------------------------------------------
class _Package:
    """The parts of a DOCX the projection reads: the body, styles, numbering, rels, properties."""

    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path)
        self.names = set(self.zip.namelist())
        self.document = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self.numbering = self.xml("word/numbering.xml")
        rels = self.xml("word/_rels/document.xml.rels")
        self.rels = {r.get("Id"): r for r in rels.iter(f"{{{REL}}}Relationship")} if rels is not None else {}
        # Word shows its built-in styles capitalised ("heading 1" is stored, "Heading 1" shown).
        self.style_names = {s.get(_w("styleId")): _capitalised(_val(s, "name") or s.get(_w("styleId")))
                            for s in self.styles.iter(_w("style"))} if self.styles is not None else {}
        self.list_numbers: dict[str, int] = {}  # numId -> 1, 2, ... in order of first use

    def xml(self, name: str):
        return etree.fromstring(self.zip.read(name)) if name in self.names else None

    def style(self, style_id: str | None) -> str | None:
        return self.style_names.get(style_id, style_id) if style_id else None

    def target(self, rel_id: str) -> str:
        rel = self.rels.get(rel_id)
        return "?" if rel is None else rel.get("Target")


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def docx_projection(path: Path, cut_at: str | None = None) -> str:
    """Return the readable projection of the DOCX at ``path``.

    ``cut_at``: a regular expression; the body stops at the first heading whose text matches it
    (the committee report's appendices, pinned as papers of their own), and the headings cut off
    are listed instead."""
    package = _Package(path)
    lines = _properties(package) + [""] + _styles(package)
    body = package.document.find(_w("body"))
    sections = [p.find(_w("sectPr")) for p in body.iter(_w("pPr")) if p.find(_w("sectPr")) is not None]
    sections.append(body.find(_w("sectPr")))
    lines += ["", _section(package, 1, sections[0])]
    number, cutting, cut = 1, False, []
    for child in body:
        if child.tag == _w("sectPr"):
            continue
        cutting = cutting or bool(cut_at and _is_heading(package, child, cut_at))
        if cutting:
            if _is_heading(package, child, r"."):
                cut.append(_plain_text(child))
            continue
        lines += _block(package, child, "")
        if child.find(f"{_w('pPr')}/{_w('sectPr')}") is not None and number < len(sections):
            number += 1
            lines += [_section(package, number, sections[number - 1])]
    if cut:
        lines += ["", f"(cut here; the rest is pinned as papers of their own. Headings cut: {len(cut)})"]
        lines += [f"  {heading}" for heading in cut if re.match(cut_at, heading)]
    return "\n".join(lines) + "\n"


def _properties(package: _Package) -> list[str]:
    core = package.xml("docProps/core.xml")
    lines = ["properties:"]
    for name in ("dc:title", "dc:creator", "dc:subject", "dc:language", "dcterms:created",
                 "dcterms:modified", "cp:lastModifiedBy"):
        element = core.find(name, NS) if core is not None else None
        if element is not None and (element.text or "").strip():
            lines.append(f"  {name.split(':')[1]}: {element.text.strip()}")
    defaults = package.styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}") if package.styles is not None else None
    if defaults is not None:
        lines.append(f"  defaults: {_format_text(_run_format(package, defaults))}")
    return lines


def _styles(package: _Package) -> list[str]:
    """Return the styles the document uses (and those they are based on), one a line."""
    if package.styles is None:
        return []
    used = {v for tag in ("pStyle", "rStyle", "tblStyle")
            for part in _parts_with_text(package) for v in (e.get(_w("val")) for e in part.iter(_w(tag)))}
    by_id = {s.get(_w("styleId")): s for s in package.styles.iter(_w("style"))}
    todo, seen = sorted(used), set()
    while todo:
        style_id = todo.pop()
        if style_id in seen or style_id not in by_id:
            continue
        seen.add(style_id)
        if (based := _val(by_id[style_id], "basedOn")) is not None:
            todo.append(based)
    lines = ["styles used:"]
    for style_id in sorted(seen, key=lambda s: package.style(s)):
        style = by_id[style_id]
        facts = {}
        if (based := _val(style, "basedOn")) is not None:
            facts["based on"] = package.style(based)
        facts.update(_paragraph_format(package, style.find(_w("pPr"))))
        facts.update(_run_format(package, style.find(_w("rPr"))))
        facts.update(_table_format(package, style.find(_w("tblPr"))))
        lines.append(f"  {package.style(style_id)} ({style.get(_w('type'))}): {_format_text(facts) or 'as based on'}")
    return lines


def _parts_with_text(package: _Package):
    yield package.document
    for name in sorted(package.names):
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            yield package.xml(name)


def _section(package: _Package, number: int, sect) -> str:
    size = sect.find(_w("pgSz"))
    width, height = int(size.get(_w("w"))), int(size.get(_w("h")))
    short, long = sorted((round(width / TWIPS_PER_MM), round(height / TWIPS_PER_MM)))
    orientation = "landscape" if width > height else "portrait"
    margins = sect.find(_w("pgMar"))
    edges = " ".join(_mm(margins.get(_w(side), 0)) for side in ("top", "right", "bottom", "left"))
    line = (f"== section {number}: {PAPER_SIZES.get((short, long), 'custom')} {orientation} "
            f"{_mm(width)} × {_mm(height)} mm; margins {edges} mm")
    for kind in ("header", "footer"):
        for ref in sect.findall(_w(f"{kind}Reference")):
            part = package.xml("word/" + package.target(ref.get(f"{{{R}}}id")))
            text = " / ".join(" ".join(_block(package, p, "")) for p in part) if part is not None else "?"
            line += f"; {kind} ({ref.get(_w('type'))}): {text.strip()}"
    return line


def _is_heading(package: _Package, element, pattern: str) -> bool:
    if element.tag != _w("p"):
        return False
    style = package.style(_val(element.find(_w("pPr")), "pStyle")) or ""
    return bool(re.match(r"(Title|Heading \d)$", style)) and bool(re.match(pattern, _plain_text(element)))


def _plain_text(element) -> str:
    return "".join(t.text or "" for t in element.iter(_w("t")))


def _block(package: _Package, element, indent: str, defaults: dict | None = None) -> list[str]:
    if element.tag == _w("p"):
        return [indent + _paragraph(package, element, defaults or {})]
    if element.tag == _w("tbl"):
        return _table(package, element, indent)
    return [f"{indent}<{etree.QName(element).localname}>"]


# -- paragraphs and runs ---------------------------------------------------------------------
def _paragraph(package: _Package, p, defaults: dict) -> str:
    """Return "[Style] text {paragraph format}", leaving out what equals ``defaults``."""
    props = p.find(_w("pPr"))
    style = package.style(_val(props, "pStyle"))
    facts = _paragraph_format(package, props)
    shown = _differences(facts, defaults.get("paragraph", {}))
    text = _inline(package, p, defaults.get("run", {}))
    if not text and defaults:
        return "(empty)"  # an empty paragraph in a cell: its formatting shows nothing
    prefix = f"[{style or 'Normal'}] " if style != defaults.get("style") else ""
    return (prefix + (text or "(empty)") + (f" {{{_format_text(shown)}}}" if shown else "")).rstrip()


def _paragraph_format(package: _Package, props) -> dict:
    if props is None:
        return {}
    facts = {}
    for toggle, name in (("keepNext", "keep-next"), ("keepLines", "keep-lines"),
                         ("pageBreakBefore", "page-break-before"), ("widowControl", "widow-control")):
        if _val(props, toggle) is not None:
            facts[name] = _on(props, toggle)
    if (align := _val(props, "jc")) is not None:
        facts["align"] = align
    spacing = props.find(_w("spacing"))
    if spacing is not None:
        for side in ("before", "after"):
            if spacing.get(_w(side)) is not None:
                facts[side] = f"{int(spacing.get(_w(side))) / 20:g}pt"
        if (line := spacing.get(_w("line"))) is not None:
            rule = spacing.get(_w("lineRule"), "auto")
            facts["line"] = f"{int(line) / 240:g}×" if rule == "auto" else f"{int(line) / 20:g}pt {rule}"
    indent = props.find(_w("ind"))
    if indent is not None:
        for side in ("left", "start", "right", "end", "hanging", "firstLine"):
            if indent.get(_w(side)) is not None:
                facts[f"indent-{side}"] = _mm(indent.get(_w(side))) + "mm"
    numbering = props.find(_w("numPr"))
    if numbering is not None:
        num_id = _val(numbering, "numId")
        number = package.list_numbers.setdefault(num_id, len(package.list_numbers) + 1)
        facts["list"] = f"{number} level {_val(numbering, 'ilvl') or 0}{_list_format(package, num_id, _val(numbering, 'ilvl') or '0')}"
    if (shading := _shading(props)) is not None:
        facts["shading"] = shading
    if (outline := _val(props, "outlineLvl")) is not None:
        facts["outline level"] = int(outline) + 1
    if _val(props, "contextualSpacing") is not None:
        facts["no space between same style"] = _on(props, "contextualSpacing")
    if (border := props.find(_w("pBdr"))) is not None:
        facts["border"] = " ".join(f"{etree.QName(b).localname}={b.get(_w('val'))}" for b in border)
    known = {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "jc", "spacing", "ind",
             "numPr", "shd", "sectPr", "rPr", "tabs", "outlineLvl", "contextualSpacing", "pBdr"}
    for child in props:
        if etree.QName(child).localname not in known:
            facts[f"<{etree.QName(child).localname}>"] = True
    return facts


def _list_format(package: _Package, num_id: str | None, level: str) -> str:
    """Return " decimal %1." for the list's level, from numbering.xml (num → abstractNum → lvl)."""
    if package.numbering is None or not num_id:
        return ""
    num = package.numbering.find(f"{_w('num')}[@{_w('numId')}='{num_id}']")
    if num is None:
        return " (no such list)"
    abstract_id = _val(num, "abstractNumId")
    abstract = package.numbering.find(f"{_w('abstractNum')}[@{_w('abstractNumId')}='{abstract_id}']")
    lvl = abstract.find(f"{_w('lvl')}[@{_w('ilvl')}='{level}']") if abstract is not None else None
    if lvl is None:
        return ""
    override = num.find(f"{_w('lvlOverride')}[@{_w('ilvl')}='{level}']/{_w('startOverride')}")
    start = f" from {override.get(_w('val'))}" if override is not None else ""
    return f" {_val(lvl, 'numFmt')} {_val(lvl, 'lvlText')!r}{start}"


def _run_format(package: _Package, props) -> dict:
    if props is None:
        return {}
    facts = {}
    for toggle, name in (("b", "bold"), ("i", "italic"), ("strike", "strike"), ("caps", "caps"),
                         ("smallCaps", "small-caps"), ("vanish", "hidden")):
        if _val(props, toggle) is not None:
            facts[name] = _on(props, toggle)
    if (style := _val(props, "rStyle")) is not None:
        facts["style"] = package.style(style)
    if (underline := _val(props, "u")) is not None:
        facts["underline"] = underline
    if (size := _val(props, "sz")) is not None:
        facts["size"] = _pt(size)
    if (colour := _val(props, "color")) is not None:
        facts["colour"] = colour
    if (highlight := _val(props, "highlight")) is not None:
        facts["highlight"] = highlight
    if (shading := _shading(props)) is not None:
        facts["shading"] = shading
    if (position := _val(props, "vertAlign")) is not None:
        facts["position"] = position
    fonts = props.find(_w("rFonts"))
    if fonts is not None:
        facts["font"] = fonts.get(_w("ascii")) or fonts.get(_w("asciiTheme"))
    if (lang := _val(props, "lang")) is not None:
        facts["lang"] = lang
    return facts


def _table_format(package: _Package, props) -> dict:
    if props is None:
        return {}
    facts = {}
    borders = props.find(_w("tblBorders"))
    if borders is not None:
        facts["borders"] = " ".join(f"{etree.QName(b).localname}={b.get(_w('val'))}" for b in borders)
    return facts


def _shading(props) -> str | None:
    shd = props.find(_w("shd")) if props is not None else None
    if shd is None:
        return None
    fill, pattern, colour = shd.get(_w("fill"), "auto"), shd.get(_w("val"), "clear"), shd.get(_w("color"), "auto")
    return fill if pattern == "clear" else f"{fill} {pattern} in {colour}"


def _differences(facts: dict, defaults: dict) -> dict:
    """Return the facts that differ from ``defaults``; a default the element lacks shows as "-"."""
    shown = {k: v for k, v in facts.items() if defaults.get(k) != v}
    shown.update({k: "-" for k in defaults if k not in facts})
    return shown


def _format_text(facts: dict) -> str:
    return ", ".join(k if v is True else f"{k} {v}" if v is not False else f"not {k}" for k, v in facts.items())


def _inline(package: _Package, p, run_defaults: dict) -> str:
    """Return the paragraph's text with its formatting: **bold**, _italic_, [text]{size 7pt},
    [text](link), {++inserted++}, {--deleted--}, {PAGE} for fields."""
    pieces: list[tuple[str, tuple, str | None, str | None]] = []  # text, format, link, change
    _collect(package, p, pieces, link=None, change=None, run_defaults=run_defaults)
    merged: list[list] = []
    for text, fmt, link, change in pieces:
        if merged and merged[-1][1:] == [fmt, link, change]:
            merged[-1][0] += text
        else:
            merged.append([text, fmt, link, change])
    return "".join(_marked(*piece) for piece in merged)


def _collect(package: _Package, element, pieces: list, link, change, run_defaults: dict) -> None:
    field, instruction = None, ""  # a complex field: "instruction" while reading it, "result" while skipping what it shows
    for child in element:
        name = etree.QName(child).localname
        if name == "r" and (char := child.find(_w("fldChar"))) is not None:
            kind = char.get(_w("fldCharType"))
            if kind == "begin":
                field, instruction = "instruction", ""
            elif kind == "separate" or (kind == "end" and field == "instruction"):
                pieces.append((f"{{{instruction.strip()}}}", (), link, change))
                field = "result" if kind == "separate" else None
            else:
                field = None
        elif name == "r" and field is not None:
            instruction += "".join(i.text or "" for i in child.iter(_w("instrText")))
        elif name == "r":
            fmt = tuple(_differences(_run_format(package, child.find(_w("rPr"))), run_defaults).items())
            for piece in child:
                if (text := _run_piece(piece)) is not None:
                    pieces.append((text, fmt, link, change))
        elif name == "hyperlink":
            target = package.target(child.get(f"{{{R}}}id")) if child.get(f"{{{R}}}id") else "#" + child.get(_w("anchor"), "")
            _collect(package, child, pieces, target, change, run_defaults)
        elif name in ("ins", "del"):
            _collect(package, child, pieces, link, name, run_defaults)
        elif name == "fldSimple":
            pieces.append((f"{{{child.get(_w('instr')).strip()}}}", (), link, change))
        elif name in ("smartTag", "customXml", "sdt", "sdtContent"):
            _collect(package, child, pieces, link, change, run_defaults)
        elif name not in ("pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart", "commentRangeEnd"):
            pieces.append((f"<{name}>", (), link, change))


def _run_piece(piece) -> str | None:
    """Return what one child of a run shows as text, or None for run properties."""
    name = etree.QName(piece).localname
    if name in ("t", "delText"):
        return piece.text or ""
    if name == "tab":
        return "→"
    if name in ("br", "cr"):
        kind = piece.get(_w("type"), "line")
        return "↵" if kind == "line" else f"<{kind} break>"
    if name == "noBreakHyphen":
        return "\u2011"
    if name == "drawing":
        described = piece.find(".//wp:docPr", NS)
        extent = piece.find(".//wp:extent", NS)
        size = f" {int(extent.get('cx')) / 36000:.0f}×{int(extent.get('cy')) / 36000:.0f}mm" if extent is not None else ""
        return f"![{described.get('descr', '') if described is not None else ''}]{{image{size}}}"
    if name in ("rPr", "lastRenderedPageBreak", "softHyphen"):
        return None
    return f"<{name}>"


def _marked(text: str, fmt: tuple, link: str | None, change: str | None) -> str:
    facts = dict(fmt)
    core, rest = text.strip(), {k: v for k, v in facts.items() if k not in ("bold", "italic")}
    if core:
        if rest:
            core = f"[{core}]{{{_format_text(rest)}}}"
        if facts.get("italic"):
            core = f"_{core}_"
        if facts.get("bold"):
            core = f"**{core}**"
        if link:
            core = f"[{core}]({link})"
        if change:
            core = "{++" + core + "++}" if change == "ins" else "{--" + core + "--}"
        text = text[: len(text) - len(text.lstrip())] + core + text[len(text.rstrip()):]
    return text


# -- tables -----------------------------------------------------------------------------------
def _table(package: _Package, tbl, indent: str) -> list[str]:
    """Return the table: a header line of its shape and shared formatting, then a row a line."""
    props = tbl.find(_w("tblPr"))
    grid = [int(c.get(_w("w"), 0)) for c in tbl.iter(_w("gridCol"))]
    rows = tbl.findall(_w("tr"))
    defaults = _table_defaults(package, tbl)
    facts = {"style": package.style(_val(props, "tblStyle")), "layout": _val(props, "tblLayout", "type"),
             "width": _table_width(props)}
    lines = [f"{indent}table {len(rows)} rows × {len(grid)} columns; {_format_text({k: v for k, v in facts.items() if v})}",
             f"{indent}  caption: {_quoted(_val(props, 'tblCaption') or '')}",
             f"{indent}  description: {_quoted(_val(props, 'tblDescription') or '', 160)}",
             f"{indent}  column widths mm: {' '.join(_mm(w) for w in grid)}"]
    if defaults["row"]:
        lines.append(f"{indent}  every row unless marked: {_format_text(defaults['row'])}")
    if defaults["paragraph"] or defaults["style"]:
        lines.append(f"{indent}  cell paragraphs unless marked: "
                     + _format_text({"style": defaults["style"], **defaults["paragraph"]} if defaults["style"] else defaults["paragraph"]))
    if defaults["run"]:
        lines.append(f"{indent}  cell text unless marked: {_format_text(defaults['run'])}")
    for number, tr in enumerate(rows, start=1):
        row_facts = _differences(_row_format(tr), defaults["row"])
        # What every written paragraph of this row shares is said once, on the row.
        written = [p for tc in tr.findall(_w("tc")) for p in tc.findall(_w("p")) if _plain_text(p).strip()]
        row_defaults = dict(defaults)
        if written:
            row_defaults["paragraph"] = _most_common([_paragraph_format(package, p.find(_w("pPr"))) for p in written],
                                                     ignore=("list",))
            if shared := _differences(row_defaults["paragraph"], defaults["paragraph"]):
                row_facts["paragraphs"] = _format_text(shared)
        cells = [_cell(package, tc, grid, column, row_defaults)
                 for column, tc in _cells_with_columns(tr)]
        marks = f" {{{_format_text(row_facts)}}}" if row_facts else ""
        lines.append(f"{indent}  r{number}{marks}: | " + " | ".join(cells) + " |")
    return lines


def _table_width(props) -> str | None:
    width = props.find(_w("tblW")) if props is not None else None
    if width is None or width.get(_w("type")) in (None, "auto", "nil"):
        return None
    value = int(width.get(_w("w")))
    return f"{value / 50:g}%" if width.get(_w("type")) == "pct" else f"{_mm(value)}mm"


def _table_defaults(package: _Package, tbl) -> dict:
    """Return the row, cell-paragraph and cell-text formatting most of this table's rows and cells share."""
    own = tbl.findall(_w("tr"))
    paragraphs = [p for tr in own for tc in tr.findall(_w("tc")) for p in tc.findall(_w("p"))]
    runs = [r for p in paragraphs for r in p.iter(_w("r")) if r.find(_w("t")) is not None]

    styles = Counter(package.style(_val(p.find(_w("pPr")), "pStyle")) for p in paragraphs)
    return {"row": _most_common([_row_format(tr) for tr in own]),
            "paragraph": _most_common([_paragraph_format(package, p.find(_w("pPr"))) for p in paragraphs],
                                      ignore=("list",)),  # numbered per list: never a table-wide fact
            "style": styles.most_common(1)[0][0] if styles else None,
            "run": _most_common([_run_format(package, r.find(_w("rPr"))) for r in runs])}


def _most_common(items: list[dict], ignore: tuple[str, ...] = ()) -> dict:
    """Return the most common of ``items`` (ties: the first met), leaving out the keys ``ignore``."""
    counted = Counter(tuple(sorted((k, v) for k, v in i.items() if k not in ignore)) for i in items)
    return dict(counted.most_common(1)[0][0]) if counted else {}


def _row_format(tr) -> dict:
    props = tr.find(_w("trPr"))
    facts = {}
    if _on(props, "tblHeader"):
        facts["header, repeats"] = True
    if _on(props, "cantSplit"):
        facts["cannot split"] = True
    if (height := _val(props, "trHeight")) is not None:
        facts["height"] = _mm(height) + "mm"
    return facts


def _cells_with_columns(tr):
    column = 0
    for tc in tr.findall(_w("tc")):
        yield column, tc
        column += int(_val(tc.find(_w("tcPr")), "gridSpan") or 1)


def _cell(package: _Package, tc, grid: list[int], column: int, defaults: dict) -> str:
    """Return "{span 3, merged ↑, fill 9DC3E6} text ¶ text": what is the cell's own, then its paragraphs."""
    props = tc.find(_w("tcPr"))
    span = int(_val(props, "gridSpan") or 1)
    facts = {}
    if span > 1:
        facts["span"] = span
    merge = _val(props, "vMerge")
    if merge is not None:
        facts["merged"] = "↓ starts" if merge == "restart" else "↑ continues"
    if (shading := _shading(props)) is not None:
        facts["fill"] = shading
    width = props.find(_w("tcW")) if props is not None else None
    # Widths are rounded to whole twips column by column; differences under half a millimetre are that.
    if width is not None and width.get(_w("type")) == "dxa" and abs(int(width.get(_w("w"))) - sum(grid[column:column + span])) > 28:
        facts["width"] = _mm(width.get(_w("w"))) + "mm, not the grid's " + _mm(sum(grid[column:column + span])) + "mm"
    if (align := _val(props, "vAlign")) is not None:
        facts["v-align"] = align
    blocks = [" ".join(_block(package, child, "", defaults)).strip() for child in tc if child.tag != _w("tcPr")]
    text = " ¶ ".join(b for b in blocks if b != "(empty)")
    return (f"{{{_format_text(facts)}}} " if facts else "") + text


# -- PDF ------------------------------------------------------------------------------------
def pdf_projection(path: Path, cut_at: str | None = None) -> str:
    """Return the PDF's metadata, bookmarks, and each page's size and text.

    ``cut_at``: a regular expression; pages from the first bookmark matching it on are left out
    (their bookmarks are still listed), as for the DOCX."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    info = reader.metadata or {}
    lines = ["metadata:"] + [f"  {key[1:]}: {info[key]}" for key in sorted(info)]
    lines.append(f"  language: {reader.trailer['/Root'].get('/Lang', '?')}")
    lines.append("bookmarks:")
    stop = len(reader.pages)
    for level, title, page in _outline(reader, reader.outline, 0):
        lines.append(f"  {'  ' * level}{title} (page {page})")
        if cut_at and re.match(cut_at, title) and page - 1 < stop:
            stop = page - 1
    for number, page in enumerate(reader.pages[:stop], start=1):
        lines += ["", f"== page {number}: {_page_size(page)}"]
        lines += [line.rstrip() for line in (page.extract_text() or "").splitlines()]
    if stop < len(reader.pages):
        lines += ["", f"(cut at page {stop + 1} of {len(reader.pages)}: the rest is pinned as papers of their own)"]
    return "\n".join(lines) + "\n"


def _outline(reader, items, level: int):
    for item in items:
        if isinstance(item, list):
            yield from _outline(reader, item, level + 1)
        else:
            yield level, item.title, reader.get_destination_page_number(item) + 1


def _page_size(page) -> str:
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    to_mm = 25.4 / 72
    short, long = sorted((round(width * to_mm), round(height * to_mm)))
    orientation = "landscape" if width > height else "portrait"
    return f"{PAPER_SIZES.get((short, long), 'custom')} {orientation} {width * to_mm:.0f} × {height * to_mm:.0f} mm"


# -- HTML and canonical XML -----------------------------------------------------------------------
def html_projection(text: str, cut_at: str | None = None) -> str:
    """Return the HTML without its stylesheet or trailing spaces; from the first element
    whose opening tag matches ``cut_at`` on, only the headings are kept.

    The HTML snapshot pins the markup (elements, classes, attributes): the words are pinned by the
    PDF and DOCX projections, so a long run of text keeps only its first 40 characters here."""
    text = re.sub(r"<style>.*?</style>", "<style>…</style>", text, flags=re.S)
    text = re.sub(r">([^<]{40})[^<]+<", r">\1…<", text)
    # A picture inline as a data: URL is pinned by its size and digest.
    text = re.sub(r'src="data:([^;,"]+);base64,([^"]+)"',
                  lambda m: f'src="data:{m[1]}: {len(m[2]) * 3 // 4} bytes, sha256 {hashlib.sha256(m[2].encode()).hexdigest()[:16]}"', text)
    # Runs of one empty cell within a line (a chart's filler rows) are written once, with their count.
    text = re.sub(r"((<td[^>]*></td>))\2+", lambda m: f"{m.group(2)}×{len(m.group(0)) // len(m.group(2))}", text)
    # A bar's inline colour repeats its data-fill, which is pinned already.
    text = re.sub(r'( data-fill="(#[0-9a-f]{6})"[^>]*?) style="background-color: \2;"', r"\1", text)
    if cut_at and (found := re.search(cut_at, text)):
        headings = re.findall(r"<h2[^>]*>(.*?)</h2>", text[found.start():], flags=re.S)
        text = text[:found.start()] + "\n(cut here; the rest is pinned as papers of their own)\n" + "\n".join(headings)
    lines = [line.rstrip() for line in text.splitlines()]
    # Runs of one line (a chart's empty month cells) are written once, with their count.
    return "\n".join(line if count == 1 else f"{line} ×{count}"
                     for line, count in ((k, len(list(g))) for k, g in itertools.groupby(lines))) + "\n"


def canonical_parts(data: bytes, whole_up_to: int = 8_000) -> dict[str, str]:
    """Return {part name: canonical, indented XML} for every part of a DOCX, in zip order.

    Like Pandoc's golden DOCX tests, attribute order and insignificant whitespace do not matter;
    everything else does. Parts larger than ``whole_up_to`` bytes (python-docx's template styles
    and theme) and media are pinned by size and digest: every change still shows, and the styles
    a paper uses are spelled out in its projection."""
    package = zipfile.ZipFile(io.BytesIO(data))
    parts = {}
    for name in package.namelist():
        raw = package.read(name)
        if name.endswith((".xml", ".rels")):
            root = etree.fromstring(etree.canonicalize(from_file=io.BytesIO(raw), strip_text=True).encode("utf-8"))
            text = etree.tostring(root, pretty_print=True, encoding="unicode")
            raw = text.encode("utf-8")
            if len(raw) <= whole_up_to:
                parts[name] = text
                continue
        parts[name] = f"{len(raw)} bytes, sha256 {hashlib.sha256(raw).hexdigest()}"
    return parts
