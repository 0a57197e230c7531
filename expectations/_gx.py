"""One lazily created Great Expectations context per process, and the suites read from files.

Importing GX takes seconds, so nothing here imports it at module import time: the Dagster
definitions import `expectations.gate`, and only the first validation pays for GX.

* `validation_context()` - an ephemeral, in-memory context used to validate frames. Nothing is
  written to disk while validating, which keeps a pack's gate well under a second.
* `docs_context(warehouse_dir)` - a context whose stores live in `<warehouse>/gx/` and whose
  Data Docs site is `<warehouse>/data_docs/`: the validation results kept for Data Docs.
"""

from __future__ import annotations

import json
import os
import threading
from functools import cache
from pathlib import Path
from typing import Any

SUITES_DIR = Path(__file__).resolve().parent / "suites"
SEVERITIES = {"blocking": "critical", "warning": "warning"}
"""Our severity (suite files' meta.severity) -> the GX 1.x expectation severity."""

_lock = threading.RLock()
_validation_context: Any = None
_batch_definitions: dict[str, Any] = {}
_docs_contexts: dict[str, Any] = {}
_warming: threading.Thread | None = None


def _quiet_gx() -> None:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def _config(store_backend_defaults: Any, data_docs_sites: dict | None = None) -> Any:
    from great_expectations.data_context.types.base import DataContextConfig, ProgressBarsConfig

    return DataContextConfig(
        store_backend_defaults=store_backend_defaults,
        data_docs_sites=data_docs_sites,
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )


def validation_context() -> Any:
    """The process-wide ephemeral context (created on first use)."""
    global _validation_context
    with _lock:
        if _validation_context is None:
            _quiet_gx()
            import great_expectations as gx
            from great_expectations.data_context.types.base import InMemoryStoreBackendDefaults

            _no_frame_fingerprints()
            context = gx.get_context(
                mode="ephemeral", project_config=_config(InMemoryStoreBackendDefaults())
            )
            context.data_sources.add_pandas("frames")
            _validation_context = context
        return _validation_context


def make_validation_context_in_background() -> None:
    """Import GX and make the validation context in a thread of its own, once per process.

    For a step that validates after waiting seconds on another process: the fact gate comes
    after dbt's pack step, during which this process mostly waits while a core can be free.
    `validation_context()` called meanwhile waits for the thread (the same lock)."""
    global _warming
    with _lock:
        if _validation_context is not None or _warming is not None:
            return
        _warming = threading.Thread(target=validation_context, name="gx-context")
    _warming.start()


def _no_frame_fingerprints() -> None:
    """GX hashes every row of a frame it validates (``pandas_data_fingerprint``, a batch marker
    for frames under ``HASH_THRESHOLD`` bytes). The gates' frames live for one validation and
    nothing reads their fingerprint, yet hashing them took a third of a 200-pack batch's
    validation (2.5-3.5 s -> 1.6-2.0 s without, the same outcomes). A threshold of 0 skips it."""
    from great_expectations.execution_engine import pandas_execution_engine

    pandas_execution_engine.HASH_THRESHOLD = 0


def batch_definition(asset_name: str) -> Any:
    """A whole-dataframe batch definition for one suite's frame, created once per process."""
    with _lock:
        if asset_name not in _batch_definitions:
            source = validation_context().data_sources.get("frames")
            asset = source.add_dataframe_asset(asset_name)
            _batch_definitions[asset_name] = asset.add_batch_definition_whole_dataframe("whole")
        return _batch_definitions[asset_name]


def forget_batches() -> None:
    """Drop the dataframes GX keeps after validating them.

    The data source's execution engine caches the last batch of every asset it validated
    (`BatchManager.batch_data_cache`): after a 200-pack batch of the pack gate, some 130 MB of
    frames the build process would otherwise hold through dbt and the publish."""
    with _lock:
        if _validation_context is None:
            return
        engine = _validation_context.data_sources.get("frames").get_execution_engine()
        engine.batch_manager.batch_data_cache.clear()
        engine.batch_manager.reset_batch_cache()


def docs_site_dir(warehouse_dir: str | os.PathLike) -> Path:
    """The data-quality pages: our offline index.html, GX's site in gx/ (expectations/docs.py)."""
    return Path(warehouse_dir).resolve() / "data_docs"


def gx_site_dir(warehouse_dir: str | os.PathLike) -> Path:
    return docs_site_dir(warehouse_dir) / "gx"


def docs_context(warehouse_dir: str | os.PathLike) -> Any:
    """A context storing suites and validation results in `<warehouse>/gx/`.

    Its single Data Docs site (`local_site`) is built into `<warehouse>/data_docs/gx/`.
    """
    root = Path(warehouse_dir).resolve()
    key = str(root)
    with _lock:
        if key not in _docs_contexts:
            _quiet_gx()
            import great_expectations as gx
            from great_expectations.data_context.types.base import (
                FilesystemStoreBackendDefaults,
            )

            gx_dir = root / "gx"
            gx_dir.mkdir(parents=True, exist_ok=True)
            sites = {
                "local_site": {
                    "class_name": "SiteBuilder",
                    "show_how_to_buttons": False,
                    "store_backend": {
                        "class_name": "TupleFilesystemStoreBackend",
                        "base_directory": str(gx_site_dir(root)),
                    },
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                }
            }
            defaults = FilesystemStoreBackendDefaults(root_directory=str(gx_dir))
            context = gx.get_context(
                mode="ephemeral", project_config=_config(defaults, data_docs_sites=sites)
            )
            _docs_contexts[key] = context
        return _docs_contexts[key]


@cache
def suite_spec(name: str) -> dict:
    """A suite as a dict: the reviewed file `expectations/suites/<name>.json`, and for a pack
    suite, before the file's expectations, those the raw contract declares on the columns of its
    table (`pack_gate:` in contracts/raw.yml, generated into ingest/raw_contract.py)."""
    path = SUITES_DIR / f"{name}.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    if spec["meta"].get("layer") == "pack":
        spec["expectations"] = [
            *contract_expectations(spec["meta"]["table"]),
            *spec["expectations"],
        ]
        names = [e["meta"]["name"] for e in spec["expectations"]]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"{name}: expectation names in both contract and suite file: {twice}")
    return spec


def contract_expectations(table: str) -> list[dict]:
    """The pack gate's expectations on the columns of one raw table, from its contract (a copy:
    GX and callers may change them)."""
    from ingest.raw_contract import PACK_GATE_EXPECTATIONS

    return json.loads(json.dumps(PACK_GATE_EXPECTATIONS.get(table, ())))


def suite_names(prefix: str = "") -> list[str]:
    """The suites of the pack gate (one reviewed file each)."""
    return sorted(p.stem for p in SUITES_DIR.glob(f"{prefix}*.json"))


def all_suite_names() -> list[str]:
    """Every suite a gate validates: the pack suites (files), then the fact and warehouse
    suites built in code from their rules."""
    from expectations import fact_gate, mart_gate

    names = [
        *suite_names(),
        *(fact_gate.suite_name(r) for r in fact_gate.RELATIONS),
        *(mart_gate.suite_name(r) for r in mart_gate.RELATIONS),
    ]
    return list(dict.fromkeys(names))  # a relation checked twice (dim_pack) is one suite


def build_suite(name: str) -> Any:
    """A GX ExpectationSuite from its file: meta.severity sets the GX severity, meta.note the
    notes shown in Data Docs. Not attached to any context."""
    import great_expectations as gx

    spec = suite_spec(name)
    expectations = []
    for exp in spec["expectations"]:
        exp = json.loads(json.dumps(exp))
        meta = exp.setdefault("meta", {})
        exp["severity"] = SEVERITIES[meta["severity"]]
        exp.setdefault("notes", f"[{meta['severity']}] {meta['note']}")
        expectations.append(exp)
    return gx.ExpectationSuite(name=spec["name"], expectations=expectations, meta=spec.get("meta"))


_suites: dict[str, Any] = {}


def suite(name: str) -> Any:
    with _lock:
        if name not in _suites:
            _suites[name] = build_suite(name)
        return _suites[name]


_sub_suites: dict[tuple, Any] = {}


def forget_suites() -> None:
    """Read the suites again on next use (they are read once per process): after the contract
    or a suite file changed in this process, as a test does."""
    with _lock:
        suite_spec.cache_clear()
        _suites.clear()
        _sub_suites.clear()


def sub_suite(name: str, expectation_names: tuple[str, ...]) -> Any:
    """A suite holding only some expectations of `name` (by meta.name), cached."""
    import great_expectations as gx

    key = (name, expectation_names)
    with _lock:
        if key not in _sub_suites:
            full = build_suite(name)
            wanted = set(expectation_names)
            configs = [
                e.configuration.to_json_dict()
                for e in full.expectations
                if e.meta.get("name") in wanted
            ]
            for config in configs:
                config.pop("id", None)
            _sub_suites[key] = gx.ExpectationSuite(name=name, expectations=configs)
        return _sub_suites[key]
