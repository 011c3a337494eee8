"""The two sides of a review: content from a git revision of the repository, or from a folder.

A revision is exported with ``git archive`` into a temporary folder and validated exactly as a
build would; problems name the revision and the file (``HEAD~1:content/programme.yaml:12:5``).
Each side is first read as files (``checked_out``), so that two versions with the same files are known to be the same before anything is validated or rendered;
then validated (``validated``). A revision also names its commit: id, date and author.
"""

from __future__ import annotations

import io
import posixpath
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ..errors import ContentError, Problem, display_path, printable
from ..load.tree import list_content
from ..model.content import Content
from ..model.dates import long_date
from ..render.templates import kinds, layers
from ..validate import load_content as _load
from .git import git, repository  # noqa: F401 - repository: read here by the history too

WORKING_TREE = "working tree"


def load_content(root: Path) -> Content:
    """Return the validated content of ``root``, with the kinds of paper its own templates add."""
    return _load(root, kinds(layers(root)))


@dataclass(frozen=True)
class Commit:
    """The commit a revision names: what a redline's key and Word's tracked changes say of it."""

    id: str
    author: str
    when: datetime  # the author's date, in the author's time zone
    subject: str

    @property
    def short(self) -> str:
        return self.id[:7]

    def described(self) -> str:
        """Return "8482afc, 13 November 2020, Programme Office"."""
        return f"{self.short}, {long_date(self.when.date())}, {self.author}"


@dataclass(frozen=True)
class Side:
    """One side of a review read as files, before validation."""

    label: str           # as the user named it: "HEAD~1", a folder, "working tree"
    root: Path           # the content folder (a temporary one for a revision)
    commit: Commit | None
    parts: dict[str, list[str]]  # part -> content files, relative to root
    files: dict[str, bytes]      # content file -> its bytes
    refused: list[Problem] = field(default_factory=list)  # members of a revision not extracted
    revision_prefix: str = ""    # for a revision: the content folder's path in the repository


@dataclass(frozen=True)
class Version:
    """One side of a review: validated content and the words that name where it came from."""

    label: str
    content: Content
    commit: Commit | None = None
    parts: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)

    def described(self) -> str:
        """Return the version as a heading names it: "v1 (8482afc, 13 November 2020, Programme Office)"."""
        return described(self.label, self.commit)


def described(label: str, commit: Commit | None) -> str:
    name = "the working tree" if label == WORKING_TREE else label
    return f"{name} ({commit.described()})" if commit is not None else name


def load_version(spec: str | None, content: Path) -> Version:
    """Return the version ``spec`` names: a content folder, a git revision of ``content``, or
    (for None) the folder ``content`` as it is now."""
    with checked_out(spec, content) as side:
        return validated(side)


def load_revision(revision: str, content: Path) -> Content:
    """Return the validated content of the folder ``content`` as git holds it at ``revision``;
    problems name the revision (``cycle/2020-11:content/programme.yaml:12:5``)."""
    with checked_out(revision, content, revision_only=True) as side:
        return validated(side).content


@contextmanager
def checked_out(spec: str | None, content: Path, revision_only: bool = False) -> Iterator[Side]:
    """Yield the side ``spec`` names, read as files; a revision's files exist while inside."""
    if spec is None:
        yield _side(WORKING_TREE, Path(content))
    elif Path(spec).is_dir() and not revision_only:
        yield _side(display_path(Path(spec)), Path(spec))
    else:
        top, prefix = repository(Path(content))
        commit = resolve(spec, top)
        with tempfile.TemporaryDirectory(prefix="lgss-review-") as temp:
            refused = export(commit.id, top, prefix, temp, spec)
            yield replace(_side(spec, Path(temp) / prefix, commit), refused=refused, revision_prefix=prefix)


def _side(label: str, root: Path, commit: Commit | None = None) -> Side:
    listing = list_content(root)
    files = {}
    for name in listing.files():
        try:
            files[name] = (root / name).read_bytes()
        except OSError:
            continue  # validation names it
    return Side(label, root, commit, listing.parts, files)


def validated(side: Side) -> Version:
    """Return the validated content of ``side``; raise ContentError naming files at their revision."""
    try:
        content = load_content(side.root)
    except ContentError as exc:
        if side.commit is None:
            raise
        raise ContentError(side.refused + [_at_revision(p, side) for p in exc.problems]) from None
    if side.refused:
        raise ContentError(side.refused)
    return Version(side.label, content, side.commit, side.parts, side.files)


def resolve(revision: str, top: Path) -> Commit:
    """Return the commit ``revision`` names in the repository at ``top``."""
    found = git(top, "log", "-1", "--no-show-signature", "--format=%H%x00%an%x00%aI%x00%s", f"{revision}^{{commit}}",
                "--", failure=f"{revision}: not a content folder, nor a revision of the git repository at {display_path(top)}")
    commit_id, author, when, subject = found.rstrip("\n").split("\x00", 3)
    return Commit(commit_id, author, datetime.fromisoformat(when), subject)


def export(commit: str, top: Path, prefix: str, folder: str, revision: str) -> list[Problem]:
    """Extract the content folder of ``commit`` into ``folder``; return the members refused."""
    archive = git(top, "archive", "--format=tar", commit, "--", prefix or ".", text=False,
                  failure=f"{revision}: has no {prefix or 'content'} folder")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        return _extract(tar, folder, revision, prefix)


def _extract(tar: tarfile.TarFile, folder: str, revision: str, prefix: str) -> list[Problem]:
    """Extract ``tar`` into ``folder``, but no link leading out of the content folder ``prefix``;
    return a problem for each member left out.

    A committed symbolic link is archived as a link: an absolute one, or one climbing out of the
    content folder, would have the review read whatever file of this machine it names, or a
    file of the repository that is not content.
    """
    refused = []

    def refuse(member: tarfile.TarInfo, message: str) -> None:
        refused.append(Problem(printable(f"{revision}:{member.name}"), 1, 1, "", message))

    def inside(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        if member.issym() or member.islnk():
            target = posixpath.normpath(posixpath.join(posixpath.dirname(member.name), member.linkname)
                                        if member.issym() else member.linkname)
            if posixpath.isabs(member.linkname) or target.startswith("../") or not target.startswith(prefix):
                refuse(member, printable(f"a symbolic link to {member.linkname}, outside the content folder; commit the file itself"))
                return None
        try:
            return tarfile.data_filter(member, path)
        except tarfile.FilterError as exc:
            refuse(member, printable(f"not extracted ({exc})"))
            return None

    tar.extractall(folder, filter=inside)
    return refused


def _at_revision(problem, side: Side):
    """Return ``problem`` with its temporary path replaced by ``revision:path/in/repository``."""
    try:
        inside = Path(problem.path).resolve().relative_to(side.root.resolve()).as_posix()
    except ValueError:
        return problem
    return replace(problem, path=f"{side.label}:{side.revision_prefix}{inside}")
