-- one conformed figure per figure_key, citing every printing; published as a table (meta
-- published_as in _bi.yml)
{%- set figure_columns = [
    'subject_key', 'measure', 'unit', 'value_type', 'subject_council', 'service_area', 'service_code',
    'service_text', 'theme', 'district', 'age_band', 'segment', 'stage', 'procedure',
    'breakdown', 'period_id', 'period_type', 'fiscal_year', 'period_start', 'period_end',
    'as_of_date', 'period_source'] %}
{%- set printing_columns = ['fact_id', 'figure_key', 'pack_id', 'source_line', 'value', 'reporting_council'] %}
WITH printings AS (
    -- every printing of every measured table fact; a figure read in a sentence (source_kind
    -- prose) has no figure_key: it is not a printing of a table's figure
    SELECT p.*, k.file_name, k.meeting_date
    FROM ({{ fact_union(printing_columns + figure_columns, required=['figure_key', 'measure', 'value'],
                        as_varchar=['fiscal_year'], where='f.figure_key IS NOT NULL') }}) AS p
    JOIN {{ published_ref('provenance_packs') }} AS k USING (pack_id)
),
votes AS (
    -- the conformed value: the one printed most often, then the one of the latest meeting,
    -- then the one printed first (a figure printed twice in one pack with two values)
    SELECT figure_key, value, count(*) AS n, max(meeting_date) AS latest,
           min(file_name || lpad(source_line::VARCHAR, 8, '0')) AS first_printing,
           -- the decimals the value is printed to (52.75: 2, 53: 0)
           length(regexp_extract(value::VARCHAR, '\.([0-9]*[1-9])', 1))::INTEGER AS decimals
    FROM printings
    WHERE value IS NOT NULL
    GROUP BY figure_key, value
),
conformed AS (
    -- values that are one value printed to different precisions (52.75% in one table, 53% in
    -- another) agree: the conformed value is the most precise
    SELECT figure_key,
           first(value ORDER BY n DESC, latest DESC NULLS LAST, first_printing, value) AS voted,
           arg_max(value, decimals) AS most_precise,
           count(*) AS n_values
    FROM votes
    GROUP BY figure_key
),
rounded AS (
    SELECT c.figure_key, c.n_values,
           bool_and(round(c.most_precise, v.decimals) = v.value) AS agree_when_rounded,
           CASE WHEN bool_and(round(c.most_precise, v.decimals) = v.value) THEN c.most_precise
                ELSE c.voted END AS value
    FROM conformed AS c
    JOIN votes AS v USING (figure_key)
    GROUP BY c.figure_key, c.n_values, c.most_precise, c.voted
)
SELECT
    p.figure_key, any_value(p.domain) AS domain,
    {#- the printings of one figure_key agree on these, except how a service is printed
        ('NDP' / 'Neurodevelopmental pathway'): the first printing's words, so that every
        build publishes the same row #}
    {%- for column in figure_columns if column != 'period_source' %}
    first(p.{{ column }} ORDER BY p.meeting_date, p.file_name, p.source_line, p.fact_id)
        FILTER (WHERE p.{{ column }} IS NOT NULL) AS {{ column }},{% endfor %}
    string_agg(DISTINCT p.period_source, ', ' ORDER BY p.period_source) AS period_source,
    bool_and(p.period_source = 'meeting_date') AS dated_by_meeting,
    c.value, coalesce(c.n_values, 0) <= 1 OR coalesce(c.agree_when_rounded, false) AS printings_agree,
    list_sort(list_distinct(list(p.value) FILTER (WHERE p.value IS NOT NULL))) AS printed_values,
    count(*) AS printings, count(DISTINCT p.pack_id) AS packs,
    list_sort(list(DISTINCT p.reporting_council)) AS reporting_councils,
    list(p.fact_id ORDER BY p.meeting_date, p.file_name, p.source_line, p.fact_id) AS fact_ids,
    list(p.file_name || ' line ' || p.source_line ORDER BY p.meeting_date, p.file_name,
         p.source_line) AS printed_at,
    list_sort(list(DISTINCT p.pack_id)) AS pack_ids,
    max(p.meeting_date) AS latest_meeting_date
FROM printings AS p
LEFT JOIN rounded AS c USING (figure_key)
GROUP BY p.figure_key, c.value, c.n_values, c.agree_when_rounded
