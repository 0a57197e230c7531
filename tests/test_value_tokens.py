"""One list of no-value tokens ('-', 'NIL', 'N/A', 'Not Applicable', 'TBC'...): the dbt seed
value_tokens, read by ingest (cell kinds, caption fillers) and by dbt (int_cell_atoms,
int_table_rows) alike. Every token is no value in both; every other text in neither."""

from __future__ import annotations

import pytest

from ingest import cells, value_tokens
from ingest.captions import FILLER, line_kind, phrases
from tests.conftest import pack_path

# printed as in the sample packs, and as other councils print them
TOKENS = [
    ("-", "none"),
    ("--", "none"),
    ("–", "none"),
    ("—", "none"),
    ("NIL", "none"),
    ("Nil.", "none"),
    ("None", "none"),
    ("N/A", "not_applicable"),
    ("n/a", "not_applicable"),
    ("N / A", "not_applicable"),
    ("NA", "not_applicable"),
    ("Not Applicable", "not_applicable"),
    ("Not Applicable.", "not_applicable"),
    ("Not known", "unknown"),
    ("Unknown", "unknown"),
    ("N/K", "unknown"),
    ("TBC", "unknown"),
    ("To be confirmed", "unknown"),
    ("*", "suppressed"),
    ("<5", "suppressed"),
]
# texts that hold a token's word but are no token: a value, a label, a sentence
NOT_TOKENS = [
    "0",
    "-5",
    "---",
    "None of the above",
    "N/A in 2019",
    "Not known yet",
    "Nilsson House",
    "TBC by March",
    "***",
    "Unknown outcome",
    "Applicable",
    "National",
]


@pytest.mark.parametrize(("text", "meaning"), TOKENS)
def test_ingest_reads_every_token_as_no_value(text, meaning):
    assert value_tokens.is_no_value(text)
    assert cells.cell_kind(text) == "placeholder"
    assert cells.is_value(text)  # a no-value cell stands in a value's place (body, not header)


@pytest.mark.parametrize("text", NOT_TOKENS)
def test_ingest_reads_no_other_text_as_a_token(text):
    assert not value_tokens.is_no_value(text)
    assert cells.cell_kind(text) != "placeholder"


def test_a_token_alone_on_a_line_is_a_report_answer_not_a_caption():
    for text in ("N/A", "Not Applicable.", "TBC", "None.", "Yes."):
        assert line_kind(text, phrases()) == FILLER, text
    assert line_kind("Not Applicable to this report", phrases()) != FILLER


def test_dbt_reads_the_same_list_the_same_way(marts_con):
    """The seed as dbt loaded it, matched by DuckDB's regexp_matches as int_cell_atoms does:
    the same meaning as ingest for every token and no meaning for every other text."""
    rows = marts_con.execute("select pattern, meaning from reference.value_tokens").fetchall()
    assert sorted(rows) == sorted((r["pattern"], r["meaning"]) for r in value_tokens.token_rows())
    for text, meaning in [*TOKENS, *((t, None) for t in NOT_TOKENS)]:
        found = marts_con.execute(
            "select min(meaning) from reference.value_tokens where regexp_matches(?, pattern)",
            [text],
        ).fetchone()[0]
        assert found == meaning, text
        assert value_tokens.is_no_value(text) == (meaning is not None), text


def test_a_not_applicable_cell_is_no_text_of_its_row(marts_con):
    """Pack 004 line 1497: 'Specialist Safeguarding Team | Refusal to Investigate | Not
    Applicable | Not Applicable' (LGO decisions by service). What the row says is 'Refusal to
    Investigate'; the two 'Not Applicable' cells are no-value tokens, as ingest reads them."""
    line = pack_path("004").read_text(encoding="utf-8").splitlines()[1497 - 1]
    printed = line.split("\t")
    assert printed == [
        "Specialist Safeguarding Team",
        "Refusal to Investigate",
        "Not Applicable",
        "Not Applicable",
    ]
    assert [cells.cell_kind(c) for c in printed[2:]] == ["placeholder", "placeholder"]
    row_text = marts_con.execute(
        """
        select r.row_text_cells
        from intermediate.int_table_rows r
        join staging.stg_packs p using (pack_id)
        where p.file_name like '004%' and r.first_line = 1497
        """
    ).fetchall()
    assert row_text == [("Refusal to Investigate",)]
