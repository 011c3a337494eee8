"""``python -m lgss_docs`` is the lgss-docs command."""

from .cli import run

run()
