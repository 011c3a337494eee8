"""Stage 1: read content files into plain data that remembers line and column."""

from .tree import ContentTree, read_tree
from .yaml_source import Source, load_yaml

__all__ = ["ContentTree", "Source", "load_yaml", "read_tree"]
