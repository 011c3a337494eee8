"""Progress on the terminal for builds long enough to wonder about.

Quick builds print nothing but what they wrote; once a build has run for a second, each change
in what it is doing ("building committee-report.pdf") goes to stderr, so stdout stays the list
of files written.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

QUIET_SECONDS = 1.0


class Progress:
    """A progress callback: prints each new message to ``stream`` once the build is a second old."""

    def __init__(self, stream: TextIO | None = None, clock=time.monotonic):
        self._stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._start = clock()
        self._last = ""

    def __call__(self, message: str) -> None:
        if message == self._last or self._clock() - self._start < QUIET_SECONDS:
            return
        self._last = message
        print(f"[{self._clock() - self._start:.0f} s] {message}", file=self._stream, flush=True)
