"""Read one YAML file safely into plain data, remembering where every value stood.

PyYAML's safe loader is used only to compose the node graph; we build the Python values
ourselves so that we can (a) record each node's line and column for error messages,
(b) refuse duplicate keys, which PyYAML accepts silently, and (c) bound the cost of alias
expansion ("billion laughs") and nesting depth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, Problem, display_path

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 50_000  # far above any real content file, far below an alias bomb
MAX_DEPTH = 40

Loc = tuple  # a path into the data: keys and list indices


@dataclass
class Source:
    """A content file's data plus the position of each value and each mapping key."""

    path: Path
    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    @property
    def shown_path(self) -> str:
        return display_path(self.path)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Return (line, column) of ``loc``, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc not in self.value_marks and loc:
            loc = loc[:-1]
        return self.value_marks.get(loc, (1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False, field_name: str | None = None) -> Problem:
        """Return a Problem at ``loc`` whose field is the dotted form of ``loc``."""
        line, column = self.position(loc, key=key)
        return Problem(self.shown_path, line, column, field_name if field_name is not None else dotted(loc), message)


def dotted(loc: Loc) -> str:
    """Return ``('steps', 2, 'title')`` as ``steps[2].title``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _mark(node_or_mark) -> tuple[int, int]:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return mark.line + 1, mark.column + 1


class _Builder:
    """Turns a composed node graph into Python values, recording marks and problems."""

    def __init__(self, source: Source, loader: yaml.SafeLoader):
        self.source = source
        self.loader = loader
        self.nodes = 0
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, loc: Loc = ()) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(f"more than {MAX_NODES:,} values (aliases expanding too far?)")
        if len(loc) > MAX_DEPTH:
            raise _TooLarge(f"nested more than {MAX_DEPTH} levels deep")
        self.source.value_marks.setdefault(loc, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.problems.append(self.source.problem(loc, f"cannot read this value: {exc.problem}"))
            return None

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.source.shown_path, *_mark(key_node), "", "a key must be plain text"))
                continue
            key = self.loader.construct_object(key_node)
            if key == "<<":
                self.problems.append(Problem(self.source.shown_path, *_mark(key_node), dotted(loc), "merge keys (<<) are not supported; write the fields out"))
                continue
            key = str(key)
            if key in result:
                first = self.source.key_marks[loc + (key,)][0]
                self.problems.append(Problem(self.source.shown_path, *_mark(key_node), dotted(loc + (key,)), f"duplicate key; already given on line {first}"))
                continue
            self.source.key_marks[loc + (key,)] = _mark(key_node)
            result[key] = self.build(value_node, loc + (key,))
        return result


class _TooLarge(Exception):
    pass


def _decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark is accepted and dropped
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError([Problem(shown, line, column, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]) from None


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    text = exc.problem or "YAML syntax error"
    if "'\\t'" in text or "\\t" in text:
        text = "a tab character is not allowed here; indent with spaces"
    elif exc.context:
        text = f"{text} ({exc.context})"
    return Problem(shown, line, column, "", f"YAML syntax: {text}")


def load_yaml(path: Path) -> Source:
    """Return the file at ``path`` as a Source; raise ContentError listing what is wrong."""
    path = Path(path)
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError([Problem(shown, 1, 1, "", f"file is {size / 1_048_576:.1f} MB; content files are limited to {MAX_FILE_BYTES // 1_048_576} MB")])
        text = _decode(path.read_bytes(), shown)
    except OSError as exc:
        raise ContentError([Problem(shown, 1, 1, "", f"cannot read file: {exc.strerror}")]) from None
    source = Source(path=path, data=None)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ContentError([Problem(shown, 1, 1, "", "file is empty; expected a mapping of fields")])
        builder = _Builder(source, loader)
        source.data = builder.build(node)
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_syntax_problem(exc, shown)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(shown, 1, 1, "", f"YAML syntax: {exc}")]) from None
    except _TooLarge as exc:
        raise ContentError([Problem(shown, *_mark(node), "", f"refused: {exc}")]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise ContentError(builder.problems)
    return source
