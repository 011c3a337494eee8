"""Markdown in content becomes HTML with raw HTML off and only safe link schemes.

GFM pipe tables are on: their header cells get ``scope="col"``, their alignment becomes a class
the DOCX writer reads (``align-right``, ``align-center``), and a paragraph "Table: ..." right
before or after one is its caption, as in Pandoc. (A row with a cell too few or too many is
padded or cut by markdown-it; validation reports it: validate/pipe_tables.py.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

SAFE_SCHEMES = ("http:", "https:", "mailto:")


def _safe_link(url: str) -> bool:
    # A paper travels alone as a PDF or DOCX, so a relative link would point at whatever file
    # sits beside it on the reader's machine: only web, mail and in-paper (#) links are kept.
    # A refused link is not parsed, so its text stays visible as typed.
    lowered = url.strip().lower()
    return lowered.startswith(SAFE_SCHEMES) or lowered.startswith("#")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _safe_link
    md.disable("image")  # images come only from validated content fields, never from prose
    md.enable("table")
    return md


_CAPTION = re.compile(r"^table:\s*", re.IGNORECASE)
_ALIGN = re.compile(r"text-align:(right|center)")


def _tokens(text: str) -> list[Token]:
    """Return the block tokens of ``text`` with pipe tables made accessible and captioned."""
    tokens = _parser().parse(text or "")
    for token in tokens:
        if token.type == "ordered_list_open" and (start := token.attrGet("start")) is not None:
            # A list keeps its own numbers (3., 4.); WeasyPrint reads no start attribute, but
            # does reset the list's counter from CSS.
            token.attrSet("style", f"counter-reset: list-item {int(start) - 1}")
        if token.type in ("th_open", "td_open"):
            align = _ALIGN.search(token.attrs.pop("style", "") or "")
            if align:
                token.attrSet("class", f"align-{align[1]}")
            if token.type == "th_open":
                token.attrSet("scope", "col")
    return _captioned(tokens)


def _is_caption(tokens: list[Token], at: int) -> bool:
    """Return whether tokens[at:at + 3] are a paragraph reading "Table: ..."."""
    return (at >= 0 and at + 2 < len(tokens) and tokens[at].type == "paragraph_open"
            and _CAPTION.match(tokens[at + 1].content) is not None)


def _captioned(tokens: list[Token]) -> list[Token]:
    """Return ``tokens`` with each "Table: ..." paragraph beside a table moved into it as its caption."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_open" and _is_caption(out, len(out) - 3) and out[-3].level == token.level:
            caption, out = out[-2], out[:-3]
            index = _table_with_caption(tokens, index, caption, out)
        elif token.type == "table_open" and (end := _table_end(tokens, index)) and _is_caption(tokens, end + 1) \
                and tokens[end + 1].level == token.level:
            _table_with_caption(tokens, index, tokens[end + 2], out)
            index = end + 4
        else:
            out.append(token)
            index += 1
    return out


def _table_end(tokens: list[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        depth += {"table_open": 1, "table_close": -1}.get(tokens[index].type, 0)
        if depth == 0:
            return index
    return len(tokens) - 1


def _table_with_caption(tokens: list[Token], start: int, caption: Token, out: list[Token]) -> int:
    """Append the table at ``start`` to ``out`` with ``caption`` (an inline token) first; return the index after it."""
    end = _table_end(tokens, start)
    first = next((child for child in caption.children or [] if child.type == "text"), None)
    if first is not None:
        first.content = _CAPTION.sub("", first.content, count=1)
    out.append(tokens[start])
    out += [Token("caption_open", "caption", 1), caption, Token("caption_close", "caption", -1)]
    out += tokens[start + 1:end + 1]
    return end + 1


def _number(tokens: list[Token], numbers: Sequence[str]) -> None:
    """Put each of ``numbers`` before a paragraph that stands on its own, in order (class numbered)."""
    given = iter(numbers)
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0 and (number := next(given, None)) is not None:
            token.attrSet("class", "numbered")
            span = Token("paragraph_number_open", "span", 1)
            span.attrSet("class", "paragraph-number")
            inline = tokens[index + 1]
            # The space is inside the number, whose box hangs in the margin: text read aloud or
            # copied says "2. Following", and the first line starts where the others do.
            inline.children = [span, Token("text", "", 0, content=f"{number} "), Token("paragraph_number_close", "span", -1),
                               *(inline.children or [])]


def markdown_html(text: str, heading_level: int | None = None, numbers: Sequence[str] = ()) -> Markup:
    """Return ``text`` rendered as block HTML; any HTML typed into it shows as text.

    With ``heading_level``, the text's own headings nest under the section it sits in: the
    shallowest becomes that level and the others keep their depth below it (at most h6), so
    ``### Legal`` is a subheading whether the paper is printed alone or as an appendix.
    With ``numbers``, the paragraphs that stand on their own are numbered with them, in order.
    """
    parser = _parser()
    tokens = _tokens(text)
    _number(tokens, numbers)
    depths = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    if heading_level is not None and depths:
        shift = heading_level - min(depths)
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
    return Markup(parser.renderer.render(tokens, parser.options, {}))


def markdown_inline(text: str) -> Markup:
    """Return ``text`` rendered without a wrapping paragraph, for table cells and titles."""
    return Markup(_parser().renderInline(text or ""))


def parse_markdown(text: str) -> list:
    """Return the block tokens of ``text``, parsed exactly as the papers render it."""
    return _tokens(text)
