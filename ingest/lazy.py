"""`cached_property` without its lock: Python 3.11's takes an RLock on every first access
(removed in 3.12), which costs more than the values the parser caches on its rows and lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class lazy_property(Generic[T]):  # noqa: N801 - used like the decorator it stands in for
    """Computed on first access and stored in the instance's `__dict__`, where later accesses
    find it without calling anything. Not for objects shared between threads mid-parse."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value
