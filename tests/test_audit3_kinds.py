"""Kinds of error the third audit of the published facts found in prose facts
(docs/audit/2026-11-30-facts.md, audit 3), each tested on the bundled sample packs and on a
small layout of another council's wording (tests/data/audit3_layouts, an invented council):

* a share of complaints printed in a sentence is a share of what the words after it name ('47%
  of complaints received were regarding case management of cases and 27% were regarding poor
  communication'): that is its theme (a theme of the pack's tables when the words start with
  one), not dropped; a share 'in respect of the Brokerage Service' is by service, no theme;
* the complaints stage named in a figure's clause ('a 40% decrease in Stage 1 Statutory
  Complaints', 'the Local Investigation of complaints') is kept; a heading's stage is not (an
  ombudsman figure under a 'Local Investigation' chapter is no stage 1 figure);
* a count 'in respect of this' counts the matter the sentence before names, a part the sentence
  does not name: not a fact of the whole service.
"""

from __future__ import annotations

import duckdb
import pytest


@pytest.fixture(scope="module")
def layouts(layouts_built):
    """The audit3 layouts, built by dbt with every other test layout (conftest)."""
    connection = duckdb.connect(str(layouts_built["db"]), read_only=True)
    yield connection
    connection.close()


def prose(con, pack: str, line: int, **where) -> list[dict]:
    """The prose facts of marts.fct_complaints printed on `line` of the pack whose file name
    starts with `pack`, optionally narrowed by column = value, ordered by value."""
    extra = "".join(f" and f.{column} = ?" for column in where)
    cursor = con.execute(
        "select f.* from marts.fct_complaints f join marts.dim_pack p using (pack_id) "
        f"where p.file_name like ? and f.source_line = ? and f.source_kind = 'prose'{extra} "
        "order by f.value",
        [f"{pack}%", line, *where.values()],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def one(con, pack: str, line: int, **where) -> dict:
    found = prose(con, pack, line, **where)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- shares


def test_a_shares_theme_is_what_the_words_after_it_name(marts_con, layouts):
    # 004 l.680 '47% of complaints received were regarding case management of cases and 27% were
    # regarding poor communication from staff.' (North Division of the partner trust)
    shares = prose(marts_con, "004", 680, measure="complaints_share_pct")
    assert [(f["value"], f["theme"]) for f in shares] == [
        (27, "Poor communication"),
        (47, "Case Management"),
    ]
    assert {f["segment"] for f in shares} == {"nhs_partnership_trust,north"}
    # l.463 '18% of complaints received related to Case Management (this is in respect of ...)'
    case_management = one(marts_con, "004", 463, measure="complaints_share_pct")
    assert (case_management["value"], case_management["theme"]) == (18, "Case Management")
    # words that start with no table theme are the theme themselves: l.490 '18% of complaints
    # were in respect of the quality / outcome of a social care assessment'
    assessment = one(marts_con, "004", 490, measure="complaints_share_pct", value=18)
    assert assessment["theme"] == "quality / outcome of a social care assessment"
    # another wording: 'related to delay in assessment and 19% were in respect of the cost of
    # day care' (the first a theme of the layout's table)
    layout_shares = prose(layouts, "303", 21, measure="complaints_share_pct")
    assert [(f["value"], f["theme"]) for f in layout_shares] == [
        (19, "cost of day care"),
        (31, "Delay in assessment"),
    ]


def test_a_share_by_service_has_no_theme(marts_con, layouts):
    # 004 l.368 '11% of the complaints received were in respect of the Brokerage Service.'
    brokerage = one(marts_con, "004", 368, measure="complaints_share_pct")
    assert (brokerage["value"], brokerage["service_code"], brokerage["theme"]) == (
        11,
        "brokerage",
        None,
    )
    # another wording: '40% of the complaints received were regarding the Reablement Service.'
    reablement = one(layouts, "303", 23, measure="complaints_share_pct")
    assert (reablement["value"], reablement["theme"]) == (40, None)


# --------------------------------------------------------------------------- stages


def test_the_stage_a_figures_clause_names_is_kept(marts_con, layouts):
    # 004 l.1158 'The data above reports a 40% decrease in Stage 1 Statutory Complaints ...'
    statutory = one(marts_con, "004", 1158, measure="complaints_received")
    assert (statutory["value"], statutory["value_type"], statutory["stage"]) == (-40, "change", "1")
    assert statutory["procedure"] == "statutory"
    # l.1333 'a 2% decrease in Corporate Stage 1 Complaints this reporting year'
    corporate = one(marts_con, "004", 1333, measure="complaints_received")
    assert (corporate["value"], corporate["stage"], corporate["procedure"]) == (
        -2,
        "1",
        "corporate",
    )
    # l.1019 'There is a timescale to respond to Stage 1 complaints, of up to 20 working days.'
    timescale = one(marts_con, "004", 1019, measure="complaints_response_timescale_days")
    assert (timescale["value"], timescale["stage"]) == (20, "1")
    # l.392 'a 28% increase in the Local Investigation of complaints' (the pack's 'Stage 1 -
    # Local Investigation')
    local = one(marts_con, "004", 392, measure="complaints_received", value=28)
    assert local["stage"] == "1"
    # a figure in parentheses takes its sentence's one stage: l.378 '208 complaints that have
    # been directed for Local Investigation (160 County Council and 48 Partnership Trust)'
    trust = one(marts_con, "004", 378, measure="complaints_received", value=48)
    assert (trust["segment"], trust["stage"]) == ("nhs_partnership_trust", "1")
    # a clause naming two stages names none: l.1309 '... all three complaints which progressed
    # to a Stage 3 Complaints Review Panel, are linked to the five Stage 2 Investigations'
    five = one(marts_con, "004", 1309, measure="stage2_investigations")
    assert (five["value"], five["stage"]) == (5, None)
    # another wording: 'The team recorded 47 complaints at Stage 1 of the statutory procedure'
    recorded = one(layouts, "303", 27, measure="complaints_received")
    assert (recorded["value"], recorded["stage"], recorded["procedure"]) == (47, "1", "statutory")


def test_a_headings_stage_is_not_a_figures_stage(marts_con):
    # l.384 '... undertook 5 Independent Investigations' and l.794 '36 complaints which have
    # been referred to the LGSCO', printed under the adults' Local Investigation chapter
    independent = one(marts_con, "004", 384, measure="complaints_independent_investigations")
    assert (independent["value"], independent["stage"]) == (5, None)
    ombudsman = one(marts_con, "004", 794, measure="ombudsman_enquiries", value=36)
    assert ombudsman["stage"] is None


# --------------------------------------------------------------------------- subsets


def test_a_count_in_respect_of_this_is_no_whole_service_fact(marts_con, layouts):
    # 004 l.796 '... a 57% increase in complaints considered by the Ombudsman. ... The Council
    # received 10 complaints from the LGSCO in respect of this.': the 10 are about the couples'
    # financial re-assessments (of the 36 of l.388), not every ombudsman complaint
    ombudsman = prose(marts_con, "004", 796, measure="ombudsman_enquiries")
    assert [(f["value"], f["value_type"]) for f in ombudsman] == [(57, "change")]
    whole = one(marts_con, "004", 388, measure="ombudsman_enquiries")
    assert whole["value"] == 36
    # another wording: 'The Council received 5 complaints from the Ombudsman in respect of this.'
    assert prose(layouts, "303", 33) == []
    considered = one(layouts, "303", 31, measure="ombudsman_enquiries")
    assert considered["value"] == 12
