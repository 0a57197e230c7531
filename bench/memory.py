"""Peak memory of a whole process tree, sampled from /proc (Linux).

`getrusage(RUSAGE_CHILDREN).ru_maxrss` reports the largest single descendant only; a build is
several processes at once (the Dagster run, parser workers, dbt), so the 2 GB target is about
their sum. A background thread sums the resident set of the tree every `interval` seconds.

Summed resident sets count a page shared by several processes once in each: the dbt commands
of a build are forked from the warm dbt server (dagster_project/dbt_server.py) and share its
imported dbt with it. The proportional set size (PSS, /proc/PID/smaps_rollup) divides each
shared page among its sharers, so the tree's summed PSS is the memory it holds: the sampler
reports its peak too.
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


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


def tree_rss_kb(root: int) -> int:
    """Resident set of `root` and all its descendants, in KiB (0 when /proc is missing)."""
    return sum(tree_rss_by_process_kb(root).values())


def tree_rss_by_process_kb(root: int) -> dict[int, int]:
    """Resident set of `root` and each of its descendants, in KiB, by process id."""
    sizes: dict[int, int] = {}
    pending = [root]
    while pending:
        pid = pending.pop()
        if pid in sizes:
            continue
        sizes[pid] = _rss_kb(pid)
        pending += _children(pid)
    return sizes


def _command(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "?"
    return " ".join(part.decode(errors="replace") for part in raw.split(b"\0") if part)[:160]


class TreeMemorySampler:
    """`with TreeMemorySampler(pid) as sampler: ...; sampler.peak_mb`

    Beside the peak of the sum it keeps the peak of the summed PSS (`peak_pss_mb`) and the peak
    of the largest single process and that process's command line (`largest_process_mb`,
    `largest_process`)."""

    def __init__(self, root: int, interval: float = 0.25) -> None:
        self.root, self.interval, self.peak_kb, self.peak_pss_kb = root, interval, 0, 0
        self.largest_kb, self.largest_pid = 0, 0
        self.largest_process = ""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = tree_rss_by_process_kb(self.root)
            self.peak_kb = max(self.peak_kb, sum(sizes.values()))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(_pss_kb(pid) for pid in sizes))
            pid, kb = max(sizes.items(), key=lambda item: item[1], default=(0, 0))
            if kb > self.largest_kb:
                if pid != self.largest_pid:
                    self.largest_process = _command(pid)
                self.largest_kb, self.largest_pid = kb, pid
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

    @property
    def peak_pss_mb(self) -> float:
        """The peak of the tree's summed proportional set sizes (shared pages counted once)."""
        return round(self.peak_pss_kb / 1024, 1)

    @property
    def largest_process_mb(self) -> float:
        return round(self.largest_kb / 1024, 1)
