{# Letters and digits only, lower-cased: 'Staff Attitude/ Treatment of Customer' and
   '“Staff Attitude/Treatment of Customer”' read alike. For finding one text inside another. #}
{% macro squeeze(expr) -%}
regexp_replace(lower(coalesce({{ expr }}, '')), '[^a-z0-9]+', '', 'g')
{%- endmacro %}

{# 1-based position in a prose number's sentence of the last '(' before the number (0: none). #}
{% macro last_open_bracket(alias) -%}
(case when strpos(substr({{ alias }}.sentence, 1, {{ alias }}.char_start), '(') = 0 then 0
      else {{ alias }}.char_start + 1 - strpos(reverse(substr({{ alias }}.sentence, 1, {{ alias }}.char_start)), '(') end)
{%- endmacro %}

{# Whether a sentence's period phrase `expr` is one of var relative_periods[kind]: the whole phrase
   (`whole`), or anywhere in it. #}
{% macro says_period(expr, kind, whole=true) -%}
regexp_matches({{ expr }}, '(?i){{ "^" if whole }}(?:{{ var("relative_periods")[kind] | join("|") }}){{ "$" if whole }}')
{%- endmacro %}

{# Whether a period phrase `expr` is an event's clause that bounds a figure's time ('Prior to the
   SEND inspection in February 2022'): ingest prints such a clause whole, from its opener
   (var period_bound_openers). The figure is then left unplaced, not dated by the event. #}
{% macro bounds_period(expr) -%}
regexp_matches({{ expr }}, '(?i)^(?:{{ var("period_bound_openers") | join("|") }})\b')
{%- endmacro %}

{# True when a sentence opens about the figure of the sentence before it ('2.5 Of these, 180 had
   been waiting ...'; var anaphoric_openers), its paragraph number, if any, before. #}
{% macro opens_about_figure_before(sentence) -%}
regexp_matches({{ sentence }}, '(?i)^\W*(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+)?(?:{{ var("anaphoric_openers") | join("|") }})\b')
{%- endmacro %}

{# True when `sentence` opens by restating the sentence before's figure ('This is a rate of 38
   per 10,000 children'): var restating_openers. #}
{% macro opens_restating_figure_before(sentence) -%}
regexp_matches({{ sentence }}, '(?i)^\W*(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+)?(?:{{ var("restating_openers") | join("|") }})\b')
{%- endmacro %}

{# `expr` without the phrases that name something only to compare with it ('after CAMHS', 'than
   for occupational therapy', 'apart from physiotherapy'; var comparison_mention_words): up to
   the next punctuation. #}
{% macro without_comparisons(expr) -%}
regexp_replace({{ expr }}, '(?i)\b(?:{{ var("comparison_mention_words") | join("|") }})\s+[^,.;:()]{1,60}', ' ', 'g')
{%- endmacro %}

{# The body of a lateral subquery: the service area `text` names when it names one only (seed
   service_area_patterns), null when it names none or several; `only_when` skips the search. #}
{% macro the_one_service_area_named(text, only_when='true') -%}
select case when count(distinct p.service_area) = 1 then any_value(p.service_area) end as service_area
from {{ ref('service_area_patterns') }} p
where {{ only_when }} and {{ regexp_matches_seed(text, 'p.pattern', ref('service_area_patterns')) }}
{%- endmacro %}
