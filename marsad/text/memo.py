"""A bounded memo for the one-argument analysis functions of the layer.

:func:`functools.lru_cache` with a size bound keeps one linked-list node
per entry, each an object the cyclic garbage collector scans on every full
collection; with hundreds of thousands of cached words that adds up. This
memo is a plain dict that is emptied when full: one container for the
collector, and on news text the frequent vocabulary comes back within a few
documents.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

__all__ = ["bounded_memo", "memo"]

T = TypeVar("T")


def bounded_memo(fn: Callable[[str], T], maxsize: int) -> dict:
    """Return an empty dict that fills a missing key ``k`` with ``fn(k)`` and empties itself when full.

    Parameters
    ----------
    fn : callable
        The function of one argument whose values are remembered.
    maxsize : int
        Entries kept; the dict is cleared when it reaches this size.

    Returns
    -------
    dict
        ``d[k]`` is ``fn(k)``: a hit is a plain dict look-up, a miss calls
        ``fn`` through ``__missing__``.

    Raises
    ------
    ValueError
        If ``maxsize`` is not positive.
    """
    if maxsize <= 0:
        raise ValueError(f"maxsize must be positive, got {maxsize}")

    class BoundedMemo(dict):
        """A dict that computes a missing value with ``fn`` and empties itself when full."""

        __slots__ = ()

        def __missing__(self, arg: str, fn=fn, maxsize=maxsize, size=dict.__len__) -> T:
            if size(self) >= maxsize:
                self.clear()
            value = self[arg] = fn(arg)
            return value

    return BoundedMemo()


def memo(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Return a decorator that memoises a one-argument function in a bounded dict.

    Parameters
    ----------
    maxsize : int
        Entries kept; the dict is cleared when it reaches this size.

    Returns
    -------
    callable
        The decorator. The wrapped function gains ``cache_clear()`` and
        ``lookup``, the memo dict's own ``__getitem__``: the same values,
        but a hit costs no Python call, so the layer's hot loops use it.

    Raises
    ------
    ValueError
        If ``maxsize`` is not positive.
    """
    if maxsize <= 0:
        raise ValueError(f"maxsize must be positive, got {maxsize}")

    def decorate(fn: Callable[[str], T]) -> Callable[[str], T]:
        cache = bounded_memo(fn, maxsize)
        lookup = cache.__getitem__

        @functools.wraps(fn)
        def wrapper(arg: str) -> T:
            return lookup(arg)

        wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
        wrapper.lookup = lookup  # type: ignore[attr-defined]
        return wrapper

    return decorate
