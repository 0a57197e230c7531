{{ config(materialized='table') }}
-- From seeds only (no pack rows): a table, made again only when the dbt project changes (a seed
-- row is a change: the next publish is a full refresh), read by int_pack_councils and
-- int_table_rows (macro council_at) and dim_council. Not a view: each read of a view computes
-- every name's council_key again (some 0.1 s, three times in every pack step).
-- Every name a council is known by, in matching form (council_key), with the dates the council
-- existed: its register names (seed council_register: official name, short name, names in use),
-- the name forms of its type applied to its short name (seed council_name_forms: 'London
-- Borough of {name}', '{name} City Council') and reviewed aliases (seed council_aliases).
-- A name form never makes a council of a name that another council bears in the register or
-- a reviewed alias ('Somerset County Council' is the county, never the unitary 'Somerset').
-- Derived from seeds only (no pack rows).
with register as (
    select * from {{ ref('council_register') }}
),
names as (
    select gss_code, council_name as name, 'register_name' as name_source from register
    union all
    select gss_code, short_name, 'register_short_name' from register
    union all
    select gss_code, unnest(string_split(alt_names, '|')), 'register_name_in_use'
    from register where coalesce(alt_names, '') <> ''
    union all
    select r.gss_code, replace(f.form, '{name}', r.short_name), 'name_form'
    from register r
    join {{ ref('council_name_forms') }} f
      on f.council_types = '*' or list_contains(string_split(f.council_types, '|'), r.council_type)
    union all
    select gss_code, alias, 'reviewed_alias' from {{ ref('council_aliases') }}
),
keyed as (
    select {{ council_key('name') }} as name_key, gss_code, name_source
    from names
    where {{ council_key('name') }} is not null
),
kept as (
    select *
    from keyed k
    where k.name_source <> 'name_form'
       or not exists (select 1 from keyed o
                      where o.name_key = k.name_key and o.gss_code <> k.gss_code
                        and o.name_source <> 'name_form')
)
select
    k.name_key,
    k.gss_code,
    arg_min(k.name_source, list_position(
        ['reviewed_alias', 'register_name', 'register_short_name', 'register_name_in_use', 'name_form'],
        k.name_source)) as name_source,
    any_value(r.start_date) as start_date,
    any_value(r.end_date) as end_date
from kept k
join register r using (gss_code)
group by all
