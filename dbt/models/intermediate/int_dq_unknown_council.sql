-- Check: every council name a pack prints (or ingest infers) resolves to a council of the
-- register. A name no council bears, or several councils bear at the meeting date, is a
-- finding (the pack's facts carry council 'unknown' until a reviewed alias is added); so is a
-- pack naming no council at all (council_name_not_found).
select
    pack_id,
    case resolution when 'ambiguous_name' then 'council_name_ambiguous'
                    when 'not_found' then 'council_name_not_found'
                    else 'council_name_unknown' end as check_name,
    'warning' as severity,
    cast(null as varchar) as source_table_id,
    cast(council_line as varchar) as source_lines,
    cast(null as varchar) as measure,
    cast(null as varchar) as period_id,
    cast(null as double) as expected_value,
    cast(null as double) as observed_value,
    'council:' || coalesce(council_text, '') as finding_key,
    case resolution
        when 'not_found'
        then 'No council name is printed on the front sheet or named in the text (nor an officer''s '
             || 'gov.uk address): the pack''s facts carry council ''unknown'''
        else 'Council name ''' || council_text || ''' (' || council_method || ') '
             || case resolution when 'ambiguous_name'
                     then 'names more than one council at the meeting date'
                     else 'is not in the council register (seeds council_register, council_aliases)' end
    end as detail
from {{ batch(ref('int_pack_councils')) }}
where resolution in ('unknown_name', 'ambiguous_name', 'not_found')
