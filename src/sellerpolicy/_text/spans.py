"""Overlap queries over many spans in logarithmic time, so checks stay linear on huge input."""

from __future__ import annotations

import bisect
import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["SpanSet"]


class SpanSet:
    """A fixed set of half-open ``(start, end)`` spans that answers "does this overlap any?".

    A nested ``any()`` over two lists is quadratic: 100,000 links against 100,000 emails is 10^10
    comparisons. Sorting once and bisecting makes each question O(log n).
    """

    __slots__ = ("_max_end", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        """Index ``spans``."""
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the largest end among the spans sorted up to each position
        self._max_end = list(itertools.accumulate((e for _, e in ordered), max))

    def __bool__(self) -> bool:
        """Whether the set holds any span."""
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span of the set."""
        # the spans starting before `end` are candidates; one overlaps if it ends after `start`
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._max_end[i - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether one span of the set contains all of ``[start, end)``."""
        # of the spans starting at or before `start`, the one reaching furthest must reach `end`
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._max_end[i - 1] >= end
