"""Read one YAML file safely into plain data, remembering where every value stood.

PyYAML's safe loader is used only to compose the node graph; we build the Python values
ourselves so that we can (a) record each node's line and column for error messages,
(b) refuse duplicate keys, which PyYAML accepts silently, (c) bound the cost of alias
expansion ("billion laughs") and nesting depth, and (d) accept only plain values: no tags
beyond YAML's own text, numbers, booleans, dates and null.

libyaml (PyYAML's C parser) composes a file about ten times faster than PyYAML's own, so a
file is read with it first. Any problem at all sends the file back through PyYAML's own parser,
whose messages and positions the checks are written against: a file with a mistake reads the
same either way, and a valid one only faster.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, Problem, display_path

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 50_000  # far above any real content file, far below an alias bomb
MAX_TEXT = 2 * MAX_FILE_BYTES  # characters after alias expansion: a few aliases of a long text pass
MAX_DEPTH = 40
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}

Loc = tuple  # a path into the data: keys and list indices


@dataclass
class Source:
    """A content file's data plus the position of each value and each mapping key."""

    path: Path
    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    typed: dict[Loc, str] = field(default_factory=dict)  # each scalar as written, for "got ..."

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

    def __init__(self, source: Source, loader: yaml.SafeLoader, fast: bool = False):
        self.source = source
        self.loader = loader
        self.fast = fast  # composed by libyaml: any problem is found again by PyYAML's own parser
        self.nodes = 0
        self.text = 0
        self.problems: list[Problem] = []

    def _report(self, problem: Problem) -> None:
        if self.fast:
            raise _Again
        self.problems.append(problem)

    def build(self, node: yaml.Node, loc: Loc = ()) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self._expanding(loc, f"more than {MAX_NODES:,} values (aliases expanding too far?)")
        if len(loc) > MAX_DEPTH:
            raise _TooLarge(f"nested more than {MAX_DEPTH} levels deep", _mark(node))
        self.source.value_marks.setdefault(loc, _mark(node))
        if node.tag not in _PLAIN_TAGS:
            self._report(self.source.problem(loc, f"the tag {_short_tag(node.tag)} is not allowed; content files hold plain text, numbers, dates, lists and mappings"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        self.text += len(node.value)
        if self.text > MAX_TEXT:
            raise self._expanding(loc, f"more than {MAX_TEXT:,} characters of text (aliases repeating long text?)")
        self.source.typed[loc] = node.value
        if found := _NOT_TEXT.search(node.value):
            self._report(Problem(self.source.shown_path, *self._where(node, found[0]), dotted(loc), _not_text(found[0])))
            return None
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError:  # a date that does not exist, or a number too long to read
            what = "is not a date that exists; check the day and month" if node.tag.endswith(":timestamp") else "is too long a number to read"
            self._report(self.source.problem(loc, f'"{_clip(node.value)}" {what}'))
            return None

    def _where(self, node: yaml.ScalarNode, char: str) -> tuple[int, int]:
        """Return where ``char`` stands in the file if typed raw, else where the value starts (an escape made it)."""
        if self.fast:  # libyaml keeps no text to search
            raise _Again
        buffer = self.loader.buffer
        at = buffer.find(char, node.start_mark.index, node.end_mark.index)
        if at < 0:
            return _mark(node)
        return buffer.count("\n", 0, at) + 1, at - buffer.rfind("\n", 0, at)

    def _expanding(self, loc: Loc, message: str) -> _TooLarge:
        """Return the refusal placed at the top-level field whose aliases expand too far."""
        return _TooLarge(message, self.source.value_marks[loc[:1]], dotted(loc[:1]))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._report(Problem(self.source.shown_path, *_mark(key_node), dotted(loc), "a key must be a plain name, not a list or mapping"))
                continue
            key = key_node.value  # as written: "yes" and "~" stay names, not true and null
            if key_node.tag.endswith(":merge"):
                self._report(Problem(self.source.shown_path, *_mark(key_node), dotted(loc), "merge keys (<<) are not supported; write the fields out"))
                continue
            if key in result:
                first = self.source.key_marks[loc + (key,)][0]
                self._report(Problem(self.source.shown_path, *_mark(key_node), dotted(loc + (key,)), f"duplicate key; already given on line {first}"))
                continue
            self.source.key_marks[loc + (key,)] = _mark(key_node)
            result[key] = self.build(value_node, loc + (key,))
        return result


class _TooLarge(Exception):
    def __init__(self, message: str, mark: tuple[int, int], field_name: str = ""):
        super().__init__(message)
        self.mark, self.field_name = mark, field_name


class _Again(Exception):
    """libyaml's reading met a problem: read the file again with PyYAML's own parser."""


# Files that libyaml composes. Its composer recurses on the C stack, so a file that could nest
# deeper than a few thousand levels (each level of flow nesting takes a bracket; block nesting
# is bounded by the file's size) is left to PyYAML's own, which stops at MAX_DEPTH.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_FAST_BRACKETS = 1_000


class _Loader(yaml.SafeLoader):
    """A SafeLoader whose composer stops at MAX_DEPTH, before Python's own stack would."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH + 1:
                raise _TooLarge(f"nested more than {MAX_DEPTH} levels deep", _mark(self.peek_event()))
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


# Characters that are not text, which double-quoted escapes ("\\x07", "\\e", "\\uFFFE") can make though
# the file's own characters are plain: C0 and C1 controls but tab and line feed, surrogates,
# noncharacters. HTML, PDF and Word each treat them differently or not at all (Word refuses the
# file). And the bidirectional embeddings, overrides and isolates, which make text display in
# another order than it is stored ("Green" in a RAG cell that holds "neerG").
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
_NOT_TEXT = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff{_NONCHARACTERS}\\u202a-\\u202e\\u2066-\\u2069]")


def _not_text(char: str) -> str:
    """Return the message refusing ``char``, one of the characters _NOT_TEXT finds."""
    code = f"U+{ord(char):04X}"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return (f"a bidirectional control ({code}, {unicodedata.name(char)}) is not allowed in the text: "
                "it shows the text in another order than it is stored; delete it")
    kind = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character" if unicodedata.category(char) == "Cc" else "a noncharacter"
    return f"{kind} ({code}) is not allowed in the text; delete it"


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _clip(text: str, limit: int = 40) -> str:
    return f"{text[:limit]}…" if len(text) > limit else text


def _decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark is accepted and dropped
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError([Problem(shown, line, column, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]) from None


# PyYAML's wording, matched on its problem text, and ours. True: place the message where the
# construct began (the opening quote or bracket) rather than where PyYAML gave up.
_SYNTAX_WORDS = [
    (re.compile(r"'\\t'|\\t"), "a tab character is not allowed here; indent with spaces", False),
    (re.compile(r"end of stream.*quoted|quoted.*end of stream"), "this quoted text is never closed; add the closing quotation mark", True),
    (re.compile(r"unknown escape character '(.)'"), "unknown escape \\{0} in double quotes; write \\\\ for a backslash, or use single quotes", False),
    (re.compile(r"mapping values are not allowed here"), 'a colon and space (": ") cannot appear here; put text that contains one in quotes, or check the indentation', False),
    (re.compile(r"expected <block end>, but found"), "the indentation does not match the lines above; items that belong together start in the same column", False),
    (re.compile(r"could not find expected ':'"), 'expected "name: value" on this line; a colon is missing', True),
    (re.compile(r"expected ',' or '\]'"), "this list in [brackets] is not closed, or an item lacks a comma", True),
    (re.compile(r"expected ',' or '\}'"), "this mapping in {{braces}} is not closed, or an item lacks a comma", True),
    (re.compile(r"found character '(.)' that cannot start any token"), "a value cannot start with {0}; put the text in quotes", False),
    (re.compile(r"found undefined alias '(.+)'"), "*{0} names no anchor; define &{0} above it", False),
    (re.compile(r"but found another document"), "a second document starts here; a content file holds one (remove the ---)", False),
]


def _runaway_quote(text: str, exc: yaml.MarkedYAMLError) -> Problem | None:
    """Return where a quote left open began, when it swallowed lines up to the error.

    An unclosed quote rarely fails where it opens: YAML reads on to the next quotation
    mark, often in a comment lines later, and fails there. Point at the opening instead.
    """
    if exc.problem_mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass
    if last and last.start_mark.line < last.end_mark.line and last.end_mark.line >= exc.problem_mark.line - 1:
        return last.start_mark
    return None


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, source_text: str = "") -> Problem:
    if opened := _runaway_quote(source_text, exc):
        return Problem(shown, opened.line + 1, opened.column + 1, "",
                       "YAML syntax: this quoted text is never closed; add the closing quotation mark")
    text = f"{exc.problem or ''} {exc.context or ''}"
    for pattern, words, at_start in _SYNTAX_WORDS:
        if match := pattern.search(text):
            message, mark = words.format(*match.groups()), (exc.context_mark if at_start else None) or exc.problem_mark
            break
    else:
        message = f"{exc.problem} ({exc.context})" if exc.context else exc.problem or "not valid YAML"
        mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(shown, line, column, "", f"YAML syntax: {message}")


def _reader_problem(exc: yaml.reader.ReaderError, text: str, shown: str) -> Problem:
    before = text[: exc.position]
    line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
    return Problem(shown, line, column, "", f"a control character (U+{exc.character:04X}) is not allowed in the text; delete it")


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
    # libyaml also accepts a tab after "key:", which PyYAML refuses: such a file is PyYAML's to read.
    if _FAST_LOADER is not None and text.count("[") + text.count("{") <= _FAST_BRACKETS and "\t" not in text:
        try:
            return _compose(path, text, shown, _FAST_LOADER)
        except (_Again, _TooLarge, yaml.YAMLError):
            pass
    return _compose(path, text, shown, _Loader)


def _compose(path: Path, text: str, shown: str, loader_class) -> Source:
    """Return the Source of ``text`` as ``loader_class`` composes it; with libyaml's, raise _Again at any problem."""
    fast = loader_class is not _Loader
    source = Source(path=path, data=None)
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as exc:
        if fast:
            raise
        raise ContentError([_reader_problem(exc, text, shown)]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            if fast:
                raise _Again
            raise ContentError([Problem(shown, 1, 1, "", "file is empty; expected a mapping of fields")])
        builder = _Builder(source, loader, fast)
        source.data = builder.build(node)
    except yaml.MarkedYAMLError as exc:
        if fast:
            raise
        raise ContentError([_syntax_problem(exc, shown, text)]) from None
    except yaml.YAMLError as exc:
        if fast:
            raise
        raise ContentError([Problem(shown, 1, 1, "", f"YAML syntax: {exc}")]) from None
    except _TooLarge as exc:
        if fast:
            raise
        raise ContentError([Problem(shown, *exc.mark, exc.field_name, f"refused: {exc}")]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise ContentError(builder.problems)
    return source
