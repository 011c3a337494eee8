"""Image blocks: a picture that is missing, not a picture, of a kind Word or a PDF may not show,
or placed without the words that stand for it."""

import io

from . import REPORT, Case, Delete, R, Replace, Symlink, Write

BLOCK = "sections[5].blocks[1]"
PICTURE = "images/governance-structure.png"


def _picture(kind: str) -> bytes:
    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (4, 4)).save(data, kind)
    return data.getvalue()


def _gif() -> bytes:
    return _picture("GIF")


def _png() -> bytes:
    return _picture("PNG")


CASES = [
    Case("image-file-misspelt", (Replace(REPORT, "image: governance-structure.png", "image: governance-structur.png"),),
         (f'{R}:{{L}}:16: {BLOCK}.image: "governance-structur.png" is not a file of images/; did you mean "governance-structure.png"?',)),
    Case("image-not-a-picture", (Write(PICTURE, "this is text, saved with the wrong name\n"),),
         (f"{R}:{{@image: governance}}:16: {BLOCK}.image: the file is not a picture Pillow can read; save it as PNG or JPEG",)),
    Case("image-of-another-kind", (Write(PICTURE, _gif),),
         (f"{R}:{{@image: governance}}:16: {BLOCK}.image: the picture is GIF, not PNG or JPEG (what PDF, Word and browsers "
          "all show); save it as PNG or JPEG",)),
    Case("image-without-alt", (Replace(REPORT, "        alt: >-", "        description: >-"),),
         (f"{R}:{{@image: governance}}:9: {BLOCK}.alt: required field is missing",
          f'{R}:{{L}}:9: {BLOCK}.description: unknown field; did you mean "caption"?')),
    Case("image-not-in-images", (Replace(REPORT, "image: governance-structure.png", "image: ../programme.yaml"),),
         (f"{R}:{{L}}:16: {BLOCK}.image: expected A PNG or JPEG file of the content's images/ folder, e.g. "
          'governance-structure.png; got "../programme.yaml"',)),
]
CASES.append(Case("image-linked-from-outside", (Write("../outside.png", _png), Delete(PICTURE),
                                                Symlink(PICTURE, "../../outside.png")),
                  (f"{R}:{{@image: governance}}:16: {BLOCK}.image: this picture is a link that leads outside the content "
                   "folder; keep pictures inside it",)))
