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

{# Whether `sentence` is the sentence just before another, whose context_before is `context`: the
   last of that prose. A paragraph's number printed between them ('... in August 2025. 10.'
   before '10.<TAB>Of these, ...', which ingest reads as a sentence of its own) does not part
   them, as '2.2' in '2.2<TAB>Of these, ...' (inside its sentence) does not. #}
{% macro is_sentence_before(context, sentence) -%}
suffix(regexp_replace(trim({{ context }}), '([.!?])\s+[0-9]{1,3}(?:\.[0-9]{1,2})*\.?$', '\1'), trim({{ sentence }}))
{%- endmacro %}

{# True when a sentence opens about the figure of the sentence before it ('2.5 Of these, 180 had
   been waiting ...'; var anaphoric_openers), its paragraph number, if any, before. #}
{% macro opens_about_figure_before(sentence) -%}
regexp_matches({{ sentence }}, '(?i)^\W*(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+)?(?:{{ var("anaphoric_openers") | join("|") }})\b')
{%- endmacro %}

{# A sentence that only compares the figure before with others ('This compares with ...'; var
   comparing_openers). #}
{% macro opens_comparing_sentence(sentence) -%}
regexp_matches({{ sentence }}, '(?i)^\W*(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+)?(?:{{ var("comparing_openers") | join("|") }})\b')
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

{# The one value of `rows` ((pattern, value) pairs) whose patterns match `text`, else null (none,
   or two values): a scalar expression, each pattern a constant (no subquery for the planner to
   decorrelate: four such laterals cost int_prose_facts a second of planning at every run). #}
{% macro one_value_matched(text, rows) -%}
{%- if rows | length == 0 -%}
null::varchar
{%- else -%}
{%- set matched -%}
list_distinct(list_value({% for r in rows %}case when regexp_matches(matched_text, {{ sql_string(r[0]) }}) then {{ sql_string(r[1]) }} end{% if not loop.last %}, {% endif %}{% endfor %}))
{%- endset -%}
{{ bound_once(text, 'matched_text', bound_once(matched, 'values_matched',
    'case when len(values_matched) = 1 then values_matched[1] end')) }}
{%- endif -%}
{%- endmacro %}

{# The one service area the seed service_area_patterns finds in `text`, else null (none, or two
   areas named). #}
{% macro one_service_area_named(text) -%}
{{ one_value_matched(text, seed_rows(ref('service_area_patterns'), ['pattern', 'service_area'], 'pattern')) }}
{%- endmacro %}

{# The service (`field`: service_code or service_area) of the highest-priority row of seed
   service_aliases whose pattern matches `text` (patterns anchored with '^' aside: they name a
   table's label, not words in a sentence), else null: a scalar expression, as
   one_service_area_named. #}
{% macro top_service_named(text, field='service_code') -%}
{%- set rows = seed_rows(ref('service_aliases'), ['pattern', field], 'priority desc, pattern') -%}
{%- if rows | length == 0 -%}
null::varchar
{%- else -%}
{%- set first_named -%}
coalesce({% for r in rows if '^' not in r[0] %}case when regexp_matches(service_text, {{ sql_string(r[0]) }}) then {{ sql_string(r[1]) }} end{% if not loop.last %}, {% endif %}{% endfor %})
{%- endset -%}
{{ bound_once(text, 'service_text', first_named) }}
{%- endif -%}
{%- endmacro %}

{# The one service the seed service_aliases finds in `text` (patterns anchored with '^' aside: they
   name a table's label), else null (none, or two services named). #}
{% macro one_service_named(text) -%}
{%- set in_words = [] -%}
{%- for r in seed_rows(ref('service_aliases'), ['pattern', 'service_code'], 'pattern') if '^' not in r[0] -%}
{%- do in_words.append(r) -%}
{%- endfor -%}
{{ one_value_matched(text, in_words) }}
{%- endmacro %}

{# The heading `h` found above a sentence (an asof join on its line; int_prose_fact_periods): its
   `column`, when the heading is printed in the sentence's own document (alias `l`), else null. #}
{% macro in_own_document(h, column) -%}
case when {{ h }}.line_number >= coalesce(l.document_first_line, 1) then {{ h }}.{{ column }} end
{%- endmacro %}

{# The sentence prints the period in brackets as a comparison's ('286 complaints (2023/24: 265)'),
   or as the year a change is measured from, its figure in brackets after it ('312 complaints, up
   9% on 2023/24 (286)'; vars change_from_words, comparison_period_words; a bare figure in the
   brackets, not '412 children ... on 31 March 2025 (a rate of 71 per 10,000)'): no period of the
   sentence's own. #}
{% macro bracketed_comparison(sentence, period_text) -%}
(strpos(replace({{ sentence }}, ' ', ''), '(' || replace({{ period_text }}, ' ', '') || ':') > 0
 or regexp_matches({{ sentence }}, '(?i)\b(?:{{ (var("change_from_words") + var("comparison_period_words")) | join("|") }})\s+'
                   || regexp_escape({{ period_text }}) || '\s*\(\s*[0-9][0-9,.%]*\s*\)'))
{%- endmacro %}
