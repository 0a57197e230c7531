"""Shared fixtures: the real bundled sample packs."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKS = REPO / "data" / "packs"


def pack_path(prefix: str) -> Path:
    """The bundled pack whose file name starts with `prefix` (e.g. '002')."""
    matches = sorted(PACKS.glob(f"{prefix}*.txt"))
    assert len(matches) == 1, f"expected one bundled pack starting {prefix!r}, found {matches}"
    return matches[0]


@pytest.fixture(scope="session")
def parsed_packs():
    from ingest.parse import parse_pack

    return {prefix: parse_pack(pack_path(prefix)) for prefix in ("000", "001", "002", "004")}
