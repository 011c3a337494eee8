"""The .docx paper, written with python-docx by walking the same HTML the PDF is made from."""

from .document import write

__all__ = ["write"]
