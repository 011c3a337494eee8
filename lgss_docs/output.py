"""Writing output files so that a reader never sees a half-written paper, one build at a time."""

from __future__ import annotations

import glob
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError, display_path

try:
    import fcntl
except ImportError:  # not on a POSIX system: builds are not locked
    fcntl = None


def remove_stale_parts(folder: Path, names: list[str]) -> None:
    """Delete the temporary files a killed earlier build left in ``folder`` for the papers ``names``."""
    for name in names:
        for part in Path(folder).glob(f".{glob.escape(name)}.*.part"):
            if stat.S_ISREG(part.lstat().st_mode):  # only files, as we write them; not a folder so named
                part.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: all or nothing."""
    output_folder(path.parent)
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:  # an error, or Ctrl-C: no temporary file is left behind
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise BuildError(f"{display_path(path)}: cannot write ({exc.strerror})") from None
        raise


def output_folder(folder: Path) -> list[Path]:
    """Make sure ``folder`` is a folder this process can write in; return the folders made for it.

    Raise BuildError naming the folder when it is a file, cannot be made, or cannot be written.
    """
    folder = Path(folder)
    shown = display_path(folder)
    if folder.exists() and not folder.is_dir():
        raise BuildError(f"{shown}: a file, not a folder; --out must name a folder")
    made = [p for p in (folder, *folder.parents) if not p.exists()]  # deepest first
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"{shown}: cannot create this folder ({exc.strerror})") from None
    try:
        tempfile.TemporaryFile(dir=folder).close()  # leaves nothing: an unnamed file where Linux has them
    except OSError as exc:
        raise BuildError(f"{shown}: cannot write in this folder ({exc.strerror})") from None
    return made


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for one build while the block runs; fail at once if another holds it.

    The lock is flock on the folder itself, so it leaves no file behind and goes when the process
    ends, however it ends. A folder made for a build that then fails (invalid content) is removed
    again, as it was not there before.
    """
    made = output_folder(folder)
    fd = os.open(folder, os.O_RDONLY)
    try:
        _lock(fd, folder)
        try:
            yield
        except BaseException:
            for path in made:  # deepest first; stops at the first that is not empty
                try:
                    path.rmdir()
                except OSError:
                    break
            raise
    finally:
        os.close(fd)


def _lock(fd: int, folder: Path) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise BuildError(f"another build is writing to {display_path(folder)}; wait for it or use --out") from None
    except OSError:  # a file system without locks: build unlocked, as before
        pass
