-- The council of each pack: the name ingest read (printed or inferred) resolved to a GSS code
-- at the meeting date (macro council_at over int_council_names). One row per pack, from that
-- pack's row only. resolution: matched, unknown_name (no council bears it), ambiguous_name
-- (several councils bear it at that date), not_found (no council name in the pack).
with packs as (
    select pack_id, council, council_line, council_method, meeting_date
    from {{ batch(ref('stg_packs')) }}
),
resolved as (
    select p.*, {{ council_at('p.council', 'p.meeting_date') }} as gss_code
    from packs p
)
select
    r.pack_id,
    r.council as council_text,
    r.council_line,
    r.council_method,
    r.meeting_date,
    coalesce(r.gss_code, 'unknown') as council_id,
    case
        when r.council is null then 'not_found'
        when r.gss_code is not null then 'matched'
        when exists (select 1 from {{ ref('int_council_names') }} cn
                     where cn.name_key = {{ council_key('r.council') }}) then 'ambiguous_name'
        else 'unknown_name'
    end as resolution
from resolved r
