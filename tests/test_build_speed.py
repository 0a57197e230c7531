"""What the small builds were made faster with gives the same answers as what it replaced.

* `regexp_matches_seed` (dbt/macros/patterns.sql): a seed's regular expressions written into the
  SQL as constants give, for every text and every pattern, exactly what
  `regexp_matches(text, pattern_column)` gives: true, false, or null for a null pattern.
* the dbt version the dbt resource reports without running `dbt --version` is the one that
  command prints;
* `make warehouse`'s Dagster storage connections do not flush at each commit, and nothing else
  is changed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import DBT, dbt_target
from warehouse import settings

REPO = Path(__file__).resolve().parents[1]
DBT_DIR = REPO / "dbt"

# Another council's wording, not a sample's lines: what a new pack's sentences could say
TEXTS = [
    "complaints were lodged during the quarter",
    "formal complaints received in 2019/20",
    "the number of new complaints received has increased by",
    "children looked after at the end of March",
    "per cent of referrals were seen within 18 weeks",
    "Nothing here names a measure",
    "",
    None,
]


def _dbt(args: list[str], db: Path, tmp: Path) -> subprocess.CompletedProcess:
    env = settings.dbt_env(db, DBT_LOG_PATH=str(tmp / "logs"))
    common = ["--profiles-dir", str(DBT_DIR), "--target-path", str(dbt_target(tmp))]
    return subprocess.run(
        [str(DBT), *args, *common],
        cwd=DBT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    """A work DB holding only the seed whose patterns are matched (dbt seed, real dbt)."""
    tmp = tmp_path_factory.mktemp("patterns")
    db = settings.work_db(tmp)
    db.parent.mkdir(parents=True, exist_ok=True)
    seeded = _dbt(["seed", "--select", "prose_measure_patterns"], db, tmp)
    assert seeded.returncode == 0, seeded.stdout[-3000:] + seeded.stderr[-2000:]
    return db, tmp


COLUMNS = ("pattern", "sentence_pattern")


def _matching_sql(column: str) -> str:
    texts = ", ".join("(NULL)" if t is None else "('" + t.replace("'", "''") + "')" for t in TEXTS)
    return (
        f"select x.text, p.{column} as pattern, "
        f"regexp_matches(x.text, p.{column}) as joined, "
        f"{{{{ regexp_matches_seed('x.text', 'p.{column}', ref('prose_measure_patterns'), "
        f"'{column}') }}}} as constant "
        f"from (values {texts}) x(text) cross join {{{{ ref('prose_measure_patterns') }}}} p"
    )


@pytest.fixture(scope="module")
def compiled(seeded_db) -> dict[str, str]:
    """The SQL dbt compiles (macros expanded, the seed read at run time) for each column, from
    one `dbt compile --inline` (each dbt command costs seconds of start-up): the queries
    between marker comments."""
    db, tmp = seeded_db
    inline = "\n".join(f"/*<{c}>*/ {_matching_sql(c)} /*</{c}>*/" for c in COLUMNS)
    done = _dbt(["compile", "--quiet", "--inline", inline], db, tmp)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    found = dict(re.findall(r"/\*<(\w+)>\*/(.*?)/\*</\1>\*/", done.stdout, re.DOTALL))
    assert set(found) == set(COLUMNS), done.stdout[-3000:]
    return found


@pytest.mark.parametrize("column", COLUMNS)
def test_seed_patterns_as_constants_match_like_the_joined_column(seeded_db, compiled, column):
    db, _ = seeded_db
    compiled = compiled[column]
    # the patterns were written into the SQL: no pattern is read from the column any more
    assert re.search(r"case p\.\w+\s+when '", compiled), compiled[:2000]
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(compiled).fetchall()
        seed_rows = con.execute("select count(*) from reference.prose_measure_patterns").fetchone()
    finally:
        con.close()
    assert len(rows) == len(TEXTS) * seed_rows[0]
    differing = [r for r in rows if r[2] is not r[3] and r[2] != r[3]]
    assert differing == []
    assert any(r[3] is True for r in rows)  # 'complaints were lodged' is a count of complaints
    assert any(r[3] is False for r in rows)
    if column == "sentence_pattern":  # most rows have none: null, as regexp_matches gives
        assert any(r[1] is None and r[3] is None for r in rows)


def test_dbt_version_without_running_dbt_is_what_dbt_prints():
    from dagster_project.dbt_project import dbt_resource

    printed = subprocess.run(
        [str(DBT), "--version"], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    reported = dbt_resource()._cli_version
    assert f"{reported.major}.{reported.minor}.{reported.micro}" in printed


def test_build_storage_connections_skip_the_flush_and_others_keep_it(tmp_path):
    """Run in a child process: the listener is process-wide, as in `make warehouse`."""
    code = f"""
import sqlite3
from sqlalchemy import create_engine, text
from dagster_project.run_storage import fast_run_storage
path = {str(tmp_path / "runs.db")!r}
before = create_engine("sqlite:///" + path)
with before.connect() as c:
    print(c.execute(text("pragma synchronous")).scalar())
fast_run_storage()
fast_run_storage()  # installing twice is one listener
after = create_engine("sqlite:///" + path)
with after.connect() as c:
    print(c.execute(text("pragma synchronous")).scalar())
    c.execute(text("create table t (x integer)"))
    c.execute(text("insert into t values (41), (1)"))
    c.commit()
plain = sqlite3.connect(path)  # not through SQLAlchemy: SQLite's default
print(plain.execute("pragma synchronous").fetchone()[0])
print(plain.execute("select sum(x) from t").fetchone()[0])
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    full, off, untouched, total = done.stdout.split()
    assert (full, off, untouched) == ("2", "0", "2")  # FULL, OFF, FULL
    assert total == "42"  # what was committed is there
