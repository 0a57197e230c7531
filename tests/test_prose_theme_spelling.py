"""A complaint theme a sentence names takes the spelling of the table printed nearest before it.

Pack 000 prints the theme twice, spelt two ways that read alike: the adults' table at line 1944
('Staff Attitude/Treatment of Customer') and the children's at line 2412 ('Staff Attitude/
Treatment of Customer (3 from Young People)'). The sentence at line 1955 ('Of the 25 complaints
made, only 5 were upheld') follows the adults' table, the one at line 2422 the children's: each
fact carries its own table's spelling, in every build (the pick used to be any of the two).
"""

PACK_000 = "000_afcc9b490f65a2f9.txt"


def _themes(con, line: int) -> set[tuple[str, str, float]]:
    rows = con.execute(
        """
        select f.measure, f.theme, f.value
        from marts.fct_complaints f join marts.dim_pack p using (pack_id)
        where p.file_name = ? and f.source_line = ? and f.source_kind = 'prose'
          and f.theme is not null
        """,
        [PACK_000, line],
    ).fetchall()
    return set(rows)


def test_the_adults_sentence_takes_the_adults_tables_spelling(marts_con):
    assert _themes(marts_con, 1955) == {
        ("complaints_received", "Staff Attitude/Treatment of Customer", 25.0),
        ("complaints_upheld", "Staff Attitude/Treatment of Customer", 5.0),
    }


def test_the_childrens_sentence_takes_the_childrens_tables_spelling(marts_con):
    assert _themes(marts_con, 2422) == {
        ("complaints_upheld", "Staff Attitude/ Treatment of Customer", 1.0),
        ("complaints_partially_upheld", "Staff Attitude/ Treatment of Customer", 2.0),
    }
