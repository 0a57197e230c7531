"""The dbt project as Dagster assets: one graph from pack file to mart.

The manifest is prepared at set-up (``dbt parse`` into dbt/target/manifest.json, see the
Makefile) and only *loaded* here, so importing the definitions stays fast. If it is missing
(a fresh clone that skipped set-up) it is parsed once; ``refresh_manifest_if_stale`` (called by
``python -m dagster_project.build``) re-parses when a model file is newer than the manifest.

The translator maps dbt sources ``raw.<table>`` to the raw asset that the per-pack
promotion materialises (``raw/pack``), and models to ``<schema>/<model>`` keys
(``staging/stg_packs``, ``marts/fct_facts``, ``dq/...``). The dbt assets themselves are defined
in dagster_project/transform.py.
"""

import contextlib
import importlib.metadata
import json
import os
import subprocess
import sys
from collections.abc import Generator, Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from dagster import (
    AssetCheckResult,
    AssetExecutionContext,
    AssetKey,
    Failure,
    MetadataValue,
    Output,
)
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
)
from packaging.version import Version

from dagster_project.packs import RAW_KEY
from dagster_project.resources import WarehouseResource, open_duckdb
from warehouse import dbt_cli, settings
from warehouse.settings import DBT_PROFILES_DIR, DBT_PROJECT_DIR

MANIFEST_PATH = DBT_PROJECT_DIR / "target" / "manifest.json"
DBT_OWNERS = ["team:analytics-engineering"]
GATE_SCHEMAS = {"dq"}
BI_SCHEMA = "bi"  # dbt/models/bi: the BI views, published with the marts
BI_VIEW_TESTS = "bi_view_test"
"""The tag of the BI views' dbt tests: an incremental publish leaves them out (dbt_project.yml)."""

_WATCHED = ("models", "macros", "seeds", "tests", "snapshots", "dbt_project.yml")


def parse_manifest() -> Path:
    """Run ``dbt parse`` (what ``make install`` does) to (re)write dbt/target/manifest.json."""
    work_db = settings.work_db(settings.warehouse_dir())
    env = settings.dbt_env(work_db, DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    subprocess.run(
        [dbt_cli.executable(), "parse", "--profiles-dir", str(DBT_PROFILES_DIR), "--quiet"],
        cwd=DBT_PROJECT_DIR,
        env=env,
        check=True,
    )
    return MANIFEST_PATH


def manifest_is_stale(manifest_path: Path = MANIFEST_PATH) -> bool:
    if not manifest_path.exists():
        return True
    built = manifest_path.stat().st_mtime
    for name in _WATCHED:
        root = DBT_PROJECT_DIR / name
        paths = [root] if root.is_file() else (root.rglob("*") if root.is_dir() else [])
        for path in paths:
            if path.is_file() and path.stat().st_mtime > built:
                return True
    return False


def refresh_manifest_if_stale() -> bool:
    """Re-parse the dbt project when a model changed after the manifest; True if it did."""
    if manifest_is_stale():
        parse_manifest()
        return True
    return False


@cache
def load_manifest() -> dict[str, Any]:
    if not MANIFEST_PATH.exists():
        parse_manifest()
    return json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))


class CouncilDbtTranslator(DagsterDbtTranslator):
    """dbt sources raw.* -> raw/pack (the promoted raw tables, one asset); models ->
    <schema>/<name> (a BI model: bi/<view>, in group bi)."""

    def __init__(self) -> None:
        super().__init__(
            settings=DagsterDbtTranslatorSettings(
                enable_asset_checks=True,
                enable_source_tests_as_checks=False,
                # the six raw.* sources are one asset (raw/pack): Dagster's own setting for
                # several sources under one key
                enable_duplicate_source_asset_keys=True,
            )
        )

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        meta_key = (dbt_resource_props.get("meta") or {}).get("dagster", {}).get("asset_key")
        if meta_key:
            return AssetKey(meta_key)
        resource_type = dbt_resource_props["resource_type"]
        if resource_type == "source":
            return (
                RAW_KEY
                if dbt_resource_props["schema"] == "raw"
                else AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])
            )
        schema = (dbt_resource_props.get("config") or {}).get("schema") or "main"
        name = dbt_resource_props.get("alias") or dbt_resource_props["name"]
        return AssetKey([schema, name])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "gates"
        schema = (dbt_resource_props.get("config") or {}).get("schema")
        if schema == BI_SCHEMA:
            return "bi"
        return "gates" if schema in GATE_SCHEMAS else "transform"

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        description = (dbt_resource_props.get("description") or "").strip()
        if description:
            return description
        return f"dbt {dbt_resource_props['resource_type']} {dbt_resource_props['name']}"

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str] | None:
        owner = (dbt_resource_props.get("meta") or {}).get("owner")
        if isinstance(owner, str) and ("@" in owner or owner.startswith("team:")):
            return [owner]
        return DBT_OWNERS

    def get_tags(self, dbt_resource_props: Mapping[str, Any]) -> Mapping[str, str]:
        tags = dict(super().get_tags(dbt_resource_props))
        schema = (dbt_resource_props.get("config") or {}).get("schema")
        if schema:
            tags["layer"] = schema
        return tags


TRANSLATOR = CouncilDbtTranslator()


def relation_by_key(manifest: Mapping[str, Any]) -> dict[AssetKey, tuple[str, str]]:
    """Asset key -> (schema, table) of every model/seed/snapshot in the working DB."""
    relations: dict[AssetKey, tuple[str, str]] = {}
    for node in manifest.get("nodes", {}).values():
        if node.get("resource_type") not in ("model", "seed", "snapshot"):
            continue
        key = TRANSLATOR.get_asset_key(node)
        relations[key] = (node["schema"], node.get("alias") or node["name"])
    return relations


def model_keys(manifest: Mapping[str, Any] | None = None) -> list[AssetKey]:
    manifest = manifest if manifest is not None else load_manifest()
    return sorted(relation_by_key(manifest), key=lambda k: k.to_user_string())


def _row_counts(work_db: Path, relations: Mapping[AssetKey, tuple[str, str]]) -> dict:
    """Rows of each of these relations that is a table in the working DB.

    Views are not counted (as dagster-dbt's own row counts do): counting one runs its whole
    query, seconds each for the BI views over 1,000 packs. Tables are counted from DuckDB's
    metadata at once."""
    counts: dict[AssetKey, int] = {}
    if not relations or not work_db.exists():
        return counts
    con = open_duckdb(work_db, read_only=True)
    try:
        tables = set(con.execute("select schema_name, table_name from duckdb_tables()").fetchall())
        for key, (schema, table) in relations.items():
            if (schema, table) in tables:
                sql = f'select count(*) from "{schema}"."{table}"'
                counts[key] = con.execute(sql).fetchone()[0]
    finally:
        con.close()
    return counts


def project_only_keys(manifest: Mapping[str, Any] | None = None) -> set[AssetKey]:
    """Asset keys of the dbt nodes that change only with the dbt project, which an incremental
    publish need not build again: the seeds, the models made from seeds alone (int_council_names,
    a table) and the views; each unless a data test of an incremental publish reads it (a view
    with such a test, like int_dq_cross_pack_conflicts, is built so that its test runs over the
    new rows)."""
    nodes = (manifest if manifest is not None else load_manifest()).get("nodes", {})
    tested = {
        node.get("attached_node")
        for node in nodes.values()
        if node.get("resource_type") == "test" and BI_VIEW_TESTS not in (node.get("tags") or [])
    }

    def from_seeds_alone(node: Mapping[str, Any]) -> bool:
        parents = (node.get("depends_on") or {}).get("nodes") or []
        return bool(parents) and all(parent.startswith("seed.") for parent in parents)

    return {
        TRANSLATOR.get_asset_key(node)
        for unique_id, node in nodes.items()
        if node.get("resource_type") == "seed"
        or (
            node.get("resource_type") == "model"
            and unique_id not in tested
            and ((node.get("config") or {}).get("materialized") == "view" or from_seeds_alone(node))
        )
    }


PACK_MODELS = (
    "resource_type:seed config.materialized:incremental,tag:pack_rows fqn:staging fqn:provenance "
    "config.materialized:view,fqn:intermediate config.materialized:table,fqn:intermediate"
)
"""The pack-incremental part of the dbt project (and the seeds, views and tables made from seeds
alone, int_council_names, that it reads): a run transforms only the packs queued in
ops.publish_queue. The rest (dimensions, dq_findings, the pack-incremental models of
models/cross_pack, whose rows compare two packs, and the BI views in models/bi, which read the
dimensions) is cross-pack and built after the fact gate."""


def run_dbt(
    context: AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    args: list[str],
    *,
    extra_env: Mapping[str, str] | None = None,
    emit: bool = True,
) -> Generator[Any, None, str | None]:
    """``dbt <args>`` over the working DB for the assets this step selected; yields its events
    and returns dbt's invocation id (run_results.json).

    dbt runs as a subprocess and is the only process writing the working DB while it runs; the
    row counts of the tables it built are added to their materialisations once dbt has finished
    and let go of it. `extra_env` is set for this dbt process only. With `emit` false (a chunk
    of the pack step before the last) a successful invocation yields nothing: Dagster takes
    one materialization per asset and step, the last chunk's; a failed one yields its events.
    """
    os.environ.update(settings.dbt_env(warehouse.work_db))
    dbt = warm_dbt(dbt)
    target_path = settings.dbt_target_dir(warehouse.warehouse_path)
    manifest = load_manifest()
    known = {*manifest.get("nodes", {}), *manifest.get("sources", {})}
    with _environ(extra_env or {}):  # dagster-dbt copies os.environ when it starts dbt
        invocation = dbt.cli(args, context=context, raise_on_error=False, target_path=target_path)
    events: list[Any] = []
    unknown: set[str] = set()
    try:
        with _dbt_output(warehouse):
            for raw in invocation.stream_raw_events():
                node = (raw.raw_event.get("data") or {}).get("node_info") or {}
                unique_id = node.get("unique_id")
                if unique_id and unique_id not in known:
                    unknown.add(unique_id)  # a model added after the manifest was parsed
                    continue
                events.extend(
                    raw.to_default_asset_events(
                        manifest=manifest,
                        dagster_dbt_translator=TRANSLATOR,
                        context=context,
                        target_path=target_path,
                    )
                )
    finally:
        if invocation.process.poll() is None:  # never leave dbt writing the DB behind us
            invocation.process.terminate()
            invocation.process.wait(timeout=30)
    if unknown:
        context.log.warning(
            f"dbt built {len(unknown)} node(s) missing from the manifest the definitions loaded "
            f"({', '.join(sorted(unknown)[:5])}...): run `dbt parse` and reload the definitions"
        )
    invocation_id = _invocation_id(target_path)
    if not emit and invocation.is_successful():
        return invocation_id
    relations = relation_by_key(manifest)
    output_keys = {key.to_python_identifier(): key for key in relations}
    materialized = {
        output_keys[event.output_name]: relations[output_keys[event.output_name]]
        for event in events
        if isinstance(event, Output) and event.output_name in output_keys
    }
    counts = _row_counts(warehouse.work_db, materialized)  # only what this invocation built
    checks_failed = []
    for event in events:
        if isinstance(event, Output):
            key = output_keys.get(event.output_name)
            if key is not None and key in counts:
                metadata = {**(event.metadata or {}), "dagster/row_count": counts[key]}
                event = event.with_metadata(metadata)
        elif isinstance(event, AssetCheckResult) and not event.passed:
            checks_failed.append(event.check_name or "?")
        yield event
    if not invocation.is_successful():
        error = invocation.get_error()
        details = getattr(error, "description", None) or str(error or "")
        errors = [line.strip() for line in details.splitlines() if "Error" in line][:5]
        raise Failure(
            description=f"dbt {args[0]} failed (exit code {invocation.process.returncode}; "
            f"{len(checks_failed)} failing test(s){': ' if checks_failed else ''}"
            f"{', '.join(checks_failed[:10])}). {' | '.join(errors)} "
            f"dbt log: {target_path / 'dbt.log'}",
            metadata={"dbt_log": MetadataValue.path(str(target_path / "dbt.log"))},
        )
    return invocation_id


def warm_dbt(dbt: DbtCliResource) -> DbtCliResource:
    """`dbt` running its commands through the warm dbt server of `make warehouse`, while one is
    up (dbt_warmup.warm_dbt_beside); `dbt` itself otherwise."""
    client = os.environ.get(dbt_cli.CLIENT_ENV)
    if not client or dbt.dbt_executable == client:
        return dbt
    return dbt.model_copy(update={"dbt_executable": client})


def _invocation_id(target_path: Path) -> str | None:
    """The invocation id dbt wrote in run_results.json (None if it wrote none)."""
    try:
        results = json.loads((target_path / "run_results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (results.get("metadata") or {}).get("invocation_id")


@contextlib.contextmanager
def _environ(extra: Mapping[str, str]):
    """os.environ with `extra` set, restored afterwards (the step may share the process)."""
    previous = {name: os.environ.get(name) for name in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def _dbt_output(warehouse: WarehouseResource):
    """dbt's console output: to stdout (the run's compute log) or, when ``make warehouse`` asks
    for a quiet console (COUNCIL_DBT_LOG=file), to $WAREHOUSE/build/dbt_output.log."""
    if os.environ.get("COUNCIL_DBT_LOG") != "file":
        yield
        return
    path = warehouse.warehouse_path / "build" / "dbt_output.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        yield


class CouncilDbtCliResource(DbtCliResource):
    """dbt as a subprocess, without the in-process dbt adapter dagster-dbt opens before every
    invocation (importing dbt-core and loading the project and profile: seconds a step). It
    serves column and row-count metadata fetched through dbt, which this project does not use:
    row counts are read from the working DB once dbt has let go of it (run_dbt)."""

    def _initialize_dbt_core_adapter(self, args):  # noqa: ARG002 - dagster-dbt's signature
        return None

    @cached_property
    def _cli_version(self) -> Version:
        """dagster-dbt asks ``dbt --version`` before its first invocation in a run: a process
        importing dbt, 1-2 s of every publish. The dbt beside this interpreter is the dbt-core
        installed in it (as is the warm server's), whose version the package metadata gives at
        once."""
        beside = Path(self.dbt_executable).parent == Path(sys.executable).parent
        if beside or self.dbt_executable == os.environ.get(dbt_cli.CLIENT_ENV):
            return Version(importlib.metadata.version("dbt-core"))
        return DbtCliResource._cli_version.func(self)


def dbt_resource() -> DbtCliResource:
    return CouncilDbtCliResource(
        project_dir=str(DBT_PROJECT_DIR),
        profiles_dir=str(DBT_PROFILES_DIR),
        dbt_executable=dbt_cli.executable(),
    )
