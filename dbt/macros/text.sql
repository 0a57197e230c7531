{# Lower-case, straight apostrophes, single spaces: the form every alias seed is matched against. #}
{% macro norm_text(expr) -%}
trim(regexp_replace(replace(replace(lower({{ expr }}), '’', ''''), '‘', ''''), '\s+', ' ', 'g'))
{%- endmacro %}

{# Stable surrogate key: md5 over the parts, nulls written as '~'. #}
{% macro surrogate_key(parts) -%}
md5(concat_ws('|', {% for p in parts %}coalesce(cast({{ p }} as varchar), '~'){% if not loop.last %}, {% endif %}{% endfor %}))
{%- endmacro %}

{# A number as a person would print it in a sentence: 71 not 71.0, 44.44 not 44.440000001. #}
{% macro fmt_num(expr) -%}
regexp_replace(cast(round({{ expr }}, 2) as varchar), '\.0+$', '')
{%- endmacro %}

{# The complaint stage a text names ('Stage 2 complaints': '2'), or null when it names none or
   more than one ('Stage 2 investigations and Stage 3 Review Panels'). #}
{% macro the_one_stage_named(expr) -%}
case when len(list_distinct(regexp_extract_all(coalesce({{ expr }}, ''), '(?i)\bstage\s*([1-3])\b', 1))) = 1
     then regexp_extract(coalesce({{ expr }}, ''), '(?i)\bstage\s*([1-3])\b', 1) end
{%- endmacro %}

{# A band of waits or durations as a table prints it in a heading: '0-6 weeks', '19 - 52 wks',
   '52+ weeks', 'Under 4 weeks', 'Over 26 weeks', '21 to 40 working days' (ingest cells.py DURATION_BAND: a heading,
   never a value). #}
{% macro is_wait_band(expr) -%}
coalesce(regexp_matches({{ expr }}, '(?i)^\W*(?:(?:under|less\s+than|<|over|more\s+than|>)\s*)?[0-9]+\s*(?:(?:[-–]|to)\s*[0-9]+|\+)?\s*(?:working\s+)?(?:weeks?|wks?|months?|days?)\W*$')
         and not regexp_matches({{ expr }}, '(?i)^\W*[0-9]+\s*(?:working\s+)?(?:weeks?|wks?|months?|days?)\W*$'), false)
{%- endmacro %}

{# The words of an observation (alias `x` of int_observations) that name its label's measure: its
   cell's key, else its column header when that names the label's measure, else its row's text
   (its measure_text when the label decides; the text a time band is read from). #}
{% macro label_measure_text(x) -%}
case when {{ x }}.key_measure is not null then {{ x }}.cell_key
     when {{ x }}.label_measure = {{ x }}.col_measure then {{ x }}.column_name
     else {{ x }}.row_text end
{%- endmacro %}

{# A time band's label without its time ('Within 20 working days' -> ' working days'; var
   threshold_number): labels alike but for their time are bands of one table. #}
{% macro band_stem(text) -%}
replace({{ text }}, regexp_extract({{ text }}, '{{ var("threshold_number") }}', 0), '')
{%- endmacro %}

{# One bracketed group of a cell's count, as a regex inside a SQL literal: its number and the
   words naming it ('4 custody', '12 post-16', '7 B&B'; int_cell_atoms' count_subgroup shape). #}
{% macro subgroup_cell_group() -%}
[0-9][0-9,]*\s+[a-z][a-z0-9 .''’&/+-]{0,30}
{%- endmacro %}
