-- Every decision of a pack in one shape: table rows (int_table_decisions) and prose
-- (int_prose_decisions), with a stable key and the reference normalised (PH41/2015 ->
-- PH/41/2015). A prose decision has no reference of its own; a decision reference it mentions
-- (the call-in of PH41/2015) is its related_reference.
-- A Record of Decision prints who decided, when, its reference and title as a key-value block
-- (`Decision taken by:<TAB>Cabinet`, `Date of decision:<TAB>7 October 2025`: a two-column table
-- whose keys are seed decision_columns patterns) over its `Decision:` items: the first decision
-- taken (not recommended) below such a block in its document takes what the prose does not say
-- (or the one above it, in a document whose blocks follow their decisions).
-- The same block printed as 'Key: value' lines without a TAB (`Decision taken by: Cabinet Member
-- for X`) is read the same way when it names who decided (a cover's 'Date:' alone is no record).
-- A two-column table may hold several records one after another ('Decision No.<TAB>CAB/114' ...
-- 'Decision No.<TAB>CAB/115' ...): each starts where its first key's field is printed again. A row
-- with no key goes on the value of the keyed row above it ('Decision<TAB>Cabinet:' over
-- '<TAB>2. Noted the forecast ...').
with table_rows as (
    select c.pack_id, c.table_id, c.row_index,
           max(case when c.col_index = 0 and c.part = 0 then c.cell_text end) as key_text,
           string_agg(case when c.col_index = 1 then c.cell_text end, ' ' order by c.part) as value_text,
           min(case when c.col_index = 1 then c.line_number end) as line_number
    from {{ batch(ref('stg_table_cells')) }} c
    join {{ batch(ref('stg_tables')) }} t using (pack_id, table_id)
    where t.n_columns = 2 and c.col_index in (0, 1)
    group by c.pack_id, c.table_id, c.row_index
),
key_values as (
    select pack_id, table_id, key_row as row_index,
           max(case when row_index = key_row then key_text end) as key_text,
           string_agg(value_text, ' ' order by row_index) as field_value,
           min(case when row_index = key_row then line_number end) as line_number,
           max(line_number) as last_value_line
    from (select *, last_value(case when nullif(trim(key_text), '') is not null then row_index end ignore nulls)
                        over (partition by table_id order by row_index) as key_row
          from table_rows)
    where key_row is not null
    group by pack_id, table_id, key_row
),
key_cells as (
    select k.pack_id, k.table_id, k.row_index, arg_max(f.field, f.priority) as field,
           any_value(k.field_value) as field_value, any_value(k.line_number) as line_number,
           any_value(k.last_value_line) as last_value_line,
           ends_with(trim(any_value(k.key_text)), ':') as has_colon
    from key_values k
    join {{ ref('decision_columns') }} f
      on {{ regexp_matches_seed("rtrim(trim(k.key_text), ': ')", 'f.pattern', ref('decision_columns')) }}
    -- a form's blank to fill in ('Date:<TAB>..........' under the chair's signature) is no field
    where not {{ is_blank_to_fill('k.field_value') }}
    group by k.pack_id, k.table_id, k.row_index
),
-- a key ends with ':', or three rows or more of the block are keys ('Decision No.<TAB>EX/41/2025')
record_fields as (
    select k.*,
           sum(case when k.field = k.first_field then 1 else 0 end)
               over (partition by k.table_id order by k.row_index) as record_no
    from (select *, first_value(field) over (partition by table_id order by row_index) as first_field
          from key_cells) k
    where k.has_colon or (select count(*) from key_cells o where o.table_id = k.table_id) >= 3
),
table_records as (
    select * replace (
               -- a record ends where the next one in its table starts
               coalesce(lead(first_line) over (partition by source_table_id order by record_no) - 1,
                        last_line) as last_line,
               coalesce(lead(first_line) over (partition by source_table_id order by record_no) - 1,
                        last_line) as linked_after)
    from (
        select t.pack_id, t.document_id,
               t.table_id || case when max(r.record_no) over (partition by t.table_id) > 1
                                  then '-r' || r.record_no else '' end as record_id,
               t.source_table_id, t.last_line, t.last_line as linked_after, r.record_no,
               min(r.line_number) as first_line,
               {{ decision_record_fields('r') }}
        from record_fields r
        join (select *, table_id as source_table_id from {{ batch(ref('stg_tables')) }}) t using (pack_id, table_id)
        group by t.pack_id, t.document_id, t.table_id, t.source_table_id, t.last_line, r.record_no
        -- (or an item and what was resolved on it: 'Item<TAB>Work Programme' / 'Resolution<TAB>That
        -- the Committee agrees ...')
        having decision_maker is not null or decision_date_text is not null
            or (title is not null and decision_text is not null)
    )
),
key_lines as (
    select pack_id, line_number,
           regexp_extract(clean_text, '^([A-Za-z][A-Za-z /().-]{2,40}):\s+(\S.*)$', 1) as field_key,
           regexp_extract(clean_text, '^([A-Za-z][A-Za-z /().-]{2,40}):\s+(\S.*)$', 2) as field_value,
           line_number as last_value_line, false as value_below
    from {{ batch(ref('stg_lines')) }}
    where not has_tab and contains(clean_text, ':')
      and not {{ is_blank_to_fill("regexp_extract(clean_text, ':\s+(\S.*)$', 1)") }}
    -- a key alone on its line over its value on the next line with text ('DECISION NO:' /
    -- '25/00112'; not over another key, a lead-in ending with ':' or an item: '(a) APPROVE ...')
    union all
    select pack_id, line_number, regexp_extract(clean_text, '^([A-Za-z][A-Za-z /().-]{2,40}):$', 1),
           next_text, next_line, true
    from (select pack_id, line_number, clean_text, has_tab,
                 lead(clean_text) over (partition by pack_id order by line_number) as next_text,
                 lead(line_number) over (partition by pack_id order by line_number) as next_line,
                 lead(has_tab) over (partition by pack_id order by line_number) as next_has_tab
          from {{ batch(ref('stg_lines')) }}
          where clean_text <> '') l
    where not has_tab and not next_has_tab and regexp_matches(clean_text, '^[A-Za-z][A-Za-z /().-]{2,40}:$')
      and not regexp_matches(next_text, ':$|^[A-Za-z][A-Za-z /().-]{2,40}:\s')
      and not regexp_matches(next_text, '{{ decision_item_re() }}')
      and not {{ is_blank_to_fill('next_text') }}
      -- (nor a decision's opener: 'The Cabinet Member agreed to:' is no key)
      and not exists (select 1 from {{ batch(ref('int_decision_lines')) }} o
                      where o.pack_id = l.pack_id and o.line_number = l.line_number
                        and o.opener_kind is not null)
),
line_fields as (
    select l.pack_id, l.line_number, arg_max(f.field, f.priority) as field,
           any_value(l.field_value) as field_value, any_value(l.last_value_line) as last_value_line
    from key_lines l
    join {{ ref('decision_columns') }} f
      on {{ regexp_matches_seed('l.field_key', 'f.pattern', ref('decision_columns')) }}
    where l.field_key <> ''
      -- (a value below its key is a short field's: who, when, which reference, which title; a
      -- 'Decision:' over its text is the decision the prose reads)
      and (not l.value_below
           or f.field in ('reference', 'decision_maker', 'cabinet_member', 'decision_date', 'title'))
    group by l.pack_id, l.line_number
),
line_runs as (   -- key lines with at most one blank line between them (or their values) are one run
    select *, sum(case when line_number - prev_line > 2 then 1 else 0 end)
                  over (partition by pack_id order by line_number) as run
    from (select *, lag(last_value_line, 1, -10) over (partition by pack_id order by line_number) as prev_line
          from line_fields)
),
line_blocks as (   -- a run holds one record, or several each opening with the run's first key again
    select *, run || '-' || sum(case when field = first_field then 1 else 0 end)
                                over (partition by pack_id, run order by line_number) as block
    from (select *, first_value(field) over (partition by pack_id, run order by line_number) as first_field
          from line_runs)
),
line_records as (
    select b.pack_id, any_value(d.document_id) as document_id,
           'lines-' || min(b.line_number) as record_id, null::varchar as source_table_id,
           min(b.line_number) as first_line, max(b.last_value_line) as last_line,
           max(b.last_value_line) as linked_after,
           {{ decision_record_fields('b') }}
    from line_blocks b
    join {{ batch(ref('stg_documents')) }} d
      on d.pack_id = b.pack_id and b.line_number between d.first_line and d.last_line
    group by b.pack_id, b.block
    having decision_maker is not null or (decision_text is not null and decision_date_text is not null)
),
records as (
    select r.*,
           lag(r.last_line) over (partition by r.pack_id, r.document_id order by r.first_line)
               as previous_record_last_line
    from (select * from table_records union all by name select * from line_records) r
),
-- a document whose records print who decided and when after each decision ('Cabinet RESOLVED
-- to: ...' / 'Reasons for the decision: ...' / 'Decision maker: Cabinet' / 'Date of decision:
-- 8 December 2025'): each of its records naming no title or reference (one that does heads its
-- decision: an officer's decision notice) has a decision above it, after the record before
closing_records as (
    select r.pack_id, r.document_id, r.record_id,
           count(d.source_line) > 0 as has_decision_above
    from records r
    left join {{ batch(ref('int_prose_decisions')) }} d
      on d.pack_id = r.pack_id and d.document_id = r.document_id and d.kind = 'resolution'
     and d.source_line < r.first_line and d.source_line > coalesce(r.previous_record_last_line, 0)
    where r.decision_line is null and r.title is null and r.reference_printed is null
    group by r.pack_id, r.document_id, r.record_id
),
fields_after as (
    select pack_id, document_id
    from closing_records
    group by pack_id, document_id
    having bool_and(has_decision_above)
),
recorded as (   -- each block's first decision taken below it in its document (above it, after
                -- the record before, where records follow their decisions), or, when the block
                -- prints its decision ('Decision: That ...'), the one read on that line
    select d.pack_id, d.paragraph_seq, d.sentence_seq, r.record_id, r.decision_maker,
           r.decision_date_text, r.reference_printed, r.title, r.decision_line
    from records r
    left join fields_after fa on fa.pack_id = r.pack_id and fa.document_id = r.document_id
    join {{ batch(ref('int_prose_decisions')) }} d
      on d.pack_id = r.pack_id and d.document_id = r.document_id and d.kind = 'resolution'
     and (case when r.decision_line is not null then d.source_line = r.decision_line
               when fa.document_id is not null and r.title is null and r.reference_printed is null
                   then d.source_line < r.first_line
                        and d.source_line > coalesce(r.previous_record_last_line, 0)
               else d.source_line > r.linked_after end)
    qualify row_number() over (partition by r.pack_id, r.record_id order by d.source_line, d.sentence_seq) = 1
),
-- a block printing its decision that no sentence reads ('Decision<TAB>To allocate the grant ...')
-- is that decision: an executive decision (in minutes, a resolution), with the block's maker,
-- date, reference and title
record_decisions as (
    select
        r.pack_id, r.document_id, r.source_table_id, r.decision_line as position, 0 as sentence_seq,
        r.decision_line as source_line, coalesce(r.decision_last_line, r.decision_line) as source_last_line,
        -- in minutes, the minuted body's resolution
        case when dk.kind = 'minutes' then 'resolution' else 'executive_decision' end as kind,
        r.reference_printed, r.title, r.decision_text,
        {{ decision_status_printed('r.decision_text') }} as status,
        r.decision_text as item_source_text, r.title as subject, r.decision_maker,
        {{ parse_uk_date('r.decision_date_text') }} as decision_date, r.decision_date_text,
        0 as n_list_items
    from records r
    left join {{ batch(ref('stg_documents')) }} dk on dk.pack_id = r.pack_id and dk.document_id = r.document_id
    where r.decision_text is not null
      and not exists (select 1 from recorded x where x.pack_id = r.pack_id and x.record_id = r.record_id)
),
table_decisions as (
    select
        pack_id, document_id, source_table_id, row_index as position, 0 as sentence_seq,
        source_line, source_last_line, kind, reference_printed, title, decision_text,
        item_source_text, description, subject, null::varchar as minute_number, decision_maker,
        cabinet_member, decision_date, decision_date_text, anticipated_month, anticipated_text,
        status, response, target_date, target_date_text, officer, progress,
        null::varchar as related_reference_printed, 0 as n_list_items
    from {{ batch(ref('int_table_decisions')) }}
),
prose_decisions as (
    select
        d.pack_id, d.document_id, null::varchar as source_table_id, d.paragraph_seq as position,
        d.sentence_seq, d.source_line, d.source_last_line,
        -- the decision a Record of Decision prints on its own 'Decision:' line is the record's:
        -- an executive decision, as when it is printed in the record's cell
        case when r.decision_line is not null and d.kind = 'resolution' then 'executive_decision'
             else d.kind end as kind,
        r.reference_printed, r.title,
        d.decision_text, d.decision_text as item_source_text, null::varchar as description,
        coalesce(r.title, d.subject) as subject,
        d.minute_number,
        -- a name printed in capitals as it is written ('MINUTES OF THE MEETING OF THE CABINET')
        {{ name_case('coalesce(d.decision_maker, r.decision_maker)') }} as decision_maker,
        null::varchar as cabinet_member,
        coalesce(d.decision_date, {{ parse_uk_date('r.decision_date_text') }}) as decision_date,
        coalesce(d.decision_date_text, r.decision_date_text) as decision_date_text,
        null::date as anticipated_month, null::varchar as anticipated_text,
        case when r.record_id is not null then {{ decision_status_printed('d.decision_text') }}
             -- a resolution deferring or withdrawing the item says so ('that the item be deferred')
             when d.kind = 'resolution' then {{ decision_status_said('d.decision_text') }} end as status,
        null::varchar as response, null::date as target_date, null::varchar as target_date_text,
        null::varchar as officer, null::varchar as progress, d.related_reference_printed, d.n_list_items
    from {{ batch(ref('int_prose_decisions')) }} d
    left join recorded r using (pack_id, paragraph_seq, sentence_seq)
),
unioned as (
    select * from table_decisions
    union all by name
    select * from prose_decisions
    union all by name
    select * from record_decisions
)
select
    {{ surrogate_key(['u.pack_id', "coalesce(u.source_table_id, 'prose')", 'u.source_line', 'u.kind', 'u.sentence_seq']) }}
        as decision_id,
    u.*,
    {{ normalised_decision_reference('u.reference_printed') }} as reference,
    {{ normalised_decision_reference('u.related_reference_printed') }} as related_reference
from unioned u
-- an agenda's words on an item ('The Sub-Committee is asked to review ...', 'Recommended - That
-- the minutes ... be signed') tell what the meeting is asked, no recommendation of a report: the
-- reports and minutes print those
where not (u.kind = 'recommendation' and u.source_table_id is null and exists (
    select 1 from {{ batch(ref('stg_documents')) }} ad
    where ad.pack_id = u.pack_id and ad.document_id = u.document_id and ad.kind = 'agenda'))
