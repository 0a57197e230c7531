{% set month_run = var('fy_month_run_label') | replace('{month}', month_alternation()) %}
-- What each table column means: a fiscal quarter, a year total, a fiscal year, an as-of date,
-- a value type (target / baseline / actual, seed value_type_patterns), a service area or service
-- (e.g. 'Adult Services 2014/2015'), an age band ('0-4 years'), and what a header alone says
-- (seed label_dimensions: 'Number' holds the figure, 'District (if applicable)' names districts),
-- a month ('Apr-23', 'April 2023'; a month's name alone, 'Apr', takes its year from the period
-- printed around it: int_fact_periods) or a date ('31/03/2023').
-- leaf_name is the last header line of the column ('Moorlands' under the group 'North') and
-- group_name the lines above it.
-- Every meaning depends on the column's header texts alone, so the patterns run once per
-- distinct name (a corpus repeats its column names from pack to pack), then join back.
with cols as (
    select distinct table_id, pack_id, col_index, coalesce(column_name, '') as column_name
    from {{ ref('stg_table_cells') }}
    where not is_header and {{ in_batch('pack_id') }}
),
header_parts as (
    select table_id, col_index,
           arg_max(cell_text, part) filter (where cell_text <> '') as leaf_name,
           string_agg(cell_text, ' ' order by part) filter (where cell_text <> '') as all_parts,
           max(part) as last_part
    from {{ ref('stg_table_cells') }}
    where is_header and {{ in_batch('pack_id') }}  -- the batch's headers, not every pack's
    group by table_id, col_index
),
named as (
    select c.*,
           coalesce(h.leaf_name, nullif(c.column_name, '')) as leaf_name,
           -- the group label printed above the leaf (a merged cell spread over its columns)
           nullif(trim(case when h.leaf_name is not null and c.column_name <> h.leaf_name
                             and ends_with(c.column_name, h.leaf_name)
                            then left(c.column_name, length(c.column_name) - length(h.leaf_name))
                       end), '') as group_name
    from cols c
    left join header_parts h using (table_id, col_index)
),
names as (
    select distinct column_name from cols
),
service_area as (
    select n.column_name, arg_max(p.service_area, p.priority) as service_area
    from names n join {{ ref('service_area_patterns') }} p on {{ regexp_matches_seed('n.column_name', 'p.pattern', ref('service_area_patterns')) }}
    group by all
),
service as (
    select n.column_name, arg_max(p.service_code, p.priority) as service_code
    from names n join {{ ref('service_aliases') }} p on {{ regexp_matches_seed('n.column_name', 'p.pattern', ref('service_aliases')) }}
    group by all
),
value_type as (
    select n.column_name, arg_max(p.value_type, p.priority) as value_type
    from names n join {{ ref('value_type_patterns') }} p on {{ regexp_matches_seed('n.column_name', 'p.pattern', ref('value_type_patterns')) }}
    group by all
),
header_dimension as (
    select n.column_name, min(d.dimension) as dimension
    from names n join {{ ref('label_dimensions') }} d
      on d.target = 'column_name' and {{ regexp_matches_seed('n.column_name', 'd.pattern', ref('label_dimensions')) }}
    group by all
),
meanings as (
    select
        n.column_name,
        -- a change over a span of quarters is dated by its end ('Change Q4 to Q2')
        coalesce({{ quarter_number('n.column_name') }},
                 case when vt.value_type = 'change' then {{ quarter_span_end('n.column_name') }} end) as quarter,
        -- a share of the total ('% of total (Dec)') is no total
        regexp_matches(n.column_name, '(?i)\btotals?\b') and {{ quarter_number('n.column_name') }} is null
            and not regexp_matches(n.column_name, '(?i)\bof\s+(?:the\s+)?totals?\b') as is_total_col,
        -- (a run of months from April, 'Apr-Dec 2025': the fiscal year it is in, so far)
        coalesce({{ fy_start_year('n.column_name') }},
                 case when regexp_matches(n.column_name, '{{ month_run }}')
                      then cast(regexp_extract(n.column_name, '{{ month_run }}', 2) as integer)
                           - case when {{ month_number("regexp_extract(n.column_name, '" ~ month_run ~ "', 1)") }} < 4
                                  then 1 else 0 end end) as fy_start_year,
        {{ as_of_date('n.column_name') }} as as_of_date,
        -- the month a change is counted from is not its own ('Change since March 2023')
        case when not regexp_matches(n.column_name, '{{ month_run }}') and not (vt.value_type = 'change'
                       and regexp_matches(n.column_name, '(?i)\bsince\b|\bcompared\s+(with|to)\b|\s(to|until|–|-)\s'))
             then {{ parse_month_year('n.column_name') }} end as month_start,
        {{ age_band('n.column_name') }} as age_band,
        vt.value_type,
        hd.dimension as header_dimension,
        sa.service_area,
        sv.service_code
    from names n
    left join service_area sa using (column_name)
    left join service sv using (column_name)
    left join value_type vt using (column_name)
    left join header_dimension hd using (column_name)
),
-- a run of months up to a day a column's last header line counts ('Rolling 12 months to Sep 25':
-- 30 September 2025, 12), read once per distinct leaf name
spans as (
    select leaf_name, {{ rolling_span_end('leaf_name') }} as span_end,
           {{ rolling_span_months('leaf_name') }} as span_months
    from (select distinct leaf_name from named where leaf_name is not null)
)
select
    c.table_id,
    c.pack_id,
    c.col_index,
    c.column_name,
    c.leaf_name,
    c.group_name,
    -- a quarter heads the column, or its last header line under a year ('Q2' under '2023/24'),
    -- or is printed in brackets after its value type ('Actual (Q2)', 'Previous (Q1)'), or on the
    -- header line under its year, over the quarter's last month ('2024/25' / 'Q3' / 'Dec 2024')
    coalesce(m.quarter, {{ quarter_number('c.leaf_name') }},
             case when m.value_type = 'change' then {{ quarter_span_end('c.leaf_name') }} end,
             -- a header line over its columns naming a quarter with its year ('Seen in Q2
             -- 2025/26' over '% seen within 18 weeks | Median wait (weeks)')
             {{ quarter_of_year('c.group_name') }},
             -- a name before the column's quarter and year ('Leeds Q2 2025/26' beside 'England
             -- 2024/25'): capitalised words, none saying the column spans or compares quarters
             -- ('Year to date Q2 2025/26', 'Cumulative Q3 2025/26', 'Variance from Q2 2024/25',
             -- 'Q1-Q2 2025/26'), and no change's ('Change since Q2 2024/25': what it is from)
             case when m.value_type is distinct from 'change'
                   and regexp_matches(c.leaf_name, '^\s*(?:[A-Z][A-Za-z''’&.-]*\s+){1,4}(?i:{{ quarter_words_re() }})\s*[1-4]\s+(?:19|20)[0-9]{2}\s*[/–-]\s*[0-9]{2,4}\s*$')
                   and not regexp_matches(c.leaf_name, '(?i)\b(?:{{ var("quarter_span_words") | join("|") }})\b')
                  then {{ quarter_of_year('c.leaf_name') }} end,
             -- ... or its quarter alone ('Hampshire Q2 | Hampshire Q3 | England 2024/25'): the
             -- year is the one printed around the table
             case when m.value_type is distinct from 'change'
                   and not regexp_matches(c.leaf_name, '(?i)\b(?:{{ var("quarter_span_words") | join("|") }})\b')
                  then try_cast(nullif(regexp_extract(c.leaf_name,
                      '^\s*(?:[A-Z][A-Za-z''’&.-]*\s+){1,4}(?i:{{ quarter_words_re() }})\s*([1-4])\s*$', 1), '') as integer) end,
             try_cast(nullif(regexp_extract(c.column_name,
                 '(?i)\(\s*{{ quarter_words_re() }}\s*([1-4])\s*\)', 1), '') as integer),
             try_cast(nullif(regexp_extract(c.column_name,
                 '(?i)^\s*(?:19|20)[0-9]{2}\s*[/–-]\s*[0-9]{2,4}\s+{{ quarter_words_re() }}\s*([1-4])\b', 1), '') as integer))
        as quarter,
    m.is_total_col,
    coalesce(m.fy_start_year, {{ short_fy_label_start('c.leaf_name') }}) as fy_start_year,
    -- a column headed by a date or a month alone ('31/03/2023', 'Apr-23', 'Apr') is read by its
    -- last header line, whatever the lines above it print ('2023/24'); a month named inside a
    -- longer header ('Target October 2023') is month_start, a date in that month (its end)
    -- ('Change since 31/03/2023': the date a change is counted from is not its own)
    -- a run of months up to a day ('Rolling 12 months to Sep 25') is dated by that day
    case when not regexp_matches(c.column_name, '(?i)\bsince\b|\bcompared\s+(with|to)\b')
         then coalesce(sp.span_end, m.as_of_date, {{ date_label('c.leaf_name') }},
                       -- a month alone over its columns ('Jul-25' over 'Waiting | Over 18 wks')
                       {{ date_label('c.group_name') }},
                       -- a year alone ('2023') under a caption dated by a day and month only
                       -- ('Children placed outside Cornwall at 31 March'): that day of the year
                       case when regexp_matches(c.column_name, '^\s*(?:19|20)[0-9]{2}\s*$')
                             and t.caption_day is not null
                            then try_cast(make_date(cast(trim(c.column_name) as integer),
                                                    t.caption_month, t.caption_day) as date) end)
    end as as_of_date,
    -- ... and counts that many months (int_fact_periods: a flow is counted over them)
    sp.span_months,
    case when sp.span_end is null then m.month_start end as month_start,
    -- a change over a span of months ('Change Apr-24 to Jul-24') is dated by the month it runs to;
    -- a month in brackets after a header's words ('% of total (Sep 25)') where nothing else in it
    -- prints a period
    coalesce({{ month_label_start('c.leaf_name') }}, {{ month_label_start('c.group_name') }},
             case when m.value_type = 'change' then {{ month_label_start('c.leaf_name', 'month_span_end') }} end,
             case when m.quarter is null and m.fy_start_year is null and m.as_of_date is null
                   and m.month_start is null
                  then {{ month_label_start('c.leaf_name', 'bracketed_month_label') }} end)
        as label_month,
    {{ month_number_label('c.leaf_name') }} as month_number,
    -- an age band under a group label ('5-9' under 'Age at 31 March 2025'): its last header line
    coalesce(m.age_band, {{ age_band('c.leaf_name') }}) as age_band,
    m.value_type,
    -- the label column's header speaks for the rows (int_table_axes), not for its own cells
    case when c.col_index > 0 then m.header_dimension end as header_dimension,
    m.service_area,
    m.service_code
from named c
join meanings m using (column_name)
left join spans sp on sp.leaf_name = c.leaf_name
left join (
    select table_id,
           try_cast(nullif(regexp_extract(caption, '{{ caption_day_month_re() }}', 1), '') as integer) as caption_day,
           {{ month_number("regexp_extract(caption, '" ~ caption_day_month_re() ~ "', 2)") }} as caption_month
    from {{ ref('stg_tables') }}
    where {{ in_batch('pack_id') }} and caption is not null
) t using (table_id)
