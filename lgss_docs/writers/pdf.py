"""The .pdf paper, laid out by WeasyPrint from the same HTML, fetching nothing outside."""

from __future__ import annotations

import gc
import hashlib
import logging

import weasyprint

from ..errors import BuildError


class _NoFetching(weasyprint.URLFetcher):
    """Allow only data: URLs; papers are self-contained, so anything else is refused."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(f"refused to fetch {url!r}: papers may not load outside resources")


def write(paper, options) -> bytes:
    """Return the PDF bytes of ``paper``; the same HTML always gives the same bytes."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        document = weasyprint.HTML(string=paper.html, base_url=None, url_fetcher=_NoFetching())
        # The identifier derives from the HTML, so it changes exactly when the paper does.
        identifier = hashlib.sha256(paper.html.encode("utf-8")).hexdigest()[:32].encode()
        # PDF/UA-1: tagged, with /Lang, /MarkInfo and the title shown as the window title.
        layout = document.render(pdf_variant="pdf/ua-1")
        # The parsed HTML and its styles are garbage in cycles by now: free them before
        # drawing, as large papers' peak memory is layout plus drawing.
        del document
        gc.collect()
        return layout.write_pdf(pdf_identifier=identifier, pdf_variant="pdf/ua-1")
    except Exception as exc:  # WeasyPrint raises many types; the user needs one message
        raise BuildError(f"{paper.id}.pdf: WeasyPrint failed: {exc}") from exc
