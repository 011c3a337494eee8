"""Make a synthetic programme N times the size of the bundled example, for the benchmark.

``python bench/synthetic.py 10 /tmp/content-10x`` copies content/ and multiplies its work streams
(renumbered, new file names), its services and, when content/plan.yaml exists, the plan's
activities (new unique ids), then checks the result loads as valid content.

``--workstreams 40`` makes exactly that many work streams, whatever the factor; ``--months 36``
stretches the plan over that many months (every bar and the chart's span scaled, the plan's date
and milestones kept), so the layout of a long programme can be looked at:
``python bench/synthetic.py 1 /tmp/long --workstreams 40 --months 36``.
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

from lgss_docs.model.plan import Month, parse_month  # noqa: E402
from lgss_docs.validate import load_content  # noqa: E402

_NUMBER = re.compile(r"^number:\s*\d+\s*$", re.MULTILINE)
_TITLE = re.compile(r"^(title|name):\s*(.+?)\s*$", re.MULTILINE)
_PREFIX = re.compile(r"^\d+-")


def synthesise(example: Path, target: Path, factor: int, workstreams: int | None = None,
               months: int | None = None) -> Path:
    """Return ``target`` filled with ``example`` grown ``factor`` times, keeping ``workstreams``
    work streams and stretching the plan over ``months`` months if given; refuse to overwrite a folder."""
    if target.exists():
        raise SystemExit(f"{target} exists; remove it or name a new folder")
    shutil.copytree(example, target)
    if factor > 1:
        _multiply_files(target / "services", factor, renumber=False)
        if (target / "plan.yaml").is_file():
            _multiply_plan(target / "plan.yaml", factor)
    folder = target / "workstreams"
    copies = factor if workstreams is None else -(-workstreams // len(list(folder.glob("*.yaml"))))
    if copies > 1:
        _multiply_files(folder, copies, renumber=True)
    if workstreams is not None:
        _keep_first(folder, workstreams)
    if months is not None and (target / "plan.yaml").is_file():
        _stretch_plan(target / "plan.yaml", months)
    load_content(target)  # the benchmark is only meaningful on valid content
    return target


def _keep_first(folder: Path, count: int) -> None:
    """Remove all but the first ``count`` files of ``folder``."""
    for path in sorted(folder.glob("*.yaml"))[count:]:
        path.unlink()


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


def _stretch_plan(path: Path, months: int) -> None:
    """Spread the plan's chart, and every bar on it, over ``months`` months from its first."""
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    # Copies of an activity share their spans (YAML aliases): move each span once.
    spans = list({id(span): span for section in plan["sections"] for activity in section["activities"]
                  for spans in activity["timetable"].values() for span in spans}.values())
    first = min(_index(s["start"]) for s in spans) if "months" not in plan else _index(plan["months"]["first"])
    last = max(_index(s["end"]) for s in spans) if "months" not in plan else _index(plan["months"]["last"])
    if months < last - first + 1:  # shrinking would push the milestones off the chart
        raise SystemExit(f"--months {months} is shorter than the plan's {last - first + 1} months; it only stretches")
    scale = months / (last - first + 1)

    def moved(month: str, end: bool) -> int:
        offset = _index(month) - first + end  # an end month counts to the end of that month
        return first + max(round(offset * scale) - end, 0)

    for span in spans:
        start = moved(span["start"], False)  # a shrunk bar keeps at least its first month
        span["start"], span["end"] = _month(start), _month(max(moved(span["end"], True), start))
    plan["months"] = {"first": _month(first), "last": _month(first + months - 1)}
    path.write_text(yaml.safe_dump(plan, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _index(month: str) -> int:
    return parse_month(month).index


def _month(index: int) -> str:
    return Month.of(index).label


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int, help="how many times the example's size")
    parser.add_argument("target", type=Path, help="new folder to write the content to")
    parser.add_argument("--example", type=Path, default=ROOT / "content", help="content to grow (default: content)")
    parser.add_argument("--workstreams", type=int, help="keep exactly this many work streams")
    parser.add_argument("--months", type=int, help="stretch the plan over this many months (no fewer than it has)")
    args = parser.parse_args()
    content = load_content(synthesise(args.example, args.target, args.factor, args.workstreams, args.months))
    first, last = content.plan.month_range() if content.plan else (None, None)
    months = f", a plan from {first} to {last}" if first else ""
    print(f"{args.target}: {len(content.workstreams)} work streams, {len(content.services)} services{months}")


if __name__ == "__main__":
    main()
