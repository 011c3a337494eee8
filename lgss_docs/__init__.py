"""lgss-docs: programme papers built from facts kept once, in YAML under git.

The pipeline's stages, one package each: load (YAML with positions) → model and validate
(typed, every problem at once) → views (what each paper shows) → render (Jinja to semantic
HTML) → writers (HTML, PDF, DOCX). ``build`` runs them; ``cli`` is the only place errors
become messages.
"""

__version__ = "0.1.0"
