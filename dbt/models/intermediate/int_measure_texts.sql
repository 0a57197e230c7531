{{ config(meta={'rows_by_pack': false}) }}  {#- no pack_id: its rows are kept by text, not deleted by pack #}
-- A lookup, incremental by text (not by pack: it has no pack_id). The best measure for every distinct (domain, text, kind) a value can inherit its meaning from:
-- a cell key, a column header, a row label (+ its other text cells), a caption, the sentences
-- introducing the table (int_table_lead_ins), a heading above the table or the document title.
-- Matching is by seed measure_patterns (regex, priority); captions and introducing sentences only
-- use patterns whose scope is 'caption' or 'any' (a legend such as 'PU - Partially Upheld' under a
-- caption must not define the table), and a caption alone those whose scope is 'caption_only'; fallback texts (headings above the table, the document
-- title) only use scope 'any'. A label is matched without the period it opens with ('Jul-25 Over
-- 18 wks': a column under a month printed over its columns). A measure must suit the kind of value: a
-- percentage cell takes a percent measure, any other number a measure that is not a percentage.
with texts as (
    select distinct d.domain, x.slot, x.text
    from (
        select table_id, 'label' as slot, cell_key as text from {{ ref('int_cell_atoms') }} where {{ in_batch('pack_id') }}
        union all
        select table_id, 'label', column_name from {{ ref('int_cell_atoms') }} where {{ in_batch('pack_id') }}
        union all
        select table_id, 'label', concat_ws(' | ', row_label, row_text_cells) from {{ ref('int_table_rows') }}
        where {{ in_batch('pack_id') }}
        union all
        select table_id, 'caption', caption_text from {{ ref('int_table_captions') }} where {{ in_batch('pack_id') }}
        union all
        select table_id, 'lead_in', lead_in_text from {{ ref('int_table_lead_ins') }} where {{ in_batch('pack_id') }}
        union all
        select table_id, 'fallback', context_text from {{ ref('int_tables') }} where {{ in_batch('pack_id') }}
        union all
        select table_id, 'fallback', document_title from {{ ref('int_tables') }} where {{ in_batch('pack_id') }}
    ) x
    join {{ ref('int_table_domains') }} d using (table_id)
    where x.text is not null and trim(x.text) <> ''
    {% if is_incremental() %}
      -- a lookup keyed by text, not by pack: texts already matched stay (their meaning depends
      -- on the seeds alone, and a seed change rebuilds everything with --full-refresh)
      and not exists (select 1 from {{ this }} m where m.domain = d.domain and m.slot = x.slot and m.text = x.text)
    {% endif %}
    union
    -- a row label in the warehouse's other domains too: a scorecard's rows name measures of
    -- several ('Complaints - Stage 1 received', 'CAMHS - referrals waiting', 'Number of children
    -- in care': int_observations.row_domains)
    select o.domain, 'label', concat_ws(' | ', r.row_label, r.row_text_cells)
    from {{ ref('int_table_rows') }} r
    join {{ ref('int_table_domains') }} d using (table_id)
    cross join (select unnest(['{{ measured_domains() | join("', '") }}']) as domain) o
    where {{ in_batch('r.pack_id') }} and r.row_label is not null
      and d.domain in ('{{ measured_domains() | join("', '") }}') and o.domain <> d.domain
    {% if is_incremental() %}
      and not exists (select 1 from {{ this }} m where m.domain = o.domain and m.slot = 'label'
                      and m.text = concat_ws(' | ', r.row_label, r.row_text_cells))
    {% endif %}
),
kinds as (
    select unnest(['count', 'percent']) as kind
),
matches as (
    select t.domain, t.slot, t.text, k.kind, p.measure, p.priority, length(p.pattern) as specificity
    -- (a row's reference code in a cell of its own is no part of its words: 'CSC9 | Children
    -- looked after (number)' is matched as 'Children looked after (number)'; nor is a caption's
    -- paragraph number: '3.5 Children in care by age band at ...' as 'Children in care by ...')
    from (select *, case when slot = 'label'
                         then regexp_replace({{ without_period_prefix('text') }},
                                             '{{ var("label_reference_code") }}', '')
                         when slot = 'caption'
                         then regexp_replace(text, '{{ var("caption_paragraph_number") }}', '')
                         else text end as match_text
          from texts) t
    cross join kinds k
    join {{ ref('measure_patterns') }} p
      on p.domain = t.domain
     and p.value_kind in ('any', k.kind)
     and ((t.slot = 'label' and p.scope <> 'caption_only') or p.scope = 'any'
          or (t.slot in ('caption', 'lead_in') and p.scope = 'caption')
          or (t.slot = 'caption' and p.scope = 'caption_only'))
    join {{ ref('measure_catalogue') }} c
      on c.measure = p.measure and (c.unit = 'percent') = (k.kind = 'percent')
    where {{ regexp_matches_seed('t.match_text', 'p.pattern', ref('measure_patterns')) }}
)
select domain, slot, text, kind,
       arg_max(measure, priority * 1000 + specificity) as measure,
       max(priority) as priority,
       -- every measure the text names at its best priority: a caption naming two at once
       -- ('Entering and leaving care') leaves each row or column to the one it names
       list_sort(list_distinct(list(measure) filter (where priority = top_priority))) as top_measures,
       -- ... and every measure it names at any priority ('Children in our care and rate per
       -- 10,000' names a count beneath its rate)
       list_sort(list_distinct(list(measure))) as all_measures
from (select *, max(priority) over (partition by domain, slot, text, kind) as top_priority from matches)
group by domain, slot, text, kind
