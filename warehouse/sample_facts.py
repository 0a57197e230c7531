"""Print a random sample of published facts beside the line they were printed on.

    make sample-facts N=40 SEED=7            # or: python -m warehouse.sample_facts --n 40 --seed 7

For each fact: its domain, value (as a number and as printed), measure and what it means,
period (and where the period was read from), value type, the subject fields (council, service,
theme, breakdown...), then the printed line itself, the table's header lines and caption. An
auditor reads the meaning beside the print and marks each fact right or wrong, in minutes.

The sample is deterministic for a given warehouse and seed (facts are ordered by a hash of
their id and the seed) and split evenly between the fact domains, so every domain is audited.
The warehouse is opened read-only, like any BI reader.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

import duckdb

from warehouse import settings
from warehouse.bi import columns, fact_id_column, fact_tables

PERIOD_FIELDS = ("period_id", "period_type", "period_start", "period_end", "as_of_date")
SUBJECT_FIELDS = (
    "subject_council",
    "subject_council_source",
    "service_area",
    "service_code",
    "service_text",
    "provider_commissioner",
    "theme",
    "stage",
    "procedure",
    "segment",
    "district",
    "breakdown",
    "age_band",
    "row_label",
    "column_name",
)
DECISION_FIELDS = ("kind", "reference", "title", "decision_date", "decision_maker", "status")
WIDTH = 110


def sample(con, n: int, seed: int, domain: str | None = None) -> list[dict]:
    """n facts (split evenly between domains), each a dict of its published columns plus
    `domain`, `fact_id`, `line_text`, `caption`, `header_lines` and `file_name`."""
    tables = {d: t for d, t in fact_tables(con).items() if domain in (None, d)}
    if not tables:
        return []
    per_domain = _split(n, len(tables))
    picked: list[dict] = []
    for (name, table), quota in zip(tables.items(), per_domain, strict=True):
        if quota:
            picked += _sample_table(con, name, table, quota, seed)
    return picked


def _split(n: int, k: int) -> list[int]:
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


def _sample_table(con, domain: str, table: str, n: int, seed: int) -> list[dict]:
    id_column = fact_id_column(con, table)
    present = columns(con, table)
    table_join = "source_table_id" in present
    query = f"""
        SELECT f.*, '{domain}' AS domain, f.{id_column}::VARCHAR AS fact_id_,
               p.file_name, l.text AS line_text,
               {
        "t.caption, t.as_of_text, t.header_first_line, t.header_last_line"
        if table_join
        else "NULL AS caption, NULL AS as_of_text, NULL AS header_first_line,"
        " NULL AS header_last_line"
    }
        FROM {table} AS f
        LEFT JOIN provenance.packs AS p ON p.pack_id = f.pack_id
        LEFT JOIN provenance.lines AS l ON l.pack_id = f.pack_id AND l.line_number = f.source_line
        {"LEFT JOIN provenance.tables AS t ON t.table_id = f.source_table_id" if table_join else ""}
        ORDER BY md5(f.{id_column}::VARCHAR || ':' || ?::VARCHAR)
        LIMIT ?
    """
    cursor = con.execute(query, [seed, n])
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        row["fact_id"] = row.pop("fact_id_")
        row["header_lines"] = _lines(
            con, row["pack_id"], row.get("header_first_line"), row.get("header_last_line")
        )
    return rows


def _lines(con, pack_id: str, first: int | None, last: int | None) -> list[tuple[int, str]]:
    if first is None:
        return []
    return con.execute(
        "SELECT line_number, text FROM provenance.lines WHERE pack_id = ? "
        "AND line_number BETWEEN ? AND ? ORDER BY line_number",
        [pack_id, first, last if last is not None else first],
    ).fetchall()


def measure_descriptions(con) -> dict[str, str]:
    try:
        return dict(
            con.execute("SELECT measure_code, description FROM marts.dim_measure").fetchall()
        )
    except duckdb.Error:
        return {}


# --------------------------------------------------------------------------- printing


def _show(text: object) -> str:
    """A printed line made visible: TABs as ' ⇥ ', long lines cut."""
    shown = str(text).replace("\t", " ⇥ ")
    return shown if len(shown) <= 400 else shown[:400] + " …"


def _fields(fact: dict, names: tuple[str, ...]) -> str:
    return "; ".join(f"{k} {fact[k]}" for k in names if fact.get(k) not in (None, ""))


def render(fact: dict, index: int, total: int, measures: dict[str, str]) -> str:
    head = (
        f"[{index}/{total}] {fact['domain']}  fact {fact['fact_id']}  "
        f"{fact.get('file_name') or fact['pack_id']} line {fact.get('source_line')}"
    )
    out = [head, "-" * min(len(head), WIDTH)]
    if "measure" in fact:
        printed = fact.get("value_text")
        out.append(
            f"  value      {fact.get('value')} {fact.get('unit') or ''}   printed {printed!r}"
            + (f"   ({fact['value_status']})" if fact.get("value_status") else "")
        )
        # a bound ('drop below 30': under 30) or a change's earlier figure: part of what it says
        bound = _fields(
            fact, ("value_qualifier", "value_high", "comparison_value", "comparison_period_id")
        )
        if bound:
            out.append(f"  bound      {bound}")
        meaning = measures.get(fact["measure"], "")
        source = f"  [from {fact['measure_source']}]" if fact.get("measure_source") else ""
        if fact.get("measure_text") and fact.get("measure_source") == "label":
            source += f" {textwrap.shorten(str(fact['measure_text']), 80, placeholder=' …')!r}"
        out.append(f"  measure    {fact['measure']} — {meaning}{source}")
        if fact.get("component"):
            out.append(f"  component  {fact['component']}")
        if fact.get("value_type"):
            out.append(f"  value_type {fact['value_type']}")
        period = _fields(fact, PERIOD_FIELDS)
        if fact.get("period_source"):
            period += f"  [from {fact['period_source']}]"
        out.append(f"  period     {period}")
        out.append(f"  subject    {_fields(fact, SUBJECT_FIELDS)}")
    else:
        out.append(f"  decision   {_fields(fact, DECISION_FIELDS)}")
    out.append(f"  line {fact.get('source_line')}: {_show(fact.get('line_text'))}")
    for number, text in fact.get("header_lines") or []:
        out.append(f"  header {number}: {_show(text)}")
    for label in ("caption", "as_of_text"):
        if fact.get(label):
            wrapped = textwrap.shorten(str(fact[label]), 600, placeholder=" …")
            out.append(f"  {label}: {wrapped}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warehouse", default=str(settings.warehouse_dir()))
    parser.add_argument("--db", help="a published council.duckdb (default: <warehouse>/...)")
    parser.add_argument("--n", type=int, default=40, help="facts to show (split by domain)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--domain", help="only this domain (complaints, placements, ...)")
    args = parser.parse_args(argv)
    db = Path(args.db) if args.db else settings.published_db(args.warehouse)
    if not db.exists():
        print(f"no published warehouse at {db}: run `make warehouse` first", file=sys.stderr)
        return 2
    con = duckdb.connect(str(db), read_only=True)
    try:
        facts = sample(con, args.n, args.seed, args.domain)
        measures = measure_descriptions(con)
        for i, fact in enumerate(facts, 1):
            print(render(fact, i, len(facts), measures))
            print()
    finally:
        con.close()
    print(f"{len(facts)} fact(s) from {db} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
