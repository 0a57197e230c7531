"""Parse the dbt project for a new warehouse folder while its first packs load.

dbt parses only what changed since its last parse (partial parsing), but its parse state
records the profile it was made with, and the profile names the warehouse's working DB. The
first dbt invocation for a warehouse folder therefore parses the whole project: about 3 s of
one core, inside the transform step. ``make warehouse`` (dagster_project/build.py) starts that
parse instead (``dbt parse``, which never opens the database) in a child process as the loads
begin, so it runs on the other core, and waits for it before the transform: the transform's
dbt then finds the parse state made with its own profile and parses nothing.

A warehouse whose dbt has run before already has its parse state, made with its profile:
nothing starts then. Beside the parse state, `parse_profile.json` records what of the profile
varies (the working DB, the memory limit); a warehouse folder moved or copied elsewhere, or run
with another memory limit, is parsed again. If the parse fails, the transform's dbt parses (and
reports the problem) as it would without it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse import settings

PARSE_STATE = "partial_parse.msgpack"
PARSE_PROFILE = "parse_profile.json"
TIMEOUT_SECONDS = 300


def parse_profile(warehouse_dir: Path) -> dict[str, str]:
    """What of the dbt profile (dbt/profiles.yml) differs between warehouses and runs."""
    return {
        settings.DBT_DUCKDB_PATH_ENV: str(settings.work_db(warehouse_dir)),
        settings.MEMORY_LIMIT_ENV: settings.memory_limit(),
    }


def needs_parse(warehouse_dir: Path) -> bool:
    """The warehouse's dbt has not parsed the project with this profile: a new warehouse
    folder, one moved or copied, or one run with another memory limit."""
    target = settings.dbt_target_dir(warehouse_dir)
    try:
        recorded = json.loads((target / PARSE_PROFILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return recorded != parse_profile(warehouse_dir) or not (target / PARSE_STATE).exists()


def parse_command(warehouse_dir: Path) -> list[str]:
    return [
        str(Path(sys.executable).with_name("dbt")),
        "--no-send-anonymous-usage-stats",  # nothing leaves the machine (as dagster-dbt's)
        "--log-format-file",
        "json",  # dbt.log in the format of the pipeline's invocations
        "parse",
        "--profiles-dir",
        str(settings.DBT_PROFILES_DIR),
        "--target-path",
        str(settings.dbt_target_dir(warehouse_dir)),
        "--quiet",
    ]


class ParseBeside:
    """The `dbt parse` child of `dbt_parsed_beside` (None: nothing to parse)."""

    def __init__(self, process: subprocess.Popen | None, warehouse_dir: Path) -> None:
        self.process = process
        self.warehouse_dir = warehouse_dir

    def wait(self) -> None:
        """Block until the parse has finished: call it before the pipeline's first dbt."""
        if self.process is None:
            return
        try:
            self.process.wait(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.stop()
            return
        if self.process.returncode == 0:
            profile = json.dumps(parse_profile(self.warehouse_dir), indent=1)
            target = settings.dbt_target_dir(self.warehouse_dir)
            (target / PARSE_PROFILE).write_text(profile, encoding="utf-8")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=TIMEOUT_SECONDS)


@contextmanager
def dbt_parsed_beside(warehouse_dir: Path) -> Iterator[ParseBeside]:
    """``with dbt_parsed_beside(warehouse) as parse:`` starts `dbt parse` for a new warehouse
    in a child process; ``parse.wait()`` before the first dbt invocation of the pipeline (two
    dbt processes must not write one target folder). Leaving the block waits for it, or stops
    it if the block raised."""
    if not needs_parse(warehouse_dir):
        yield ParseBeside(None, warehouse_dir)
        return
    target = settings.dbt_target_dir(warehouse_dir)
    target.mkdir(parents=True, exist_ok=True)
    env = settings.dbt_env(settings.work_db(warehouse_dir), DBT_LOG_PATH=str(target))
    parse = ParseBeside(
        subprocess.Popen(
            parse_command(warehouse_dir),
            cwd=settings.DBT_PROJECT_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        warehouse_dir,
    )
    try:
        yield parse
    except BaseException:
        parse.stop()
        raise
    parse.wait()
