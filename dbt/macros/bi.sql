{#
  Helpers of the BI models (models/bi, schema bi).

  BI models are views in the working DB and are published into council.duckdb (warehouse/
  publish.py) with the SQL DuckDB holds for them. So that SQL works in both files, whatever name
  a BI tool attaches the published file under, a BI model names its inputs without a database:
  `{{ published_ref('fct_complaints') }}` renders "marts"."fct_complaints" (and records the
  dependency, so dbt's lineage runs raw -> marts -> bi).
#}

{% macro published_ref(model_name) -%}
{{ return(ref(model_name).include(database=false)) }}
{%- endmacro %}

{# The fact domains in order; the fact model of a domain is fct_<domain> (dbt_project.yml vars). #}
{% macro fact_domains() -%}
{{ return(var('fact_domains')) }}
{%- endmacro %}

{# The domains whose tables print measured figures: every fact domain but decisions. #}
{% macro measured_domains() -%}
{{ return(var('fact_domains') | reject('equalto', 'decisions') | list) }}
{%- endmacro %}

{# Column names of a model's relation, at run time ([] while dbt parses). #}
{% macro relation_columns(relation) -%}
{%- if not execute -%}{{ return([]) }}{%- endif -%}
{{ return(adapter.get_columns_in_relation(relation) | map(attribute='name') | list) }}
{%- endmacro %}

{# The key column of a fact model: fact_id, decision_id, else the first *_id column. #}
{% macro fact_id_column(present) -%}
{%- for name in ['fact_id', 'decision_id'] if name in present -%}
{%- if loop.first -%}{{ return(name) }}{%- endif -%}
{%- endfor -%}
{%- for name in present if name.endswith('_id') -%}
{%- if loop.first -%}{{ return(name) }}{%- endif -%}
{%- endfor -%}
{{ return(none) }}
{%- endmacro %}

{#
  One SELECT per fact domain whose fact model has every column of `required`, joined by UNION
  ALL: `'<domain>' AS domain`, then `columns` in order, each NULL where that domain's model lacks
  it and cast to VARCHAR where listed in `as_varchar`; `where` filters each domain's rows. With
  `fact_key`, column fact_id is the model's key (fact_id, or decision_id ...) as VARCHAR.
  A domain is thus a row of the fact_domains var, not a branch of SQL.
#}
{% macro fact_union(columns, required=[], as_varchar=[], alias='f', where=none, fact_key=false) -%}
{%- set parts = [] -%}
{%- for domain in fact_domains() -%}
{%- set relation = published_ref('fct_' ~ domain) -%}
{%- set present = relation_columns(relation) -%}
{%- set ns = namespace(ok=(present | length > 0)) -%}
{%- for name in required if name not in present -%}{%- set ns.ok = false -%}{%- endfor -%}
{%- if ns.ok -%}
{%- set select = [] -%}
{%- for name in columns -%}
{%- if fact_key and name == 'fact_id' -%}
{%- do select.append(alias ~ '.' ~ fact_id_column(present) ~ '::VARCHAR AS fact_id') -%}
{%- elif name not in present -%}
{%- do select.append('NULL AS ' ~ name) -%}
{%- elif name in as_varchar -%}
{%- do select.append(alias ~ '.' ~ name ~ '::VARCHAR AS ' ~ name) -%}
{%- else -%}
{%- do select.append(alias ~ '.' ~ name) -%}
{%- endif -%}
{%- endfor -%}
{%- do parts.append("SELECT '" ~ domain ~ "' AS domain, " ~ (select | join(', ')) ~ ' FROM ' ~ relation ~ ' AS ' ~ alias ~ (' WHERE ' ~ where if where else '')) -%}
{%- endif -%}
{%- endfor -%}
{{ parts | join('\nUNION ALL\n') }}
{%- endmacro %}

{# Human-readable citation: council, committee, meeting date, document title, line and file. #}
{% macro citation(pack='p', document='d', line='f.source_line') -%}
concat_ws(', ', {{ pack }}.council, {{ pack }}.committee, strftime({{ pack }}.meeting_date, '%-d %B %Y')) || ': "' || coalesce({{ document }}.title, 'untitled document') || '", line ' || {{ line }} || ' of ' || {{ pack }}.file_name
{%- endmacro %}

{#
  The measures of a domain as (code, description, unit), from dim_measure, at run time ([]
  while dbt parses): the measure columns of a pivot follow the data. Only codes that are plain
  SQL identifiers become columns.
#}
{% macro domain_measures(domain) -%}
{%- set dim_measure = published_ref('dim_measure') -%}
{%- if not execute -%}{{ return([]) }}{%- endif -%}
{%- set rows = run_query(
    "SELECT measure_code, description, unit FROM " ~ dim_measure
    ~ " WHERE domain = '" ~ domain ~ "' ORDER BY measure_code") -%}
{%- set measures = [] -%}
{%- for row in rows if modules.re.match('^[A-Za-z_][A-Za-z0-9_]*$', row[0]) -%}
{%- do measures.append(row) -%}
{%- endfor -%}
{{ return(measures) }}
{%- endmacro %}

{# COMMENT ON each measure column of a pivot (post-hook): the columns follow dim_measure, so
   their descriptions cannot be written in _bi.yml. `template` gets description and unit. #}
{% macro comment_measure_columns(domain, template) -%}
{%- for code, description, unit in domain_measures(domain) -%}
COMMENT ON COLUMN {{ this.include(database=false) }}.{{ adapter.quote(code) }} IS '{{ (template | replace('{description}', description) | replace('{unit}', unit)) | replace("'", "''") }}';
{% endfor -%}
{%- endmacro %}
