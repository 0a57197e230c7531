"""Peak memory of a whole process tree, sampled from /proc (Linux).

`getrusage(RUSAGE_CHILDREN).ru_maxrss` reports the largest single descendant only; a build is
several processes at once (the Dagster run, parser workers, dbt), so the 2 GB target is about
their sum. A background thread sums the resident set of the tree every `interval` seconds.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(c) for c in task.read_text().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss_kb(root: int) -> int:
    """Resident set of `root` and all its descendants, in KiB (0 when /proc is missing)."""
    total, pending, seen = 0, [root], set()
    while pending:
        pid = pending.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _rss_kb(pid)
        pending += _children(pid)
    return total


class TreeMemorySampler:
    """`with TreeMemorySampler(pid) as sampler: ...; sampler.peak_mb`"""

    def __init__(self, root: int, interval: float = 0.25) -> None:
        self.root, self.interval, self.peak_kb = root, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, tree_rss_kb(self.root))
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return round(self.peak_kb / 1024, 1)
