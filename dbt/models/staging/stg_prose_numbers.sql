-- Numbers printed in sentences (ingest/prose.py): one row per mention, identifiers included with
-- their skip_reason.
select
    pack_id,
    mention_seq,
    line_number,
    sentence_first_line,
    sentence_last_line,
    sentence,
    char_start,
    char_end,
    number_text,
    value,
    value_high,
    number_form,
    qualifier,
    unit_cue,
    role,
    direction,
    comparison_value,
    comparison_text,
    comparison_period_text,
    anchor_seq,
    coalesce(before_text, '') as before_text,
    coalesce(after_text, '') as after_text,
    period_text,
    skip_reason,
    coalesce(context_before, '') as context_before
from {{ source('raw', 'prose_numbers') }}
