"""Write papers in several formats at once, on a pool of worker processes.

PDF layout and the DOCX walk are CPU-bound Python, so threads would not help; each
(paper, format) task goes to a worker process, the longest first, and the results come back
as bytes in the order asked for. The workers start, and import WeasyPrint and python-docx,
while the build's own process is still reading and rendering the content. The same writer
runs on the same HTML in a worker as in the build's own process, so a parallel build gives
the same bytes as a serial one. HTML is the rendered text itself, written inline.
"""

from __future__ import annotations

import concurrent.futures as futures
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
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


class Writers:
    """A context that writes tasks: on a pool of up to ``jobs`` workers, or in this process."""

    def __init__(self, jobs: int, formats: list[str]):
        slow = [fmt for fmt in formats if _COST.get(fmt, 1)]
        self.jobs = min(jobs, len(slow))
        self._pool = None
        if self.jobs > 1:
            # fork starts a worker in milliseconds; where there is no fork, spawn.
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            self._pool = futures.ProcessPoolExecutor(self.jobs, multiprocessing.get_context(method),
                                                     initializer=_import_writers, initargs=(sorted(set(slow)),))
            self._pool.submit(int)  # starts every worker now, to import while we render

    def __enter__(self) -> Writers:
        return self

    def __exit__(self, kind, *exc) -> None:
        if self._pool is not None:
            if kind is not None:  # Ctrl-C or a failure: nothing the workers are writing is wanted now
                self._stop_workers()
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _stop_workers(self) -> None:
        """End every worker now; shutting the pool down alone waits for the tasks running (a PDF takes seconds)."""
        if stop := getattr(self._pool, "terminate_workers", None):  # Python 3.14
            stop()
            return
        for process in list((self._pool._processes or {}).values()):
            process.terminate()

    def write_all(self, tasks: list[Task], progress: Callable[[str], None]) -> list[bytes]:
        """Return the bytes of every task, in order."""
        results: list[bytes | None] = [None if _COST.get(t.fmt, 1) else _write(t) for t in tasks]
        slow = sorted((i for i, r in enumerate(results) if r is None),
                      key=lambda i: -_COST.get(tasks[i].fmt, 1) * len(tasks[i].paper.html))
        if self._pool is None:
            for count, i in enumerate(slow, start=1):
                progress(f"building {tasks[i].name}")
                results[i] = _write(tasks[i])
                progress(f"built {tasks[i].name} ({count} of {len(slow)})")
        else:
            self._on_pool(tasks, slow, results, progress)
        return results

    def _on_pool(self, tasks, order: list[int], results: list, progress) -> None:
        pending = {self._pool.submit(_write_and_release, tasks[i]): i for i in order}
        queue = list(pending)  # workers take tasks in submission order
        try:
            while pending:
                done, _ = futures.wait(pending, timeout=_POLL_SECONDS, return_when=futures.FIRST_COMPLETED)
                for future in done:
                    i = pending.pop(future)
                    results[i] = future.result()
                    progress(f"built {tasks[i].name} ({len(order) - len(pending)} of {len(order)})")
                if running := [tasks[pending[f]].name for f in queue if f in pending][:self.jobs]:
                    progress(f"building {', '.join(running)}")
        except futures.process.BrokenProcessPool as exc:
            raise BuildError(f"a worker process stopped unexpectedly (out of memory?); try --jobs 1 ({exc})") from None


def _import_writers(formats: list[str]) -> None:
    # Ctrl-C reaches every process of the terminal's foreground group; the build answers it for
    # all, and ends its workers, so they stay quiet rather than each printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    for fmt in formats:
        writer(fmt)


def _die_with_parent() -> None:
    """Make this worker end when the build that started it ends, even by SIGKILL.

    A pool's workers wait for tasks forever; a killed build would leave them behind.
    """
    if _LIBC is not None:
        _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:  # the parent died before the line above took effect
        os._exit(1)


def _write(task: Task) -> bytes:
    return writer(task.fmt)(task.paper, task.options)


def _write_and_release(task: Task) -> bytes:
    """Return ``_write(task)``, then hand the memory it used back to the system.

    A worker that has laid out a large PDF keeps its heap when idle or writing a DOCX; while the
    other worker lays out its own PDF, the two heaps would add up.
    """
    try:
        return _write(task)
    finally:
        gc.collect()
        if _LIBC is not None:
            _LIBC.malloc_trim(0)


def _libc():
    try:
        return ctypes.CDLL("libc.so.6")  # glibc: malloc_trim returns free heap pages
    except OSError:
        return None


_LIBC = _libc() if sys.platform.startswith("linux") else None
