"""Make a synthetic programme N times the size of the bundled example, for the benchmark.

``python bench/synthetic.py 10 /tmp/content-10x`` copies content/ and multiplies its work streams
(renumbered, new file names), its services and, when content/plan.yaml exists, the plan's
activities (new unique ids), then checks the result loads as valid content.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lgss_docs.validate import load_content  # noqa: E402

_NUMBER = re.compile(r"^number:\s*\d+\s*$", re.MULTILINE)
_TITLE = re.compile(r"^(title|name):\s*(.+?)\s*$", re.MULTILINE)
_PREFIX = re.compile(r"^\d+-")


def synthesise(example: Path, target: Path, factor: int) -> Path:
    """Return ``target`` filled with ``example`` grown ``factor`` times; refuse to overwrite a folder."""
    if target.exists():
        raise SystemExit(f"{target} exists; remove it or name a new folder")
    shutil.copytree(example, target)
    if factor > 1:
        _multiply_files(target / "workstreams", factor, renumber=True)
        _multiply_files(target / "services", factor, renumber=False)
        if (target / "plan.yaml").is_file():
            _multiply_plan(target / "plan.yaml", factor)
    load_content(target)  # the benchmark is only meaningful on valid content
    return target


def _multiply_files(folder: Path, factor: int, renumber: bool) -> None:
    """Add ``factor - 1`` copies of every file in ``folder``, numbered after the originals."""
    width = len(str(len(list(folder.glob("*.yaml"))) * factor))
    # Widen the order prefix of the originals so file names still sort in number order.
    originals = [path.rename(folder / f"{index:0{width}d}-{_PREFIX.sub('', path.name)}")
                 for index, path in enumerate(sorted(folder.glob("*.yaml")), start=1)]
    for copy in range(1, factor):
        for index, path in enumerate(originals, start=1):
            number = copy * len(originals) + index
            text = path.read_text(encoding="utf-8")
            if renumber:
                text = _NUMBER.sub(f"number: {number}", text, count=1)
            text = _TITLE.sub(lambda m, copy=copy: f"{m[1]}: {_retitled(m[2], copy)}", text, count=1)
            stem = _PREFIX.sub("", path.stem)
            (folder / f"{number:0{width}d}-{stem}-{copy + 1}.yaml").write_text(text, encoding="utf-8")


def _retitled(title: str, copy: int) -> str:
    """Return ``title`` marked as copy ``copy``, keeping any YAML quotes valid."""
    if title[:1] in "\"'":
        return f"{title[:-1]} ({copy + 1}){title[-1]}"
    return f"{title} ({copy + 1})"


def _multiply_plan(path: Path, factor: int) -> None:
    """Repeat every section's activities ``factor`` times, each copy with its own id."""
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section in plan["sections"]:
        originals = section["activities"]
        section["activities"] = [
            {**activity, "id": activity["id"] if copy == 0 else f"{activity['id']}-{copy + 1}"}
            for copy in range(factor) for activity in originals]
    path.write_text(yaml.safe_dump(plan, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int, help="how many times the example's size")
    parser.add_argument("target", type=Path, help="new folder to write the content to")
    parser.add_argument("--example", type=Path, default=ROOT / "content", help="content to grow (default: content)")
    args = parser.parse_args()
    content = load_content(synthesise(args.example, args.target, args.factor))
    print(f"{args.target}: {len(content.workstreams)} work streams, {len(content.services)} services")


if __name__ == "__main__":
    main()
