"""The build cache: which outputs are up to date, so a rebuild redoes only what changed.

An output (one paper in one format) is up to date when its key is the key recorded when it was
written and the file still holds the bytes written then (so a hand-edited or deleted output is
rebuilt). The key is a hash of everything that can change the output's bytes: the content files
the paper reads (``PaperSpec.reads``), every file of the templates folder (templates and CSS),
the writer options (a reference .docx by its bytes), the format, and the code (lgss_docs' own
sources and the versions of the libraries it renders with). Fonts and system libraries (Pango,
HarfBuzz) are not in the key: after changing them, build with ``--force``.

Hashes are taken before anything is read, so a file edited during a build makes the next build
redo that work rather than trust it. The cache file lives in the output folder; if it cannot be
read or makes no sense it is ignored, and the build starts afresh.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import inputs
from .errors import Problem, display_path
from .output import write_atomically

CACHE_NAME = ".lgss-docs-cache.json"
_VERSION = 1
# The libraries whose versions, with everything they require, are part of the code's hash.
_LIBRARIES = ("jinja2", "markdown-it-py", "weasyprint", "pyyaml", "python-docx", "pydantic", "lxml")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tree_hashes(root: Path, names: list[str]) -> dict[str, str]:
    return {name: _sha((root / name).read_bytes()) for name in names}


def _digest(value) -> str:
    return _sha(json.dumps(value, sort_keys=True, default=str).encode())


@dataclass(frozen=True)
class Stamp:
    """Hashes of every input of a build but the code: content files, templates, options."""

    content: dict[str, str]  # content file (relative path) -> hash
    templates: str
    options: str

    def key(self, spec, fmt: str) -> str:
        """Return the key of paper ``spec`` in format ``fmt``: equal keys mean equal bytes."""
        names = (self.content if spec.reads is inputs.EVERYTHING
                 else [n for part in spec.reads for n in inputs.part_files(part, list(self.content))])
        return _digest({"paper": spec.id, "template": spec.template, "format": fmt, "code": code_version(),
                        "content": {n: self.content[n] for n in names},
                        "templates": self.templates, "options": self.options})

    def content_key(self) -> str:
        """Return the key of the whole content folder, under which its warnings are kept."""
        return _digest({"code": code_version(), "content": self.content})


def stamp(request) -> Stamp:
    """Return the Stamp of ``request``'s inputs as they are on disk now."""
    templates, content = Path(request.templates), Path(request.content)
    return Stamp(content=_tree_hashes(content, inputs.visible_files(content)) if content.is_dir() else {},
                 templates=_digest(_tree_hashes(templates, inputs.visible_files(templates))),
                 options=_digest(_options(request.options)))


def _options(options) -> dict:
    """Return the writer options as plain values, each file option by the hash of its bytes."""
    plain = {}
    for f in dataclasses.fields(options):
        value = getattr(options, f.name)
        if isinstance(value, Path):
            value = _sha(value.read_bytes()) if value.is_file() else f"missing {value}"
        plain[f.name] = value
    return plain


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Return a hash of lgss_docs' sources and the versions of the libraries it uses."""
    package = Path(__file__).resolve().parent
    sources = _tree_hashes(package, sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")))
    return _digest({"sources": sources, "libraries": _library_versions()})


def _library_versions() -> dict[str, str]:
    """Return {distribution: version} for the rendering libraries and all they require."""
    found: dict[str, str] = {}
    todo = list(_LIBRARIES)
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            found[key] = importlib.metadata.version(name)
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            found[key] = "not installed"
            continue
        todo += [re.split(r"[\s;<>=!~\[(]", r, maxsplit=1)[0] for r in requires if "extra ==" not in r]
    return found


@dataclass
class Cache:
    """What the last builds into an output folder wrote: each output's key and bytes' hash."""

    out: Path
    outputs: dict[str, dict] = field(default_factory=dict)  # file name -> {"key", "sha256"}
    warnings: dict = field(default_factory=dict)  # {"key": content key, "problems": [...]}

    @classmethod
    def load(cls, out: Path) -> Cache:
        """Return the cache kept in ``out``, or an empty one if it is missing or unreadable."""
        try:
            data = json.loads((Path(out) / CACHE_NAME).read_text(encoding="utf-8"))
            if data["version"] != _VERSION:
                raise ValueError("another version")
            outputs = {str(name): {"key": str(e["key"]), "sha256": str(e["sha256"])}
                       for name, e in data["outputs"].items()}
            warnings = {"key": str(data["warnings"]["key"]), "problems": list(data["warnings"]["problems"])}
            return cls(Path(out), outputs, warnings)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):  # nested too deep to read
            return cls(Path(out))

    def is_fresh(self, path: Path, key: str) -> bool:
        """Return whether ``path`` was written with ``key`` and still has the bytes written then."""
        entry = self.outputs.get(path.name)
        if entry is None or entry["key"] != key:
            return False
        try:
            return _sha(path.read_bytes()) == entry["sha256"]
        except OSError:
            return False

    def record(self, path: Path, key: str, data: bytes) -> None:
        self.outputs[path.name] = {"key": key, "sha256": _sha(data)}

    def cached_warnings(self, content: Path, key: str) -> list[Problem] | None:
        """Return the warnings found in the content with ``key``, or None if not kept for it."""
        if self.warnings.get("key") != key:
            return None
        try:
            return [Problem(display_path(Path(content) / p[0]), *p[1:]) for p in self.warnings["problems"]]
        except TypeError:
            return None

    def keep_warnings(self, content: Path, key: str, problems: list[Problem]) -> None:
        """Keep ``problems`` for content ``key``, their paths relative to the content folder."""
        root = Path(content).resolve()
        try:
            self.warnings = {"key": key, "problems": [
                [Path(p.path).resolve().relative_to(root).as_posix(), p.line, p.column, p.field, p.message]
                for p in problems]}
        except ValueError:  # a warning about a file outside the content folder: not kept
            self.warnings = {}

    def save(self) -> None:
        data = {"version": _VERSION, "outputs": self.outputs, "warnings": self.warnings}
        write_atomically(self.out / CACHE_NAME, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())
