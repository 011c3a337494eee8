"""Pictures named in content: inside the content folder, and for image blocks a PNG or JPEG of
its images/ folder, of a sane size.

Each picture an image block places is opened with Pillow to learn its kind and size before any
writer sees it, so a picture that is missing, of another kind, damaged or absurdly large is one
line at the block, not a failed PDF or DOCX; one that is a link leading out of the content
folder is refused, so a paper never reads a file from elsewhere. Pillow reads only the header
here; its own limit refuses decompression bombs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..errors import Problem
from ..load import Source
from ..load.tree import IMAGES
from ..model.content import Content
from .hints import one_of

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 6,000 by 6,000 scan passes; a bomb does not
KINDS = {"PNG": "image/png", "JPEG": "image/jpeg"}


def _placed(content: Content) -> Iterator[tuple]:
    """Yield (entry, loc, file name) for each image block of every paper."""
    for entry in content.papers.values():
        for s, section in enumerate(entry.model.sections):
            for b, block in enumerate(section.blocks):
                if getattr(block, "image", None) is not None:
                    yield entry, ("sections", s, "blocks", b, "image"), block.image


def read_images(content: Content) -> dict[str, tuple[str, bytes, tuple[int, int]]]:
    """Return every picture placed, by file name, read once (they have been checked)."""
    return {name: picture(content.root, name) for _, _, name in _placed(content)}


def check_images(content: Content) -> list[Problem]:
    """Return a problem for each image block whose picture cannot be placed."""
    return [entry.source.problem(loc, message) for entry, loc, name in _placed(content) for message in _problems(content.root, name)]


def picture(root: Path, name: str) -> tuple[str, bytes, tuple[int, int]]:
    """Return (media type, bytes, (width, height) in pixels) of the picture ``name`` of ``root``/images."""
    from PIL import Image  # only when a paper places a picture

    path = root / IMAGES / name
    data = path.read_bytes()
    with Image.open(path) as image:
        return KINDS[image.format], data, image.size


def _problems(root: Path, name: str) -> Iterator[str]:
    from PIL import Image, UnidentifiedImageError

    path = root / IMAGES / name
    if not path.is_file():
        there = sorted(p.name for p in (root / IMAGES).glob("*") if p.is_file()) if (root / IMAGES).is_dir() else []
        yield f'"{name}" is not a file of {IMAGES}/; {one_of(name, there) if there else f"put the picture in the {IMAGES}/ folder of the content"}'
        return
    if not path.resolve().is_relative_to(root.resolve()):
        yield "this picture is a link that leads outside the content folder; keep pictures inside it"
        return
    if (size := path.stat().st_size) > MAX_IMAGE_BYTES:
        yield f"the picture is {size / 1_048_576:.1f} MB; pictures are limited to {MAX_IMAGE_BYTES // 1_048_576} MB (save it smaller)"
        return
    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        yield "the file is not a picture Pillow can read; save it as PNG or JPEG"
        return
    if kind not in KINDS:
        yield f"the picture is {kind}, not PNG or JPEG (what PDF, Word and browsers all show); save it as PNG or JPEG"
    elif width * height > MAX_PIXELS:
        yield f"the picture is {width:,} by {height:,} pixels; pictures are limited to {MAX_PIXELS:,} pixels (scale it down)"


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def image_problems(source: Source, loc: tuple, value: str, content_root: Path) -> list[Problem]:
    """Return the problem with image path ``value`` at ``loc``; [] for an image inside the content folder."""
    if PureWindowsPath(value).drive or PurePosixPath(value).is_absolute():
        message = "an image path must be relative to the content folder, not absolute"
    elif _SCHEME.match(value):
        message = "an image must be a file in the content folder, not a URL; save it there and give its path"
    elif not (Path(content_root) / value).resolve().is_relative_to(Path(content_root).resolve()):
        message = "this image path leads outside the content folder; keep images inside it"
    elif not (Path(content_root) / value).is_file():
        message = "no image at this path in the content folder"
    else:
        return []
    return [source.problem(loc, f'{message}; got "{value}"')]
