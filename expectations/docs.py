"""The data-quality pages of the warehouse: `<warehouse>/data_docs/index.html`.

`index.html` is our own offline page (`expectations/quality_page.py`): the latest validation of
every suite (kept for every gate run, passing or not, in `<warehouse>/gx/latest/`) and the packs
under quarantine. GX's Data Docs site is built beside it in `data_docs/gx/` (its styles and
scripts come from CDNs, so it needs a network).

Which full GX validation results are kept for GX's site (in `<warehouse>/gx/`, the GX stores):

* a pack's results when any of its expectations failed (quarantined packs and packs with
  warnings); when a later run of the same file passes cleanly, its old results are removed;
* the latest mart gate's results.

Passing packs are not kept: a 1,000-pack run would otherwise write and render thousands of
pages. Their outcome is in `ops.gate_results`. Every suite is always rendered.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from expectations import _gx, quality_page

if TYPE_CHECKING:
    from expectations.gate import GateResult


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)[:120] or "unknown"


def _batch_identifier(result: GateResult) -> str:
    if result.gate in ("marts", "warehouse"):
        return result.gate
    name = result.subject.get("file_name") or result.subject.get("pack_id") or "unknown"
    return "pack__" + _slug(str(name))


def _ensure_suites(context: Any) -> None:
    """Put every suite into the docs context's expectation store: the reviewed pack suites
    (JSON files) and the fact and warehouse suites built in code from their rules."""
    from expectations import fact_gate, mart_gate
    from expectations.sql_rules import build_suite

    for name in _gx.suite_names():
        context.suites.add_or_update(_gx.build_suite(name))
    from expectations.sql_rules import unique_rules

    for module in (fact_gate, mart_gate):
        # one suite per name: a relation checked twice (dim_pack, per pack and whole) has the
        # rules of both in its one suite
        by_suite: dict[str, list[list]] = {}
        for relation in module.RELATIONS:
            by_suite.setdefault(module.suite_name(relation), []).append(list(relation.rules))
        for name, rule_lists in by_suite.items():
            context.suites.add_or_update(build_suite(name, unique_rules(rule_lists)))
        # the gate's validation runs over every relation at once: its suite is all the rules
        rules = unique_rules({r.name: list(r.rules) for r in module.RELATIONS})
        context.suites.add_or_update(build_suite(module.SUITE_PREFIX, rules))


_suites_stored: set[str] = set()


def _ensure_suites_once(context: Any, warehouse_dir: str | Path) -> None:
    """`_ensure_suites` once per warehouse and process: the suites do not change while a
    process runs (keeping a gate's results and building the site both need them)."""
    root = str(Path(warehouse_dir).resolve())
    if root not in _suites_stored:
        _ensure_suites(context)
        _suites_stored.add(root)


def keep_results(result: GateResult, warehouse_dir: str | Path) -> list[str]:
    """Store (or clear) a gate's GX validation results for Data Docs. Returns the stored keys."""
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    quality_page.record_latest(result, warehouse_dir)
    context = _gx.docs_context(warehouse_dir)
    store = context.validation_results_store
    batch_id = _batch_identifier(result)
    # the mart gate, and packs it quarantines (warnings live in ops.gate_results and dq marts)
    keep = result.gate in ("marts", "warehouse") or not result.passed
    if not keep and not _has_results_dir(warehouse_dir):
        return []
    for key in store.list_keys():
        if getattr(key, "batch_identifier", None) == batch_id:
            store.remove_key(key)
    if not keep:
        return []
    result.data_docs = str(_gx.docs_site_dir(warehouse_dir) / "index.html")
    _ensure_suites_once(context, warehouse_dir)
    run_name = (
        f"{result.gate} gate"
        if result.gate in ("marts", "warehouse")
        else f"pack {result.subject.get('file_name')}"
    )
    run_id = RunIdentifier(
        run_name=f"{run_name} ({result.run_id})",
        run_time=datetime.fromisoformat(result.validated_at),
    )
    stored = []
    for suite_name, validation in result.validation_results.items():
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite_name),
            run_id=run_id,
            batch_identifier=batch_id,
        )
        validation.meta["run_id"] = run_id
        validation.meta.setdefault("active_batch_definition", {})
        store.set(key, validation)
        stored.append(key.to_fixed_length_tuple())
    return ["/".join(map(str, k)) for k in stored]


def _results_dir(warehouse_dir: str | Path) -> Path:
    return Path(warehouse_dir) / "gx" / "uncommitted" / "validations"


def _has_results_dir(warehouse_dir: str | Path) -> bool:
    """Any validation result stored (GX's own `.ge_store_backend_id` beside them is none)."""
    path = _results_dir(warehouse_dir)
    return path.exists() and any(not p.name.startswith(".") for p in path.iterdir())


def stored_batch_ids(warehouse_dir: str | Path) -> set[str]:
    """The batch identifiers (`pack__<file>`, `warehouse`) that have validation results stored:
    GX keeps each as `<suite>/<run name>/<run time>/<batch identifier>.json`."""
    path = _results_dir(warehouse_dir)
    if not path.exists():
        return set()
    return {p.stem for p in path.rglob("*.json") if not p.name.startswith(".")}


def has_stored_results(result: GateResult, stored: set[str]) -> bool:
    """Whether ``result``'s subject is among ``stored`` (`stored_batch_ids`)."""
    return _batch_identifier(result) in stored


def build_data_docs(warehouse_dir: str | Path) -> Path:
    """Rebuild `<warehouse>/data_docs/`: GX's site in `gx/`, our offline page as index.html."""
    context = _gx.docs_context(warehouse_dir)
    _ensure_suites_once(context, warehouse_dir)
    site = _gx.docs_site_dir(warehouse_dir)
    if site.exists():  # pages of removed results must not linger
        shutil.rmtree(site)
    context.build_data_docs(site_names=["local_site"])
    if not (_gx.gx_site_dir(warehouse_dir) / "index.html").exists():
        raise FileNotFoundError(
            f"GX Data Docs were built but {_gx.gx_site_dir(warehouse_dir)} has no index.html"
        )
    return quality_page.write_page(warehouse_dir)
