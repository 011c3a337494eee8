"""The two sides of a review: content from a git revision of the repository, or from a folder.

A revision is exported with ``git archive`` into a temporary folder and validated exactly as a
build would; problems name the revision and the file (``HEAD~1:content/programme.yaml:12:5``).
"""

from __future__ import annotations

import io
import posixpath
import tarfile
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import BuildError, ContentError, Problem, display_path, printable
from ..model.content import Content
from ..render.templates import kinds, layers
from ..validate import load_content as _load
from .git import git

WORKING_TREE = "working tree"


def load_content(root: Path) -> Content:
    """Return the validated content of ``root``, with the kinds of paper its own templates add."""
    return _load(root, kinds(layers(root)))


@dataclass(frozen=True)
class Version:
    """One side of a review: validated content and the words that name where it came from."""

    label: str
    content: Content


def load_version(spec: str | None, content: Path) -> Version:
    """Return the version ``spec`` names: a content folder, a git revision of ``content``, or
    (for None) the folder ``content`` as it is now."""
    if spec is None:
        return Version(WORKING_TREE, load_content(content))
    if Path(spec).is_dir():
        return Version(display_path(Path(spec)), load_content(Path(spec)))
    return Version(spec, load_revision(spec, Path(content)))


def load_revision(revision: str, content: Path) -> Content:
    """Return the validated content of the folder ``content`` as git holds it at ``revision``;
    problems name the revision (``cycle/2020-11:content/programme.yaml:12:5``)."""
    top, prefix = repository(content)
    commit = git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}",
                  failure=f"{revision}: not a content folder, nor a revision of the git repository at {display_path(top)}")
    archive = git(top, "archive", "--format=tar", commit.strip(), "--", prefix or ".", text=False,
                   failure=f"{revision}: has no {prefix or 'content'} folder")
    with tempfile.TemporaryDirectory(prefix="lgss-review-") as temp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            refused = _extract(tar, temp, revision, prefix)
        root = Path(temp) / prefix
        try:
            content = load_content(root)
        except ContentError as exc:
            raise ContentError(refused + [_at_revision(p, root, revision, prefix) for p in exc.problems]) from None
        if refused:
            raise ContentError(refused)
        return content


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


def _at_revision(problem, root: Path, revision: str, prefix: str):
    """Return ``problem`` with its temporary path replaced by ``revision:path/in/repository``."""
    try:
        inside = Path(problem.path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return problem
    return replace(problem, path=f"{revision}:{prefix}{inside}")


def repository(content: Path) -> tuple[Path, str]:
    """Return the top of the git repository holding ``content`` and content's path inside it
    ("" at the top, else ending in /)."""
    folder = content if content.is_dir() else content.parent
    if not folder.is_dir():
        raise BuildError(f"{display_path(content)}: folder not found, so its git repository is unknown")
    found = git(folder, "rev-parse", "--show-toplevel", "--show-prefix",
                failure=f"{display_path(folder)}: not inside a git repository").split("\n")
    return Path(found[0].strip()), found[1].strip()
