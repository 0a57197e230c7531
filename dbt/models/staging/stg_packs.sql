-- One row per pack that passed its gate. Trims text fields; types are those of the raw contract.
select
    pack_id,
    sha256,
    file_name,
    byte_count,
    line_count,
    encoding,
    nullif(trim(council), '') as council,
    council_line,
    council_method,
    council_confidence,
    nullif(trim(regexp_replace(committee, '\s+', ' ', 'g')), '') as committee,
    committee_line,
    meeting_date,
    meeting_date_line,
    meeting_time,
    venue,
    venue_line,
    missing_reasons,
    parser_version,
    extracted_at
from {{ source('raw', 'packs') }}
