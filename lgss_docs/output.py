"""Writing output files so that a reader never sees a half-written paper."""

from __future__ import annotations

import glob
import os
import tempfile
from pathlib import Path

from .errors import BuildError


def remove_stale_parts(folder: Path, names: list[str]) -> None:
    """Delete the temporary files a killed earlier build left in ``folder`` for the papers ``names``."""
    for name in names:
        for part in Path(folder).glob(f".{glob.escape(name)}.*.part"):
            part.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise BuildError(f"{path}: cannot write ({exc.strerror})") from None
