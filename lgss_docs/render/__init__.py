"""Stage 4: render each paper's view once, with Jinja, to semantic HTML."""
