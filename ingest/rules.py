"""The reviewed rule files beside the code (boundaries.yml, captions.yml, stitching.yml): how
councils mark documents, captions and broken rows, kept as data so a new council's wording is
a new entry, not a new branch."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).parent


def read_rules(path: Path) -> dict:
    """One rule file as a dict; callers cache what they build from it."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def any_of(sources: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """One pattern matching where any of `sources` matches."""
    return re.compile("|".join(f"(?:{source})" for source in sources), flags)
