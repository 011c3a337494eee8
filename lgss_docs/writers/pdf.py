"""The .pdf paper, laid out by WeasyPrint from the same HTML, fetching nothing outside.

Logging policy. WeasyPrint sorts what it logs by level (its ``logger.py`` says so); we give
each level one meaning for a paper:

- errors are unreachable or unusable resources. A paper is self-contained (styles inline,
  images as data: URLs), so any such error means a template or stylesheet asked for something
  outside the paper: a file:, http(s): or other URL, which the fetcher refuses without opening
  it, or a relative URL, which has no base to resolve against and so is never read. Every one
  of them, together, becomes a TemplateError (exit 2) and nothing is written: a paper that
  silently lost an image or a stylesheet is worse than no paper.
- warnings are HTML or CSS that WeasyPrint ignores. The stylesheet is shared with browsers and
  keeps browser-only declarations (``clip`` on visually hidden captions), so these are
  expected; they are not shown and do not fail ``--strict``. Layout is checked by looking at
  the rendered pages.
- infos (rendering progress) are dropped.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import weasyprint

from ..errors import BuildError, TemplateError


class _NoFetching(weasyprint.URLFetcher):
    """Allow only data: URLs; papers are self-contained, so anything else is refused unopened."""

    def __init__(self):
        super().__init__()
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        self.refused.append(url)
        raise ValueError(f"refused to fetch {url}")


class _Errors(logging.Handler):
    """Keeps the text of every error WeasyPrint logs."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _weasyprint_errors() -> Iterator[list[str]]:
    """Yield the list WeasyPrint's errors collect in while the block runs; show nothing else."""
    logger, handler = logging.getLogger("weasyprint"), _Errors()
    saved = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.ERROR)
    logger.propagate = False  # warnings and errors are ours to report, not stderr's
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def write(paper, options) -> bytes:
    """Return the PDF bytes of ``paper``; the same HTML always gives the same bytes."""
    fetcher = _NoFetching()
    try:
        with _weasyprint_errors() as errors:
            document = weasyprint.HTML(string=paper.html, base_url=None, url_fetcher=fetcher)
            _let_long_words_break(document.etree_element)
            # The identifier derives from the HTML, so it changes exactly when the paper does.
            identifier = hashlib.sha256(paper.html.encode("utf-8")).hexdigest()[:32].encode()
            # PDF/UA-1: tagged, with /Lang, /MarkInfo and the title shown as the window title.
            layout = document.render(pdf_variant="pdf/ua-1")
            # The parsed HTML and its styles are garbage in cycles by now: free them before
            # drawing, as large papers' peak memory is layout plus drawing.
            del document
            gc.collect()
            data = layout.write_pdf(pdf_identifier=identifier, pdf_variant="pdf/ua-1")
    except Exception as exc:  # WeasyPrint raises many types; the user needs one message
        raise BuildError(f"{paper.id}.pdf: WeasyPrint failed: {exc}") from exc
    if problems := _outside_resources(paper.id, fetcher.refused, errors):
        raise TemplateError("\n".join(problems))
    return data


# A run of this many characters with no space is a link, an address or a typing slip, not a word
# a reader expects to see whole; it may break anywhere rather than push a table off the page.
_LONG_WORD = re.compile(r"\S{25}")


def _let_long_words_break(root) -> None:
    """Let the elements holding a long word break it anywhere (``overflow-wrap: anywhere``).

    The stylesheet gives everything else ``break-word``, which breaks a word only where it
    overflows a line. ``anywhere`` also lets a table column narrow past the word, but WeasyPrint
    then measures each cell's narrowest width character by character, a cost that grows with the
    square of the cell's text: on every element it tripled the example's PDF layout time.
    """
    body = next(root.iter("body"), root)  # not the stylesheet in the head
    for element in body.iter():
        if not isinstance(element.tag, str):  # a comment
            continue
        if _LONG_WORD.search(element.text or "") or any(_LONG_WORD.search(child.tail or "") for child in element):
            style = element.get("style")
            element.set("style", f"{style.rstrip('; ')}; overflow-wrap: anywhere" if style else "overflow-wrap: anywhere")


def _outside_resources(paper_id: str, refused: list[str], errors: list[str]) -> list[str]:
    """Return one line per resource the paper's templates asked for from outside the paper."""
    lines = [f'{paper_id}.pdf: refused to load "{url}": a paper loads nothing from outside itself; '
             "keep styles in templates/css and give images as data: URLs" for url in dict.fromkeys(refused)]
    # WeasyPrint logs each refusal again in its own words; keep only errors not already said.
    lines += [f"{paper_id}.pdf: {message}" for message in errors if not any(url in message for url in refused)]
    return lines
