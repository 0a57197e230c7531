-- The period of each number of a sentence whose measure the sentence names (int_prose_measures),
-- with its measure, the part of the service it is about (int_prose_parts), its area and what
-- dates it; int_prose_facts reads it to place changes, comparisons and services. (One model
-- planned whole took DuckDB twice as long to plan as its two halves: bench/README.md.)
-- Period, nearest first: the period phrase beside the number ('in 2014/15', 'As at 28 August',
-- 'in December 2023', 'quarter 4' -> that quarter of the document's fiscal year); 'this year' /
-- 'over the year' / 'over the last year' -> the fiscal year of the heading above or of the
-- document title, 'last year' -> the year before; 'currently' / 'to date' -> the date of the
-- document (the minutes of an earlier meeting carry its date in their title), else the meeting
-- date. With no phrase, a flow (complaints) takes the fiscal year of the heading or title and a
-- stock (children looked after, waiting lists) the date of the heading right above it in its
-- document when it prints one ('Waiting times at 30 September 2025', a table's caption), else the
-- document's or meeting's date; a figure whose
-- measure a sentence before names ('this figure is 527') takes that sentence's period. A year
-- that cannot be placed (a calendar year) leaves the number unclassified. The phrase a change is
-- compared with ('on last year') is its comparison period, never its own.
with measured as (
    select n.*, m.measure, m.measure_source, m.value_type, m.unit, mc.domain, mc.period_kind,
           p.meeting_date, p.council as reporting_council_text,
           case when m.part_kind = 'breakdown' then m.part_text end as breakdown,
           -- a share's theme is what it is a share of: the words after it, not any theme the sentence names
           case when m.measure = 'complaints_share_pct' then pt.share_theme else pt.theme end as theme,
           pt.segment, pt.procedure,
           -- a stage the sentence names beside another clause's figure is its complaints' only
           -- ('27 Stage 1 complaints, of which 9 were upheld, and 14 compliments': not the
           -- compliments'; var sentence_stage_families)
           case when pt.stage_in_clause or mc.family in ('{{ var("sentence_stage_families") | join("', '") }}')
                then pt.stage end as stage,
           pt.is_part_of_group
    from {{ batch(ref('stg_prose_numbers')) }} n
    join {{ batch(ref('int_prose_measures')) }} m using (pack_id, mention_seq)
    join {{ ref('measure_catalogue') }} mc on mc.measure = m.measure
    join {{ batch(ref('stg_packs')) }} p using (pack_id)
    left join {{ batch(ref('int_prose_parts')) }} pt using (pack_id, mention_seq)
),
-- '22 of the 708 children in care': a number printed right before 'of the <number>' and read as
-- that number's own measure is a part of it, not the whole count again
parts_of_next as (
    select m.pack_id, m.mention_seq
    from measured m
    join measured w
      on w.pack_id = m.pack_id and w.mention_seq = m.mention_seq + 1
     and w.sentence_first_line = m.sentence_first_line and w.sentence = m.sentence
     and w.measure = m.measure
    where regexp_matches(substr(m.sentence, m.char_end + 1, w.char_start - m.char_end),
                         '(?i)^\s*of\s+(?:the|these|those|all)\s+$')
),
mentions as (
    select m.*
    from measured m
    where not ((coalesce(m.is_part_of_group, false)
                or exists (select 1 from parts_of_next x
                           where x.pack_id = m.pack_id and x.mention_seq = m.mention_seq))
               and m.theme is null and m.segment is null and m.procedure is null and m.breakdown is null)
      and not (m.domain = 'waiting_times' and (m.theme is not null or m.segment is not null))
      -- a count is whole: '1.25 compliments' for every complaint is a ratio, not compliments
      and not (m.unit = 'count' and m.value is not null and m.value <> trunc(m.value))
),
located as (
    select m.*, d.document_id, d.title as document_title, d.first_line as document_first_line,
           sd.stated_as_of,
           -- 'Of these, 180 ...': about the figure of the sentence before (var anaphoric_openers)
           {{ opens_about_figure_before('m.sentence') }} as about_figure_before,
           {{ parse_uk_date('coalesce(d.title, \'\')') }} as document_date
    from mentions m
    left join {{ batch(ref('stg_documents')) }} d
      on d.pack_id = m.pack_id and m.line_number between d.first_line and d.last_line
    -- the day its report states its figures are at (int_document_as_of_statements)
    left join {{ batch(ref('int_document_as_of_statements')) }} sd
      on sd.pack_id = d.pack_id and sd.document_id = d.document_id
),
fy_headings as (
    select pack_id, line_number, fy_start_year, service_area,
           -- 'Performance Report - Quarter 3 2025/26': the quarter the section reports on
           {{ quarter_of_year('clean_text') }} as quarter,
           -- 'Complaints - Mid-Year Report 2025/26': the months of its year the section reports on
           {{ part_year_months('clean_text', 'report_part_year_months') }} as part_year_months
    from {{ batch(ref('int_heading_lines')) }}
    where fy_start_year is not null
),
-- every heading: a figure takes the date of the nearest one only when that one prints a date
as_of_headings as (
    select pack_id, line_number, as_of_date
    from {{ batch(ref('int_heading_lines')) }}
),
area_headings as (
    select pack_id, line_number, service_area_in_force as service_area   -- null: a section of none
    from {{ batch(ref('int_heading_lines')) }}
    where (service_area is not null or closes_service_area)
),
with_fy as (
    select l.*,
           {{ in_own_document('h', 'fy_start_year') }} as heading_fy,
           {{ in_own_document('h', 'quarter') }} as heading_quarter,
           {{ in_own_document('h', 'part_year_months') }} as heading_part_year_months
    from located l
    asof left join fy_headings h on h.pack_id = l.pack_id and l.sentence_first_line > h.line_number
),
with_as_of as (
    select l.*,
           {{ in_own_document('h', 'as_of_date') }} as heading_as_of
    from with_fy l
    asof left join as_of_headings h on h.pack_id = l.pack_id and l.sentence_first_line > h.line_number
),
with_area as (
    select l.*,
           {{ in_own_document('a', 'service_area') }} as heading_service_area
    from with_as_of l
    asof left join area_headings a on a.pack_id = l.pack_id and l.sentence_first_line > a.line_number
),
-- whether a figure's sentence prints a period phrase of its own (some figure's period_text): the
-- sentence before dates only a sentence that prints none; the period of a figure it is compared
-- with is not its own ('The average time to respond ... was 17 working days, compared with 21 in
-- 2023/24' after '... 164 complaints in 2024/25': 17 is 2024/25's), unless the sentence goes
-- from it to a figure of its own ('complaints fell from 320 in 2023/24 to 286': 286 is no figure
-- of the sentence before's period)
dated_sentences as (
    select pack_id, sentence_first_line, sentence
    from {{ batch(ref('stg_prose_numbers')) }}
    where period_text is not null and role is distinct from 'from'
    union
    select f.pack_id, f.sentence_first_line, f.sentence
    from {{ batch(ref('stg_prose_numbers')) }} f
    join {{ batch(ref('stg_prose_numbers')) }} t
      on t.pack_id = f.pack_id and t.sentence_first_line = f.sentence_first_line
     and t.sentence = f.sentence and t.role = 'to'
    where f.period_text is not null and f.role = 'from'
),
-- sentences that only compare the figure before with others ('This compares with a rate of 70
-- per 10,000 for England at 31 March 2025'; var comparing_openers), with the prose before them
comparing_sentences as (
    select pack_id, sentence, any_value(context_before) as context_before
    from {{ batch(ref('stg_prose_numbers')) }}
    where {{ opens_comparing_sentence('sentence') }}
    group by all
    union all
    -- ... and sentences going on about the figure before, naming no period ('Of these, 263 were
    -- unaccompanied asylum-seeking children.' between 'As at 31 December 2025 there were 1,712
    -- children looked after' and 'Excluding UASC, the rate ... is 47 per 10,000'; var
    -- anaphoric_openers): passed over as well
    select pack_id, sentence, any_value(context_before) as context_before
    from {{ batch(ref('stg_prose_numbers')) }}
    where {{ opens_about_figure_before('sentence') }}
    group by all
    having bool_and(period_text is null)
),
-- the prose before a figure's sentence, less a comparing sentence just before it: the sentence
-- before that one is the one it goes on from
narratives as (
    select w.pack_id, w.mention_seq, arg_max(c.context_before, length(c.sentence)) as narrative_before
    from with_area w
    join comparing_sentences c
      on c.pack_id = w.pack_id and c.sentence <> w.sentence
     and {{ is_sentence_before('w.context_before', 'c.sentence') }}
    group by all
),
with_sentence_period as (
    select w.*, d.pack_id is not null as sentence_names_period,
           coalesce(n.narrative_before, w.context_before) as narrative_before
    from with_area w
    left join dated_sentences d
      on d.pack_id = w.pack_id and d.sentence_first_line = w.sentence_first_line
     and d.sentence = w.sentence
    left join narratives n on n.pack_id = w.pack_id and n.mention_seq = w.mention_seq
),
-- a figure whose measure the prose before names takes that prose's period when it has none
inherited as (
    select w.* exclude (sentence_names_period, narrative_before) replace (coalesce(w.period_text, (
        select arg_max(e.period_text, e.mention_seq)
        from {{ batch(ref('stg_prose_numbers')) }} e
        where e.pack_id = w.pack_id and e.mention_seq < w.mention_seq and e.skip_reason is null
          and e.period_text is not null and e.sentence_last_line >= w.sentence_first_line - 1
          and strpos(w.context_before, e.sentence) > 0
    )) as period_text)
    from with_sentence_period w
    where w.measure_source = 'anaphora'
    union all by name
    -- a figure with no period of its own takes the period that opens its sentence, before the
    -- sentence's first figure ('At 31 March 2024 there were 412 children in care, a rate of 71
    -- per 10,000': 71 is at 31 March 2024 too)
    select w.* exclude (sentence_names_period, narrative_before) replace (coalesce(w.period_text, (
        select arg_min(e.period_text, e.mention_seq)
        from {{ batch(ref('stg_prose_numbers')) }} e
        where e.pack_id = w.pack_id and e.sentence_first_line = w.sentence_first_line
          and e.sentence = w.sentence and e.mention_seq < w.mention_seq and e.skip_reason is null
          and e.period_text is not null and strpos(e.before_text, e.period_text) > 0
          and not exists (
              select 1 from {{ batch(ref('stg_prose_numbers')) }} f
              where f.pack_id = e.pack_id and f.sentence_first_line = e.sentence_first_line
                and f.sentence = e.sentence and f.mention_seq < e.mention_seq and f.skip_reason is null)
    ), (
        -- a figure read as the same measure as the figure before it, for another service
        -- ('3,243 children were waiting at 30 September 2025: ..., 915 for occupational therapy
        -- and 366 for physiotherapy') is of that figure's period
        select arg_max(e.period_text, e.mention_seq)
        from {{ batch(ref('stg_prose_numbers')) }} e
        where w.measure_source = 'elliptical'
          and e.pack_id = w.pack_id and e.sentence_first_line = w.sentence_first_line
          and e.sentence = w.sentence and e.mention_seq < w.mention_seq and e.skip_reason is null
          and e.period_text is not null
    ), (
        -- a figure with no period of its own after figures of its sentence that are all of one
        -- period, the figures they are compared with aside ('1,148 children were waiting at 30
        -- September 2025, up from 1,021 at 31 March 2025; 893 (78%) had waited more than 18
        -- weeks'); not from a figure after it ('65% ..., which compares well with the 49%
        -- achieved in 2013/14'), nor from a figure of the other kind (a flow counted over a
        -- period is not at a stock's day: '412 children were in care at 31 March 2025, and 96
        -- started to be looked after'); a comparison printed in brackets ('286 complaints
        -- (2023/24: 265)') is not the sentence's period
        select case when count(distinct e.period_text) = 1 then any_value(e.period_text) end
        from measured e
        where w.role = 'level'
          and e.pack_id = w.pack_id and e.sentence_first_line = w.sentence_first_line
          and e.sentence = w.sentence and e.mention_seq < w.mention_seq and e.skip_reason is null
          and e.period_text is not null and e.role in ('level', 'to')
          and e.period_kind = w.period_kind
          and not {{ bracketed_comparison('e.sentence', 'e.period_text') }}
    ), (
        -- a sentence naming no period at all goes on in the one period of the sentence just
        -- before it ('At 31 March 2024, 1,046 children were waiting. The average wait was 17
        -- weeks'; 'Of those waiting, 147 ...' after '612 were waiting at the end of September
        -- 2025, down from 684 at the end of March 2025': the figure compared with aside); not
        -- when that sentence names two ('125 complaints over the year, only quarter 4 below
        -- 30'); a comparison printed in brackets ('286 complaints (2023/24: 265)') gives the
        -- sentence no period of its own; a sentence only comparing with others between them is
        -- passed over ('At 30 September 2025, 841 children ... This compares with a rate of 70
        -- for England ... at 31 March 2025. The number ... has risen by 33': 33 is at 30
        -- September 2025; var comparing_openers); a level a change is counted from ('has
        -- fallen from 61 weeks to 52 weeks over the same period') is before that period's
        -- end, so takes none of it
        select case when count(distinct e.period_text) = 1 then any_value(e.period_text) end
        from {{ batch(ref('stg_prose_numbers')) }} e
        where w.role <> 'from'
          and e.pack_id = w.pack_id and e.mention_seq < w.mention_seq and e.skip_reason is null
          and e.period_text is not null and e.role <> 'from'
          and (e.sentence_last_line >= w.sentence_first_line - 1
               -- 'Of these, 180 ...' in the next paragraph (var anaphoric_openers)
               or w.about_figure_before)
          and not {{ bracketed_comparison('e.sentence', 'e.period_text') }}
          and e.sentence <> w.sentence and {{ is_sentence_before('w.narrative_before', 'e.sentence') }}
          and not {{ opens_comparing_sentence('e.sentence') }}
          and not w.sentence_names_period
    ), (
        -- a sentence opening 'Of the 1,163 children' is of the period of that figure in the
        -- sentence before ('... to 1,163 at 31 March 2025'), when it names none of its own
        select arg_max(e.period_text, e.mention_seq)
        from {{ batch(ref('stg_prose_numbers')) }} e
        where e.pack_id = w.pack_id and e.mention_seq < w.mention_seq and e.skip_reason is null
          and e.period_text is not null and e.sentence <> w.sentence
          and e.sentence_last_line >= w.sentence_first_line - 2
          and {{ is_sentence_before('w.context_before', 'e.sentence') }}
          and e.number_text = regexp_extract(w.sentence, '(?i)^\W*(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+)?of\s+(?:the|these|those)\s+([0-9][0-9,]*)\b', 1)
          and not w.sentence_names_period
    ), (
        -- a sentence restating the figure before ('This is a rate of 38 per 10,000 children'
        -- after 'At 31 March 2024 there were 1,018 children ..., compared with 983 at 31 March
        -- 2023') is of the period printed before that sentence's figure (var restating_openers)
        select arg_min(e.period_text, e.mention_seq)
        from {{ batch(ref('stg_prose_numbers')) }} e
        where {{ opens_restating_figure_before('w.sentence') }}
          and e.pack_id = w.pack_id and e.mention_seq < w.mention_seq and e.skip_reason is null
          and e.period_text is not null and strpos(e.before_text, e.period_text) > 0
          and e.sentence <> w.sentence and e.sentence_last_line >= w.sentence_first_line - 1
          and {{ is_sentence_before('w.context_before', 'e.sentence') }}
          and not w.sentence_names_period
    )) as period_text)
    from with_sentence_period w
    where w.measure_source is distinct from 'anaphora'
),
-- 'fell by 86 over the quarter, reaching 541 at 30 September': the quarter a stock changed over
-- says no date of its own (the level's is), so only a flow is dated by it
quarter_flows as (
    select w.* replace (
        case when w.period_kind = 'stock' and {{ says_period("coalesce(w.period_text, '')", 'this_quarter') }}
             then null else w.period_text end as period_text)
    from inherited w
),
-- 'At the end of Quarter 2': the quarter of the document's year (else the latest such quarter
-- ended by the report's date) that a stock is as at the end of, and a flow counted to
quarter_ends as (
    select q.*, {{ fq_end('q.end_quarter_fy', 'q.end_quarter') }} as end_quarter_date
    from (
        select e.*,
               coalesce(e.heading_fy, {{ fy_start_year('e.document_title') }},
                        {{ latest_quarter_fy('e.end_quarter', 'coalesce(e.document_date, e.meeting_date)') }})
                   as end_quarter_fy
        from (
            select f.*,
                   coalesce({{ end_of_quarter("coalesce(f.period_text, '')") }},
                            -- 'at the end of the quarter': the quarter the heading or title names
                            case when {{ says_period("coalesce(f.period_text, '')", 'quarter_end') }}
                                 then case when f.heading_fy is not null then f.heading_quarter
                                           else {{ quarter_of_year('f.document_title') }} end end)
                       as end_quarter
            from quarter_flows f
        ) e
    ) q
),
read_periods as (
    select
        w.*,
        coalesce(
            -- 'Quarter 3', 'Quarter 3 2025/26' (its year is printed_fy's)
            {{ numbered_quarter("coalesce(w.period_text, '')") }},
            -- 'in the first quarter of 2025/26'
            {{ ordinal_quarter("coalesce(w.period_text, '')") }},
            -- 'during the quarter': the quarter the heading above (else the title) names with its
            -- year; none named leaves the figure unplaced
            case when {{ says_period("coalesce(w.period_text, '')", 'this_quarter') }}
                 then case when w.heading_fy is not null then w.heading_quarter
                           else {{ quarter_of_year('w.document_title') }} end end
        ) as quarter,
        {{ says_period("coalesce(w.period_text, '')", 'this_quarter') }} as says_this_quarter,
        coalesce(w.heading_fy, {{ fy_start_year('w.document_title') }}) as document_fy,
        -- the last day of the quarter the report is of ('... COMPLIMENTS - QUARTER 3 2025/26' over
        -- it: 31 December 2025), from the heading above that names a year, else the title
        case when w.heading_fy is not null then {{ fq_end('w.heading_fy', 'w.heading_quarter') }}
             else {{ fq_end(fy_start_year('w.document_title'), quarter_of_year('w.document_title')) }}
        end as report_quarter_end,
        -- '2017/18', '1 April 2017 to 31 March 2018'
        {{ fy_start_year("coalesce(w.period_text, '')") }} as printed_fy,
        coalesce(w.end_quarter_date,
                 {{ as_of_date("coalesce(w.period_text, '')", loose=true) }},
                 {{ day_month_in_year("coalesce(w.period_text, '')", 'w.meeting_date') }},
                 {{ month_end_in_year("coalesce(w.period_text, '')", 'w.meeting_date') }},
                 {{ year_end_in_year("coalesce(w.period_text, '')",
                                     "coalesce(w.heading_fy, " ~ fy_start_year('w.document_title') ~ ")",
                                     'w.meeting_date') }}) as printed_as_of,
        -- 'since April', 'year to date': counted from that day to the report's date
        {{ to_date_start("coalesce(w.period_text, '')", 'coalesce(w.document_date, w.meeting_date)') }}
            as to_date_start,
        -- so is a flow since a printed day or month of a year ('Since 1 April 2025, 188 children
        -- have entered care': not the one day 1 April 2025; its day is printed_as_of's, below)
        coalesce(w.period_kind = 'flow' and w.role = 'level'
                 and regexp_matches(w.sentence, '(?i)\bsince\s+' || regexp_escape(w.period_text) || '\b'),
                 false) as counted_since_printed,
        -- 'the first three quarters of 2024/25': the months from the year's start it counts
        {{ part_year_months("coalesce(w.period_text, '')") }} as part_year_months,
        -- the part of its year a report's heading (else its title) names ('Mid-Year Report')
        case when w.heading_fy is not null then w.heading_part_year_months
             else {{ part_year_months('w.document_title', 'report_part_year_months') }} end
            as report_part_year_months,
        -- 'between July and September 2025': the months' first and last day
        {{ month_range_start("coalesce(w.period_text, '')") }} as month_range_start,
        {{ month_range_end("coalesce(w.period_text, '')") }} as month_range_end,
        {{ says_period("coalesce(w.period_text, '')", 'this_year') }} as says_this_year,
        {{ says_period("coalesce(w.period_text, '')", 'last_year', whole=false) }}
            and not {{ says_period("coalesce(w.period_text, '')", 'this_year') }} as says_last_year,
        {{ says_period("coalesce(w.period_text, '')", 'now') }} as says_now,
        regexp_matches(coalesce(w.period_text, ''), '(?i)\b(?:19|20)[0-9]{2}\b') as names_a_year,
        {{ bounds_period("coalesce(w.period_text, '')") }} as period_is_bound,
        regexp_matches(coalesce(w.period_text, ''), '{{ var("rolling_year_phrase") }}') as says_rolling_year,
        -- the months of a span to a printed day ('nine months to 31 December 2025'; var
        -- months_to_phrase), 12 for a year to it
        case lower(regexp_extract(coalesce(w.period_text, ''), '{{ var("months_to_phrase") }}', 1))
            {%- for word, number in var('month_count_words').items() %} when '{{ word }}' then {{ number }}{% endfor %}
            when '' then case when regexp_matches(coalesce(w.period_text, ''), '{{ var("rolling_year_phrase") }}') then 12 end
            else try_cast(regexp_extract(coalesce(w.period_text, ''), '{{ var("months_to_phrase") }}', 1) as integer)
        end as rolling_months
    from quarter_ends w
),
rolling_years as (
    -- a flow over the year to a printed day ('for the year ending 31 March 2025', 'in the 12
    -- months to 31 December 2025', var rolling_year_phrase) is counted over the year that day
    -- ends (one ending 31 March is that fiscal year), not on the day; over the months to it
    -- ('in the nine months to 31 December 2025'), over those months; a stock is as at it
    select
        r.* exclude (says_rolling_year, rolling_months) replace (
            coalesce(r.month_range_start,
                     case when r.rolling_months between 1 and 12 and r.period_kind = 'flow' and r.printed_as_of is not null
                          then (r.printed_as_of + interval 1 day - to_months(r.rolling_months))::date end) as month_range_start,
            coalesce(r.month_range_end,
                     case when r.rolling_months between 1 and 12 and r.period_kind = 'flow' then r.printed_as_of end)
                as month_range_end)
    from read_periods r
),
periods as (
    select
        r.* exclude (counted_since_printed, report_part_year_months) replace (
            -- (a report's part year counts only for a figure it dates: period_type part_year)
            coalesce(r.part_year_months, r.report_part_year_months) as part_year_months,
            -- a flow since a printed day counts from it; since a month, from its first day
            coalesce(r.to_date_start,
                     case when r.counted_since_printed and r.printed_as_of is not null
                          then case when regexp_matches(r.period_text, '^\s*[0-9]') then r.printed_as_of
                                    else date_trunc('month', r.printed_as_of)::date end end)
                as to_date_start,
            -- the quarter a flow's run of months makes (1 = April-June)
            case when r.month_range_start is not null and r.period_kind = 'flow'
                  and month(r.month_range_start) in (1, 4, 7, 10)
                  and r.month_range_end = (r.month_range_start + interval 3 month - interval 1 day)::date
                 then cast((month(r.month_range_start) + 8) % 12 // 3 + 1 as integer)
                 when r.month_range_start is not null and r.period_kind = 'flow' then null
                 else r.quarter end as quarter),
        case
            -- 'Prior to the inspection in February 2022, ... 26 weeks': no period of its own
            when r.period_is_bound then 'unplaced'
            -- a flow over a run of months ('Between July and September 2025, 38 children came into
            -- care'): the fiscal quarter they make, else their span of days (a stock keeps the
            -- day the phrase's last month reads as, below)
            when r.month_range_start is not null and r.period_kind = 'flow'
             and month(r.month_range_start) in (1, 4, 7, 10)
             and r.month_range_end = (r.month_range_start + interval 3 month - interval 1 day)::date
                then 'fiscal_quarter'
            -- 'from April 2025 to March 2026' is the fiscal year
            when r.month_range_start is not null and r.period_kind = 'flow'
             and month(r.month_range_start) = 4
             and r.month_range_end = (r.month_range_start + interval 12 month - interval 1 day)::date
                then 'fiscal_year'
            when r.month_range_start is not null and r.period_kind = 'flow' then 'month_range'
            -- the first months of a printed year: from its 1 April to their end (var
            -- part_year_months), not the whole year
            when r.printed_fy is not null and r.part_year_months is not null then 'part_year'
            -- ... of the report's year ('the first three quarters of the year')
            when r.part_year_months is not null and r.document_fy is not null
             and {{ says_period("coalesce(r.period_text, '')", 'this_year', whole=false) }}
                then 'part_year'
            when r.printed_fy is not null and r.quarter is not null then 'fiscal_quarter'
            -- a flow 'at the end of Quarter 2' is counted from its year's start to then
            when r.end_quarter is not null and r.period_kind = 'flow' then 'quarter_to_date'
            when r.printed_fy is not null then 'fiscal_year'
            -- a quarter with no year printed near it is of the document's year, else the
            -- latest such quarter ended by the report's date
            when r.quarter is not null then 'fiscal_quarter'
            when r.says_this_quarter then 'unplaced'
            -- a flow since a printed day ('Since 1 April 2025, 188 children have entered care')
            when r.printed_as_of is not null and r.counted_since_printed then 'to_date'
            when r.printed_as_of is not null then 'as_of'
            when r.names_a_year then 'unplaced'
            -- a stock printed with no period right under a dated heading ('2. Waiting times at 30
            -- September 2025', a table's caption: the nearest heading above it) is as at the
            -- heading's date; minutes are dated by their title
            when r.period_text is null and r.period_kind = 'stock' and r.heading_as_of is not null
             and r.document_date is null
                then 'heading_as_of'
            -- a flow counted to date ('Since April, 87 children have entered care'); a stock
            -- 'since April' ('has risen since April to 1,142') is the stock now
            when r.to_date_start is not null and r.period_kind = 'flow' then 'to_date'
            -- a stock 'over the last 12 months' is the stock now ('reduced the number of children
            -- we look after by 5% in the last 12 months'): at the day its report states its
            -- figures are at, else the meeting's
            when r.says_this_year and r.period_kind = 'stock'
                then case when r.stated_as_of is not null then 'stated_as_of' else 'meeting_date' end
            -- a flow 'to date' is the year so far ('there are 8 outcomes to date' in an annual report)
            when r.says_now and r.period_kind = 'flow' and r.document_fy is not null then 'fiscal_year'
            when (r.says_this_year or r.says_last_year) and r.document_fy is not null then 'fiscal_year'
            -- a count over time printed with no period in a yearly report is of the report's year
            -- (complaints received, children starting care: not the meeting's day); waiting-times
            -- flows are counted by month and stay dated by the report
            when r.period_text is null and (r.domain = 'complaints' or r.period_kind = 'flow')
             and r.domain <> 'waiting_times' and r.document_fy is not null
                -- ... or of its part year ('Mid-Year Report 2025/26': April to September)
                then case when r.report_part_year_months is not null then 'part_year' else 'fiscal_year' end
            -- a stock with no period of its own, or printed as it is now ('the longest wait is
            -- now 158 weeks'), in a report stating the day its figures are at
            when (r.period_text is null or r.says_now) and r.period_kind = 'stock' and r.stated_as_of is not null
                then 'stated_as_of'
            else 'meeting_date'
        end as period_type,
        case
            when r.printed_fy is not null then r.printed_fy
            when r.month_range_start is not null and r.period_kind = 'flow'
                then {{ fy_of('r.month_range_start') }}
            when r.says_last_year then r.document_fy - 1
            when r.quarter is not null and r.document_fy is null
                then {{ latest_quarter_fy('r.quarter', 'coalesce(r.document_date, r.meeting_date)') }}
            else r.document_fy
        end as fy,
        case
            when r.printed_fy is not null or r.printed_as_of is not null
              or r.month_range_start is not null then 'sentence'
            when r.heading_fy is not null then 'heading'
            else 'document_title'
        end as fy_source
    from rolling_years r
)
select * from periods
