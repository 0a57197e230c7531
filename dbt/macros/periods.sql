{# Generic period parsing. Knowledge about *wording* lives in seeds; these are calendar rules. #}

{# Month names come from the one list, var month_numbers (dbt_project.yml), which ingest reads too. #}

{# Every month name and abbreviation, longest first (as ingest.dates.MONTH_NAMES), as one group. #}
{% macro month_names_re() -%}
({{ month_alternation() }})
{%- endmacro %}

{# The same names as alternatives without a group: what {month} stands for in var date_patterns
   (ingest.dates.MONTH_NAMES). #}
{% macro month_alternation() -%}
{%- set names = var('month_numbers').keys() | list -%}
{%- set longest_first = [] -%}
{%- for size in range(names | map('length') | max, 0, -1) -%}
  {%- for name in names if name | length == size -%}{%- do longest_first.append(name) -%}{%- endfor -%}
{%- endfor -%}
{{ longest_first | join('|') }}
{%- endmacro %}

{# The month number of a month name or abbreviation (its first three letters tell it). #}
{% macro month_number(expr) -%}
{%- set by_prefix = {} -%}
{%- for name, number in var('month_numbers').items() -%}{%- do by_prefix.update({name[:3]: number}) -%}{%- endfor -%}
(case lower(substr({{ expr }}, 1, 3))
    {%- for prefix, number in by_prefix.items() %} when '{{ prefix }}' then {{ number }}{% endfor %} end)
{%- endmacro %}

{# Start year of a UK fiscal year printed as 2014/2015, 2014/15, 2014-15, FY2017-18, 2015 – 2016,
   or as its months (var fiscal_year_span: 'April 2014 - March 2015', '1 April 2017 to 31 March
   2018'). Null when the two years are not consecutive, or when words right after them say they
   are not a fiscal year (var not_fiscal_year_after: 'the 2017-2018 calendar year'). #}
{% macro fy_start_year(expr) -%}
{#- `expr` bound once and each pattern's two years read in one match (see parse_uk_date) -#}
{%- set re = "(?i)(?:^|[^0-9])((?:19|20)[0-9]{2})\\s*" ~ fy_separator_re() ~ "\\s*((?:19|20)?[0-9]{2})(?:[^0-9]|$)" -%}
{%- set span = "(?i)" ~ var('fiscal_year_span') -%}
{%- set not_fiscal = "(?i)(?:19|20)[0-9]{2}\\s*" ~ fy_separator_re() ~ "\\s*(?:19|20)?[0-9]{2}\\s+(?:"
    ~ var('not_fiscal_year_after') | join('|') ~ ")\\b" -%}
{%- set span_start -%}
case when try_cast(fy_span.second as integer) = try_cast(fy_span.first as integer) + 1
     then try_cast(fy_span.first as integer) end
{%- endset -%}
{%- set pair_start -%}
case when try_cast(fy_pair.second as integer) % 100 = (try_cast(fy_pair.first as integer) + 1) % 100
     then try_cast(fy_pair.first as integer) end
{%- endset -%}
{%- set start_year -%}
case
    when regexp_matches(fy_text, '{{ not_fiscal }}') then null
    else coalesce(
        {{ bound_once("regexp_extract(fy_text, '" ~ span ~ "', ['first', 'second'])", 'fy_span', span_start) }},
        {{ bound_once("regexp_extract(fy_text, '" ~ re ~ "', ['first', 'second'])", 'fy_pair', pair_start) }})
end
{%- endset -%}
{{ bound_once(expr, 'fy_text', start_year) }}
{%- endmacro %}

{# What stands between the two years of a fiscal year (var fiscal_year_separators), as one group. #}
{% macro fy_separator_re() -%}
(?:{{ var('fiscal_year_separators') | join('|') }})
{%- endmacro %}

{# The quarter a phrase numbers, alone or with its fiscal year ('Quarter 3', 'Q3 2025/26',
   'Quarter 3 of 2024/25'; with_year: only with its year), else null. #}
{% macro numbered_quarter(expr, with_year=false) -%}
try_cast(nullif(regexp_extract({{ expr }}, '(?i)^{{ quarter_words_re() }}\s?([1-4])(?:\s+(?:of\s+)?(?:19|20)[0-9]{2}\s?{{ fy_separator_re() }}\s?(?:19|20)?[0-9]{2}){{ '' if with_year else '?' }}$', 1), '') as integer)
{%- endmacro %}

{# The words printed before a quarter's number (var quarter_words), as one group. #}
{% macro quarter_words_re() -%}
(?:{{ var('quarter_words') | join('|') }})
{%- endmacro %}

{# The quarter a text names with its fiscal year ('Stage 1 complaints by directorate, Quarter 2
   2025/26', 'Q2 of 2025/26'), else null. #}
{% macro quarter_of_year(expr) -%}
{%- set re = "(?i)\\b" ~ quarter_words_re() ~ "\\s*([1-4])\\s+(?:of\\s+)?(?:fy\\s*)?(?:19|20)[0-9]{2}\\s*[/–-]\\s*(?:19|20)?[0-9]{2}\\b" -%}
try_cast(nullif(regexp_extract({{ expr }}, '{{ re }}', 1), '') as integer)
{%- endmacro %}

{# The quarter of a printed year a period phrase names by its ordinal ('in the first quarter of
   2025/26': var ordinal_quarters), or of no year printed ('in the third quarter': the report's
   year decides; not 'in the last quarter', the one just gone), else null. #}
{% macro ordinal_quarter(expr) -%}
{%- set words = var('ordinal_quarters') -%}
(case lower(coalesce(nullif(regexp_extract({{ expr }}, '(?i)^(?:(?:in|during|over|for)\s+)?(?:the\s+)?({{ words.keys() | join('|') }})\s+quarter\s+of\b', 1), ''),
                     regexp_extract({{ expr }}, '(?i)^(?:(?:in|during|over)\s+)?the\s+({{ words.keys() | reject('equalto', 'last') | join('|') }})\s+quarter$', 1)))
    {%- for word, q in words.items() %}
    when '{{ word }}' then {{ q }}
    {%- endfor %}
end)
{%- endmacro %}

{# The quarter a period phrase is the end of ('At the end of Quarter 2', 'by the end of Q3': a
   stock as at that day, a flow counted from the year's start to it), else null. #}
{% macro end_of_quarter(expr) -%}
try_cast(nullif(regexp_extract({{ expr }}, '(?i)^(?:at|by)\s+the\s+end\s+of\s+{{ quarter_words_re() }}\s?([1-4])$', 1), '') as integer)
{%- endmacro %}

{# Fiscal quarter number from a column header such as 'Quarter 1', 'Q3', 'Qtr 2'; null for a span
   of quarters ('Q1-Q2', 'Q4 to Q2': no one quarter). #}
{% macro quarter_number(expr) -%}
(case when {{ quarter_span_end(expr) }} is null
      then try_cast(nullif(regexp_extract({{ expr }}, '(?i)^\s*{{ quarter_words_re() }}\s*([1-4])\b', 1), '') as integer) end)
{%- endmacro %}

{# The last quarter of a span of quarters heading a column ('Q4 to Q2' under 'Change': 2), which
   dates a change over it; else null. #}
{% macro quarter_span_end(expr) -%}
try_cast(nullif(regexp_extract({{ expr }}, '(?i)^\s*{{ quarter_words_re() }}\s*[1-4]\s*(?:to|-|–)\s*{{ quarter_words_re() }}\s*([1-4])\b', 1), '') as integer)
{%- endmacro %}

{# Fiscal quarter number from a row label that is a quarter and nothing else: 'Q1', 'Quarter 1',
   'Q1 (Apr-Jun)', 'Qtr 2: July - September', 'Q3 2023/24', 'Q1 23/24'. Null for a label with
   other words ('Q1 performance') and when the months printed are not that fiscal quarter's
   ('Q1 (Jan-Mar)' is a calendar quarter: no fiscal quarter is read). #}
{% macro quarter_label(expr) -%}
{%- set month = "(?:" ~ month_alternation() ~ ")" -%}
{%- set re = "(?i)^\\W*" ~ quarter_words_re() ~ "\\s*([1-4])\\s*[:.,–—-]?\\s*"
    ~ "(?:\\(?\\s*(" ~ month ~ ")\\.?\\s*(?:-|–|—|to)\\s*" ~ month ~ "\\.?\\s*\\)?)?\\s*"
    ~ "(?:\\(?\\s*(?:fy\\s*)?(?:19|20)?[0-9]{2}\\s*[/–-]\\s*(?:19|20)?[0-9]{2}\\s*\\)?)?\\W*$" -%}
{%- set quarter -%}
case
    when nullif(quarter_parts.first_month, '') is null
        then try_cast(quarter_parts.quarter as integer)
    when ({{ month_number('quarter_parts.first_month') }} + 8) % 12 // 3 + 1
         = try_cast(quarter_parts.quarter as integer)
        then try_cast(quarter_parts.quarter as integer)
end
{%- endset -%}
(case when regexp_matches({{ expr }}, '{{ re }}') then
    {{ bound_once("regexp_extract(" ~ expr ~ ", '" ~ re ~ "', ['quarter', 'first_month'])", 'quarter_parts', quarter) }}
end)
{%- endmacro %}

{# The start year of the UK fiscal year a date falls in (1 April - 31 March). #}
{% macro fy_of(date_expr) -%}
(case when month({{ date_expr }}) >= 4 then year({{ date_expr }}) else year({{ date_expr }}) - 1 end)
{%- endmacro %}

{% macro fy_label(start_year) -%}
(cast({{ start_year }} as varchar) || '/' || lpad(cast(({{ start_year }} + 1) % 100 as varchar), 2, '0'))
{%- endmacro %}

{# First and last day of fiscal quarter q (1 = April-June) of the fiscal year starting in start_year. #}
{% macro fq_start(start_year, q) -%}
(make_date({{ start_year }}, 4, 1) + to_months(3 * ({{ q }} - 1)))::date
{%- endmacro %}
{% macro fq_end(start_year, q) -%}
(make_date({{ start_year }}, 4, 1) + to_months(3 * {{ q }}) - interval 1 day)::date
{%- endmacro %}

{# The fiscal year of the latest quarter `q` ended on or before `ref_date` ('in Quarter 2' in a
   report to the meeting of 4 November 2025: Q2 2025/26, ended 30 September 2025). #}
{% macro latest_quarter_fy(q, ref_date) -%}
(case when {{ fq_end(fy_of(ref_date), q) }} <= {{ ref_date }} then {{ fy_of(ref_date) }}
      else {{ fy_of(ref_date) }} - 1 end)
{%- endmacro %}

{# An as-of date: the date the first of var as_of_phrases that gives one gives ('Data as of the
   end of December 2023' -> 2023-12-31, 'at 31 March 2017' -> 2017-03-31), else a dated title's
   month end (var dated_title: 'BLACKPOOL HEALTH DATA DASHBOARD - December 2023', alone or one
   ' / ' part of a caption) -- as ingest (ingest.dates) finds them. `loose` reads the first
   '[day] Month YYYY' (var as_of_date) wherever it stands: for text already found to be an
   as-of phrase (`as_of_text`, a sentence's period phrase). #}
{% macro as_of_date(expr, loose=false) -%}
{%- set shape = var('as_of_date') | replace('{month}', month_alternation()) -%}
{%- set dated = [] -%}
{%- if loose -%}
  {%- do dated.append("(?i)" ~ shape) -%}
{%- else -%}
  {%- for phrase in var('as_of_phrases') if '{as_of_date}' in phrase -%}
    {%- do dated.append("(?i)" ~ phrase | replace('{as_of_date}', shape)) -%}
  {%- endfor -%}
{%- endif -%}
{%- set numeric = [] -%}
{%- if not loose -%}
  {%- for phrase in var('as_of_phrases') if '{as_of_date}' in phrase -%}
    {%- do numeric.append("(?i)" ~ phrase | replace('{as_of_date}', var('as_of_numeric_date'))) -%}
  {%- endfor -%}
{%- endif -%}
coalesce(
{%- for re in dated %}
    {{ as_of_match_date(expr, re) }},
{%- endfor %}
{%- for re in numeric %}
    (case when regexp_matches({{ expr }}, '{{ re }}')
          then {{ parse_uk_date("regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 1)") }} end),
{%- endfor %}
    {{ dated_title_date(expr) if not loose else 'null' }})
{%- endmacro %}

{# The date of '[day] Month YYYY' matched by `re` (groups day, month, year): that day, or the
   month's last day when no day is printed. #}
{% macro as_of_match_date(expr, re) -%}
{%- set as_of -%}
case when nullif(as_of_parts.day, '') is not null
    then try_cast(make_date(
        cast(as_of_parts.year as integer),
        {{ month_number('as_of_parts.month') }},
        cast(as_of_parts.day as integer)) as date)
    else last_day(make_date(
        cast(as_of_parts.year as integer), {{ month_number('as_of_parts.month') }}, 1))
end
{%- endset -%}
(case when regexp_matches({{ expr }}, '{{ re }}') then
    {{ bound_once("regexp_extract(" ~ expr ~ ", '" ~ re ~ "', ['day', 'month', 'year'])", 'as_of_parts', as_of) }}
end)
{%- endmacro %}

{# The month end of the first ' / ' part of `expr` that is a dated title (var dated_title). #}
{% macro dated_title_date(expr) -%}
{%- set spec = var('dated_title') -%}
{%- set re = "(?i)" ~ spec.pattern | replace('{month}', month_alternation()) -%}
{%- set part = "list_filter(string_split(" ~ expr ~ ", ' / '), lambda p: length(p) <= "
    ~ spec.max_chars ~ " and regexp_matches(p, '" ~ re ~ "'))[1]" -%}
last_day(make_date(cast(regexp_extract({{ part }}, '{{ re }}', 2) as integer),
                   {{ month_number("regexp_extract(" ~ part ~ ", '" ~ re ~ "', 1)") }}, 1))
{%- endmacro %}

{# A printed date: '20/07/15', '26/6/15', '09.12.21', '11 December 2023', '17 th September 2015',
   'September 17, 2015': the patterns of var date_patterns, in order, as ingest.dates.parse_date
   reads them (the first pattern whose first match is a real date gives it; 31/02 is none). #}
{% macro parse_uk_date(expr) -%}
{#- `expr` is bound once (bound_once) and each pattern's groups are read in one match (a
    struct): each copy of an expression and of a pattern is bound and compiled by DuckDB at
    every run, and a date's text is often itself an extraction (bench/README.md) -#}
{%- set pivot = var('two_digit_year_pivot') -%}
{%- set year = "cast(uk_date.year as integer)" -%}
{%- set day_of -%}
try(make_date(
    case when {{ year }} < 100
         then {{ year }} + case when {{ year }} < {{ pivot }} then 2000 else 1900 end
         else {{ year }} end,
    coalesce(try_cast(uk_date.month as integer), {{ month_number('uk_date.month') }}),
    cast(uk_date.day as integer)))
{%- endset -%}
{%- set first_date -%}
coalesce(
{%- for spec in var('date_patterns') %}
    {%- set re = "(?i)" ~ spec.pattern | replace("{month}", month_alternation()) %}
    {%- set groups = "regexp_extract(uk_date_text, '" ~ re ~ "', ['" ~ spec.groups | join("', '") ~ "'])" %}
    case when regexp_matches(uk_date_text, '{{ re }}') then {{ bound_once(groups, 'uk_date', day_of) }} end{{ "," if not loop.last }}
{%- endfor %})
{%- endset -%}
{{ bound_once(expr, 'uk_date_text', first_date) }}
{%- endmacro %}

{# A month printed without a day: 'October 2015', 'Oct 2024' -> first day of that month. #}
{% macro parse_month_year(expr) -%}
{%- set m = month_names_re() -%}
{%- set re = "(?i)\\b" ~ m ~ "\\s+((?:19|20)[0-9]{2})\\b" -%}
(case when regexp_matches({{ expr }}, '{{ re }}') then try_cast(make_date(
    cast(regexp_extract({{ expr }}, '{{ re }}', 2) as integer),
    {{ month_number("regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 1)") }}, 1) as date) end)
{%- endmacro %}

{# A calendar year named by a lead word in running text (var calendar_year_leads): 'subject to a
   plan in 2017', 'During 2017,', 'calendar year 2017'. Not a fiscal year ('in 2017/18', 'in
   2017-18') and not a date ('in March 2017' has a month between the lead word and the year). #}
{% macro calendar_year(expr) -%}
{%- set leads = var('calendar_year_leads') | join('|') -%}
{%- set re = "(?i)\\b(?:" ~ leads ~ ")\\s+((?:19|20)[0-9]{2})(?:\\s*[^0-9/\\-–—\\s]|\\s*$)" -%}
try_cast(nullif(regexp_extract({{ expr }}, '{{ re }}', 1), '') as integer)
{%- endmacro %}

{# An age band printed as a label or inside one (var age_bands): '0-4 years', '5 – 9', '5 to 9',
   '17 - 18', 'Over 18', 'Under 5', '16 and over', '17 years', '17-18 year olds'. A bare 'a - b'
   only counts when the whole label is the band (and both ends are ages, so '2017-18' is not
   one); inside longer text it needs a unit ('years', 'yrs', 'year olds') after it. Returns the
   band as printed, spaces folded. #}
{% macro age_band(expr) -%}
{%- set words = var('age_bands') -%}
{%- set between = "(?:" ~ words.between | join('|') ~ ")" -%}
{%- set units = "(" ~ words.units | join('|') ~ ")" -%}
{%- set band = "(?:[0-9]{1,2}\\s*" ~ between ~ "\\s*[0-9]{1,2}|(?:" ~ words.before_age | join('|')
    ~ ")\\s+[0-9]{1,2}\\+?|[0-9]{1,2}\\s*(?:" ~ words.after_age | join('|') ~ ")"
    ~ "|[0-9]{1,2}\\s*(?:" ~ words.units | join('|') ~ ")\\s*(?:" ~ words.after_age | join('|') ~ "))" -%}
(case
    when regexp_matches({{ expr }}, '(?i)^\s*{{ band }}\s*{{ units }}?\s*$')
         and coalesce(try_cast(regexp_extract({{ expr }}, '([0-9]{1,2})\s*{{ between }}\s*([0-9]{1,2})', 2) as integer), 0) <= 25
        then regexp_replace(trim({{ expr }}), '\s+', ' ', 'g')
    when regexp_matches({{ expr }}, '(?i)^\s*[0-9]{1,2}\s*{{ units }}\s*$')
        then regexp_replace(trim({{ expr }}), '\s+', ' ', 'g')
    -- ... after 'Aged' ('Aged 1-4', 'Aged 16-17', 'Age 10 to 15 years'): the band
    when regexp_matches({{ expr }}, '(?i)^\s*(?:aged?|ages)\s+{{ band }}\s*{{ units }}?\s*$')
         and coalesce(try_cast(regexp_extract({{ expr }}, '([0-9]{1,2})\s*{{ between }}\s*([0-9]{1,2})', 2) as integer), 0) <= 25
        then regexp_replace(trim(regexp_replace({{ expr }}, '(?i)^\s*(?:aged?|ages)\s+', '')), '\s+', ' ', 'g')
    -- a band in brackets closing a longer label ('Autism assessment (under 5s)', '... (5 to 18)',
    -- 'Supported accommodation (16-17)')
    when regexp_matches({{ expr }}, '(?i)\(\s*{{ band }}s?\s*{{ units }}?\s*\)\s*$')
         and coalesce(try_cast(regexp_extract({{ expr }}, '([0-9]{1,2})\s*{{ between }}\s*([0-9]{1,2})\s*\)\s*$', 2) as integer), 0) <= 25
         -- not all children ('Rate per 10,000 children (0-17)'): the population, no band of it
         and not regexp_matches({{ expr }}, '(?i)\(\s*(?:0\s*{{ between }}\s*1[789]|under\s+1[89])\b')
        then regexp_replace(trim(regexp_extract({{ expr }}, '(?i)\(\s*({{ band }}s?\s*{{ units }}?)\s*\)\s*$', 1)), '\s+', ' ', 'g')
    -- ... or after a dash closing it ('Autism (ASD) - under 5s', 'ADHD – 5 to 18'), in words
    -- (a pair of numbers after a dash, 'Complaints - 24-25', may be a year)
    when regexp_matches({{ expr }}, '(?i)\s[-–]\s*{{ band }}s?\s*{{ units }}?\s*$')
         and not regexp_matches({{ expr }}, '\s[-–]\s*[0-9]{1,2}\s*[-–/]\s*[0-9]{1,2}\s*$')
         and coalesce(try_cast(regexp_extract({{ expr }}, '([0-9]{1,2})\s*{{ between }}\s*([0-9]{1,2})\s*$', 2) as integer), 0) <= 25
         and not regexp_matches({{ expr }}, '(?i)\s[-–]\s*(?:0\s*{{ between }}\s*1[789]|under\s+1[89])\b')
        then regexp_replace(trim(regexp_extract({{ expr }}, '(?i)\s[-–]\s*({{ band }}s?\s*{{ units }}?)\s*$', 1)), '\s+', ' ', 'g')
    -- ... or in the words before a colon naming what the row counts ('Autism (ASC) 5-18: number
    -- waiting at quarter end', 'Under 5s ASC: assessments completed'), units or none
    when regexp_matches({{ expr }}, '(?i)^[^:]*\b{{ band }}s?\b[^:]*:\s*\S')
         and coalesce(try_cast(regexp_extract(split_part({{ expr }}, ':', 1), '([0-9]{1,2})\s*{{ between }}\s*([0-9]{1,2})', 2) as integer), 0) <= 25
         and not regexp_matches(split_part({{ expr }}, ':', 1), '(?i)\b(?:0\s*{{ between }}\s*1[789]|under\s+1[89])\b')
        then regexp_replace(trim(regexp_extract({{ expr }}, '(?i)^[^:]*\b({{ band }}s?)\b[^:]*:', 1)), '\s+', ' ', 'g')
    -- a band in longer words, unless they count a time ('Same placement for 2+ years', 'in care
    -- 2.5+ years'): a duration, no age
    when regexp_matches({{ expr }}, '(?i)\b{{ band }}\s*{{ units }}\b')
     and not regexp_matches({{ expr }}, '(?i)\b(?:for|within|lasting|in\s+care)\s+[0-9.]+\s*\+?\s*{{ units }}')
        then regexp_replace(regexp_extract({{ expr }}, '(?i)\b{{ band }}\s*{{ units }}\b', 0), '\s+', ' ', 'g')
    -- a band after 'care leavers', printed without units ('Care leavers 19-21 in EET', 'Number
    -- of care leavers aged 17-21 receiving a service')
    when regexp_matches({{ expr }}, '(?i)\bcare\s+leavers\s+(?:aged\s+)?[0-9]{1,2}\s*{{ between }}\s*[0-9]{1,2}\b')
        then regexp_replace(regexp_extract({{ expr }}, '(?i)\bcare\s+leavers\s+(?:aged\s+)?([0-9]{1,2}\s*{{ between }}\s*[0-9]{1,2})\b', 1), '\s+', ' ', 'g')
end)
{%- endmacro %}

{# A day and month printed without a year ('As at Friday 28 August'): that day in the year of
   `ref_date` (the meeting date), or the year before when it would fall after it. #}
{% macro day_month_in_year(expr, ref_date) -%}
{%- set m = month_names_re() -%}
{%- set re = "(?i)\\b([0-9]{1,2})(?:st|nd|rd|th)?\\s+" ~ m ~ "\\b" -%}
{%- set d -%}
try_cast(make_date(year({{ ref_date }}), {{ month_number("regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 2)") }},
                   try_cast(regexp_extract({{ expr }}, '{{ re }}', 1) as integer)) as date)
{%- endset -%}
(case when regexp_matches({{ expr }}, '{{ re }}') then
    case when {{ d }} > {{ ref_date }} then cast({{ d }} - interval 1 year as date) else {{ d }} end
end)
{%- endmacro %}

{# 'at year end', 'at the end of the year' (var year_end_phrase, the whole period phrase): the
   31 March closing fiscal year `fy` (the document's) when known, else the last 31 March on or
   before `ref_date` (the meeting date). #}
{% macro year_end_in_year(expr, fy, ref_date) -%}
(case when regexp_matches({{ expr }}, '{{ var("year_end_phrase") }}') then
    coalesce(make_date({{ fy }} + 1, 3, 31),
             case when make_date(year({{ ref_date }}), 3, 31) > {{ ref_date }}
                  then make_date(year({{ ref_date }}) - 1, 3, 31)
                  else make_date(year({{ ref_date }}), 3, 31) end)
end)
{%- endmacro %}

{# The first and last day of a run of months or days printed with the year it ends in (var
   date_range, in var month_range_phrase: the whole period phrase): 'between July and September
   2025' is 1 July to 30 September 2025; 'November to January 2026' starts in November 2025; '1
   April to 31 December 2025' ends on its last day. `group0` is the number of groups the pattern
   holds before date_range's own (caption_date_range has one). Null when no span is printed or
   its end is not after its start. #}
{% macro date_range_re(name) -%}
{{ var(name) | replace('{date_range}', var('date_range')) | replace('{month}', month_alternation()) }}
{%- endmacro %}
{% macro range_group(expr, re, n) -%}
nullif(regexp_extract({{ expr }}, '{{ re }}', {{ n }}), '')
{%- endmacro %}
{% macro date_range_start(expr, name='month_range_phrase', group0=0) -%}
{%- set re = date_range_re(name) -%}
{%- set first = month_number(range_group(expr, re, group0 + 2)) -%}
{%- set last = month_number(range_group(expr, re, group0 + 5)) -%}
{%- set year = "cast(" ~ range_group(expr, re, group0 + 6) ~ " as integer)" -%}
{%- set start_year = "coalesce(cast(" ~ range_group(expr, re, group0 + 3) ~ " as integer), case when "
    ~ first ~ " > " ~ last ~ " then " ~ year ~ " - 1 else " ~ year ~ " end)" -%}
(case when regexp_matches({{ expr }}, '{{ re }}')
      then try(make_date({{ start_year }}, {{ first }},
                         coalesce(cast({{ range_group(expr, re, group0 + 1) }} as integer), 1))) end)
{%- endmacro %}
{% macro date_range_end(expr, name='month_range_phrase', group0=0) -%}
{%- set re = date_range_re(name) -%}
{%- set last = month_number(range_group(expr, re, group0 + 5)) -%}
{%- set year = "cast(" ~ range_group(expr, re, group0 + 6) ~ " as integer)" -%}
{%- set day = "cast(" ~ range_group(expr, re, group0 + 4) ~ " as integer)" -%}
(case when regexp_matches({{ expr }}, '{{ re }}')
      then coalesce(try(make_date({{ year }}, {{ last }}, {{ day }})),
                    last_day(make_date({{ year }}, {{ last }}, 1))) end)
{%- endmacro %}
{# Whether the days from `start` to `stop` are whole months that make `months` months from a
   start in one of `start_months` (a fiscal year: 12 from April; a calendar year: 12 from January; a
   fiscal quarter: 3 from January, April, July or October). #}
{% macro whole_months_span(start, stop, months, start_months) -%}
coalesce(day({{ start }}) = 1 and month({{ start }}) in ({{ start_months | join(', ') }})
         and {{ stop }} = ({{ start }} + interval {{ months }} month - interval 1 day)::date, false)
{%- endmacro %}
{% macro month_range_start(expr) -%}
{%- set start = date_range_start(expr) -%}
{%- set stop = date_range_end(expr) -%}
(case when {{ start }} < {{ stop }} then {{ start }} end)
{%- endmacro %}
{% macro month_range_end(expr) -%}
{%- set start = date_range_start(expr) -%}
{%- set stop = date_range_end(expr) -%}
(case when {{ start }} < {{ stop }} then {{ stop }} end)
{%- endmacro %}

{# The first day a flow counted 'to date' is counted from (var to_date_phrases): 'since April' the
   1st of that month, in the year of `ref_date` or the year before when that is later; 'year to
   date', 'since the start of the year' the 1st April opening the fiscal year of `ref_date`. #}
{% macro to_date_start(expr, ref_date) -%}
{%- set month_re = var('to_date_phrases')['month'] | replace('{month}', month_names_re()) -%}
{%- set d = "make_date(year(" ~ ref_date ~ "), " ~ month_number("regexp_extract(" ~ expr ~ ", '" ~ month_re ~ "', 1)") ~ ", 1)" -%}
(case
    when regexp_matches({{ expr }}, '{{ var("to_date_phrases")["year"] }}') then
        make_date({{ fy_of(ref_date) }}, 4, 1)
    when regexp_matches({{ expr }}, '{{ month_re }}') then
        case when {{ d }} > {{ ref_date }} then cast({{ d }} - interval 1 year as date) else {{ d }} end
end)
{%- endmacro %}

{# The months from a fiscal year's start that 'the first three quarters of 2024/25' / 'the first
   six months of 2024/25' count (var part_year_months), or null; of a report's heading ('Mid-Year
   Report 2025/26') with var_name 'report_part_year_months'. #}
{% macro part_year_months(expr, var_name='part_year_months') -%}
(case
{%- for months, pattern in var(var_name).items() %}
    when regexp_matches({{ expr }}, '{{ pattern }}') then {{ months }}
{%- endfor %}
end)
{%- endmacro %}

{# The last day of the first `months` of the fiscal year starting in `fy_start_year` (6: 30
   September, 9: 31 December): where a part of a year ('H1 2025/26', a 'Mid-Year Report') ends. #}
{% macro part_year_end(fy_start_year, months) -%}
cast(make_date({{ fy_start_year }}, 4, 1) + to_months({{ months }}) - interval 1 day as date)
{%- endmacro %}

{# 'at the end of September' or 'in the nine months to December' with no year: the last day of
   that month, in the year of `ref_date`
   or the year before when that is later (a figure at the end of a month already past). #}
{% macro month_end_in_year(expr, ref_date) -%}
{%- set m = month_names_re() -%}
{%- set re = "(?i)(?:\\b(?:end\\s+of|in|during|for)|\\bmonths\\s+(?:to|ending|up\\s+to))\\s+" ~ m ~ "\\s*$" -%}
{%- set d = "last_day(make_date(year(" ~ ref_date ~ "), " ~ month_number("regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 1)") ~ ", 1))" -%}
(case when regexp_matches({{ expr }}, '{{ re }}') then
    case when {{ d }} > {{ ref_date }} then cast({{ d }} - interval 1 year as date) else {{ d }} end
end)
{%- endmacro %}

{# The first day of the month a label is and nothing else names (var month_label: 'Apr-23',
   'April 2023', "Apr '23"); a two-digit year as in parse_uk_date. Null for any other label. #}
{% macro month_label_start(expr, pattern_var='month_label') -%}
{%- set re = "(?i)" ~ var(pattern_var) | replace('{month}', month_alternation()) -%}
{%- set pivot = var('two_digit_year_pivot') -%}
{%- set year = "cast(regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 2) as integer)" -%}
(case when regexp_matches({{ expr }}, '{{ re }}') then try_cast(make_date(
    case when {{ year }} < 100 then {{ year }} + case when {{ year }} < {{ pivot }} then 2000 else 1900 end
         else {{ year }} end,
    {{ month_number("regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 1)") }}, 1) as date) end)
{%- endmacro %}

{# A column's header counting a run of months up to a day or month (var rolling_span_label). #}
{% macro rolling_span_re() -%}
{{ var('rolling_span_label') | replace('{count_words}', var('month_count_words').keys() | join('|')) }}
{%- endmacro %}

{# The day a run of months ends at ('Rolling 12 months to Sep 25': 30 September 2025; '12 months
   to 30.9.25'): a date alone, else a month label's last day; null for any other header ('Year
   to date' ends at no printed day). #}
{% macro rolling_span_end(expr) -%}
{%- set re = rolling_span_re() -%}
{%- set end_text = "regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 3)" -%}
(case when regexp_matches({{ expr }}, '{{ re }}')
      then coalesce({{ date_label(end_text) }}, last_day({{ month_label_start(end_text) }})) end)
{%- endmacro %}

{# How many months that run counts: its number or word, an 'R<n>M''s n, or 12 for a year. #}
{% macro rolling_span_months(expr) -%}
{%- set re = rolling_span_re() -%}
(case when {{ rolling_span_end(expr) }} is not null then
    case lower(regexp_extract({{ expr }}, '{{ re }}', 1))
        {%- for word, number in var('month_count_words').items() %} when '{{ word }}' then {{ number }}{% endfor %}
        when '' then coalesce(try_cast(nullif(regexp_extract({{ expr }}, '{{ re }}', 2), '') as integer), 12)
        else try_cast(regexp_extract({{ expr }}, '{{ re }}', 1) as integer) end end)
{%- endmacro %}

{# The first day of a run of `months` months ending at `end_date` (30 September 2025, 12: 1
   October 2024; 28 February 2025, 12: 1 March 2024). #}
{% macro rolling_span_start(end_date, months) -%}
cast(case when {{ end_date }} = last_day({{ end_date }})
          then last_day({{ end_date }} - to_months({{ months }}))
          else {{ end_date }} - to_months({{ months }}) end + interval 1 day as date)
{%- endmacro %}

{# The month number of a label that is a month's name alone (var month_name_label: 'Apr',
   'April'), else null: the year comes from the period printed around it (int_fact_periods). #}
{% macro month_number_label(expr) -%}
{%- set re = "(?i)" ~ var('month_name_label') | replace('{month}', month_alternation()) -%}
(case when regexp_matches({{ expr }}, '{{ re }}')
    then {{ month_number("regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 1)") }} end)
{%- endmacro %}

{# The date a label that is a date and nothing else prints ('31/03/2023', '31 March 2023',
   'March 31, 2023': one of var date_patterns alone on the label, as parse_uk_date reads it);
   null for a label with other words ('Referrals at 31/03/2023' is read by as_of_date) but an
   as-at before the date ('As at 31/03/25', var date_label_prefix). #}
{% macro date_label(expr) -%}
{%- set alone = [] -%}
{%- for spec in var('date_patterns') -%}
  {%- do alone.append("^\\W*(?:" ~ var('date_label_prefix') ~ ")?" ~ spec.pattern | replace("{month}", month_alternation()) ~ "\\W*$") -%}
{%- endfor -%}
(case when regexp_matches({{ expr }}, '(?i){{ alone | join("|") }}') then {{ parse_uk_date(expr) }} end)
{%- endmacro %}

{# The start year of a fiscal year a label prints with two-digit years and nothing else but a
   quarter ('23/24', 'Q1 23/24', 'FY23-24': var short_fiscal_year_labels), else null; two-digit
   years as in parse_uk_date (var two_digit_year_pivot). #}
{% macro short_fy_label_start(expr) -%}
{%- set pivot = var('two_digit_year_pivot') -%}
coalesce(
{%- for pattern in var('short_fiscal_year_labels') %}
{%- set re = "(?i)" ~ pattern -%}
{%- set start = "try_cast(regexp_extract(" ~ expr ~ ", '" ~ re ~ "', 1) as integer)" %}
    case when regexp_matches({{ expr }}, '{{ re }}')
          and ({{ start }} + 1) % 100 = try_cast(regexp_extract({{ expr }}, '{{ re }}', 2) as integer)
        then {{ start }} + case when {{ start }} < {{ pivot }} then 2000 else 1900 end end
    {{- "," if not loop.last }}
{%- endfor %})
{%- endmacro %}

{# A caption ending with an as-of day and month but no year ('... placed outside Cornwall at 31
   March'): groups day, month. Its year columns ('2023 | 2024') give the year. #}
{% macro caption_day_month_re() -%}
(?i)\bat\s+(?:the\s+)?(?:end\s+of\s+)?([0-9]{1,2})(?:st|nd|rd|th)?\s+({{ month_alternation() }})\.?\s*$
{%- endmacro %}

{# `expr` without the period label it opens with: a column's header path under a period printed
   over its columns ('Jul-25 Over 18 wks', 'Q2 2025/26 Waiting', '31 Mar 2025 No.', '2024/25
   Received') is matched to a measure by its own words, as a header printed alone would be. #}
{% macro without_period_prefix(expr) -%}
{%- set month = month_alternation() -%}
{%- set re = "^\\W*(?:(?:" ~ month ~ ")\\.?(?:\\s*[-/\\x27’]\\s*|\\s+)(?:19|20)?[0-9]{2}"
    ~ "|[0-9]{1,2}\\s+(?:" ~ month ~ ")\\.?,?\\s+(?:19|20)[0-9]{2}"
    ~ "|" ~ quarter_words_re() ~ "\\s*[1-4](?:\\s+(?:19|20)[0-9]{2}(?:\\s*[/-]\\s*[0-9]{2,4})?)?"
    ~ "|(?:19|20)[0-9]{2}\\s*[/-]\\s*[0-9]{2,4})\\s+" -%}
regexp_replace({{ expr }}, '(?i){{ re }}', '')
{%- endmacro %}
