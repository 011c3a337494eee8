"""Measure ``lgss-docs serve``: seconds from saving a YAML edit to seeing it in the browser.

    python bench/serve.py            # 5 edits of the example's first work stream; prints each and the median

Starts the preview on a copy of the content, opens the highlight report in Chromium (Playwright, as
the tests do), then renames the work stream again and again, each time timing from just before the
file is written to the moment the page shows the new title. Target: 1 s.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKSTREAM = Path("workstreams/01-governance.yaml")
TARGET_SECONDS = 1.0


def edit_to_browser(content: Path, runs: int) -> list[float]:
    """Return the seconds each of ``runs`` saved edits of ``content`` (a copy) took to show in the browser."""
    from playwright.sync_api import sync_playwright

    server = subprocess.Popen([sys.executable, "-m", "lgss_docs", "serve", "--content", str(content), "--port", "0"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = server.stdout.readline().split()[1]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"{url}highlight-report.html")
            path, title = content / WORKSTREAM, "title: Governance\n"
            seconds = []
            for run in range(runs):
                new = f"title: Governance {run}\n"
                text = path.read_text(encoding="utf-8").replace(title, new, 1)
                start = time.perf_counter()
                path.write_text(text, encoding="utf-8")
                page.locator("h3", has_text=f"5.1 Governance {run}").wait_for(timeout=30_000)
                seconds.append(time.perf_counter() - start)
                title = new
                time.sleep(0.5)  # let the page settle, as a person reading it would
            browser.close()
        return seconds
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="edits to time (default: 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lgss-bench-serve-") as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(ROOT / "content", content)
        seconds = edit_to_browser(content, args.runs)
    print("edit to browser: " + ", ".join(f"{s:.2f}" for s in seconds) + " s")
    median = statistics.median(seconds)
    print(f"median {median:.2f} s (target {TARGET_SECONDS:.0f} s: {'met' if median <= TARGET_SECONDS else 'not met'})")


if __name__ == "__main__":
    main()
