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

__all__ = ["memo"]

T = TypeVar("T")


def memo(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Return a decorator that memoises a one-argument function in a bounded dict.

    Parameters
    ----------
    maxsize : int
        Entries kept; the dict is cleared when it reaches this size.

    Returns
    -------
    callable
        The decorator. The wrapped function gains ``cache_clear()``.

    Raises
    ------
    ValueError
        If ``maxsize`` is not positive.
    """
    if maxsize <= 0:
        raise ValueError(f"maxsize must be positive, got {maxsize}")

    def decorate(fn: Callable[[str], T]) -> Callable[[str], T]:
        cache: dict[str, T] = {}
        missing = object()  # a miss must not raise: new words miss often

        @functools.wraps(fn)
        def wrapper(arg: str) -> T:
            value = cache.get(arg, missing)
            if value is not missing:
                return value
            if len(cache) >= maxsize:
                cache.clear()
            value = cache[arg] = fn(arg)
            return value

        wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
