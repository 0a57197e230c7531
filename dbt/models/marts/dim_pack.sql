-- One row per pack loaded (raw.packs), with its council, committee and meeting keys.
select
    p.pack_id,
    p.file_name,
    p.sha256,
    p.council,
    pc.council_id,
    pc.resolution as council_resolution,
    p.council_method,
    p.committee,
    case when p.committee is not null then
        {{ surrogate_key(["pc.council_id", norm_text("coalesce(ca.committee_name, p.committee)")]) }}
    end as committee_id,
    p.meeting_date,
    {{ surrogate_key(["pc.council_id", norm_text("coalesce(ca.committee_name, p.committee)"), 'p.meeting_date']) }}
        as meeting_id,
    p.line_count,
    p.encoding,
    p.parser_version,
    p.extracted_at
from {{ ref('stg_packs') }} p
join {{ ref('int_pack_councils') }} pc using (pack_id)
left join {{ ref('committee_aliases') }} ca on ca.alias = {{ norm_text('p.committee') }}
where {{ in_batch('p.pack_id') }}
