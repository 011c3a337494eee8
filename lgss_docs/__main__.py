"""``python -m lgss_docs`` runs the command line, as ``lgss-docs`` does."""

from .cli import run

run()
