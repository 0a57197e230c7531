-- Check: the percentages of one printed row that share out one whole (seed measure_catalogue
-- share_group: the outcomes and response times of complaints) add up to 100, give or take half a
-- point of rounding per figure. Above 100 is an error of the table (severity warning). Below 100
-- may be cases the table leaves out, such as complaints still open: no finding when the caption
-- or the sentences introducing the table say so (seed share_gap_notes), else severity info.
-- Shares are summed per row and subject (subject_key: one area, one period).
with shares as (
    select f.pack_id, f.source_table_id, f.source_row, f.source_part, f.subject_key, f.period_id, m.share_group,
           f.value, f.source_line, f.row_label
    from {{ batch(ref('int_facts')) }} f
    join {{ ref('measure_catalogue') }} m using (measure)
    where m.share_group is not null and m.share_group <> '' and f.value is not null
),
explained as (
    -- tables whose own words say their shares leave cases out
    select distinct c.table_id
    from {{ batch(ref('int_table_captions')) }} c
    left join {{ batch(ref('int_table_lead_ins')) }} l using (table_id)
    join {{ ref('share_gap_notes') }} n
      on {{ regexp_matches_seed("concat_ws(' / ', c.caption_text, l.lead_in_text)", 'n.pattern', ref('share_gap_notes')) }}
),
rows as (
    select
        pack_id, source_table_id, source_row, source_part, subject_key, period_id, share_group,
        count(*) as n_shares,
        sum(value) as total,
        max(row_label) as row_label,
        array_to_string(list_sort(list(distinct source_line)), ',') as source_lines
    from shares
    group by all
)
select
    pack_id,
    'shares_sum_to_100' as check_name,
    case when total > 100 then 'warning' else 'info' end as severity,
    source_table_id,
    source_lines,
    null::varchar as measure,
    period_id,
    100.0 as expected_value,
    total as observed_value,
    concat_ws('|', source_table_id, source_row, source_part, subject_key, share_group) as finding_key,
    'The ' || n_shares || ' percentages of ''' || coalesce(row_label, '?') || ''' (' || period_id
        || ') add up to ' || {{ fmt_num('total') }} || '%, not 100%'
        || case when total < 100 then ' (cases left out of the table, e.g. still open?)' else '' end as detail
from rows
where n_shares >= 2
  and abs(total - 100) > greatest(1.0, 0.5 * n_shares)
  and (total > 100 or source_table_id not in (select table_id from explained))
