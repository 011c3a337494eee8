"""Benchmark the build against bare WeasyPrint and pandoc; print a table and write BENCHMARKS.md.

    python bench/run.py                      # the example, 10x and 30x, the other examples; about 55 minutes
    python bench/run.py --sizes 1 --runs 5   # just the bundled examples

The example's full build is also timed against the build of an earlier commit (``BASELINE``),
each building its own example in turn within each run, with the same Python and libraries.

Every figure is the median of ``--runs`` runs (``--big-runs`` at 30x and up); each ratio is
taken within one run, then the median of those. Times are wall-clock times of whole processes,
start-up and imports included, as an officer waits for them. The "## Notes" section of an
existing BENCHMARKS.md is kept.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from serve import edit_to_browser  # noqa: E402
from synthetic import _TITLE, _retitled, synthesise  # noqa: E402

PYTHON = sys.executable
CORES = len(os.sched_getaffinity(0))
SAMPLE_SECONDS = 0.02
# The build the speed targets were set against: before the work to make the build faster.
BASELINE = "52ac1f2"

# The floor: WeasyPrint alone rendering the same HTML files in one process, with the same
# PDF variant our writer asks for (PDF/UA-1 tagging is part of the work either way).
FLOOR = """
import sys, weasyprint
for name in sys.argv[1:]:
    weasyprint.HTML(filename=name).write_pdf(pdf_variant="pdf/ua-1")
"""
# Our DOCX writer alone on the same HTML files, in a fresh process like pandoc.
OUR_DOCX = """
import datetime, sys
from pathlib import Path
from lgss_docs.render.paper import RenderedPaper
from lgss_docs.writers import WriterOptions
from lgss_docs.writers.docx import write
for name in sys.argv[1:]:
    paper = RenderedPaper(id=Path(name).stem, html=Path(name).read_text(encoding="utf-8"), title="t", author="a",
                          date=datetime.date(2020, 11, 17))
    Path(name).with_suffix(".bench.docx").write_bytes(write(paper, WriterOptions()))
"""


def measured(command: list[str], expect: int = 0, sample: bool = False) -> tuple[float, int, str]:
    """Return (seconds, peak memory in bytes, stdout) of running ``command``; the peak is 0 unless ``sample``.

    Peak memory is the largest sum, over samples, of the proportional set size (PSS) of the
    process and all its descendants: the memory they hold at once, counting pages that forked
    workers share with their parent once rather than in every process (as summing RSS would).
    Sampling reads /proc for every process many times a second, which takes a good part of a
    core, so the runs that are timed are not sampled.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    while sample and process.poll() is None:
        peak = max(peak, sum(_pss(pid) for pid in _tree(process.pid)))
        time.sleep(SAMPLE_SECONDS)
    out = process.communicate()[0]
    seconds = time.perf_counter() - start
    if process.returncode != expect:
        raise SystemExit(f"{' '.join(command)} ended with exit code {process.returncode}, not {expect}")
    return seconds, peak, out


def _tree(pid: int) -> list[int]:
    """Return ``pid`` and the ids of all its descendants still running."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in children.read().split():
                    found += _tree(int(child))
    except OSError:
        pass
    return found


def _pss(pid: int) -> int:
    """Return the proportional set size of ``pid`` in bytes (0 if it has gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:")), 0)
    except (OSError, ValueError):
        return 0


def build(content: Path, out: Path, *extra: str, expect: int = 0, sample: bool = False,
          code: Path = ROOT) -> tuple[float, int, str]:
    """Run the build of the checkout ``code`` (default: this one) on ``content``; return ``measured``'s figures."""
    return measured([PYTHON, str(code / "build.py"), "--content", str(content), "--out", str(out), *extra],
                    expect, sample)


def broken(content: Path, work: Path) -> Path:
    """Return a copy of ``content`` whose programme.yaml has a field no programme may have."""
    copy = work / "broken"
    shutil.copytree(content, copy, ignore=shutil.ignore_patterns("output"))
    with open(copy / "programme.yaml", "a", encoding="utf-8") as programme:
        programme.write("\nno_such_field: 1\n")
    return copy


@dataclass
class Size:
    label: str
    factor: int
    figures: dict[str, list[float]] = field(default_factory=dict)
    rebuilt: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.figures.setdefault(name, []).append(value)

    def median(self, name: str) -> float | None:
        values = self.figures.get(name)
        return statistics.median(values) if values else None


def run_size(size: Size, content: Path, runs: int, work: Path, baseline: Path | None = None) -> None:
    """Measure every figure for ``content``, ``runs`` times; against ``baseline`` (an older checkout) too, if given."""
    pandoc = shutil.which("pandoc")
    for run in range(runs):
        print(f"  {size.label}: run {run + 1} of {runs}", file=sys.stderr, flush=True)
        serial, parallel = work / f"serial-{run}", work / f"parallel-{run}"
        seconds, _, _ = build(content, serial, "--force", "--jobs", "1")
        size.add("serial", seconds)
        htmls = [str(p) for p in sorted(serial.glob("*.html"))]
        floor, _, _ = measured([PYTHON, "-c", FLOOR, *htmls])
        size.add("floor", floor)
        size.add("serial_ratio", seconds / floor)
        seconds, _, _ = build(content, parallel, "--force", "--jobs", str(CORES))
        size.add("parallel", seconds)
        size.add("parallel_ratio", seconds / floor)
        if baseline is not None:
            before, _, _ = build(baseline / "content", work / f"baseline-{run}", "--force", "--jobs", str(CORES),
                                 code=baseline)
            size.add("baseline", before)
            size.add("baseline_ratio", seconds / before)
        size.add("noop", build(content, parallel)[0])
        for kind in ("workstreams", "services"):
            if sorted((content / kind).glob("*.yaml")):
                seconds, rebuilt = _edit_and_rebuild(content, parallel, kind, run)
                size.add(f"edit_{kind}", seconds)
                size.rebuilt[kind] = rebuilt
        size.add("invalid", build(broken(content, work) if run == 0 else work / "broken", work / "never", expect=2)[0])
        size.add("help", measured([PYTHON, str(ROOT / "build.py"), "--help"])[0])
        ours, _, _ = measured([PYTHON, "-c", OUR_DOCX, *htmls])
        size.add("docx", ours)
        if pandoc:
            theirs = sum(measured([pandoc, "-f", "html", "-t", "docx", h, "-o", h + ".pandoc.docx"])[0] for h in htmls)
            size.add("pandoc", theirs)
            size.add("docx_ratio", ours / theirs)
    # Memory in one more parallel build, untimed: two layouts at once is the build's peak.
    size.add("peak", build(content, work / "memory", "--force", "--jobs", str(CORES), sample=True)[1] / 2**20)


def checkout(commit: str, folder: Path) -> Path:
    """Return ``folder`` holding the files of ``commit`` (its code, templates and example)."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _edit_and_rebuild(content: Path, out: Path, folder: str, run: int) -> tuple[float, str]:
    """Return the time to rebuild after a real edit (a new title) of the last file of ``folder``, and what was written."""
    path = sorted((content / folder).glob("*.yaml"))[-1]
    original = path.read_text(encoding="utf-8")
    path.write_text(_TITLE.sub(lambda m: f"{m[1]}: {_retitled(m[2], run + 100)}", original, count=1), encoding="utf-8")
    try:
        seconds, _, out_text = build(content, out)
    finally:
        path.write_text(original, encoding="utf-8")
    build(content, out)  # back to the original, outside the timing
    return seconds, ", ".join(line.split("/")[-1] for line in out_text.splitlines() if line.startswith("wrote"))


def _fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "n/a"
    return f"{value:.2f}×" if unit == "x" else f"{value:.0f} MB" if unit == "MB" else f"{value:.2f} s"


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else "met" if ok else "**not met**"


def table(sizes: list[Size]) -> list[str]:
    """Return the Markdown table: one row per figure, one column per size, then target and verdicts."""
    base = sizes[0]
    rows = [
        ("Full cold build, serial (`--jobs 1`)", "serial", "s", None),
        ("Bare WeasyPrint on the same HTML (floor)", "floor", "s", None),
        ("Serial build ÷ floor", "serial_ratio", "x", ("≤ 1.10×", lambda v, s: v <= 1.10)),
        (f"Full cold build, parallel (`--jobs {CORES}`)", "parallel", "s", None),
        ("Parallel build ÷ floor", "parallel_ratio", "x", ("< 1.00×", lambda v, s: v < 1.0)),
        (f"The build at {BASELINE}, its own example, parallel", "baseline", "s", None),
        (f"Parallel build ÷ the build at {BASELINE}", "baseline_ratio", "x", ("≤ 0.50×", lambda v, s: v <= 0.5)),
        ("No-op rebuild", "noop", "s", ("≤ 0.3 s", lambda v, s: v <= 0.3)),
        ("Rebuild after editing one work stream", "edit_workstreams", "s", ("≤ 4 s, only the papers that use it", lambda v, s: v <= 4.0)),
        ("Rebuild after editing one service", "edit_services", "s", ("≤ 4 s, only the papers that use it", lambda v, s: v <= 4.0)),
        ("Invalid content reported (exit 2, nothing written)", "invalid", "s", ("< 1 s", lambda v, s: v < 1.0)),
        ("`build.py --help`", "help", "s", ("≤ 0.3 s", lambda v, s: v <= 0.3)),
        ("`serve`: a saved YAML edit shown in the browser (bench/serve.py)", "serve", "s", ("≤ 1 s", lambda v, s: v <= 1.0)),
        ("Peak memory (PSS of the parallel build and its workers, one untimed run)", "peak", "MB", ("< 1 GB at 30×", lambda v, s: v < 1024 if s.factor >= 30 else None)),
        ("Our DOCX writer, same HTML", "docx", "s", None),
        ("`pandoc -f html -t docx`, same HTML", "pandoc", "s", None),
        ("Our DOCX ÷ pandoc", "docx_ratio", "x", ("< 1.00×", lambda v, s: v < 1.0)),
    ]
    lines = ["| figure | " + " | ".join(s.label for s in sizes) + " | target | met |",
             "| --- | " + " | ".join("---:" for _ in sizes) + " | --- | --- |"]
    for title, key, unit, target in rows:
        cells = [_fmt(s.median(key), unit) for s in sizes]
        verdicts = []
        for s in sizes if target else ():
            check = target[1](s.median(key), s) if s.median(key) is not None else None
            if check is not None:
                # A rebuild also says which papers it wrote, so a reader can judge "only those that use it".
                wrote = f", wrote {s.rebuilt[key.removeprefix('edit_')]}" if key.startswith("edit_") else ""
                verdicts.append(f"{s.label}: {_met(check)}{wrote}")
        joined = ("; " if key.startswith("edit_") else ", ").join(verdicts)
        lines.append(f"| {title} | " + " | ".join(cells) + f" | {target[0] if target else ''} | {joined} |")
    for s in (s for s in sizes[1:] if s.factor > 1):
        growth = s.median("serial") / base.median("serial")
        lines.append(f"| Growth of the serial build, {base.label} → {s.label} | " + " | ".join(
            f"{growth:.1f}×" if x is s else "" for x in sizes) + f" | ≤ {s.factor / base.factor:.0f}× (linear) | "
            f"{_met(growth <= s.factor / base.factor)} |")
    return lines


def machine(load_before, load_after) -> list[str]:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    pandoc = shutil.which("pandoc")
    pandoc_version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0] if pandoc else "pandoc not installed"
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in ("weasyprint", "python-docx", "pydantic", "lxml"))
    return [f"- CPU: {model}, {CORES} cores available (`os.sched_getaffinity`)",
            f"- Memory: {memory:,} MB",
            f"- {platform.system()} {platform.release()}; Python {platform.python_version()}; {versions}; {pandoc_version}",
            f"- Load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}; "
            f"after: {', '.join(f'{x:.2f}' for x in load_after)}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 30], help="multiples of the example")
    parser.add_argument("--runs", type=int, default=3, help="runs below 30x (default: 3)")
    parser.add_argument("--big-runs", type=int, default=1,
                        help="runs at 30x and above (default: 1, to keep the whole run under an hour)")
    parser.add_argument("--examples", type=Path, nargs="*", default=sorted(p.parent for p in (ROOT / "examples").glob("*/programme.yaml")),
                        help="other content folders measured as they are (default: every folder of examples/)")
    parser.add_argument("--no-baseline", action="store_true", help=f"do not time the build at {BASELINE}")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md", help="where to write the report")
    args = parser.parse_args()
    load_before, started = os.getloadavg(), time.perf_counter()
    sizes = []
    with tempfile.TemporaryDirectory(prefix="lgss-bench-") as tmp:
        baseline = None if args.no_baseline else checkout(BASELINE, Path(tmp) / "baseline")
        for factor in args.sizes:
            size = Size("example" if factor == 1 else f"{factor}×", factor)
            content = synthesise(ROOT / "content", Path(tmp) / f"content-{factor}", factor)
            (Path(tmp) / f"work-{factor}").mkdir()
            run_size(size, content, args.runs if factor < 30 else args.big_runs, Path(tmp) / f"work-{factor}",
                     baseline if factor == 1 else None)
            if factor == 1 and shutil.which("chromium"):
                print("  example: serve", file=sys.stderr, flush=True)
                preview = shutil.copytree(ROOT / "content", Path(tmp) / "content-serve")
                for seconds in edit_to_browser(preview, 5):
                    size.add("serve", seconds)
            sizes.append(size)
        for example in args.examples:
            size, work = Size(example.name, 1), Path(tmp) / f"work-{example.name}"
            content = Path(tmp) / f"content-{example.name}"
            shutil.copytree(example, content, ignore=shutil.ignore_patterns("output"))
            work.mkdir()
            run_size(size, content, args.runs, work)
            sizes.append(size)
    lines = table(sizes)
    print("\n".join(lines))
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    report = ["# Benchmarks", "",
              f"Made by `{command.strip()}` in {time.perf_counter() - started:.0f} s "
              f"(medians of {args.runs} runs below 30×, {args.big_runs} at 30× and above).", "",
              *machine(load_before, os.getloadavg()), "", *lines, ""]
    notes = args.out.read_text(encoding="utf-8").split("\n## Notes", 1) if args.out.exists() else []
    if len(notes) == 2:
        report += ["## Notes" + notes[1].rstrip("\n"), ""]
    args.out.write_text("\n".join(report), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
