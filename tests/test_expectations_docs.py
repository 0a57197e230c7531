"""Data-quality pages rebuilt into <warehouse>/data_docs/: our offline index.html with the latest
validation of every suite, and GX's site (in gx/) showing quarantined packs' results."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "data" / "packs" / "001_b6da0de6cc3fbefc.txt"


def _frames(data: bytes, name: str) -> dict:
    from ingest.frames import pack_frames
    from ingest.parse import parse_pack_bytes

    return {k: v.to_pandas() for k, v in pack_frames(parse_pack_bytes(name, data)).items()}


def test_data_docs_show_a_quarantined_pack_until_it_is_fixed(tmp_path):
    from expectations.docs import build_data_docs
    from expectations.gate import validate_pack

    good = SOURCE.read_bytes()
    lines = good.decode("utf-8").split("\n")
    lines[2] = ""
    bad = "\n".join(lines).encode("utf-8")
    name = "pack_under_test.txt"

    result = validate_pack(_frames(bad, name), warehouse_dir=tmp_path)
    assert not result.passed
    assert result.data_docs == str(tmp_path.resolve() / "data_docs" / "index.html")
    index = build_data_docs(tmp_path)
    assert index == tmp_path.resolve() / "data_docs" / "index.html"
    gx_index = index.parent / "gx" / "index.html"
    html = unquote(gx_index.read_text(encoding="utf-8"))
    assert "pack_packs" in html and name in html
    assert (index.parent / "gx" / "expectations" / "facts" / "fct_complaints.html").exists()
    page = index.read_text(encoding="utf-8")
    assert f"pack {name}" in page and '<span class="badge failed">failed</span>' in page

    fixed = validate_pack(_frames(good, name), warehouse_dir=tmp_path)
    assert fixed.blocking == []
    assert fixed.passed and fixed.failures  # only warnings left (no venue printed)
    page = build_data_docs(tmp_path).read_text(encoding="utf-8")
    html = unquote(gx_index.read_text(encoding="utf-8"))
    # GX's site keeps results of packs the gate stops; warnings are in ops.gate_results and the
    # dq mart, so once fixed the pack's quarantine results are gone from the site
    assert name not in html
    assert result.run_id not in html
    # our page shows each suite's latest validation: now the fixed pack, without failures
    assert fixed.run_id in page and result.run_id not in page
    assert '<span class="badge failed">failed</span>' not in page


def test_a_fixed_pack_loses_its_stored_results_wherever_it_is_in_a_batch(tmp_path):
    """A bulk load stores results only for the packs it stops, and skips the passing packs that
    have none: the file's old results must still go when it passes in the middle of a batch."""
    from expectations.docs import stored_batch_ids
    from expectations.gate import validate_pack, validate_packs

    good = SOURCE.read_bytes()
    lines = good.decode("utf-8").split("\n")
    lines[2] = ""
    name = "pack_fixed_later.txt"
    bad = validate_pack(_frames("\n".join(lines).encode("utf-8"), name), warehouse_dir=tmp_path)
    assert not bad.passed
    assert stored_batch_ids(tmp_path) == {"pack__pack_fixed_later.txt"}

    other = REPO / "data" / "packs" / "002_584beb4c97a436e5.txt"
    results = validate_packs(
        [_frames(good, name), _frames(other.read_bytes(), other.name)],
        warehouse_dir=tmp_path,
        file_names=[name, other.name],
    )
    assert [r.passed for r in results] == [True, True]
    assert stored_batch_ids(tmp_path) == set()  # GX's own store id file is not a result


def test_a_relation_checked_per_pack_and_whole_has_every_rule_in_its_one_suite(tmp_path):
    """dim_pack is checked twice by the warehouse gate (its references per pack, its key whole):
    the stored suite Data Docs shows holds the rules of both, not whichever was stored last."""
    from expectations import _gx, mart_gate
    from expectations.docs import build_data_docs

    checks = [r for r in mart_gate.RELATIONS if r.name == "dim_pack"]
    assert len(checks) == 2
    rule_names = {rule.name for relation in checks for rule in relation.rules}
    assert all(len(rule_names) > len(r.rules) for r in checks)
    build_data_docs(tmp_path)
    suite = _gx.docs_context(tmp_path).suites.get("warehouse.dim_pack")
    assert len(suite.expectations) == len(rule_names)
    assert _gx.all_suite_names().count("warehouse.dim_pack") == 1
