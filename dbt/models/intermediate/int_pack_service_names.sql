-- The services a pack names by names of its own, each defined once in its text: 'Forward Thinking
-- Birmingham (FTB), the city's mental health service for 0 to 25 year olds' (var
-- service_name_definition). The definition's description must name a service of ours (seed
-- service_aliases; the highest priority where it names two) and head on a service word (var
-- service_name_heads: 'service', 'team', ...); a name that opens a sentence ('In Birmingham, the
-- ...': var service_name_openers) or already names a service by the seed is none. One row per
-- pack and name: its printed name and letters, the service, and `name_pattern`, the regular
-- expression that finds either in a caption or a sentence of the pack (int_fact_subjects,
-- int_prose_facts). A name the pack defines as two services names neither.
{%- set definition = var('service_name_definition') %}
with definitions as (
    select l.pack_id, l.line_number,
           trim(regexp_extract(l.clean_text, '{{ definition }}', 1)) as service_name,
           nullif(regexp_extract(l.clean_text, '{{ definition }}', 2), '') as name_letters,
           regexp_extract(l.clean_text, '{{ definition }}', 3) as description
    from {{ batch(ref('stg_lines')) }} l
    -- (a cheap test first: a bracketed capital or a comma before 'the' / 'our')
    where regexp_matches(l.clean_text, '(?:\)\s*,|,|\bis\b)\s*(?:the|our)\s')
      and regexp_matches(l.clean_text, '{{ definition }}')
),
described as (
    select d.pack_id, d.line_number, d.service_name, d.name_letters,
           arg_max(sa.service_code, sa.priority) as service_code,
           max(sa.priority) as priority
    from definitions d
    join {{ ref('service_aliases') }} sa
      on {{ regexp_matches_seed('d.description', 'sa.pattern', ref('service_aliases')) }}
     and not regexp_matches(sa.pattern, '\^')
    where regexp_matches(d.description, '{{ var("service_name_heads") }}')
      and not regexp_matches(d.service_name, '{{ var("service_name_openers") }}')
    group by all
),
-- a name the seed already reads is no name of the pack's own
own_names as (
    select d.*
    from described d
    where not exists (
        select 1 from {{ ref('service_aliases') }} sa
        where not regexp_matches(sa.pattern, '\^')
          and {{ regexp_matches_seed('d.service_name', 'sa.pattern', ref('service_aliases')) }})
)
select n.pack_id, n.service_name, n.name_letters, any_value(n.service_code) as service_code,
       any_value(a.service_area) as service_area, max(n.priority) as priority,
       min(n.line_number) as defined_line,
       '\b(?:' || regexp_escape(n.service_name)
           || coalesce('|' || regexp_escape(n.name_letters), '') || ')\b' as name_pattern
from own_names n
left join (select distinct service_code, service_area from {{ ref('service_aliases') }}) a
  on a.service_code = n.service_code
group by n.pack_id, n.service_name, n.name_letters
having count(distinct n.service_code) = 1
