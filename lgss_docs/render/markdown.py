"""Markdown in content becomes HTML with raw HTML off and only safe link schemes."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
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
    return md


def markdown_html(text: str, heading_level: int | None = None) -> Markup:
    """Return ``text`` rendered as block HTML; any HTML typed into it shows as text.

    With ``heading_level``, the text's own headings nest under the section it sits in: the
    shallowest becomes that level and the others keep their depth below it (at most h6), so
    ``### Legal`` is a subheading whether the paper is printed alone or as an appendix.
    """
    parser = _parser()
    tokens = parser.parse(text or "")
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
    return _parser().parse(text or "")
