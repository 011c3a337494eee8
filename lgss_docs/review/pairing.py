"""Pairing the items of two versions where one is the other changed, keeping reading order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def pair_in_order(olds: Sequence[T], news: Sequence[T], likeness: Callable[[T, T], float],
                  at_least: float) -> list[tuple[T | None, T | None]]:
    """Return (old, new) for items that are one item changed, (old, None) for removed and
    (None, new) for added ones, in reading order with removals before additions.

    Each new item takes the most alike old item not yet passed, if at least ``at_least`` alike."""
    pairs: list[tuple[T | None, T | None]] = []
    added: list[T] = []
    start = 0
    for now in news:
        scores = [(likeness(olds[i], now), i) for i in range(start, len(olds))]
        score, best = max(scores, default=(0.0, -1), key=lambda s: (s[0], -s[1]))
        if score < at_least:
            added.append(now)
            continue
        pairs.extend((was, None) for was in olds[start:best])
        pairs.extend((None, item) for item in added)
        pairs.append((olds[best], now))
        added, start = [], best + 1
    pairs.extend((was, None) for was in olds[start:])
    pairs.extend((None, item) for item in added)
    return pairs
