-- What a table's rows and columns are, from the header of its label column (seed label_dimensions):
-- 'Themes' / 'Nature - North' -> the rows are themes; 'Outcome - North' -> outcomes (and their total
-- counts concluded cases); 'District Service' -> rows are services and the columns districts;
-- 'Age Range' -> age bands. has_service_columns: some column header names a service, so the rows of
-- this cross-tab are not services (a row 'Hospital discharge' in such a table is a theme).
-- rows_are_services: the rows name services or teams, because the label header says so ('Service'),
-- or names the service whose teams they are ('Education and Skills'), or says nothing and most
-- labelled detail rows are known services (seed service_aliases).
with tables as (
    -- the top-left header cell as printed (a sub-table's title stays there even where ingest
    -- moved it into the caption), else the resolved header of the label column
    select t.table_id, t.pack_id, coalesce(c.label_header, t.label_header, '') as label_header
    from {{ batch(ref('int_tables')) }} t
    join {{ batch(ref('int_table_captions')) }} c using (table_id)
),
headers as (
    select distinct label_header from tables where label_header <> ''
),
dims as (
    select h.label_header,
           min(d.dimension) filter (where d.axis = 'rows') as row_dimension,
           min(d.total_measure) filter (where d.axis = 'rows') as row_total_measure,
           min(d.dimension) filter (where d.axis = 'columns') as column_dimension
    from headers h
    join {{ ref('label_dimensions') }} d
      on d.target = 'row_header' and {{ regexp_matches_seed('h.label_header', 'd.pattern', ref('label_dimensions')) }}
    group by all
),
service_rows as (
    select table_id,
           avg(case when service_code is not null then 1.0 else 0.0 end) as service_row_share
    from {{ batch(ref('int_table_rows')) }}
    where row_role = 'detail' and coalesce(row_label, '') <> ''
    group by table_id
),
header_services as (
    select h.label_header, true as header_is_service
    from headers h
    join {{ ref('service_aliases') }} sa on {{ regexp_matches_seed('h.label_header', 'sa.pattern', ref('service_aliases')) }}
    group by all
),
service_columns as (
    select table_id, count(*) filter (where service_code is not null) > 0 as has_service_columns
    from {{ batch(ref('int_table_columns')) }}
    where col_index > 0
    group by table_id
)
select
    t.table_id,
    t.pack_id,
    d.row_dimension,
    d.row_total_measure,
    d.column_dimension,
    coalesce(s.has_service_columns, false) as has_service_columns,
    coalesce(d.row_dimension = 'service', false)
        or (d.row_dimension is null and coalesce(hs.header_is_service, false))
        or (d.row_dimension is null and not coalesce(s.has_service_columns, false)
            and coalesce(r.service_row_share, 0) >= 0.5) as rows_are_services
from tables t
left join dims d using (label_header)
left join header_services hs using (label_header)
left join service_columns s using (table_id)
left join service_rows r using (table_id)
