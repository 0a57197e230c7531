-- every measured value of every domain in one long table; a domain whose fact model has no
-- measure and value (decisions) is not measured: see bi.decisions
{%- set fact_columns = [
    'fact_id', 'figure_key', 'pack_id', 'document_id', 'source_line', 'measure', 'value', 'unit',
    'value_text', 'value_type', 'reporting_council', 'subject_council', 'service_area',
    'period_id', 'period_type', 'fiscal_year', 'as_of_date', 'period_start', 'period_end',
    'period_source'] %}
SELECT
    f.domain, f.fact_id, f.figure_key, f.measure, m.description AS measure_description, f.value,
    f.unit, f.value_text, f.value_type, f.reporting_council,
    rc.council_name AS reporting_council_name, f.subject_council,
    sc.council_name AS subject_council_name, f.service_area, f.period_id, f.period_type,
    f.fiscal_year, f.as_of_date, f.period_start, f.period_end, f.period_source,
    f.period_source = 'meeting_date' AS dated_by_meeting,
    -- a value without a figure_key (read in a sentence) is a figure of its own, printed once
    f.figure_key IS NULL OR row_number() OVER (
        PARTITION BY f.figure_key ORDER BY k.meeting_date, k.file_name, f.source_line, f.fact_id
    ) = 1 AS first_printing,
    f.pack_id, f.document_id, f.source_line
FROM ({{ fact_union(fact_columns, required=['measure', 'value'], as_varchar=['fiscal_year']) }}) AS f
LEFT JOIN {{ published_ref('provenance_packs') }} AS k ON k.pack_id = f.pack_id
LEFT JOIN {{ published_ref('dim_measure') }} AS m ON m.measure_code = f.measure
LEFT JOIN {{ published_ref('dim_council') }} AS rc ON rc.council_id = f.reporting_council
LEFT JOIN {{ published_ref('dim_council') }} AS sc ON sc.council_id = f.subject_council
