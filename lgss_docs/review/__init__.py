"""Reviewing a cycle: what changed between two versions of the content, and in each paper.

``sources`` reads each version (a git revision with its commit, or a folder); ``redline_html``
merges two renderings of a paper into one marked-up document, with ``redline_rows`` for rows
that share cells down (the plan's activities) and ``marks`` for what a mark says; the PDF and
DOCX writers write that document. ``reading`` reads the change summary back from the redline,
so the summary lists what the redline marks; ``changes`` adds the papers and content files
added, removed or renamed; ``readable`` explains an old revision this version cannot read;
``summary`` writes the summary; ``textconv`` lets git show committed papers as text.
"""
