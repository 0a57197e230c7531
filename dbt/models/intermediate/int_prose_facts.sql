-- Facts printed in sentences (source_kind 'prose'): one row per number whose measure the sentence
-- names (int_prose_measures), with its period, service, councils and provenance. The sentence is
-- the value_text and source_line the line the number is printed on.
-- Period, nearest first: the period phrase beside the number ('in 2014/15', 'As at 28 August',
-- 'in December 2023'); 'this year' / 'over the year' -> the fiscal year of the heading above or
-- of the document title, 'last year' -> the year before; 'currently' / 'to date' -> the meeting
-- date. With no phrase, a flow (complaints) takes the fiscal year of the heading or title and a
-- stock (children looked after, waiting lists) the meeting date. A year that cannot be placed
-- (a calendar year) leaves the number unclassified.
-- Changes: 'an increase of 15' is a fact of value_type 'change' (signed, down < 0; unit
-- percent_change for '28% increase'); 'from 40 to 25' is one fact of 25 with comparison_value 40,
-- plus a fact of 40 when the earlier figure's own period is printed ('from 636 days in 2014/15').
with mentions as (
    select n.*, m.measure, m.measure_source, m.value_type, m.unit, mc.domain,
           p.meeting_date, p.council as reporting_council_text
    from {{ batch(ref('stg_prose_numbers')) }} n
    join {{ batch(ref('int_prose_measures')) }} m using (pack_id, mention_seq)
    join {{ ref('measure_catalogue') }} mc on mc.measure = m.measure
    join {{ batch(ref('stg_packs')) }} p using (pack_id)
),
located as (
    select m.*, d.document_id, d.title as document_title, d.first_line as document_first_line
    from mentions m
    left join {{ batch(ref('stg_documents')) }} d
      on d.pack_id = m.pack_id and m.line_number between d.first_line and d.last_line
),
fy_headings as (
    select pack_id, line_number, fy_start_year, service_area
    from {{ batch(ref('int_heading_lines')) }}
    where fy_start_year is not null
),
area_headings as (
    select pack_id, line_number, service_area
    from {{ batch(ref('int_heading_lines')) }}
    where service_area is not null
),
with_fy as (
    select l.*,
           case when h.line_number >= coalesce(l.document_first_line, 1) then h.fy_start_year end
               as heading_fy
    from located l
    asof left join fy_headings h on h.pack_id = l.pack_id and l.sentence_first_line > h.line_number
),
with_area as (
    select l.*,
           case when a.line_number >= coalesce(l.document_first_line, 1) then a.service_area end
               as heading_service_area
    from with_fy l
    asof left join area_headings a on a.pack_id = l.pack_id and l.sentence_first_line > a.line_number
),
read_periods as (
    select
        w.*,
        coalesce(w.heading_fy, {{ fy_start_year('w.document_title') }}) as document_fy,
        coalesce({{ fy_start_year("coalesce(w.period_text, '')") }},
                 -- '1 April 2017 to 31 March 2018'
                 try_cast(nullif(regexp_extract(coalesce(w.period_text, ''),
                     '(?i)april\s+((?:19|20)[0-9]{2})\b.{0,15}\bmarch\s+(?:19|20)[0-9]{2}', 1), '') as integer))
            as printed_fy,
        coalesce({{ as_of_date("coalesce(w.period_text, '')", loose=true) }},
                 {{ day_month_in_year("coalesce(w.period_text, '')", 'w.meeting_date') }}) as printed_as_of,
        regexp_matches(coalesce(w.period_text, ''), '(?i)^(?:over |in |during |for )?(?:the |this |current )(?:reporting |financial )?(?:year|period)$')
            as says_this_year,
        regexp_matches(coalesce(w.period_text, ''), '(?i)\b(?:last|previous|preceding)\s+(?:reporting\s+|financial\s+)?year\b')
            as says_last_year,
        regexp_matches(coalesce(w.period_text, ''), '(?i)\b(?:19|20)[0-9]{2}\b') as names_a_year
    from with_area w
),
periods as (
    select
        r.*,
        case
            when r.printed_fy is not null then 'fiscal_year'
            when r.printed_as_of is not null then 'as_of'
            when r.names_a_year then 'unplaced'
            when (r.says_this_year or r.says_last_year) and r.document_fy is not null then 'fiscal_year'
            when r.period_text is null and r.domain = 'complaints' and r.document_fy is not null then 'fiscal_year'
            else 'meeting_date'
        end as period_type,
        case
            when r.printed_fy is not null then r.printed_fy
            when r.says_last_year then r.document_fy - 1
            else r.document_fy
        end as fy,
        case
            when r.printed_fy is not null or r.printed_as_of is not null then 'sentence'
            when r.heading_fy is not null then 'heading'
            else 'document_title'
        end as fy_source
    from read_periods r
),
placed as (
    select
        p.*,
        case p.period_type
            when 'fiscal_year' then 'FY' || {{ fy_label('p.fy') }}
            when 'as_of' then 'D' || strftime(p.printed_as_of, '%Y-%m-%d')
            else 'D' || strftime(p.meeting_date, '%Y-%m-%d')
        end as period_id,
        case p.period_type when 'as_of' then p.printed_as_of when 'meeting_date' then p.meeting_date end
            as as_of_date,
        case p.period_type when 'fiscal_year' then p.fy_source when 'as_of' then 'sentence'
             else 'meeting_date' end as period_source
    from periods p
    where p.period_type <> 'unplaced'
),
-- the earlier figure of 'from X to Y' is a fact of its own only when its own period is printed
kept as (
    select p.*
    from placed p
    where p.role <> 'from' or (p.period_source = 'sentence' and p.period_type <> 'meeting_date')
),
compared as (
    select k.*,
           case when {{ fy_start_year("coalesce(k.comparison_period_text, '')") }} is not null
                then 'FY' || {{ fy_label(fy_start_year("coalesce(k.comparison_period_text, '')")) }} end
               as comparison_period_id
    from kept k
)
select
    {{ surrogate_key(['c.pack_id', "'prose'", 'c.mention_seq', 'c.measure', 'c.value_type']) }} as fact_id,
    c.pack_id,
    c.document_id,
    'prose' as source_kind,
    c.mention_seq,
    c.line_number as source_line,
    c.sentence_first_line,
    c.sentence_last_line,
    c.domain,
    c.measure,
    c.unit,
    case when c.role = 'change' and c.direction = 'down' then -c.value else c.value end as value,
    c.value_high,
    c.qualifier as value_qualifier,
    c.number_text,
    c.sentence as value_text,
    'printed' as value_status,
    c.value_type,
    c.role,
    c.direction as change_direction,
    c.comparison_value,
    c.comparison_period_id,
    c.measure_source,
    coalesce(rc.gss_code, 'unknown') as reporting_council_gss,
    coalesce(rc.gss_code, 'unknown') as subject_council_gss,
    'reporting_council' as subject_council_source,
    svc.service_code,
    coalesce(sa.service_area, c.heading_service_area, ta.service_area, svc.service_area) as service_area,
    case when sa.service_area is not null then 'sentence' when c.heading_service_area is not null then 'heading'
         when ta.service_area is not null then 'document_title' when svc.service_area is not null then 'service'
    end as service_area_source,
    c.period_type,
    c.period_id,
    case when c.period_type = 'fiscal_year' then make_date(c.fy, 4, 1) end as period_start,
    case when c.period_type = 'fiscal_year' then make_date(c.fy + 1, 3, 31) end as period_end,
    c.as_of_date,
    case when c.period_type = 'fiscal_year' then {{ fy_label('c.fy') }} end as fiscal_year,
    c.period_source,
    c.period_text
from compared c
left join {{ ref('council_aliases') }} rc on rc.alias = {{ norm_text('c.reporting_council_text') }}
left join lateral (
    select case when count(distinct p.service_area) = 1 then any_value(p.service_area) end as service_area
    from {{ ref('service_area_patterns') }} p
    where regexp_matches(c.sentence, p.pattern)
) sa on true
left join lateral (
    select case when count(distinct p.service_area) = 1 then any_value(p.service_area) end as service_area
    from {{ ref('service_area_patterns') }} p
    where regexp_matches(coalesce(c.document_title, ''), p.pattern)
) ta on true
left join lateral (
    select arg_max(s.service_code, s.priority) as service_code, arg_max(s.service_area, s.priority) as service_area
    from {{ ref('service_aliases') }} s
    where regexp_matches(c.sentence, s.pattern) and not regexp_matches(s.pattern, '\^')
) svc on true
