{{ config(materialized='view') }}
-- Check across packs: one figure (figure_key) printed in two packs with different values - a
-- re-issued or corrected pack, a supplement, the same report to two committees, or a later
-- report's figure for an earlier year. Reported on the later pack (by meeting date), naming the
-- printing before it in another pack and its line (int_figure_printing_chain): one row per
-- change of a figure's printed value, not per pair of packs.
select
    pack_id,
    'same_figure_differs_between_packs' as check_name,
    'error' as severity,
    source_table_id,
    source_lines,
    measure,
    period_id,
    previous_value as expected_value,
    value as observed_value,
    previous_pack_id as related_pack_id,
    previous_source_lines as related_source_lines,
    figure_key,
    concat_ws('|', figure_key, previous_pack_id) as finding_key,
    measure || ' (' || period_id || ') is printed as ' || {{ fmt_num('value') }} || ' here (line ' || source_lines
        || ') but as ' || {{ fmt_num('previous_value') }} || ' in ' || previous_file_name || ' (line ' || previous_source_lines
        || ')' as detail
from {{ ref('int_figure_printing_chain') }}
where not agrees
