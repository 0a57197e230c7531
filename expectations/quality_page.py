"""The data-quality page: ``$WAREHOUSE/data_docs/index.html``, one self-contained HTML file.

GX's own Data Docs load their styles and scripts (Bootstrap, bootstrap-table, jQuery, Vega)
from CDNs, so opened without a network they show an unstyled page with empty lists. This page
has its styles inline and needs no script: it works from disk, offline, in any browser.

What it shows:

* every suite (the pack suites ``expectations/suites/*.json``, the fact and warehouse suites
  built in code) with its latest validation: when, what it validated (a pack file, the facts of
  the packs just transformed, the warehouse), passed / warnings / failed, and every expectation
  with its severity, note, outcome, unexpected count and sample (with the pack lines);
* the packs under quarantine (``$WAREHOUSE/quarantine/*.json``) and why.

The latest validation of each suite is kept by ``record_latest`` (called by the gates through
``expectations.docs.keep_results``) in ``$WAREHOUSE/gx/latest/<suite>.json``: one small file per
suite, overwritten by each validation, for passing packs as well as failing ones. GX's site is
still built, under ``data_docs/gx/``, for readers with a network.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from expectations import _gx

if TYPE_CHECKING:
    from expectations.gate import GateResult

LATEST_DIR = Path("gx") / "latest"
QUARANTINE_DIR = "quarantine"
SAMPLE_ROWS = 5


def latest_dir(warehouse_dir: str | Path) -> Path:
    return Path(warehouse_dir).resolve() / LATEST_DIR


def record_latest(result: GateResult, warehouse_dir: str | Path) -> list[Path]:
    """Write the outcome of each suite this gate ran as that suite's latest validation."""
    folder = latest_dir(warehouse_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for suite in result.suites:
        checks = [c.to_dict() for c in result.checks if c.suite == suite]
        record = {
            "suite": suite,
            "gate": result.gate,
            "subject": result.subject,
            "run_id": result.run_id,
            "validated_at": result.validated_at,
            "expectations": checks,
            "skipped": [s for s in result.skipped if s.startswith(f"{suite}.")],
        }
        path = folder / f"{suite}.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(record, default=str, indent=1), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written


def write_page(warehouse_dir: str | Path) -> Path:
    root = Path(warehouse_dir).resolve()
    latest = {p.stem: _read(p) for p in sorted(latest_dir(root).glob("*.json"))}
    quarantined = {p.stem: _read(p) for p in sorted((root / QUARANTINE_DIR).glob("*.json"))}
    page = _page(_gx.all_suite_names(), latest, quarantined, gx_site=(root / "data_docs" / "gx"))
    index = root / "data_docs" / "index.html"
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(page, encoding="utf-8")
    return index


def _read(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# --------------------------------------------------------------------------- rendering


def _status(record: dict[str, Any]) -> str:
    checks = record.get("expectations") or []
    failed = [c for c in checks if not c.get("success")]
    if any(c.get("severity") == "blocking" for c in failed):
        return "failed"
    return "warnings" if failed else "passed"


def _subject(record: dict[str, Any]) -> str:
    subject = record.get("subject") or {}
    if record.get("gate") in ("marts", "warehouse"):
        return "the warehouse (marts, packs gated: " + str(subject.get("packs_gated", "all")) + ")"
    if record.get("gate") == "facts":
        return f"facts of {subject.get('packs', '?')} pack(s) just transformed"
    return f"pack {subject.get('file_name') or subject.get('pack_id') or '?'}"


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _badge(status: str) -> str:
    return f'<span class="badge {status}">{_e(status)}</span>'


def _summary_rows(suites: Iterable[str], latest: dict[str, dict]) -> str:
    rows = []
    for suite in suites:
        record = latest.get(suite)
        if not record:
            rows.append(
                f'<tr><td><a href="#{_e(suite)}">{_e(suite)}</a></td>'
                f'<td colspan="5">{_badge("not-validated")} not validated yet</td></tr>'
            )
            continue
        checks = record.get("expectations") or []
        failed = [c for c in checks if not c.get("success")]
        blocking = [c for c in failed if c.get("severity") == "blocking"]
        rows.append(
            f'<tr><td><a href="#{_e(suite)}">{_e(suite)}</a></td>'
            f"<td>{_badge(_status(record))}</td><td>{_e(record.get('validated_at'))}</td>"
            f"<td>{_e(_subject(record))}</td><td>{len(checks)}</td>"
            f"<td>{len(blocking)} blocking, {len(failed) - len(blocking)} warnings</td></tr>"
        )
    return "\n".join(rows)


def _sample(check: dict[str, Any]) -> str:
    sample = check.get("sample") or []
    if not sample:
        return ""
    shown = "; ".join(
        ", ".join(f"{k}={v}" for k, v in row.items()) if isinstance(row, dict) else str(row)
        for row in sample[:SAMPLE_ROWS]
    )
    return f"<div class='sample'>{_e(shown)}</div>"


def _suite_section(suite: str, record: dict[str, Any] | None) -> str:
    if not record:
        return (
            f'<section id="{_e(suite)}"><h3>{_e(suite)}</h3>'
            "<p>Not validated yet in this warehouse.</p></section>"
        )
    rows = []
    for check in record.get("expectations") or []:
        outcome = (
            "passed"
            if check.get("success")
            else ("failed" if check.get("severity") == "blocking" else "warnings")
        )
        unexpected = check.get("unexpected_count")
        rows.append(
            f"<tr class='{outcome}'><td>{_e(check.get('expectation'))}</td>"
            f"<td>{_e(check.get('column') or '')}</td><td>{_e(check.get('severity'))}</td>"
            f"<td>{_badge(outcome)}</td><td>{'' if unexpected is None else _e(unexpected)}</td>"
            f"<td>{_e(check.get('note'))}{_sample(check)}"
            f"{'<div class=sample>' + _e(check['error']) + '</div>' if check.get('error') else ''}"
            "</td></tr>"
        )
    skipped = record.get("skipped") or []
    return (
        f'<section id="{_e(suite)}"><h3>{_e(suite)} {_badge(_status(record))}</h3>'
        f"<p>Latest validation {_e(record.get('validated_at'))} of {_e(_subject(record))} "
        f"(run {_e(record.get('run_id'))}).</p>"
        "<table><thead><tr><th>expectation</th><th>column</th><th>severity</th><th>result</th>"
        "<th>unexpected</th><th>note and sample</th></tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table>"
        + (f"<p>Not applicable here: {_e(', '.join(skipped))}</p>" if skipped else "")
        + "</section>"
    )


def _quarantine_section(quarantined: dict[str, dict]) -> str:
    if not quarantined:
        return "<p>No pack is under quarantine.</p>"
    rows = []
    for name, report in quarantined.items():
        failures = report.get("failures") or []
        blocking = [f for f in failures if f.get("severity") == "blocking"]
        reasons = "; ".join(
            f"{f.get('suite')}.{f.get('expectation')}: {f.get('note')}" for f in blocking[:5]
        )
        rows.append(
            f"<tr><td>{_e(report.get('subject', {}).get('file_name') or name)}</td>"
            f"<td>{_e(report.get('validated_at'))}</td><td>{len(blocking)}</td>"
            f"<td>{_e(reasons)}</td></tr>"
        )
    return (
        "<table><thead><tr><th>pack file</th><th>validated</th><th>blocking failures</th>"
        "<th>why</th></tr></thead><tbody>" + "\n".join(rows) + "</tbody></table>"
    )


STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem;color:#1b1f24;
max-width:80rem}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.badge{border-radius:.6rem;padding:.05rem .5rem;font-size:.85rem;color:#fff}
.badge.passed{background:#1a7f37}.badge.warnings{background:#9a6700}.badge.failed{background:#cf222e}
.badge.not-validated{background:#6e7781}.sample{color:#57606a;font-size:.85rem}
tr.failed td{background:#ffebe9}tr.warnings td{background:#fff8c5}
"""


def _page(
    suites: list[str], latest: dict[str, dict], quarantined: dict[str, dict], gx_site: Path
) -> str:
    validated = [s for s in suites if s in latest]
    statuses = [_status(latest[s]) for s in validated]
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    gx_link = (
        "<p>Great Expectations' own Data Docs (need a network for their styles): "
        '<a href="gx/index.html">gx/index.html</a></p>'
        if (gx_site / "index.html").exists()
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Data quality - council papers warehouse</title>
<style>{STYLE}</style></head>
<body>
<h1>Data quality - council papers warehouse</h1>
<p>Page written {_e(now)}. {len(suites)} expectation suites, {len(validated)} validated:
<strong>{statuses.count("passed")} passed</strong>, {statuses.count("warnings")} with warnings,
{statuses.count("failed")} failed. {len(quarantined)} pack(s) under quarantine.</p>
{gx_link}
<h2>Latest validation of every suite</h2>
<table id="suites"><thead><tr><th>suite</th><th>result</th><th>validated at</th><th>of</th>
<th>expectations</th><th>failed</th></tr></thead><tbody>
{_summary_rows(suites, latest)}
</tbody></table>
<h2>Packs under quarantine</h2>
{_quarantine_section(quarantined)}
<h2>Expectations, suite by suite</h2>
{"".join(_suite_section(s, latest.get(s)) for s in suites)}
</body></html>
"""
