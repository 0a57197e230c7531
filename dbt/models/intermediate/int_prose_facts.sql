{# the fiscal year and the part of it a compared period names ('in H1 2024/25') #}
{% set compared_fy = fy_start_year("coalesce(k.comparison_period_text, '')") %}
{% set compared_months = part_year_months("coalesce(k.comparison_period_text, '')") %}
-- Facts printed in sentences (source_kind 'prose'): one row per number whose measure the sentence
-- names (int_prose_measures), with its period (int_prose_fact_periods), service, councils, the
-- part of the service it is about (int_prose_parts: theme, segment, procedure, breakdown) and
-- provenance. The sentence is
-- the value_text and source_line the line the number is printed on. A number that is part of a
-- group its sentence does not name ('Of the 25 complaints made, only 5 were upheld' with no theme
-- named) is not a fact; nor is a waiting-times figure about a part (the waiting-times facts have
-- no part columns).
-- Changes: 'an increase of 15' is a fact of value_type 'change' (signed, down < 0; unit
-- percent_change for '28% increase'); 'from 40 to 25' is one fact of 25 with comparison_value 40,
-- plus a fact of 40 when the earlier figure's own period is printed ('from 636 days in 2014/15').
-- the prose before a sentence may run back into the document before it: a document title naming
-- another area says whose figures these are ('Adult Social Care: Assessment Waiting List')
{% set prose_before_area = "case when c.title_area is null or c.title_area = c.prose_before_area then c.prose_before_area end" %}
{# the period of a figure, as a table's printing of it has it (table_printed) #}
{% set table_period_columns = ['period_type', 'period_id', 'period_start', 'period_end', 'as_of_date',
                               'fiscal_year', 'fiscal_quarter'] %}
{% set clause = "list_last(string_split(left(c.sentence, c.char_start), ';')) || string_split(substr(c.sentence, c.char_start + 1), ';')[1]" %}
-- a figure its bracketed parts add up to ('208 complaints ... (160 County Council and 48
-- Partnership Trust)') is their total: summed with them it would count twice
with broken_down as (
    select m.pack_id, m.part_of_seq as mention_seq, count(*) as parts, sum(n.value) as parts_sum
    from {{ batch(ref('int_prose_measures')) }} m
    join {{ batch(ref('stg_prose_numbers')) }} n using (pack_id, mention_seq)
    where m.part_of_seq is not null
    group by all
),
periods as (
    select * from {{ batch(ref('int_prose_fact_periods')) }}
),
-- a span of days (type to_date): 'since April' to the report's date, the first months of a
-- printed year from its 1 April to the last of them, its start to the end of a quarter, or a
-- run of months ('between August and October 2025')
spans as (
    select
        p.* replace (case when p.period_type in ('part_year', 'quarter_to_date', 'month_range') then 'to_date'
                          else p.period_type end as period_type,
                     case when p.period_type = 'part_year' then make_date(p.fy, 4, 1)
                          when p.period_type = 'quarter_to_date' then make_date(p.end_quarter_fy, 4, 1)
                          when p.period_type = 'month_range' then p.month_range_start
                          else p.to_date_start end as to_date_start),
        case when p.period_type = 'part_year'
             then {{ part_year_end('p.fy', 'p.part_year_months') }}
             when p.period_type = 'quarter_to_date' then p.end_quarter_date
             when p.period_type = 'month_range' then p.month_range_end
             -- the year so far in a report of a quarter ('231 complaints have been received in
             -- the year to date' under '... - QUARTER 3 2025/26'): to that quarter's end
             when p.report_quarter_end <= coalesce(p.document_date, p.meeting_date)
              and p.to_date_start = make_date({{ fy_of('p.report_quarter_end') }}, 4, 1)
                 then p.report_quarter_end
             else coalesce(p.document_date, p.meeting_date) end as to_date_end
    from periods p
),
placed as (
    select
        p.* replace (case when p.period_type in ('heading_as_of', 'stated_as_of') then 'as_of'
                          else p.period_type end as period_type),
        case p.period_type
            when 'fiscal_year' then 'FY' || {{ fy_label('p.fy') }}
            when 'fiscal_quarter' then 'FY' || {{ fy_label('p.fy') }} || '-Q' || p.quarter
            when 'as_of' then 'D' || strftime(p.printed_as_of, '%Y-%m-%d')
            when 'heading_as_of' then 'D' || strftime(p.heading_as_of, '%Y-%m-%d')
            when 'stated_as_of' then 'D' || strftime(p.stated_as_of, '%Y-%m-%d')
            when 'to_date' then 'R' || strftime(p.to_date_start, '%Y-%m-%d') || '/'
                                || strftime(p.to_date_end, '%Y-%m-%d')
            else 'D' || strftime(coalesce(p.document_date, p.meeting_date), '%Y-%m-%d')
        end as period_id,
        case p.period_type when 'as_of' then p.printed_as_of
             when 'heading_as_of' then p.heading_as_of
             when 'stated_as_of' then p.stated_as_of
             when 'meeting_date' then coalesce(p.document_date, p.meeting_date) end as as_of_date,
        case p.period_type when 'fiscal_year' then p.fy_source when 'fiscal_quarter' then 'sentence'
             when 'as_of' then 'sentence' when 'to_date' then 'sentence'
             when 'heading_as_of' then 'heading'
             when 'stated_as_of' then 'document_statement'
             when 'meeting_date' then case when p.document_date is not null then 'document_title' else 'meeting_date' end
        end as period_source
    from spans p
    where p.period_type <> 'unplaced'
),
-- a change of the figure before it ('1009, showing an increase of 34 over the year') is a change to
-- that figure's period, unless the change prints a year or date of its own
-- the figure a change is of: the one it follows, or, when that one is the earlier figure of a
-- comparison ('287 complaints in 2023/24, compared with 254 in 2022/23, an increase of 13%'),
-- the figure compared (287: the increase is to 2023/24, not 2022/23)
change_anchors as (
    select c.pack_id, c.mention_seq, coalesce(max(o.mention_seq), any_value(c.anchor_seq)) as anchor_seq
    from placed c
    join {{ batch(ref('stg_prose_numbers')) }} a on a.pack_id = c.pack_id and a.mention_seq = c.anchor_seq
    left join {{ batch(ref('stg_prose_numbers')) }} o
      on a.role = 'from' and o.pack_id = a.pack_id and o.sentence_first_line = a.sentence_first_line
     and o.sentence = a.sentence and o.mention_seq < a.mention_seq and o.comparison_text = a.number_text
    where c.role = 'change'
    group by c.pack_id, c.mention_seq
),
anchored as (
    select p.* replace (
        coalesce(a.period_type, p.period_type) as period_type,
        coalesce(a.period_id, p.period_id) as period_id,
        coalesce(a.fy, p.fy) as fy,
        coalesce(a.quarter, p.quarter) as quarter,
        case when a.mention_seq is not null then a.as_of_date else p.as_of_date end as as_of_date,
        coalesce(a.period_source, p.period_source) as period_source)
    from placed p
    left join change_anchors ca on ca.pack_id = p.pack_id and ca.mention_seq = p.mention_seq
    left join placed a
      on p.role = 'change' and p.printed_fy is null and p.printed_as_of is null and p.quarter is null
     and a.pack_id = p.pack_id and a.mention_seq = ca.anchor_seq
),
-- the earlier figure of 'from X to Y' is a fact of its own only when its own period is printed
-- ('from 636 days in 2014/15 to 424 in 2015/16'), not the later figure's ('in February 2022 ...
-- from an average of 130 weeks to 26 weeks')
kept as (
    select p.*,
           -- the prose before the sentence that may say what it is about: from its own numbered
           -- point on (a service or area named only in the points before is theirs), unless the
           -- sentence is about the figure before it (stg_prose_numbers context_point_start)
           case when p.about_figure_before then coalesce(p.context_before, '')
                else substr(coalesce(p.context_before, ''), p.context_point_start + 1) end as point_context
    from anchored p
    where p.role <> 'from'
       or (p.period_source = 'sentence' and p.period_type <> 'meeting_date'
           and not exists (
               select 1 from {{ batch(ref('stg_prose_numbers')) }} t
               where t.pack_id = p.pack_id and t.anchor_seq = p.mention_seq and t.role = 'to'
                 and t.period_text is not distinct from p.period_text))
),
compared as (
    select k.*,
           -- the same span a year before ('Since April 2025, 263 ..., compared with 231 in the
           -- same period of 2024/25'): the figure's own span a year earlier, not the whole year
           case when regexp_matches(coalesce(k.comparison_period_text, ''), '{{ var("same_span_words") }}')
                -- (by the years between the figure's and the year printed, one when none is)
                then case when k.period_type = 'to_date'
                          then 'R' || strftime(k.to_date_start - to_years(coalesce(year(k.to_date_start)
                                   - {{ fy_start_year("k.comparison_period_text") }}, 1)::int), '%Y-%m-%d') || '/'
                               || strftime(k.to_date_end - to_years(coalesce(year(k.to_date_start)
                                   - {{ fy_start_year("k.comparison_period_text") }}, 1)::int), '%Y-%m-%d') end
                -- 'compared with 71 in H1 2024/25' ('the first half of 2024/25'): that part of the year
                when {{ compared_months }} is not null and {{ compared_fy }} is not null
                then 'R' || {{ compared_fy }} || '-04-01/'
                     || strftime({{ part_year_end(compared_fy, compared_months) }}, '%Y-%m-%d')
                -- 'compared with 93 in Quarter 3 of 2024/25': that quarter
                when {{ numbered_quarter("coalesce(k.comparison_period_text, '')", with_year=true) }} is not null
                 and {{ fy_start_year("coalesce(k.comparison_period_text, '')") }} is not null
                then 'FY' || {{ fy_label(fy_start_year("coalesce(k.comparison_period_text, '')")) }} || '-Q'
                     || {{ numbered_quarter("coalesce(k.comparison_period_text, '')", with_year=true) }}
                when {{ fy_start_year("coalesce(k.comparison_period_text, '')") }} is not null
                then 'FY' || {{ fy_label(fy_start_year("coalesce(k.comparison_period_text, '')")) }} end
               as comparison_period_id,
           -- the words whose area and service are the figure's: a whole before the clause of its
           -- parts is not of the area or service only its parts name ('The Ombudsman upheld 14
           -- complaints, of which 3 concerned Children's Services': 14 is the council's; '241
           -- compliments were recorded, 64 of them about the Fostering service': 241 is not
           -- fostering's; var parts_clause)
           case when regexp_matches(substr(k.sentence, k.char_end + 1), '{{ var("parts_clause") }}')
                then regexp_replace(k.sentence, '{{ var("parts_clause") }}.*$', '')
                else k.sentence end as area_words,
           -- the openings of the sentences before, where an area framing what follows is named
           -- ('For Adult Services, the number of complaints ...'), not one named in passing ('...
           -- investigations for children's social care', '... of which 3 concerned Children's
           -- Services'), in the sentence's own numbered point (point_context)
           array_to_string(regexp_extract_all(k.point_context,
                                              '(?:^|[.;:]\s+)[^A-Za-z0-9]*(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?([^.;:]{0,{{ var("framing_area_chars") }}})', 1), ' | ')
               as context_openings
    from kept k
),
-- sentences giving their figures to an area of several councils, each read once
shared_sentences as (
    select distinct t.pack_id, t.sentence
    from (select distinct pack_id, sentence from compared) t
    where {{ names_shared_area('t.sentence') }}
),
-- the service areas and services the words around each figure name (seeds service_area_patterns,
-- service_aliases), each a scalar expression of constant patterns: the sentence's one area, the
-- figure's own words' ('Children's Services received 96 compliments, and Adult Social Care 187':
-- 96 is children's, 187 adults'), the prose before it ('For Adult Services, the number of
-- complaints ... The number of compliments ... 367'), the document title's; the service named in
-- the figure's own clause of a sentence of several ('speech and language therapy fell from 412
-- to 379; however, the occupational therapy waiting list rose by 39': 39 is occupational
-- therapy's); a part named by its own service ('222 children were waiting (84 for SLT and 138
-- for OT)': 84 is speech and language therapy's; so is a figure counted for another service,
-- '... and 198 for occupational therapy'); the service the whole's own words name ('222 children
-- were waiting for a first therapy assessment (': none); a bracketed figure's service, named
-- right before its bracket. (Written as lateral subqueries, these
-- cost a run three seconds of query planning whatever the number of packs.)
named as (
    select
        c.*,
        {{ one_service_area_named('c.area_words') }} as sentence_area,
        {{ one_service_area_named("coalesce(c.before_text, '')") }} as own_words_area,
        {{ one_service_area_named('c.context_openings') }} as prose_before_area,
        {{ one_service_area_named("coalesce(c.document_title, '')") }} as title_area,
        {{ one_service_named("coalesce(c.document_title, '')") }} as title_service_code,
        case when strpos(c.sentence, ';') > 0
             then {{ top_service_named(clause) }} end as clause_service_code,
        case when strpos(c.sentence, ';') > 0
             then {{ top_service_named(clause, 'service_area') }} end as clause_service_area,
        case when c.measure_source in ('breakdown', 'elliptical')
             then {{ top_service_named("coalesce(c.after_text, '')") }} end as part_service_code,
        {{ top_service_named("c.before_text || ' ' || c.after_text") }} as whole_service_code,
        -- a figure in brackets right after a service's name is that service's ('longer than for
        -- speech and language therapy (19 weeks)': 19 is speech and language therapy's, not the
        -- sentence's occupational therapy)
        case when regexp_matches(coalesce(c.before_text, ''), '\(\s*$')
             then {{ top_service_named("regexp_extract(c.before_text, '([^,;:()]{3,80})\(\s*$', 1)") }}
        end as bracketed_service_code
    from compared c
),
-- the number of services a whole's parts name, by the whole
part_services as (
    select pm.pack_id, pm.part_of_seq as mention_seq, count(distinct s.service_code) as part_services
    from {{ batch(ref('int_prose_measures')) }} pm
    join {{ batch(ref('stg_prose_numbers')) }} pn using (pack_id, mention_seq)
    join {{ ref('service_aliases') }} s
      on {{ regexp_matches_seed('pn.after_text', 's.pattern', ref('service_aliases')) }}
     and not regexp_matches(s.pattern, '\^')
    where pm.part_of_seq is not null
    group by all
),
-- the service the sentence names, else the one the prose before it names ('... waiting for a
-- first appointment with CAMHS' after a summary naming speech and language therapy is CAMHS's)
-- (the highest priority; for a sentence about the figure before it, the nearest one: 'Of these,
-- 180 had been waiting' after a sentence on physiotherapy that follows one on speech and language
-- therapy is physiotherapy's)
-- (a sentence naming none after prose naming two of the highest priority takes neither: 'Of the
-- children waiting, 240 had waited more than 18 weeks' after a paragraph on speech and language
-- therapy and occupational therapy)
-- (a sentence naming two services of the highest priority gives a figure the one its own words
-- name, from the figure before it to the next: '412 children were waiting for speech and language
-- therapy and 198 for occupational therapy' gives 412 speech and language therapy; if its words
-- name both or neither, none)
-- One row per figure's words and each service they name (seed service_aliases), then one per
-- figure's words: joins, not a lateral subquery per figure (see named).
mention_texts as (
    select distinct pack_id, mention_seq, sentence, area_words, context_before, point_context,
                    before_text, after_text, about_figure_before
    from named
),
service_mentions as (
    select c.*, s.service_code, s.service_area, s.priority,
           -- a service named only to compare ('... waits remain the longest in the system after
           -- CAMHS:', 'than for occupational therapy') is not one the sentence is about
           {{ regexp_matches_seed(without_comparisons('c.area_words'), 's.pattern', ref('service_aliases')) }} as in_sentence,
           {{ regexp_matches_seed(without_comparisons("c.before_text || ' ' || c.after_text"), 's.pattern', ref('service_aliases')) }} as in_own_words,
           -- characters from its last mention to the end of the prose before
           case when c.about_figure_before
                then coalesce(nullif(strpos(reverse(c.context_before), reverse(list_last(
                    {{ regexp_extract_all_seed('c.context_before', 's.pattern', ref('service_aliases')) }}))), 0),
                    1000000)
                else 0 end as distance
    from mention_texts c
    -- (the prose before from the sentence's own numbered point on: point_context)
    join {{ ref('service_aliases') }} s
      on {{ regexp_matches_seed("c.point_context || ' ' || c.area_words", 's.pattern', ref('service_aliases')) }}
     and not regexp_matches(s.pattern, '\^')
    -- ... and each name the pack gave a service of ours ('FTB' after 'Forward Thinking Birmingham
    -- (FTB), the city's mental health service for 0 to 25 year olds': int_pack_service_names)
    union all
    select c.*, n.service_code, n.service_area, n.priority,
           regexp_matches({{ without_comparisons('c.area_words') }}, n.name_pattern) as in_sentence,
           regexp_matches({{ without_comparisons("c.before_text || ' ' || c.after_text") }}, n.name_pattern) as in_own_words,
           case when c.about_figure_before
                then coalesce(nullif(strpos(reverse(c.context_before), reverse(list_last(
                    regexp_extract_all(c.context_before, n.name_pattern)))), 0), 1000000)
                else 0 end as distance
    from mention_texts c
    join {{ batch(ref('int_pack_service_names')) }} n
      on n.pack_id = c.pack_id and regexp_matches(c.point_context || ' ' || c.area_words, n.name_pattern)
),
service_named as (
    select pack_id, mention_seq, sentence, context_before, before_text, after_text, about_figure_before,
           case when not bool_or(s.in_sentence)
                     and (s.about_figure_before
                          or count(distinct s.service_code) filter (where s.priority = s.top_before) = 1)
                    then arg_min(s.service_code, [s.distance, -s.priority])
                when count(distinct s.service_code) filter (where s.in_sentence and s.priority = s.top_priority) = 1
                    then arg_max(s.service_code, s.priority) filter (where s.in_sentence)
                when count(distinct s.service_code) filter (where s.in_sentence and s.priority = s.top_priority and s.in_own_words) = 1
                    then any_value(s.service_code) filter (where s.in_sentence and s.priority = s.top_priority and s.in_own_words)
           end as service_code,
           coalesce(arg_max(s.service_area, s.priority) filter (where s.in_sentence),
                    arg_min(s.service_area, [s.distance, -s.priority])) as service_area,
           bool_or(s.in_sentence) as service_in_sentence
    from (
        select *, max(priority) filter (where in_sentence) over w as top_priority,
               max(priority) over w as top_before
        from service_mentions
        window w as (partition by pack_id, mention_seq, sentence, context_before, before_text, after_text, about_figure_before)
    ) s
    group by pack_id, mention_seq, sentence, context_before, before_text, after_text, about_figure_before
),
-- each service's area (seed service_aliases)
service_areas as (
    select distinct service_code, service_area from {{ ref('service_aliases') }}
),
-- the service each service is part of, as dim_service has it ('adhd_assessment' of the
-- neurodevelopmental pathway)
service_parents as (
    select service_code, max(nullif(parent_service_code, '')) as parent_service_code
    from {{ ref('service_aliases') }}
    group by service_code
),
prose_facts as (
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
        -- a figure at a day after its meeting's month is no actual ('at the end of September'
        -- in a report to a meeting of 16 September may be a month's figure read early): a target
        -- when its sentence says so, a forecast when it says one is expected ('expects the
        -- number ... to fall below 120 by March 2026'; vars target_cue, forecast_cue); with
        -- neither it is no fact (below)
        case when c.as_of_date > last_day(c.meeting_date) and c.value_type = 'actual'
             then case when regexp_matches(c.sentence, '{{ var("target_cue") }}') then 'target'
                       when regexp_matches(c.sentence, '{{ var("forecast_cue") }}') then 'forecast' end
             else c.value_type end as value_type,
        coalesce(c.as_of_date > last_day(c.meeting_date), false) as dated_after_meeting,
        c.role,
        c.direction as change_direction,
        c.comparison_value,
        c.comparison_period_id,
        c.measure_source,
        -- the pack's council as its table facts have it (the council register, at the meeting date)
        coalesce(rc.council_id, 'unknown') as reporting_council_gss,
        -- a sentence giving its figure to an area of several councils ('Across Leicester,
        -- Leicestershire and Rutland, 1,486 children ...'): the councils' together
        case when sh.sentence is not null then 'several'
             else coalesce(rc.council_id, 'unknown') end as subject_council_gss,
        case when sh.sentence is not null then 'shared_area'
             else 'reporting_council' end as subject_council_source,
        -- a whole whose parts are services of their own is the service its own clause names, if any
        -- (a service only the prose before names is not one of another area than the sentence's
        -- own: 'Of the 94 children's social care complaints received, ...' after a paragraph on
        -- home care)
        -- (else, for a sentence about 'the service', the one service the document's title names,
        -- of the sentence's area if it names one: '... the service had received 46 complaints' in
        -- 'Annual Report of the Fostering Service'; var service_anaphora)
        case when pps.part_services >= 2 then c.whole_service_code
             else coalesce(c.part_service_code, c.bracketed_service_code, c.clause_service_code,
                           case when svc.service_in_sentence or c.sentence_area is null
                                  or svc.service_area = c.sentence_area then svc.service_code end,
                           case when regexp_matches(c.area_words, '{{ var("service_anaphora") }}')
                                 and (c.sentence_area is null or ts.service_area = c.sentence_area)
                                then c.title_service_code end) end as service_code,
        -- 'none': the nearest text names a council service of neither area ('Highways')
        nullif(coalesce(c.sentence_area, (case when c.sentence_area is null then c.own_words_area end), {{ prose_before_area }}, c.heading_service_area,
                        c.title_area, c.clause_service_area, svc.service_area), 'none') as service_area,
        case when coalesce(c.sentence_area, (case when c.sentence_area is null then c.own_words_area end), {{ prose_before_area }}, c.heading_service_area,
                           c.title_area, c.clause_service_area, svc.service_area) = 'none' then null
             when coalesce(c.sentence_area, (case when c.sentence_area is null then c.own_words_area end)) is not null then 'sentence'
             when {{ prose_before_area }} is not null then 'prose_before'
             when c.heading_service_area is not null then 'heading'
             when c.title_area is not null then 'document_title'
             when coalesce(c.clause_service_area, svc.service_area) is not null then 'service'
        end as service_area_source,
        c.period_type,
        c.period_id,
        case c.period_type when 'fiscal_year' then make_date(c.fy, 4, 1)
             when 'fiscal_quarter' then {{ fq_start('c.fy', 'c.quarter') }}
             when 'to_date' then c.to_date_start end as period_start,
        case c.period_type when 'fiscal_year' then make_date(c.fy + 1, 3, 31)
             when 'fiscal_quarter' then {{ fq_end('c.fy', 'c.quarter') }}
             when 'to_date' then c.to_date_end end as period_end,
        c.as_of_date,
        case when c.period_type in ('fiscal_year', 'fiscal_quarter') then {{ fy_label('c.fy') }}
             -- a to-date count within one fiscal year is of that year
             when c.period_type = 'to_date'
                  and {{ fy_of('c.to_date_start') }} = {{ fy_of('c.to_date_end') }}
                 then {{ fy_label(fy_of('c.to_date_start')) }} end as fiscal_year,
        c.period_source,
        c.period_text,
        case when c.period_type = 'fiscal_quarter' then c.quarter end as fiscal_quarter,
        c.theme,
        c.segment,
        c.procedure,
        c.stage,
        c.breakdown,
        case when bd.parts >= 2 and bd.parts_sum = c.value then true end as is_total
    from named c
    left join broken_down bd on bd.pack_id = c.pack_id and bd.mention_seq = c.mention_seq
    left join shared_sentences sh on sh.pack_id = c.pack_id and sh.sentence = c.sentence
    left join {{ batch(ref('int_pack_councils')) }} rc on rc.pack_id = c.pack_id
    -- the area of the service the document's title names
    left join service_areas ts on ts.service_code = c.title_service_code
    -- the services its parts name ('(84 for SLT and 138 for OT)')
    left join part_services pps on pps.pack_id = c.pack_id and pps.mention_seq = c.mention_seq
    -- the service the sentence names, else the one the prose before it names (service_named)
    left join service_named svc
      on svc.pack_id = c.pack_id and svc.mention_seq = c.mention_seq
     and svc.sentence is not distinct from c.sentence and svc.context_before is not distinct from c.context_before
     and svc.before_text is not distinct from c.before_text and svc.after_text is not distinct from c.after_text
     and svc.about_figure_before is not distinct from c.about_figure_before
),
-- a figure of a service and no area named is of its service's area (the service the title of
-- 'Annual Report of the Fostering Service' names: children's)
with_service_areas as (
    select f.* replace (coalesce(f.service_area, sa.service_area) as service_area,
                        case when f.service_area is null and sa.service_area is not null then 'service'
                             else f.service_area_source end as service_area_source)
    from prose_facts f
    left join service_areas sa on sa.service_code = f.service_code
),
-- a figure whose sentence prints no period ('The median wait for an ADHD assessment is 74 weeks',
-- dated by the meeting) that the tables of its own report print once, for the same measure,
-- value and subject (its service, or the service it is part of), at one period: that printing's
-- period ('CAMHS - Neurodevelopmental (ADHD) assessment ... 74' in a table at 31 December 2025).
-- Two periods printing it say nothing.
table_printed as (
    select f.fact_id,
           {%- for column in table_period_columns %}
           any_value(t.{{ column }}) as {{ column }}{{ "," if not loop.last }}
           {%- endfor %}
    from with_service_areas f
    join {{ batch(ref('int_facts')) }} t
      on t.pack_id = f.pack_id and t.document_id = f.document_id and t.measure = f.measure
     and t.unit = f.unit and t.value_type = 'actual' and abs(t.value - f.value) < 0.001
     and t.service_area is not distinct from f.service_area and t.stage is not distinct from f.stage
     and t.segment is not distinct from f.segment and t.theme is not distinct from f.theme
     and t.breakdown is not distinct from f.breakdown
     and t.age_band is null and t.district is null and t.row_role <> 'comparison'
     and t.period_source <> 'meeting_date'
    left join service_parents sp on sp.service_code = f.service_code
    where (f.period_source = 'meeting_date'
           -- ... or a year so far the sentence closes at the meeting ('In the year to date 156
           -- Stage 1 complaints were received') that a table counts from the same day to the
           -- end of its latest quarter ('YTD' under 'Q1 | Q2 | Q3'): the table's span
           or (f.period_type = 'to_date' and t.period_type = 'to_date'
               and t.period_start = f.period_start and f.period_end > t.period_end))
      and f.value_type = 'actual' and f.role = 'level'
      and f.value_qualifier is null
      and (t.service_code is not distinct from f.service_code or t.service_code = sp.parent_service_code)
    group by f.fact_id
    having count(distinct t.period_id) = 1
),
dated as (
    select f.* replace (
        {%- for column in table_period_columns %}
        case when tp.fact_id is not null then tp.{{ column }} else f.{{ column }} end as {{ column }},
        {%- endfor %}
        case when tp.fact_id is not null then 'same_figure_in_table' else f.period_source end as period_source)
    from with_service_areas f
    left join table_printed tp on tp.fact_id = f.fact_id
)
-- a figure restated on its own line is one fact, its first mention: 'Adult Services received 91
-- complaints over the year ... Of the 91 complaints received 19 were upheld' (the same measure,
-- value, period, service and part of the service; a printing on another line stays a fact)
select * exclude (dated_after_meeting)
from dated
where not (dated_after_meeting and value_type is distinct from 'target' and value_type is distinct from 'forecast')
qualify row_number() over (
    partition by pack_id, source_line, measure, unit, value_type, value, period_id, service_code,
                 service_area, theme, segment, procedure, stage, breakdown
    order by mention_seq) = 1
