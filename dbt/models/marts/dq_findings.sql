-- Data-quality findings: one row per consistency check that failed (severity warn). The checks are
-- the int_dq_* models; the warn-severity dbt tests read the same models.
{% set checks = ['int_dq_quarter_sums', 'int_dq_subtotal_sums', 'int_dq_ratios', 'int_dq_conflicting_values',
                 'int_dq_prose_vs_tables', 'int_dq_prose_item_counts'] %}
with findings as (
    {% for c in checks %}
    select pack_id, check_name, severity, source_table_id, source_lines, measure,
           cast(expected_value as double) as expected_value, cast(observed_value as double) as observed_value,
           detail
    from {{ ref(c) }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
)
select
    {{ surrogate_key(['pack_id', 'check_name', 'source_table_id', 'source_lines', 'measure']) }} as finding_id,
    pack_id,
    check_name,
    severity,
    source_table_id,
    source_lines,
    measure,
    expected_value,
    observed_value,
    detail,
    'dbt' as checked_by
from findings
