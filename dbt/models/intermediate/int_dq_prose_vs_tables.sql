-- Check: a figure printed in a sentence disagrees with the table figures for the same measure,
-- council, period and service area in the same pack (e.g. a cover report's 'reduced from 40 to
-- only 25' against its appendix table's 9 upheld + 19 partially upheld), one finding per prose
-- figure and table. Only exact prose figures (no 'over', 'about'...) whose sentence names the whole
-- service (or, read with no service area, the whole council) and no part of it (seed prose_subject_cues: whole_service, subset; and no
-- theme or segment read for it, int_prose_parts) are compared, and only with whole-service
-- table figures (total rows, measure rows, key:value cells:
-- not a theme, segment or sub-service; of the prose figure's stage, or none when it names
-- none); a combined 'upheld or partially upheld' count is
-- compared with the sum of a table column's upheld and partially upheld figures. Percentages
-- agree within 1 point. A sentence total that equals the sum of the same measure over the pack's
-- tables of the whole service and of its segments (a council's own services in one table, a
-- partner trust's in the next: '36 complaints' = 28 + 8) agrees.
-- A waiting-times figure printed in a sentence about one service ('1,486 children were waiting
-- for speech and language therapy at 30 June 2024') is compared with the one figure the pack's
-- tables print for that service, measure and date (no part of it: no age band, district or
-- segment); tables printing two different figures for it say nothing.
with cues as (
    select subject, pattern from {{ ref('prose_subject_cues') }}
),
prose as (
    select f.*
    from {{ batch(ref('int_prose_facts')) }} f
    where f.value_type = 'actual' and f.value_qualifier is null and f.role in ('level', 'to')
      and f.theme is null and f.segment is null
      -- a sentence naming the whole service (its area's figures), or with no area the whole
      -- council and the figure's period ('The Council received 2,146 compliments in 2024/25':
      -- the council-wide figures; a period guessed from the report is no ground for a finding)
      and (f.service_area is not null or f.period_source = 'sentence')
      and (exists (select 1 from cues c
                   where c.subject = case when f.service_area is null then 'whole_council' else 'whole_service' end
                     and {{ regexp_matches_seed('f.value_text', 'c.pattern', ref('prose_subject_cues')) }})
           -- ... or a measure that is the whole council's by its own words, printed with its own
           -- day and no part read for it ('At 30 September 2025 there were 316 looked after
           -- children': var whole_council_measures)
           or (f.measure in ('{{ var("whole_council_measures") | join("', '") }}')
               and f.period_source = 'sentence' and f.breakdown is null and f.stage is null))
      and not exists (select 1 from cues c where c.subject = 'subset' and {{ regexp_matches_seed('f.value_text', 'c.pattern', ref('prose_subject_cues')) }})
),
whole as (
    select pack_id, source_table_id, source_row, source_col, source_line, measure, value, unit,
           period_id, service_area, stage
    from {{ batch(ref('int_facts')) }}
    where value is not null and value_type = 'actual' and row_role <> 'comparison'
      and theme is null and segment is null and row_service_code is null
      -- (nor a part of the council a caption opens with: 'Table 2: Resources Directorate - ...')
      and breakdown is null
      and (row_role = 'total' or row_measure is not null or cell_key is not null)
),
segment_sums as (   -- one figure per table: the whole service's table plus each segment's table
    select pack_id, measure, period_id, service_area, sum(value) as value
    from (
        select pack_id, source_table_id, measure, period_id, service_area, any_value(value) as value
        from {{ batch(ref('int_facts')) }}
        where value is not null and value_type = 'actual' and row_role <> 'comparison'
          and theme is null and stage is null and row_service_code is null
          and (row_role = 'total' or row_measure is not null or cell_key is not null)
        group by all
        having count(distinct value) = 1
    ) per_table
    group by all
    having count(*) > 1
),
combined as (   -- upheld + partially upheld printed in one column for one period
    select pack_id, source_table_id, min(source_line) as source_line,
           'complaints_upheld_or_partially_upheld' as measure, sum(value) as value, 'count' as unit,
           period_id, service_area, stage
    from whole
    where measure in ('complaints_upheld', 'complaints_partially_upheld')
    group by pack_id, source_table_id, source_col, period_id, service_area, stage
    having count(*) = 2 and count(distinct measure) = 2
),
tables as (
    select pack_id, source_table_id, source_line, measure, value, unit, period_id, service_area, stage from whole
    union all
    select pack_id, source_table_id, source_line, measure, value, unit, period_id, service_area, stage from combined
),
compared as (
    select
        p.pack_id, p.fact_id, p.source_line as prose_line, p.measure, p.value as prose_value, p.unit,
        p.period_id, p.service_area, p.number_text,
        list(distinct t.value order by t.value) as table_values,
        list(distinct t.source_line order by t.source_line) as table_lines,
        t.source_table_id as table_ids,
        bool_or(abs(t.value - p.value) < case when p.unit = 'percent' then 1 else 0.001 end) as agrees
    from prose p
    join tables t
      on t.pack_id = p.pack_id and t.measure = p.measure and t.period_id = p.period_id
     and t.service_area is not distinct from p.service_area
     -- a figure of one stage ('177 Stage 1 complaints') with the tables' figures of that stage,
     -- one of none with theirs
     and t.stage is not distinct from p.stage
    -- a sentence that prints the table's figure too is breaking the figure down, not contradicting
    -- it ('36 complaints ..., 28 were regarding County Council services')
    where not exists (
        select 1 from {{ batch(ref('stg_prose_numbers')) }} n
        where n.pack_id = p.pack_id and n.sentence_first_line = p.sentence_first_line
          and n.mention_seq <> p.mention_seq and n.skip_reason is null and n.value = t.value)
    group by all
),
service_prose as (
    select f.*
    from {{ batch(ref('int_prose_facts')) }} f
    where f.domain = 'waiting_times' and f.value_type = 'actual' and f.value_qualifier is null
      and f.role in ('level', 'to') and f.service_code is not null
      and f.segment is null and f.breakdown is null and f.theme is null
      -- a bracketed part of a figure ('(84 for SLT and 138 for OT)') is a part of what it counts
      and f.measure_source is distinct from 'breakdown'
      and f.subject_council_gss = f.reporting_council_gss   -- not an area of several councils
      -- a service its own sentence names, not one read from the prose before it ('34 young
      -- people were waiting for treatment from the eating disorder service' after a sentence on
      -- CAMHS: a part of it, maybe)
      and {{ top_service_named('f.value_text') }} is not null
),
service_tables as (   -- the one figure the tables print for a service, measure and date
    -- (and service area: adults waiting for an ADHD assessment are none of a children's table)
    select pack_id, service_code, service_area, measure, period_id, any_value(value) as value,
           list(distinct source_line order by source_line) as table_lines,
           string_agg(distinct source_table_id, ',' order by source_table_id) as table_ids
    from {{ batch(ref('int_facts')) }}
    where domain = 'waiting_times' and value is not null and value_type = 'actual'
      and row_role <> 'comparison' and service_code is not null
      and age_band is null and district is null and segment is null and theme is null
      and subject_council_gss = reporting_council_gss
    group by all
    having count(distinct value) = 1
),
service_compared as (
    select p.pack_id, p.source_line as prose_line, p.measure, p.value as prose_value, p.unit,
           p.period_id, p.service_code, p.number_text, [t.value] as table_values, t.table_lines, t.table_ids
    from service_prose p
    join service_tables t
      on t.pack_id = p.pack_id and t.service_code = p.service_code and t.measure = p.measure
     and t.period_id = p.period_id and t.service_area is not distinct from p.service_area
    where abs(t.value - p.value) >= case when p.unit = 'percent' then 1 else 0.001 end
),
-- both comparisons' disagreements, with what each is about: a service area ('prose') or a
-- service ('prose_service')
disagreements as (
    select pack_id, prose_line, measure, period_id, prose_value, number_text, table_values,
           table_lines, table_ids, 'prose' as compared_by, service_area as subject
    from compared c
    where not agrees
      and not exists (
        select 1 from segment_sums s
        where s.pack_id = c.pack_id and s.measure = c.measure and s.period_id = c.period_id
          and s.service_area is not distinct from c.service_area and abs(s.value - c.prose_value) < 0.001)
    union all
    select pack_id, prose_line, measure, period_id, prose_value, number_text, table_values,
           table_lines, table_ids, 'prose_service', service_code
    from service_compared
)
select
    pack_id,
    'prose_figure_disagrees_with_table' as check_name,
    'warning' as severity,
    table_ids as source_table_id,
    array_to_string(list_sort(list_distinct(list_prepend(prose_line, table_lines))), ',') as source_lines,
    measure,
    period_id,
    table_values[1] as expected_value,
    prose_value as observed_value,
    concat_ws('|', compared_by, prose_line, measure, period_id, subject, table_ids) as finding_key,
    -- (a figure of no one subject names none: its detail is no null)
    'Line ' || prose_line || ' prints ''' || number_text || ''' (' || measure || coalesce(', ' || subject, '')
        || ', ' || period_id || ') but the table on line(s) ' || array_to_string(table_lines, ', ') || ' prints '
        || array_to_string(table_values, ' / ') as detail
from disagreements
