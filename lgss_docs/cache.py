"""The build cache: which outputs are up to date, so a rebuild redoes only what changed.

An output (one paper in one format) is up to date when its key is the key recorded when it was
written and the file still holds the bytes written then (so a hand-edited or deleted output is
rebuilt). The key is a hash of everything that can change the output's bytes: the content files
the paper reads (``inputs.reads``), every file of every template layer (templates and CSS), the
writer options (a reference .docx by its bytes), the format, the code (lgss_docs' own sources
and the versions of the libraries it renders with), and for a paper that lists work streams,
the earlier reporting cycles (their tags, commits and content trees: ``history.tags``). Fonts
and system libraries (Pango, HarfBuzz) are not in the key: after changing them, build with
``--force``.

What a paper reads is known only once the content is validated; it is kept with the warnings
under the key of the whole content folder, so a build with nothing to do reads no YAML at all.

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, display_path
from .load.tree import HISTORY, list_content, part_files
from .output import write_atomically

CACHE_NAME = ".lgss-docs-cache.json"
_VERSION = 2
_CHUNK = 1 << 20  # files are hashed a megabyte at a time, however large
# The libraries whose versions, with everything they require, are part of the code's hash.
_LIBRARIES = ("jinja2", "markdown-it-py", "weasyprint", "pyyaml", "python-docx", "pydantic", "lxml")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha(path: Path) -> str:
    """Return the hash of the file at ``path``, read in chunks so a large file costs no memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _hashes(root: Path, names: Sequence[str]) -> dict[str, str]:
    found = {}
    for name in names:
        try:
            found[name] = file_sha(root / name)
        except OSError:  # gone or unreadable: the loader says why; the key just differs
            found[name] = "unreadable"
    return found


def _template_files(folder: Path) -> list[str]:
    """Return the files of a template layer, relative and sorted, leaving out hidden ones."""
    found = (p.relative_to(folder) for p in Path(folder).rglob("*") if p.is_file())
    return sorted(p.as_posix() for p in found if not any(part.startswith(".") for part in p.parts))


def _digest(value) -> str:
    return _sha(json.dumps(value, sort_keys=True, default=str).encode())


@dataclass(frozen=True)
class Stamp:
    """Hashes of every input of a build but the code: content files by part, templates, options."""

    parts: dict[str, list[str]]  # part -> content files (relative paths), as the loader reads them
    content: dict[str, str]  # content file -> hash
    templates: str
    options: str
    history: str = ""  # a hash of the reporting cycles found in git ("" for none)

    def key(self, paper: str, reads: Sequence[str], fmt: str) -> str:
        """Return the key of ``paper`` in ``fmt``, given the parts it reads: equal keys mean equal bytes."""
        names = sorted({n for part in reads for n in part_files(part, self.parts)})
        return _digest({"paper": paper, "format": fmt, "code": code_version(), "reads": sorted(reads),
                        "content": {n: self.content[n] for n in names},
                        "templates": self.templates, "options": self.options,
                        "history": self.history if HISTORY in reads else ""})

    def content_key(self) -> str:
        """Return the key of the whole content folder and templates, under which its checks are kept."""
        return _digest({"code": code_version(), "content": self.content, "templates": self.templates,
                        "history": self.history})


def stamp(content: Path, folders: Sequence[Path], options, history: str = "") -> Stamp:
    """Return the Stamp of a build's inputs as they are on disk now."""
    listing = list_content(content)
    templates: dict[str, str] = {}
    for folder in reversed(folders):  # the templates in effect: an upper layer's file wins
        templates.update(_hashes(folder, _template_files(folder)))
    return Stamp(parts=listing.parts, content=_hashes(Path(content), listing.files()),
                 templates=_digest(templates), options=_digest(_options(options)), history=history)


def _options(options) -> dict:
    """Return the writer options as plain values, each file option by the hash of its bytes."""
    plain = {}
    for f in dataclasses.fields(options):
        value = getattr(options, f.name)
        if isinstance(value, Path):
            value = file_sha(value) if value.is_file() else f"missing {value}"
        plain[f.name] = value
    return plain


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Return a hash of lgss_docs' sources and the versions of the libraries it uses."""
    package = Path(__file__).resolve().parent
    sources = _hashes(package, sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")))
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


@dataclass(frozen=True)
class Checked:
    """What validating one version of the content found: each paper's reads, and the warnings."""

    papers: dict[str, list[str]]  # paper id -> parts it reads
    warnings: list[Problem]
    cycles: list[Problem] = field(default_factory=list)  # earlier cycles left out, named at their tag


@dataclass
class Cache:
    """What the last builds into an output folder wrote: each output's key and bytes' hash."""

    out: Path
    outputs: dict[str, dict] = field(default_factory=dict)  # file name -> {"key", "sha256"}
    checked: dict = field(default_factory=dict)  # {"key": content key, "papers": {...}, "warnings": [...]}

    @classmethod
    def load(cls, out: Path) -> Cache:
        """Return the cache kept in ``out``, or an empty one if it is missing or unreadable."""
        try:
            data = json.loads((Path(out) / CACHE_NAME).read_text(encoding="utf-8"))
            if data["version"] != _VERSION:
                raise ValueError("another version")
            outputs = {str(name): {"key": str(e["key"]), "sha256": str(e["sha256"])}
                       for name, e in data["outputs"].items()}
            checked = data["checked"]
            checked = {"key": str(checked["key"]), "papers": {str(k): [str(p) for p in v] for k, v in checked["papers"].items()},
                       "warnings": [[str(p[0]), int(p[1]), int(p[2]), str(p[3]), str(p[4])] for p in checked["warnings"]],
                       "cycles": [[str(p[0]), int(p[1]), int(p[2]), str(p[3]), str(p[4])] for p in checked.get("cycles", [])]} \
                if checked else {}
            return cls(Path(out), outputs, checked)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
            return cls(Path(out))

    def is_fresh(self, path: Path, key: str) -> bool:
        """Return whether ``path`` was written with ``key`` and still has the bytes written then."""
        entry = self.outputs.get(path.name)
        if entry is None or entry["key"] != key:
            return False
        try:
            return file_sha(path) == entry["sha256"]
        except OSError:
            return False

    def record(self, path: Path, key: str, data: bytes) -> None:
        self.outputs[path.name] = {"key": key, "sha256": _sha(data)}

    def checks(self, content: Path, key: str) -> Checked | None:
        """Return what validating the content with ``key`` found, or None if it was not kept."""
        if self.checked.get("key") != key:
            return None
        problems = [Problem(display_path(Path(content) / p[0]), *p[1:]) for p in self.checked["warnings"]]
        return Checked(self.checked["papers"], problems, [Problem(*p) for p in self.checked["cycles"]])

    def keep_checks(self, content: Path, key: str, checked: Checked) -> None:
        """Keep ``checked`` for content ``key``, its warnings' paths relative to the content folder."""
        root = Path(content).resolve()
        try:
            warnings = [[Path(p.path).resolve().relative_to(root).as_posix(), p.line, p.column, p.field, p.message]
                        for p in checked.warnings]
        except ValueError:  # a warning about a file outside the content folder: not kept
            self.checked = {}
            return
        self.checked = {"key": key, "papers": {k: sorted(v) for k, v in checked.papers.items()}, "warnings": warnings,
                        "cycles": [[p.path, p.line, p.column, p.field, p.message] for p in checked.cycles]}

    def save(self) -> None:
        data = {"version": _VERSION, "outputs": self.outputs, "checked": self.checked}
        write_atomically(self.out / CACHE_NAME, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())
