{# How decisions are laid out, not how councils word them (wording is in seed decision_line_patterns). #}

{# A numbered or lettered item at the start of a paragraph, after an optional bullet:
   '1. To ...', 'a) the ...', '(ii) ...', '2.1 To ...', '- b) ...', 'A. That ...', and a numbered
   recommendation 'R1. That ...' / 'Rec 2) ...' (its number the label's core).
   Groups: 1 the label as printed, 2 a section number (2.1), 3 a bracketed label's core ((a)),
   4 a plain label's core (a), 1.), 5 the item's text. #}
{% macro decision_item_re() -%}
^\s*(?:[-–•▪■❖*·]\s*)?(([0-9]{1,2}\.[0-9]{1,2})\.?|\(([0-9]{1,2}|[A-Za-z]|[ivxlIVXL]{2,6})\)|(?:R|Rec\s?)?([0-9]{1,2}|[A-Za-z]|[ivxlIVXL]{2,6})[.)])\s+(\S.*)$
{%- endmacro %}

{# An opener printing its list's first item on its own line ('RESOLVED - (i) That the Council be
   recommended ...', the items after it '(ii) That ...' paragraphs of their own): group 1 is the
   item's label as printed ('(i)'), group 2 its core ('i'), group 3 its text. #}
{% macro opener_first_item_re() -%}
(?i)^\W*(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?(?:resolved|agreed|recommended)\b[^A-Za-z0-9(]{0,6}(\(?([ivx]{1,5}|[a-z]|[0-9]{1,2})[.)])\s+((?:that|to)\b.*)$
{%- endmacro %}

{# A bulleted paragraph without a label: '- Members requested ...', '• To ...'. #}
{% macro decision_bullet_re() -%}
^\s*[-–•▪■❖*·]\s+(\S.*)$
{%- endmacro %}

{# The core of a label ('a', 'ii', '3', '2.1'), lower case, from a paragraph's text. #}
{% macro decision_item_core(expr) -%}
lower(coalesce(
    nullif(regexp_extract({{ expr }}, '{{ decision_item_re() }}', 2), ''),
    nullif(regexp_extract({{ expr }}, '{{ decision_item_re() }}', 3), ''),
    nullif(regexp_extract({{ expr }}, '{{ decision_item_re() }}', 4), '')))
{%- endmacro %}

{# The style a list takes from its first label: 'section' (2.1), 'number' (1), 'roman' (i: a list
   starting at 'i' counts i, ii, iii), 'letter' (a), or 'bullet'. #}
{% macro decision_list_style(core) -%}
(case
    when {{ core }} is null then 'bullet'
    when regexp_matches({{ core }}, '^[0-9]+\.[0-9]+$') then 'section'
    when regexp_matches({{ core }}, '^[0-9]+$') then 'number'
    when {{ core }} = 'i' or length({{ core }}) > 1 then 'roman'
    else 'letter'
end)
{%- endmacro %}

{# The position a label stands for in a list of the given style: 'c' -> 3 in a lettered list,
   'iv' -> 4 in a roman one, '2.3' -> 3 in a section-numbered one; null when the label cannot be
   in such a list (a bullet counts as the next position, see the models). #}
{% macro decision_label_ordinal(core, style) -%}
(case {{ style }}
    when 'number' then try_cast(case when regexp_matches({{ core }}, '^[0-9]+$') then {{ core }} end as integer)
    when 'section' then try_cast(case when regexp_matches({{ core }}, '^[0-9]+\.[0-9]+$')
                                      then split_part({{ core }}, '.', 2) end as integer)
    when 'letter' then case when regexp_matches({{ core }}, '^[a-z]$') then ascii({{ core }}) - 96 end
    when 'roman' then list_position(
        ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x',
         'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'], {{ core }})
end)
{%- endmacro %}

{# The section a '2.1'-style label belongs to ('2'); null for other labels. #}
{% macro decision_label_section(core) -%}
case when regexp_matches({{ core }}, '^[0-9]+\.[0-9]+$') then split_part({{ core }}, '.', 1) end
{%- endmacro %}

{# A cell's HTML as paragraphs: block tags (<p>, <li>, <br>, lists) become line breaks, other
   tags go, entities are decoded and spaces folded; one paragraph per line. #}
{% macro html_paragraphs(expr) -%}
trim(regexp_replace(regexp_replace(regexp_replace(
    replace(replace(replace(replace(replace(replace(
        regexp_replace(regexp_replace({{ expr }}, '(?i)</?(p|li|br|ol|ul|div)\b[^>]*>', chr(10), 'g'),
                       '<[^>]+>', '', 'g'),
        '&nbsp;', ' '), '&amp;', '&'), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''),
    '\*\*', '', 'g'), '[ \t]+', ' ', 'g'), '\s*\n[\s\n]*', chr(10), 'g'), chr(10) || ' ')
{%- endmacro %}

{# A decision's words for comparing two printings of it: lower case, markup (tags, entities, '**')
   and punctuation gone (curly and straight quotes alike), spaces folded. '' when no word is left. #}
{% macro decision_text_key(expr) -%}
trim(regexp_replace(regexp_replace(regexp_replace(lower(coalesce({{ expr }}, '')),
    '<[^>]+>', ' ', 'g'), '&#?[a-z0-9]+;', ' ', 'g'), '[^\p{L}\p{N}]+', ' ', 'g'))
{%- endmacro %}

{# A date as printed in a minutes title ('THURSDAY, 2 JULY 2015', 'held on 10 July 2018'). #}
{% macro printed_long_date(expr) -%}
nullif(regexp_extract({{ expr }}, '(?i)\b[0-9]{1,2}\s*(?:st|nd|rd|th)?\s+{{ month_names_re() }}\s+(?:19|20)[0-9]{2}\b', 0), '')
{%- endmacro %}

{# A decision reference printed in a text: 'PH41/2015', 'EX/48/2023'. #}
{% macro printed_decision_reference(expr) -%}
nullif(regexp_extract({{ expr }}, '\b([A-Z]{1,5}\s?/?\s?[0-9]{1,4}/(?:19|20)[0-9]{2})\b', 1), '')
{%- endmacro %}

{# A reference normalised to PREFIX/NUMBER/YEAR (PH41/2015 -> PH/41/2015) or NUMBER/YEAR. #}
{% macro normalised_decision_reference(expr) -%}
{#- an aside after the reference is not part of it: 'CAB/121 (Exempt)' -#}
{%- set e = "regexp_replace(" ~ expr ~ ", '\\s*\\([^()]*\\)\\s*$', '')" -%}
(case
    when regexp_matches({{ e }}, '(?i)^\s*([A-Z]{1,5})\s*/?\s*([0-9]{1,4})\s*/\s*((19|20)[0-9]{2})\s*$')
        then upper(regexp_extract({{ e }}, '(?i)^\s*([A-Z]{1,5})', 1)) || '/'
             || cast(cast(regexp_extract({{ e }}, '([0-9]{1,4})\s*/\s*(19|20)[0-9]{2}', 1) as integer) as varchar)
             || '/' || regexp_extract({{ e }}, '((19|20)[0-9]{2})\s*$', 1)
    when regexp_matches({{ e }}, '^\s*([0-9]{1,4})\s*/\s*((19|20)[0-9]{2})\s*$')
        then cast(cast(regexp_extract({{ e }}, '([0-9]{1,4})\s*/', 1) as integer) as varchar)
             || '/' || regexp_extract({{ e }}, '((19|20)[0-9]{2})\s*$', 1)
    -- another council's form ('25/00091': a two-digit year and a number): as printed, no spaces
    when regexp_matches({{ e }}, '^\s*[A-Za-z0-9]{1,6}(?:\s*[/.-]\s*[A-Za-z0-9]{1,7}){1,3}\s*$')
     and regexp_matches({{ e }}, '[0-9]')
        then upper(regexp_replace({{ e }}, '\s+', '', 'g'))
    -- a code and a number apart ('CE S412', 'KD 0312'): as printed, one space between
    when regexp_matches({{ e }}, '^\s*[A-Za-z]{1,4}\s+[A-Za-z]{0,3}[0-9]{1,6}\s*$')
        then upper(trim(regexp_replace({{ e }}, '\s+', ' ', 'g')))
end)
{%- endmacro %}

{# The patterns of one role of seed decision_line_patterns, best first, read when the model runs
   (a regex written into the SQL is compiled once; one read from a joined table is compiled again
   for every line, a thousand times slower). Models using these macros carry
   `-- depends_on: {{ ref('decision_line_patterns') }}` so the seed is loaded before them. #}
{% macro decision_patterns(role) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set rows = run_query_once(
        "select pattern, coalesce(kind, '') as kind from " ~ ref('decision_line_patterns')
        ~ " where role = '" ~ role ~ "' order by priority desc, pattern") -%}
    {{ return(rows.rows) }}
{%- endmacro %}

{% macro sql_string(text) -%}
'{{ text | replace("'", "''") }}'
{%- endmacro %}

{# True when `expr` matches any pattern of the role. #}
{% macro decision_role_matches(role, expr) -%}
{%- set patterns = decision_patterns(role) -%}
{%- if patterns | length == 0 -%}false{%- else -%}
({% for p in patterns %}regexp_matches({{ expr }}, {{ sql_string(p[0]) }}){% if not loop.last %} or {% endif %}{% endfor %})
{%- endif -%}
{%- endmacro %}

{# The kind of the best (highest priority) pattern of the role that `expr` matches, else null. #}
{% macro decision_role_kind(role, expr) -%}
{%- set patterns = decision_patterns(role) -%}
{%- if patterns | length == 0 -%}null::varchar{%- else -%}
(case{% for p in patterns %} when regexp_matches({{ expr }}, {{ sql_string(p[0]) }}) then {{ sql_string(p[1]) }}{% endfor %} end)
{%- endif -%}
{%- endmacro %}

{# `expr` without what the best pattern of the role that it matches matched ('RESOLVED – That a
   report ...' -> ' That a report ...' for role opener), else null. #}
{% macro decision_role_cut(role, expr) -%}
{%- set patterns = decision_patterns(role) -%}
{%- if patterns | length == 0 -%}null::varchar{%- else -%}
(case{% for p in patterns %} when regexp_matches({{ expr }}, {{ sql_string(p[0]) }}) then regexp_replace({{ expr }}, {{ sql_string(p[0]) }}, ''){% endfor %} end)
{%- endif -%}
{%- endmacro %}

{# Group `group` of the best pattern of the role that `expr` matches, else null. #}
{% macro decision_role_extract(role, expr, group) -%}
{%- set patterns = decision_patterns(role) -%}
{%- if patterns | length == 0 -%}null::varchar{%- else -%}
(case{% for p in patterns %} when regexp_matches({{ expr }}, {{ sql_string(p[0]) }}) then nullif(trim(regexp_extract({{ expr }}, {{ sql_string(p[0]) }}, {{ group }})), ''){% endfor %} end)
{%- endif -%}
{%- endmacro %}

{# A line opening with a day's date ('7 October 2025 at 4.00 pm' under 'Minutes of the Cabinet'):
   no minute heading, though it opens with a number and a capital. #}
{% macro opens_with_a_date(expr) -%}
regexp_matches({{ expr }}, '(?i)^\W*[0-9]{1,2}(?:st|nd|rd|th)?\s+{{ month_names_re() }}\b')
{%- endmacro %}

{# A line printing a number and a title in two cells ('5<TAB>Minutes of Previous Meeting',
   '4.<TAB>Ombudsman annual reviews 2024/25', a minute's number and year 'CAB 42/25<TAB>BUDGET', a
   body's lettered reference 'HASC/44<TAB>Winter Pressures', 'CYP/26/2<TAB>Budget Proposals',
   'CPP-14<TAB>Children in Care Performance', a number marked '* 61<TAB>Minutes', a number closed
   by a bracket '1)<TAB>Recommendation'; not
   a fiscal year's row '2024/25<TAB>Good'): a minute's or a section's heading, not a table row.
   `expr` is the line as printed, with its TABs. #}
{% macro numbered_title_in_two_cells(expr) -%}
regexp_matches({{ expr }}, '^\s*(?:\*\s*)?(?:[0-9]{1,3}(?:\.[0-9]{1,2})?[a-z]?[.)]?|(?:[A-Z]{1,6}\s?)?[0-9]{1,3}/[0-9]{2,4}\.?|[A-Z]{1,6}[/-][0-9]{1,4}(?:/[0-9]{1,4})?\.?|[A-Z]{1,3}[0-9]{2,4}\.?)\t+[^\t]*[A-Za-z][^\t]*\t*$')
{%- endmacro %}

{# What a record's decision says became of the item instead of deciding it ('Deferred to the
   meeting of Cabinet on 14 October 2025', 'Decision: Withdrawn'): var decision_status_words, the
   word as printed in lower case; null for a decision taken. #}
{% macro decision_status_printed(expr) -%}
nullif(lower(regexp_extract({{ expr }}, '(?i)^\W*(?:decision\s*:\s*)?({{ var("decision_status_words") | join("|") }})\b', 1)), '')
{%- endmacro %}

{# What a resolution says became of its item instead of deciding it: 'DEFERRED:' over it, or the
   item itself deferred or withdrawn at the resolution's opening ('Resolved – that the item be
   deferred to ...', '8.1 Consideration of this item was deferred to ...', 'That consideration of
   the Risk Management Update be deferred', 'The Board agreed to defer consideration of ...': var
   deferral_agreed); not a resolution deciding something else that
   withdraws or defers a part ('That the Tree Management Policy (2019) be withdrawn and
   replaced', '... noting that item 6 was withdrawn'). Null otherwise. #}
{% macro decision_status_said(expr) -%}
nullif(lower(coalesce(
    nullif(regexp_extract({{ expr }}, '(?i)^\W*(?:[0-9]+(?:\.[0-9]+)*\.?\s+)?({{ var("item_status_words") | join("|") }})\b', 1), ''),
    nullif(regexp_extract({{ expr }}, '{{ var("item_status_sentence") }}', 1), ''),
    case when regexp_matches({{ expr }}, '{{ var("deferral_agreed") }}') then 'deferred' end)), '')
{%- endmacro %}

{# A body's name printed in capitals ('CABINET', 'CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE')
   as it is written ('Cabinet', 'Children and Young People Scrutiny Committee'), small words
   (var name_small_words) in lower case; a name with any lower-case letter as printed. #}
{% macro name_case(expr) -%}
(case when {{ expr }} = upper({{ expr }}) and regexp_matches({{ expr }}, '[A-Z]')
      then array_to_string(list_transform(string_split(lower({{ expr }}), ' '),
               lambda w: case when list_contains(['{{ var("name_small_words") | join("', '") }}'], w) then w
                              -- a word in brackets: its first letter ('(Children and Families)')
                              when w[1] in ('(', '[', '''', '"') then w[1] || upper(w[2]) || w[3:]
                              else upper(w[1]) || w[2:] end), ' ')
      else {{ expr }} end)
{%- endmacro %}

{# The fields of a Record of Decision, one row per record, from its key rows `r` (field,
   field_value, line_number, last_value_line): who decided, when, its reference, title and
   decision, and the lines its decision is printed on. Records printed in two cells and as
   'Key: value' lines are read by the same columns (int_decisions). #}
{% macro decision_record_fields(r) -%}
-- who decided: the 'Decision taken by:' key, else the member the record names ('Executive
-- Member:<TAB>Councillor ...': an executive member's decision)
coalesce(max(case when {{ r }}.field = 'decision_maker' then {{ r }}.field_value end),
         max(case when {{ r }}.field = 'cabinet_member' then {{ r }}.field_value end)) as decision_maker,
max(case when {{ r }}.field = 'decision_date' then {{ r }}.field_value end) as decision_date_text,
max(case when {{ r }}.field = 'reference' then {{ r }}.field_value end) as reference_printed,
max(case when {{ r }}.field = 'title' then {{ r }}.field_value end) as title,
max(case when {{ r }}.field = 'decision' then {{ r }}.field_value end) as decision_text,
max(case when {{ r }}.field = 'decision' then {{ r }}.line_number end) as decision_line,
max(case when {{ r }}.field = 'decision' then {{ r }}.last_value_line end) as decision_last_line
{%- endmacro %}

{# A form's blank printed to be filled in by hand ('..............................', '________',
   '…'): dots, underscores, dashes and white space only, with a dot, underscore or ellipsis. #}
{% macro is_blank_to_fill(expr) -%}
regexp_matches(coalesce({{ expr }}, ''), '^[\s._…–-]*[._…][\s._…–-]*$')
{%- endmacro %}
