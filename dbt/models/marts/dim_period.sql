{{ config(materialized='table') }}
-- Cross-pack: rebuilt whole after the fact gate has passed or quarantined the packs
-- just transformed (the depends_on lines order it after the fact tables).
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- depends_on: {{ ref('fct_decisions') }}
-- Periods: UK fiscal years (1 April - 31 March) and quarters (Q1 = April-June) from FY2000/01 to
-- FY2040/41, calendar years (CY2017: 'subject to a plan in 2017'), calendar months, every
-- as-of date a fact uses, and every span a flow is counted over to date ('since April': R<start>/<end>).
with years as (
    select range as y from range(2000, 2041)
),
fiscal_years as (
    select 'FY' || {{ fy_label('y') }} as period_id, 'fiscal_year' as period_type,
           make_date(y, 4, 1) as period_start, make_date(y + 1, 3, 31) as period_end,
           null::date as as_of_date, {{ fy_label('y') }} as fiscal_year, null::integer as fiscal_quarter
    from years
),
fiscal_quarters as (
    select 'FY' || {{ fy_label('y') }} || '-Q' || q, 'fiscal_quarter',
           {{ fq_start('y', 'q') }}, {{ fq_end('y', 'q') }}, null::date, {{ fy_label('y') }}, q
    from years cross join range(1, 5) as r(q)
),
calendar_years as (
    select 'CY' || y, 'calendar_year', make_date(y, 1, 1), make_date(y, 12, 31), null::date,
           null::varchar, null::integer
    from years
),
months as (
    select 'M' || strftime(m, '%Y-%m'), 'month', m::date, last_day(m)::date, null::date,
           {{ fy_label("case when month(m) >= 4 then year(m) else year(m) - 1 end") }},
           case when month(m) >= 4 then (month(m) - 4) // 3 + 1 else 4 end
    from (select unnest(generate_series(date '2000-01-01', date '2041-12-01', interval 1 month)) as m)
),
as_of as (
    select distinct 'D' || strftime(as_of_date, '%Y-%m-%d'), 'as_of', as_of_date, as_of_date, as_of_date,
           {{ fy_label("case when month(as_of_date) >= 4 then year(as_of_date) else year(as_of_date) - 1 end") }},
           case when month(as_of_date) >= 4 then (month(as_of_date) - 4) // 3 + 1 else 4 end
    from (
        select as_of_date from {{ ref('int_facts') }} where as_of_date is not null
        union
        select as_of_date from {{ ref('int_prose_facts') }} where as_of_date is not null
        union
        select decision_date from {{ ref('int_decisions') }} where decision_date is not null
    )
),
spans_to_date as (
    -- a flow counted to date from a printed start ('since April'), to the report's date; a
    -- table's year-to-date column, to its latest quarter's end
    select distinct period_id, 'to_date', period_start, period_end, null::date, fiscal_year, null::integer
    from (
        select period_id, period_start, period_end, fiscal_year
        from {{ ref('int_prose_facts') }} where period_type = 'to_date'
        union
        select period_id, period_start, period_end, fiscal_year
        from {{ ref('int_facts') }} where period_type = 'to_date'
    )
)
select * from fiscal_years
union all select * from fiscal_quarters
union all select * from calendar_years
union all select * from months
union all select * from as_of
union all select * from spans_to_date
