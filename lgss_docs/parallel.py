"""Write papers in several formats at once, on a pool of worker processes.

PDF layout and the DOCX walk are CPU-bound Python, so threads would not help; each
(paper, format) task goes to a worker process, the longest first, and the results come back
as bytes in the order asked for. The HTML format is the rendered text itself, written inline.
The same writer runs on the same HTML in a worker as in the build's own process, so a
parallel build gives the same bytes as a serial one.
"""

from __future__ import annotations

import concurrent.futures as futures
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass

from .errors import BuildError
from .writers import writer

_POLL_SECONDS = 0.1
# Rough relative cost per character of HTML, to start the longest tasks first.
_COST = {"pdf": 10, "docx": 3, "html": 0}


@dataclass(frozen=True)
class Task:
    paper: object  # a RenderedPaper
    fmt: str
    options: object  # WriterOptions

    @property
    def name(self) -> str:
        return f"{self.paper.id}.{self.fmt}"


def available_cores() -> int:
    """Return how many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def write_all(tasks: list[Task], jobs: int, progress: Callable[[str], None]) -> list[bytes]:
    """Return the bytes of every task, in order, using up to ``jobs`` processes."""
    slow = [i for i, t in enumerate(tasks) if _COST.get(t.fmt, 1)]
    results: list[bytes | None] = [None] * len(tasks)
    for i, task in enumerate(tasks):
        if i not in slow:
            results[i] = _write(task)
    if jobs <= 1 or len(slow) <= 1:
        for count, i in enumerate(slow, start=1):
            progress(f"building {tasks[i].name}")
            results[i] = _write(tasks[i])
            progress(f"built {tasks[i].name} ({count} of {len(slow)})")
    else:
        _on_pool(tasks, sorted(slow, key=lambda i: -_COST.get(tasks[i].fmt, 1) * len(tasks[i].paper.html)),
                 min(jobs, len(slow)), results, progress)
    return results


def _on_pool(tasks, order: list[int], jobs: int, results: list, progress) -> None:
    """Fill ``results`` for the tasks in ``order`` on ``jobs`` worker processes."""
    # fork starts a worker in milliseconds and shares what is already loaded; elsewhere, spawn.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending = {pool.submit(_write, tasks[i]): i for i in order}
        queue = list(pending)  # workers take tasks in submission order
        done_count = 0
        try:
            while pending:
                done, _ = futures.wait(pending, timeout=_POLL_SECONDS, return_when=futures.FIRST_COMPLETED)
                for future in done:
                    i = pending.pop(future)
                    results[i] = future.result()
                    done_count += 1
                    progress(f"built {tasks[i].name} ({done_count} of {len(order)})")
                running = [tasks[pending[f]].name for f in queue if f in pending][:jobs]
                if running:
                    progress(f"building {', '.join(running)}")
        except futures.process.BrokenProcessPool as exc:
            raise BuildError(f"a worker process stopped unexpectedly (out of memory?); try --jobs 1 ({exc})") from None
        finally:
            for future in pending:
                future.cancel()


def _write(task: Task) -> bytes:
    return writer(task.fmt)(task.paper, task.options)
