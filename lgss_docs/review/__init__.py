"""Reviewing a cycle: what changed between two versions of the content, and in each paper.

``sources`` loads each version (a git revision or a folder), ``changes`` lists what changed
fact by fact, ``redline_html`` merges two renderings of a paper into one marked-up document that
the PDF and DOCX writers then write, ``textconv`` lets git show committed papers as text.
"""
