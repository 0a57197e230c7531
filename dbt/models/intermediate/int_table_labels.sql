-- Row labels and cell keys of each table, joined into one text for classification.
select
    pack_id,
    table_id,
    string_agg(distinct row_label, ' | ' order by row_label) filter (where row_label is not null) as row_labels_text,
    string_agg(distinct cell_key, ' | ' order by cell_key) filter (where cell_key is not null) as cell_keys_text
from {{ ref('stg_table_cells') }}
where not is_header and {{ in_batch('pack_id') }}
group by pack_id, table_id
