"""Merging rows that share cells down the table (rowspan), such as the plan's activities.

A band is a row whose leading cells reach down over the rows below it (an activity's number,
title and stakeholders), with those rows (a bar row per timetable, then a filler). Two versions
of a band are merged so that every change can be tracked in Word and undone exactly:

- the leading cells are merged word by word, once (a step added is a step inserted, not the
  activity struck out and written again);
- the rows under them are matched by their first cell (the timetable's name) and merged cell by
  cell when their cells span the same columns;
- a row whose cells span other columns (a bar that moved, grew or shrank) becomes the old row
  deleted and the new row inserted, as Word tracks rows;
- except the band's first row, which holds the leading cells: deleting it would delete them. It
  is cut at every column where either version's cells begin or end, and each piece says what it
  was (``data-old-fill``...) and what it is: a bar's new months (``redline-bar-ins``), its months
  no longer taken (``redline-bar-del``). Accepting every change leaves the new bars, each in as
  many pieces as it was cut into, with the same text in the same columns.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .marks import Mark, add_class, cells, marked, shell, text
from .pairing import pair_in_order

OLD_ATTRIBUTES = ("data-old-fill", "data-old-pattern", "data-old-class")
_POSITION = re.compile(r"--date-(at|to):\s*([\d.]+)%")

Merge = Callable[..., object]


def same_shape(old, new) -> bool:
    """Return whether two rows have cells spanning the same columns and rows."""
    return _shape(old) == _shape(new)


def _shape(row) -> tuple:
    return tuple((c.get("colspan", "1"), c.get("rowspan", "1")) for c in cells(row))


def has_bands(group) -> bool:
    """Return whether a row group has cells reaching down over several rows."""
    return any(int(c.get("rowspan", 1)) > 1 for row in group.iter("tr") for c in cells(row))


def merge_cell(old, new, mark: Mark, merge: Merge):
    """Return cell ``new`` merged with ``old``; if its fill or class changed, what they were."""
    out = merge(old, new, mark)
    if any(old.get(a) != new.get(a) for a in ("data-fill", "data-pattern", "class")):
        for name, value in zip(OLD_ATTRIBUTES, (old.get("data-fill"), old.get("data-pattern"), old.get("class"))):
            out.set(name, value or "")
    return out


@dataclass
class _Band:
    head: list      # the leading cells, reaching down over every row of the band
    rows: list      # the band's rows, the first without its leading cells
    original: list  # the rows as they are in the document


def _blocks(group) -> list | None:
    """Return the rows of ``group``, each a row or a band; None if its cells reach down some
    other way than leading cells over whole bands (which is then replaced whole)."""
    rows = [r for r in group if isinstance(r.tag, str) and r.tag == "tr"]
    out, i = [], 0
    while i < len(rows):
        row, spans = rows[i], [int(c.get("rowspan", 1)) for c in cells(rows[i])]
        if max(spans, default=1) == 1:
            out.append(row)
            i += 1
            continue
        leading, down = (spans + [1]).index(1), spans[0]
        covered = rows[i + 1:i + down]
        if (any(s != down for s in spans[:leading]) or any(s != 1 for s in spans[leading:]) or len(covered) != down - 1
                or any(int(c.get("rowspan", 1)) != 1 for r in covered for c in cells(r))):
            return None
        first = shell(row)
        first.extend(copy.deepcopy(c) for c in cells(row)[leading:])
        out.append(_Band([copy.deepcopy(c) for c in cells(row)[:leading]], [first, *covered], rows[i:i + down]))
        i += down
    return out


def merge_row_group(old, new, mark: Mark, merge: Merge):
    """Return the row group (tbody...) ``new`` merged with ``old``, band by band."""
    out = shell(new)
    old_blocks, new_blocks = _blocks(old), _blocks(new)
    if old_blocks is None or new_blocks is None:
        out.extend(marked(r, "del", mark) for r in old.iter("tr"))
        out.extend(marked(r, "ins", mark) for r in new.iter("tr"))
        return out
    for was, now in pair_in_order(old_blocks, new_blocks, _alike, 1.0):
        if now is None:
            out.extend(marked(r, "del", mark) for r in _rows_of(was))
        elif was is None:
            out.extend(marked(r, "ins", mark) for r in _rows_of(now))
        elif isinstance(now, _Band):
            merged = _merge_bands(was, now, mark, merge)
            out.extend(merged if merged is not None else [*(marked(r, "del", mark) for r in was.original),
                                                          *(marked(r, "ins", mark) for r in now.original)])
        else:
            out.append(merge(was, now, mark))
    return out


def _rows_of(block) -> list:
    return block.original if isinstance(block, _Band) else [block]


def _alike(old, new) -> float:
    if isinstance(old, _Band) or isinstance(new, _Band):
        return 1.0 if isinstance(old, _Band) and isinstance(new, _Band) else 0.0
    return 1.0 if _row_key(old) == _row_key(new) and same_shape(old, new) else 0.0


def _row_key(row) -> str:
    first = next(iter(cells(row)), None)
    return text(first) if first is not None else ""


def _merge_bands(old: _Band, new: _Band, mark: Mark, merge: Merge) -> list | None:
    """Return the rows of two versions of a band merged, or None if they cannot be."""
    if _shape_of(old.head) != _shape_of(new.head):
        return None
    head = [merge_cell(a, b, mark, merge) for a, b in zip(old.head, new.head)]
    rows = []
    for place, (was, now) in enumerate(_aligned(old.rows, new.rows)):
        if now is None:
            rows.append(marked(was, "del", mark))
        elif was is None:
            rows.append(marked(now, "ins", mark))
        elif same_shape(was, now):
            rows.append(merge(was, now, mark))
        elif place == 0:
            # The first row keeps the leading cells, so it is never deleted: it is cut instead.
            if (cut := _cut(was, now, mark, merge)) is None:
                return None
            rows.append(cut)
        else:
            rows += [marked(was, "del", mark), marked(now, "ins", mark)]
    for cell in reversed(head):
        cell.set("rowspan", str(len(rows)))
        rows[0].insert(0, cell)
    return rows


def _shape_of(head: list) -> list:
    return [(c.tag, c.get("colspan", "1")) for c in head]


def _aligned(olds: list, news: list) -> list[tuple]:
    """Return the rows of two versions of a band paired by first cell; the first rows always pair."""
    pairs = [(olds[0], news[0])]
    old_keys, new_keys = _keys(olds[1:]), _keys(news[1:])
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pairs += list(zip(olds[1 + a1:1 + a2], news[1 + b1:1 + b2]))
        else:
            pairs += [(row, None) for row in olds[1 + a1:1 + a2]] + [(None, row) for row in news[1 + b1:1 + b2]]
    return pairs


def _keys(rows: list) -> list[tuple[str, int]]:
    """Return each row's first cell with its count so far: two bar rows of one timetable stay two."""
    seen: Counter = Counter()
    keys = []
    for row in rows:
        seen[_row_key(row)] += 1
        keys.append((_row_key(row), seen[_row_key(row)]))
    return keys


# -- a row cut where either version's cells begin or end ------------------------------------
def _placed(row) -> list[tuple[int, int, object]]:
    """Return (first column, column after, cell) of each cell of ``row``."""
    out, column = [], 0
    for cell in cells(row):
        span = int(cell.get("colspan", 1))
        out.append((column, column + span, cell))
        column += span
    return out


def _cuttable(cell) -> bool:
    """Return whether a cell may be cut into pieces: an empty one, or a drawn one (a bar and its label)."""
    return cell.get("data-fill") is not None or not text(cell)


def _cut(old, new, mark: Mark, merge: Merge):
    """Return the row ``new`` cut at every column where a cell of either version begins or ends,
    each piece marked with what it was and is; None if a cell of text would be cut."""
    before, after = _placed(old), _placed(new)
    if not before or not after or before[-1][1] != after[-1][1]:
        return None
    bounds = sorted({edge for start, end, _ in before + after for edge in (start, end)})
    for start, end, cell in before + after:
        if not _cuttable(cell) and any(start < edge < end for edge in bounds):
            return None
    out = shell(new)
    for start, end in zip(bounds, bounds[1:]):
        was = next(p for p in before if p[0] <= start < p[1])
        now = next(p for p in after if p[0] <= start < p[1])
        if not (_cuttable(was[2]) and _cuttable(now[2])):
            if was[:2] != now[:2]:
                return None
            out.append(merge_cell(was[2], now[2], mark, merge))
        else:
            out.append(_piece(was, now, start, end, mark, merge))
    return out


def _piece(was: tuple, now: tuple, start: int, end: int, mark: Mark, merge: Merge):
    """Return the piece ``start``..``end`` of a cut row: the new cell's, marked with what changed."""
    (old_start, _, old), (new_start, new_end, new) = was, now
    piece = shell(new)
    piece.attrib.pop("colspan", None)
    if end - start > 1:
        piece.set("colspan", str(end - start))
    _place_date_line(piece, new_end - new_start, start - new_start, end - start)
    if (old.get("data-fill"), old.get("data-pattern")) != (new.get("data-fill"), new.get("data-pattern")):
        for name, value in zip(OLD_ATTRIBUTES, (old.get("data-fill"), old.get("data-pattern"), old.get("class"))):
            piece.set(name, value or "")
        if new.get("data-fill"):
            add_class(piece, "redline-bar-ins")
        if old.get("data-fill"):
            add_class(piece, "redline-bar-del")
            piece.set("style", f"{piece.get('style', '').rstrip('; ')}; --old-fill: {old.get('data-fill')};".lstrip("; "))
    if start > new_start:
        add_class(piece, "redline-continued")  # the rest of a bar: no rule between its pieces
    if start > old_start:
        add_class(piece, "redline-old-continued")  # the rest of a bar as it was
    old_label, new_label = start == old_start and text(old), start == new_start and text(new)
    if old_label and new_label:
        content = merge(old, new, mark)
    elif old_label or new_label:
        content = marked(old if old_label else new, "del" if old_label else "ins", mark)
    else:
        return piece
    piece.text = content.text
    piece.extend(list(content))
    return piece


def _place_date_line(piece, width: int, offset: int, columns: int) -> None:
    """Move a cell's date line (``--date-at``/``--date-to``, percent of the cell's width) into
    the piece ``offset``..``offset + columns`` of it; take it out if it falls in another piece."""
    style = piece.get("style", "")
    found = {name: float(value) for name, value in _POSITION.findall(style)}
    if "at" not in found:
        return
    at = found["at"] * width / 100 - offset
    to = found.get("to", found["at"]) * width / 100 - offset
    if 0 <= at < columns:
        style = _POSITION.sub(lambda m: f"--date-{m[1]}: {(at if m[1] == 'at' else to) / columns * 100:.1f}%", style)
    else:
        style = _POSITION.sub("", style)
        piece.set("class", " ".join(c for c in piece.get("class", "").split() if c != "has-date"))
    style = re.sub(r"(;\s*)+", "; ", style).strip("; ")
    if style:
        piece.set("style", style + ";")
    else:
        piece.attrib.pop("style", None)
