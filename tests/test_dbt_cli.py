"""The project's dbt (`council-dbt`, warehouse/dbt_cli.py): a parse state made for one folder
serves another, and only the working DB's path is left out of dbt's check.

That a copied warehouse parses nothing, and a new one only what changed since `make install`,
is shown on real builds (tests/test_pack_incremental.py, tests/test_dbt_invocation.py). Here:
what must still make dbt parse the whole project does.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from warehouse import dbt_cli, settings


def _parse(folder: Path, **env: str) -> set[str]:
    """`council-dbt parse` with its target in `folder`: the names of the events it logged."""
    target = folder / "target"
    done = subprocess.run(
        [dbt_cli.executable(), "--log-format-file", "json", "parse", "--profiles-dir"]
        + [str(settings.DBT_PROFILES_DIR), "--target-path", str(target), "--quiet"],
        cwd=settings.DBT_PROJECT_DIR,
        env=settings.dbt_env(settings.work_db(folder), DBT_LOG_PATH=str(target), **env),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    log = (target / "dbt.log").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["info"]["name"] for line in log if line.startswith("{")}


def test_another_memory_limit_still_parses_the_whole_project(tmp_path):
    """The memory limit is in the profile too, and dbt's check still sees it: a folder given
    `make install`'s parse state, run with another limit, parses the whole project."""
    assert dbt_cli.executable().endswith("council-dbt")
    assert dbt_cli.seed_parse_state(tmp_path / "target")
    other = "1234MB" if settings.memory_limit() != "1234MB" else "1235MB"
    events = _parse(tmp_path, **{settings.MEMORY_LIMIT_ENV: other})
    assert "UnableToPartialParse" in events
    assert "PartialParsingEnabled" not in events
