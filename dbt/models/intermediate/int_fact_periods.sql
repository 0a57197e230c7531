-- The period of every printed value, and where it was read from (period_source).
-- Month: the column or row label ('Apr-23'; 'Apr' in the fiscal or calendar year printed around
-- it): a stock is at the month's end (as_of), a flow is counted over the month (period_type
-- month, M2023-04).
-- Fiscal year: the column, the row label, the caption, the heading above, the sentence introducing
-- the table, the document title. As-of date: the column, the row,
-- the as-of phrase, the caption, the heading, the introducing sentence, the title. Calendar year
-- ('in 2017'): the row, the caption, the introducing sentence.
-- The nearer text wins: a period printed in the value's own column or row beats one in the
-- caption, which beats a heading or the introducing sentence, which beats the title. Printed at the
-- same distance, a stock (waiting list, children in care; seed measure_catalogue.period_kind) is at
-- a date, so an as-of date wins over a year; a flow (complaints, entries to care) is counted over
-- a period, so a year or quarter wins. Only when nothing prints a period is the meeting date used
-- (period_type and period_source 'meeting_date'): BI views flag or leave out those rows.
-- A quarter of a fiscal year is a flow's period (its column, its row, or the caption naming it
-- with the year: 'Stage 1 complaints by directorate, Quarter 2 2025/26'); a stock printed for a quarter ('Children looked
-- after | Q1 | Q2') is as at the quarter's last day, as a stock printed for a month is, unless the
-- table prints months too ('Apr-24 | May-24 | Jun-24 | Q1 2024/25': the quarter's own figure).
-- A stock printed in a year's column ('2023/24 outturn' beside the quarters) is as at the year's
-- end, 31 March (period_source 'column+year_end'). A flow in a column that is a quarter and prints
-- the quarter's last month too ('2024/25' / 'Q3' / 'Dec 2024') is counted over the quarter.
-- A change column printing no period ('Change on last year') right of two or more fiscal years'
-- columns is the change to the latest of them (period_source 'latest_column'); so is one naming
-- the year it is counted from ('Change on 2024/25'), to the latest year after that one.
-- A share of the total printing no period ('% of total') right of two or more dated columns is
-- the share at the latest of them (as_of, period_source 'latest_column').
{# a column printing no period of its own (no year, quarter, day or month) #}
{% set col_prints_no_period %}o.col_fy is null and o.quarter is null and o.col_as_of is null and o.col_month is null
            and o.col_label_month is null and o.col_month_number is null{% endset %}
{# a fiscal year's column naming the months it counts from April (var fy_months_so_far), its
   quarters from the first (var fy_quarters_so_far) or its first half (var fy_first_half_label):
   the month they end with #}
{% set so_far_re = var('fy_months_so_far') | replace('{month}', month_alternation()) %}
{% set month_run = var('fy_month_run_label') | replace('{month}', month_alternation()) %}
{% set so_far_quarter = "try_cast(nullif(regexp_extract(o.column_name, '" ~ var('fy_quarters_so_far') ~ "', 1), '') as integer)" %}
{% set so_far_month = "coalesce(" ~ month_number("regexp_extract(o.column_name, '" ~ so_far_re ~ "', 1)")
    ~ ", (" ~ so_far_quarter ~ " * 3 + 2) % 12 + 1"
    ~ ", case when regexp_matches(o.column_name, '" ~ var('fy_first_half_label') ~ "') then 9 end"
    ~ ", " ~ month_number("regexp_extract(o.column_name, '" ~ month_run ~ "', 1)") ~ ")" %}
{# a value's own labels: its column's header and its row's label #}
{% set own_labels = "concat_ws(' | ', o.column_name, o.row_label)" %}
with obs as (
    select
        o.pack_id, o.table_id, o.row_index, o.col_index, o.part, o.component,
        -- a quarter heads the value's column ('Q2'), or is its row's label ('Q1 (Apr-Jun)')
        coalesce(o.quarter, o.row_quarter) as quarter,
        case when o.quarter is not null then 'column' when o.row_quarter is not null then 'row_label' end
            as quarter_source,
        o.col_fy, o.row_fy, o.col_as_of, o.col_month, o.row_as_of, o.row_calendar_year, o.col_span_months,
        o.row_month, o.col_label_month, o.col_month_number, o.row_month_number,
        coalesce(mc.period_kind, case when o.domain = 'complaints' then 'flow' else 'stock' end)
            as period_kind,
        -- a report titled by a part of its year ('... Mid-Year Report 2025/26'): the months from
        -- the year's 1 April that its tables' flows printing no period of their own count
        {{ part_year_months('o.document_title', 'report_part_year_months') }} as title_part_year_months,
        -- the table prints months too: its quarter column is the quarter's own figure (an
        -- average wait over the quarter beside the months'), not a point at the quarter's end
        bool_or(o.col_month is not null or o.col_label_month is not null or o.col_month_number is not null)
            over (partition by o.table_id) as table_has_months,
        -- ... unless it prints its last day in brackets ('Q2 25/26 (30 Sep)' beside 'Nov-25'): a
        -- point at that day
        coalesce(regexp_matches(o.column_name, '(?i)\(\s*[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:{{ month_alternation() }})\.?\s*\)'), false)
            as quarter_prints_day,
        -- the columns its quarter heads: one, when each column is a quarter ('Q3' over 'Dec 2024'),
        -- three when a quarter spans its months ('Q1' over 'Apr | May | Jun')
        count(distinct o.col_index) over (partition by o.table_id, o.quarter, o.col_fy) as quarter_columns,
        -- a column naming the same span of an earlier year ('Same period 2024/25' beside '2025/26
        -- year to date'; var same_span_words): the year so far's span, that many years before
        coalesce(regexp_matches({{ own_labels }}, '{{ var("same_span_words") }}'), false) as says_same_span,
        -- a column or a row counting a year so far ('2025/26 | year to date', a row 'Year to
        -- date' under rows of quarters; var year_to_date_label), or that same span
        coalesce(regexp_matches({{ own_labels }}, '{{ var("year_to_date_label") }}'), false)
            or {{ so_far_month }} is not null or says_same_span as says_to_date,
        -- ... or a fiscal year's column naming the months it counts from April ('2025/26 (Apr -
        -- Sep)'): the year to that month's end
        case when o.col_fy is not null and {{ so_far_month }} is not null
             then last_day(make_date(o.col_fy + case when {{ so_far_month }} < 4 then 1 else 0 end,
                                     {{ so_far_month }}, 1)) end as col_months_to,
        -- a flow's row or column saying it counts a quarter or a year (var flow_period_words)
        coalesce(regexp_matches({{ own_labels }}, '{{ var("flow_period_words")["quarter"] }}'), false)
            as says_a_quarter,
        coalesce(regexp_matches({{ own_labels }}, '{{ var("flow_period_words")["year"] }}'), false)
            as says_a_year,
        -- a change column printing no period of its own ('Change on last year'), and the
        -- columns of a fiscal year's actual figures
        o.col_value_type = 'change' and {{ col_prints_no_period }} as is_bare_change_col,
        -- a change column naming the year it is counted from ('Change on 2024/25', 'Change since
        -- 2023/24'): that year is its comparison, not its own
        o.col_value_type = 'change' and o.col_fy is not null and o.quarter is null
            and o.col_month is null and o.col_label_month is null and o.col_month_number is null
            and regexp_matches(o.column_name,
                '(?i)\b(?:{{ (var("change_from_words") + var("comparison_period_words")) | join("|") }})\s+(?:the\s+)?(?:fy\s?)?(?:19|20)[0-9]{2}')
            as is_change_on_year_col,
        o.col_fy is not null and o.quarter is null and o.col_month is null
            and o.col_label_month is null and o.col_month_number is null
            and coalesce(o.col_value_type, 'actual') = 'actual' as is_year_col,
        -- a share of the total printing no period of its own ('% of total')
        coalesce(regexp_matches(o.column_name, '{{ var("share_of_total_label") }}'), false)
            and {{ col_prints_no_period }} as is_bare_share_col,
        bool_or(o.quarter is not null or o.col_month is not null or o.col_label_month is not null
                or o.col_month_number is not null) over (partition by o.table_id) as table_has_part_years,
        -- a stock's actual figure in a column and row printing no period at all ('Waiting over
        -- 18 weeks | Median wait' right of 'Waiting list 30 Jun 2025 | 30 Sep 2025')
        coalesce(mc.period_kind, 'stock') = 'stock' and coalesce(o.col_value_type, 'actual') = 'actual'
            and {{ col_prints_no_period }} and o.row_quarter is null and o.row_fy is null
            and o.row_as_of is null and o.row_month is null and o.row_month_number is null
            and o.row_calendar_year is null as is_undated_stock
    from {{ batch(ref('int_observations')) }} o
    left join {{ ref('measure_catalogue') }} mc using (measure)
),
year_columns as (
    select distinct table_id, col_index, col_fy from obs where is_year_col
),
-- a share of the total right of two or more dated columns ('31 Mar 2025 | 30 Sep 2025 | 31 Dec
-- 2025 | % of total'): the share at the latest of them, the column its counts are shares of
dated_columns as (
    -- (as-at dates only: a share beside months of flows is of their span, not of the last month)
    select distinct table_id, col_index, col_as_of as col_date
    from obs where col_as_of is not null
),
share_columns_dated as (
    select s.table_id, s.col_index,
           case when count(distinct d.col_date) >= 2 then max(d.col_date) end as share_col_as_of
    from (select distinct table_id, col_index from obs where is_bare_share_col) s
    join dated_columns d on d.table_id = s.table_id and d.col_index < s.col_index
    group by all
),
-- the days the columns of a stock print ('31 Dec 2025'; 'Sep 2025 | Dec 2025': their months' ends)
stock_dates as (
    select distinct table_id, col_index,
           coalesce(col_as_of, last_day(coalesce(col_label_month, col_month))) as col_date
    from obs
    where period_kind = 'stock' and coalesce(col_as_of, col_label_month, col_month) is not null
),
-- a change column printing no period ('Change on last year') right of columns of two or more
-- fiscal years' actual figures ('2023/24 | 2024/25 | 2025/26'): the change to the latest of
-- them; not beside quarters or months (a change between them says no year), nor dated by a
-- target's column
changes_dated as (
    select c.* replace (case when c.change_col_fy is not null then null else c.col_fy end as col_fy)
    from (
        select o.*,
               case when o.is_bare_change_col and not o.table_has_part_years then (
                        select case when count(distinct y.col_fy) >= 2 then max(y.col_fy) end
                        from year_columns y
                        where y.table_id = o.table_id and y.col_index < o.col_index)
                    -- one counted from a year it names: the latest year's column left of it, later
                    -- than that year
                    when o.is_change_on_year_col and not o.table_has_part_years then (
                        select max(y.col_fy) from year_columns y
                        where y.table_id = o.table_id and y.col_index < o.col_index
                          and y.col_fy > o.col_fy) end as change_col_fy,
               -- a change of a stock right of two or more of its dated columns ('Sep 2025 | Dec
               -- 2025 | Change'): the change to the latest of them
               case when o.is_bare_change_col and o.period_kind = 'stock' then (
                        select case when count(distinct x.col_date) >= 2 then max(x.col_date) end
                        from stock_dates x
                        where x.table_id = o.table_id and x.col_index < o.col_index) end
                   as change_col_as_of,
               sd.share_col_as_of,
               -- a stock column printing no period right of columns of a stock's days: at the
               -- latest of them, the table's own day (not the meeting's)
               case when o.is_undated_stock and not coalesce(o.is_bare_change_col, false)
                     and not coalesce(o.is_bare_share_col, false) then (
                        select max(x.col_date) from stock_dates x
                        where x.table_id = o.table_id and x.col_index < o.col_index) end
                   as undated_col_as_of
        from obs o
        left join share_columns_dated sd on sd.table_id = o.table_id and sd.col_index = o.col_index
    ) c
),
{#- a quarter printing no year ('Q1 | Q2 | Total') under a caption's run of months within one
    fiscal year ('..., April - September 2025'): that year's quarter, not the run's last day #}
{%- set span_fiscal_year -%}
case when o.quarter is not null and t.caption_range_start is not null
      and year(t.caption_range_start - interval 3 month) = year(t.caption_range_end - interval 3 month)
     then year(t.caption_range_start - interval 3 month) end
{%- endset %}
read as (
    select
        -- a caption naming a quarter with its year ('..., Quarter 2 2025/26') dates the values
        -- of a table whose columns and rows print no period of their own; not a year-to-date
        -- column's ('YTD' under '..., Q1-Q3 2025/26': counted from the year's start)
        o.* replace (
            coalesce(o.quarter, case when coalesce(o.col_fy, o.row_fy) is null and t.caption_fy is not null
                                      and not o.says_to_date and not o.prints_own_day
                                     then t.caption_quarter end) as quarter,
            coalesce(o.quarter_source, case when coalesce(o.col_fy, o.row_fy) is null and t.caption_fy is not null
                                              and not o.says_to_date and not o.prints_own_day
                                              and t.caption_quarter is not null then 'caption' end)
                as quarter_source),
        p.meeting_date,
        coalesce(o.col_fy, o.change_col_fy, o.row_fy, t.caption_fy, {{ span_fiscal_year }}, t.heading_fy,
                 t.lead_in_fy, t.title_fy) as fy_start_year,
        case when o.col_fy is not null then 'column'
             when o.change_col_fy is not null then 'latest_column'
             when o.row_fy is not null then 'row_label'
             when t.caption_fy is not null or {{ span_fiscal_year }} is not null then 'caption'
             when t.heading_fy is not null then 'heading'
             when t.lead_in_fy is not null then 'lead_in'
             when t.title_fy is not null then 'document_title' end as fy_source,
        -- a stock under a caption's run of days is at its last day; a flow is counted over it
        coalesce(o.col_as_of, last_day(o.col_month), o.share_col_as_of, o.change_col_as_of, o.row_as_of, t.as_of_text_date,
                 t.caption_as_of, t.caption_range_end, o.undated_col_as_of, t.heading_as_of, t.lead_in_as_of,
                 -- a stock's day stated once for the report ('Unless otherwise stated, all figures
                 -- are as at ...'); a flow is counted over a period, not at a day
                 case when o.period_kind = 'stock' then t.stated_as_of end, t.title_as_of)
            as printed_as_of,
        case when o.col_as_of is not null or o.col_month is not null then 'column'
             when o.share_col_as_of is not null or o.change_col_as_of is not null then 'latest_column'
             when o.row_as_of is not null then 'row_label'
             when t.as_of_text_date is not null then 'as_of_text'
             when t.caption_as_of is not null or t.caption_range_end is not null then 'caption'
             when o.undated_col_as_of is not null then 'latest_column'
             when t.heading_as_of is not null then 'heading'
             when t.lead_in_as_of is not null then 'lead_in'
             when o.period_kind = 'stock' and t.stated_as_of is not null then 'document_statement'
             when t.title_as_of is not null then 'document_title' end as as_of_source,
        coalesce(o.row_calendar_year, t.caption_calendar_year, t.lead_in_calendar_year) as calendar_year,
        case when o.row_calendar_year is not null then 'row_label'
             when t.caption_calendar_year is not null then 'caption'
             when t.lead_in_calendar_year is not null then 'lead_in' end as calendar_year_source,
        t.caption_range_start,
        t.caption_range_end
    from (
        -- a row or column printing its own day or month ('30 Sept 2025' under a report's title
        -- of 'Quarter 3 2025/26') is of that day, not of the caption's quarter
        select *, coalesce(col_as_of, row_as_of, col_month) is not null as prints_own_day
        from changes_dated
    ) o
    join {{ batch(ref('int_table_periods')) }} t on t.table_id = o.table_id
    join {{ batch(ref('stg_packs')) }} p on p.pack_id = o.pack_id
),
monthly as (
    -- the month a column or row is ('Apr-23'; 'Apr' in the year printed around it: a fiscal
    -- year's April-December are its first calendar year, January-March its second), kept only
    -- within ten years before and a year after the meeting, inside the fact gate's window
    -- (period_near_meeting): 'Jun 30' is no month of 2030, and cannot quarantine its pack
    select
        r.* exclude (month_no, read_month),
        case when r.read_month between r.meeting_date - interval 10 year
                                   and r.meeting_date + interval 1 year
             then r.read_month end as month_start
    from (
        select r.*, coalesce(r.col_label_month, r.row_month, case
            when r.month_no is null then null
            when r.fy_start_year is not null
                then make_date(r.fy_start_year + case when r.month_no < 4 then 1 else 0 end, r.month_no, 1)
            when r.calendar_year is not null then make_date(r.calendar_year, r.month_no, 1)
            when r.printed_as_of is not null
                then make_date(year(r.printed_as_of)
                               - case when r.month_no > month(r.printed_as_of) then 1 else 0 end, r.month_no, 1)
        end)::date as read_month
        from (select *, coalesce(col_month_number, row_month_number) as month_no from read) r
    ) r
),
placed as (
    -- a month is the period of its column's or row's values (a date column's day comes first):
    -- a stock is at the month's end, a flow counted over the month
    select
        r.* exclude (printed_as_of, as_of_source),
        r.month_start is not null and r.col_as_of is null as in_month,
        case when r.col_label_month is not null or r.col_month_number is not null then 'column' else 'row_label' end
            || case when r.col_label_month is null and r.row_month is null
                    then '+' || coalesce(r.fy_source, r.calendar_year_source, r.as_of_source) else '' end
            as month_source,
        case when r.month_start is not null and r.col_as_of is null and r.period_kind = 'stock'
             then last_day(r.month_start)
             when r.quarter is not null and r.fy_start_year is not null and r.col_as_of is null
              and r.period_kind = 'stock' and (not r.table_has_months or r.quarter_prints_day)
             then {{ fq_end('r.fy_start_year', 'r.quarter') }}
             -- a stock in a year's column ('2023/24 outturn' beside the quarters) is at its end
             when r.quarter is null and r.fy_source in ('column', 'latest_column') and r.month_start is null
              and r.col_as_of is null and r.period_kind = 'stock'
             then make_date(r.fy_start_year + 1, 3, 31)
             else r.printed_as_of end as printed_as_of,
        case when r.month_start is not null and r.col_as_of is null and r.period_kind = 'stock'
             then 'month'
             when r.quarter is not null and r.fy_start_year is not null and r.col_as_of is null
              and r.period_kind = 'stock' and (not r.table_has_months or r.quarter_prints_day)
             then 'quarter'
             when r.quarter is null and r.fy_source in ('column', 'latest_column') and r.month_start is null
              and r.col_as_of is null and r.period_kind = 'stock'
             then 'year'
             else r.as_of_source end as as_of_source
    from monthly r
),
ranked as (
    -- how near the value each period was printed: 1 its column or row, 2 the table's own
    -- caption or as-of phrase, 3 a heading or the introducing sentence, 4 the document title
    select
        r.*,
        case coalesce(r.fy_source, r.calendar_year_source)
            when 'column' then 1 when 'latest_column' then 1 when 'row_label' then 1 when 'caption' then 2
            when 'heading' then 3 when 'lead_in' then 3 when 'document_title' then 4 end as year_rank,
        case r.as_of_source
            when 'month' then 0 when 'quarter' then 0 when 'year' then 0 when 'column' then 1
            when 'latest_column' then 1 when 'row_label' then 1 when 'as_of_text' then 2 when 'caption' then 2
            when 'heading' then 3 when 'lead_in' then 3 when 'document_statement' then 3
            when 'document_title' then 4 end as as_of_rank
    from placed r
),
-- a flow in a column of a day ('Children starting care in quarter' under '31 March 2025';
-- 'Children who started to be looked after (year / year to date)' under '31 March 2025 | 31
-- December 2025'): counted over the quarter or the year (so far) that day ends, as its row or
-- column says (var flow_period_words), not on the day; a flow saying it counts a quarter under
-- a column of a quarter's last month ('Started to be in care in quarter' under 'Mar 2025 | Jun
-- 2025') is counted over that quarter, not the month
flows_to_a_day as (
    select r.* exclude (counts, counted_to) replace (
        case when r.counts is not null then {{ fy_of('r.counted_to') }} else r.fy_start_year end as fy_start_year,
        case when r.counts = 'quarter' then cast((month(r.counted_to) + 8) % 12 // 3 + 1 as integer)
             else r.quarter end as quarter,
        case when r.counts is not null then null else r.month_start end as month_start,
        r.in_month and r.counts is null as in_month,
        case when r.counts is not null then 'column' else r.fy_source end as fy_source,
        case when r.counts is not null then 1 else r.year_rank end as year_rank,
        case when r.counts is not null then null else r.printed_as_of end as printed_as_of,
        -- (a year to 31 March is the whole fiscal year)
        case when r.counts = 'year' then not (month(r.col_as_of) = 3 and day(r.col_as_of) = 31)
             else r.says_to_date end as says_to_date),
        case when r.counts = 'year' then r.col_as_of end as flow_to_day
    from (
        select r.*,
               case when r.period_kind <> 'flow' or r.quarter is not null or r.counted_to is null
                         or r.col_span_months is not null then null
                    when r.says_a_quarter and r.counted_to = last_day(r.counted_to)
                         and month(r.counted_to) in (3, 6, 9, 12) then 'quarter'
                    when r.says_a_year and r.col_as_of is not null then 'year' end as counts
        from (
            select r.*,
                   -- the day a column ends: its date, or the last day of its month
                   case when r.col_as_of is not null and r.month_start is null then r.col_as_of
                        when r.col_as_of is null and r.month_start is not null
                         and (coalesce(r.col_label_month, r.col_month) is not null or r.col_month_number is not null)
                        then last_day(r.month_start) end as counted_to
            from ranked r
        ) r
    ) r
),
typed as (
    select
        r.*,
        case
            -- a flow in a column counting a run of months up to its day ('Rolling 12 months to
            -- Sep 25'): counted over those months
            when r.col_span_months is not null and r.col_as_of is not null and r.period_kind = 'flow'
                then 'rolling_span'
            -- a flow under a caption's run of days or months ('..., 1 April to 31 December 2025')
            -- whose column and row print no period of their own: counted over it
            when r.caption_range_start is not null and r.period_kind <> 'stock' and r.month_start is null
             and r.quarter is null and coalesce(r.year_rank, 9) >= 2 and coalesce(r.as_of_rank, 9) >= 2
                then 'caption_range'
            -- a flow in a quarter's own column that also prints the quarter's last month ('Q3' /
            -- 'Dec 2024'): counted over the quarter, not the month
            when r.in_month and r.period_kind <> 'stock'
             and not (r.quarter_source = 'column' and r.fy_start_year is not null and r.quarter_columns = 1
                      and last_day(r.month_start) = {{ fq_end('r.fy_start_year', 'r.quarter') }})
                then 'month'
            -- a stock in a year-to-date column ('YTD 2025/26' beside 'Q2 | Q3') is the year so
            -- far, as a flow there is (not the year's end, 31 March of a year not yet over)
            when r.says_to_date and r.period_kind = 'stock' and r.fy_source in ('column', 'latest_column')
             and r.quarter is null and r.month_start is null and r.col_as_of is null
                then 'to_date'
            when r.printed_as_of is not null
             and (coalesce(r.fy_start_year, r.calendar_year) is null or r.as_of_rank < r.year_rank
                  or (r.as_of_rank = r.year_rank and r.period_kind = 'stock'))
                then 'as_of'
            when r.fy_start_year is not null and r.quarter is not null then 'fiscal_quarter'
            -- a flow dated only by a heading's, a lead-in's or the title's year, in a report
            -- titled by a part of that year ('Mid-Year Report 2025/26'): counted over that part
            when r.fy_source in ('heading', 'lead_in', 'document_title') and r.period_kind = 'flow'
             and r.title_part_year_months is not null and r.month_start is null
                then 'to_date'
            -- a flow in a year-to-date column is counted from the year's 1 April to the end of the
            -- table's latest quarter of that year, else to the meeting (not the whole year)
            when r.says_to_date and r.fy_start_year is not null and r.period_kind = 'flow'
                then 'to_date'
            when r.fy_start_year is not null then 'fiscal_year'
            when r.calendar_year is not null then 'calendar_year'
            else 'meeting_date'
        end as period_type,
        max(case when r.quarter is not null and r.quarter_source in ('column', 'row_label') and r.fy_start_year is not null
                 then {{ fq_end('r.fy_start_year', 'r.quarter') }} end)
            over (partition by r.table_id, r.fy_start_year) as latest_quarter_end
    from flows_to_a_day r
),
own_spans as (
    select s.*,
           case when s.period_type = 'to_date'
                then coalesce(s.col_months_to, s.flow_to_day, s.latest_quarter_end,
                              case when s.fy_source in ('heading', 'lead_in', 'document_title')
                                   then {{ part_year_end('s.fy_start_year', 's.title_part_year_months') }} end,
                              least(s.meeting_date, make_date(s.fy_start_year + 1, 3, 31))) end as own_end
    from typed s
),
spanned as (
    -- a same span of an earlier year ends as the table's latest year so far does, that many
    -- years before
    select s.* exclude (own_end),
           case when s.says_same_span and s.period_type = 'to_date' and s.fy_start_year < y.fy_start_year
                then cast(y.own_end - to_years(y.fy_start_year - s.fy_start_year) as date)
                else s.own_end end as to_date_end
    from own_spans s
    left join (select table_id, arg_max(own_end, fy_start_year) as own_end, max(fy_start_year) as fy_start_year
               from own_spans
               where period_type = 'to_date' and not says_same_span
               group by table_id) y on y.table_id = s.table_id
)
select
    s.pack_id,
    s.table_id,
    s.row_index,
    s.col_index,
    s.part,
    s.component,
    case when s.period_type in ('caption_range', 'rolling_span') then 'to_date' else s.period_type end as period_type,
    case s.period_type
        when 'caption_range' then s.caption_range_start
        when 'rolling_span' then {{ rolling_span_start('s.col_as_of', 's.col_span_months') }}
        when 'fiscal_quarter' then {{ fq_start('s.fy_start_year', 's.quarter') }}
        when 'fiscal_year' then make_date(s.fy_start_year, 4, 1)
        when 'calendar_year' then make_date(s.calendar_year, 1, 1)
        when 'month' then s.month_start
        when 'to_date' then make_date(s.fy_start_year, 4, 1)
    end as period_start,
    case s.period_type
        when 'caption_range' then s.caption_range_end
        when 'rolling_span' then s.col_as_of
        when 'fiscal_quarter' then {{ fq_end('s.fy_start_year', 's.quarter') }}
        when 'fiscal_year' then make_date(s.fy_start_year + 1, 3, 31)
        when 'calendar_year' then make_date(s.calendar_year, 12, 31)
        when 'month' then last_day(s.month_start)
        when 'to_date' then s.to_date_end
    end as period_end,
    case s.period_type
        when 'as_of' then s.printed_as_of
        when 'meeting_date' then s.meeting_date
    end as as_of_date,
    case s.period_type
        when 'fiscal_quarter' then 'FY' || {{ fy_label('s.fy_start_year') }} || '-Q' || s.quarter
        when 'fiscal_year' then 'FY' || {{ fy_label('s.fy_start_year') }}
        when 'calendar_year' then 'CY' || s.calendar_year
        when 'month' then 'M' || strftime(s.month_start, '%Y-%m')
        when 'as_of' then 'D' || strftime(s.printed_as_of, '%Y-%m-%d')
        when 'to_date' then 'R' || strftime(make_date(s.fy_start_year, 4, 1), '%Y-%m-%d') || '/'
                            || strftime(s.to_date_end, '%Y-%m-%d')
        when 'caption_range' then 'R' || strftime(s.caption_range_start, '%Y-%m-%d') || '/'
                                  || strftime(s.caption_range_end, '%Y-%m-%d')
        when 'rolling_span' then 'R' || strftime({{ rolling_span_start('s.col_as_of', 's.col_span_months') }}, '%Y-%m-%d')
                                 || '/' || strftime(s.col_as_of, '%Y-%m-%d')
        else 'D' || strftime(s.meeting_date, '%Y-%m-%d')
    end as period_id,
    case when s.period_type in ('fiscal_year', 'fiscal_quarter', 'to_date') then {{ fy_label('s.fy_start_year') }}
         -- a caption's run of days inside one fiscal year is of that year
         when s.period_type = 'caption_range'
          and {{ fy_of('s.caption_range_start') }} = {{ fy_of('s.caption_range_end') }}
             then {{ fy_label(fy_of('s.caption_range_start')) }}
         when s.period_type = 'rolling_span'
          and {{ fy_of(rolling_span_start('s.col_as_of', 's.col_span_months')) }} = {{ fy_of('s.col_as_of') }}
             then {{ fy_label(fy_of('s.col_as_of')) }} end
        as fiscal_year,
    case when s.period_type = 'fiscal_quarter' then s.quarter end as fiscal_quarter,
    case s.period_type
        when 'fiscal_quarter' then s.quarter_source || '+' || s.fy_source
        when 'fiscal_year' then s.fy_source
        when 'to_date' then s.fy_source || '+to_date'
        when 'caption_range' then 'caption'
        when 'rolling_span' then 'column'
        when 'calendar_year' then s.calendar_year_source
        when 'month' then s.month_source
        when 'as_of' then case s.as_of_source when 'month' then s.month_source
                               when 'quarter' then s.quarter_source || '+' || s.fy_source
                               when 'year' then s.fy_source || '+year_end'
                               else s.as_of_source end
        else 'meeting_date' end as period_source
from spanned s
