{# The form council names are matched in: lower case, '&' read as 'and', hyphens as spaces,
   punctuation and a leading 'the' dropped ('Stoke-on-Trent' = 'stoke on trent',
   'Kingston upon Hull, City of' = 'kingston upon hull city of'). #}
{% macro council_key(expr) -%}
nullif(trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    replace(replace(lower({{ expr }}), '’', ''''), '&', ' and '),
    '[-–]', ' ', 'g'), '[.,''"()]', '', 'g'), '\s+', ' ', 'g'), '^\s*the\s+', '')), '')
{%- endmacro %}

{# The GSS code of the council a printed name means at a date (int_council_names), or null.
   The council in existence at the date wins (Somerset in 2020: the county council; in 2024:
   Somerset Council). A name that no council in existence at the date bears, but exactly one
   council ever bore, is that council (a report naming an abolished district). A name two
   councils bear at once (or, with no date, two councils ever bore) stays unresolved. #}
{% macro council_at(name_expr, date_expr) -%}
{%- set valid -%}
(({{ date_expr }}) is null or (({{ date_expr }}) >= coalesce(cn.start_date, date '1900-01-01')
 and ({{ date_expr }}) <= coalesce(cn.end_date, date '9999-12-31')))
{%- endset -%}
(
    select case
        when count(distinct cn.gss_code) filter (where {{ valid }}) = 1
            then min(cn.gss_code) filter (where {{ valid }})
        when count(distinct cn.gss_code) filter (where {{ valid }}) = 0 and count(distinct cn.gss_code) = 1
            then min(cn.gss_code)
    end
    from {{ ref('int_council_names') }} cn
    where cn.name_key = {{ council_key(name_expr) }}
)
{%- endmacro %}

{# True when a text gives its figures to an area of several councils: it names one of seed
   shared_areas ('LLR-wide') or lists two councils or more ('Leicester, Leicestershire and
   Rutland', 'Blackpool, Fylde and Wyre'), each name a whole list item, or two items joined by
   'and' ('Across Somerset, Bath and North East Somerset and Wiltshire': a name with 'and' in it),
   less a word saying the area spans them (var area_spanning_words: 'Across Somerset'; not 'In
   Somerset, ...': one council);
   a name two councils have borne (Somerset, the county and the unitary) counts once. #}
{% macro names_shared_area(text_expr) -%}
(exists (select 1 from {{ ref('shared_areas') }} sha
         where {{ regexp_matches_seed(text_expr, 'sha.pattern', ref('shared_areas')) }})
 or (select count(distinct cn.name_key)
     from (select unnest(list_concat(p.items, [p.items[i] || ' and ' || p.items[i + 1]
                                               for i in range(1, len(p.items))])) as item
           from (select regexp_split_to_array(lower(coalesce({{ text_expr }}, '')),
                                              '\s*(?:,|;|/|&|\(|\)|:|\band\b)\s*') as items) p) li
     join {{ ref('int_council_names') }} cn
       on cn.name_key = {{ council_key("regexp_replace(li.item, '^(?:" ~ var('area_spanning_words') | join('|') ~ ")\s+', '')") }}) >= 2)
{%- endmacro %}
