-- One row per value printed in a waiting-times, complaints or placements table, with its measure
-- (null when the table's words do not name one: see int_unclassified_values), unit and value type.
--
-- The measure comes from the table's words together:
-- * the label words: a key:value cell's own key, else the best of column header and row label
--   (+ the row's other text cells) by seed priority, ties going to the column;
-- * the table words: the caption (+ the top-left header cell), else the headings just above,
--   else the sentences introducing the table ('... previously subject to a Child Protection Plan
--   in 2017 became Looked After ...' above a table headed 'Looked After Legal Status'), else the
--   document title.
-- A label names the measure when the table words name none, name an umbrella (all feedback,
-- 'contacts') or name the same family of things (complaints -> complaints upheld). When a caption
-- names another family (a table of remedies, of enquiries), its measure holds and the row or
-- column word is only a breakdown: 'Complaint withdrawn' in a remedies table is a remedy.
-- The total row of an outcome breakdown counts concluded cases (seed label_dimensions). A value
-- printed with a unit of its own (weeks, days, money, a rate) only takes a measure of that unit.
with row_measure_domains as (
    -- the domains whose measures each row's label names (int_measure_texts matches row labels in
    -- every domain)
    select r.table_id, r.row_index, d.domain as table_domain, m.domain
    from {{ batch(ref('int_table_rows')) }} r
    join {{ batch(ref('int_table_domains')) }} d using (table_id)
    join {{ ref('int_measure_texts') }} m
      on m.slot = 'label' and m.text = concat_ws(' | ', r.row_label, r.row_text_cells)
     and m.measure is not null
    where d.domain in ('{{ measured_domains() | join("', '") }}')
    group by all
),
row_domains as (
    -- a scorecard: rows naming measures of two domains or more ('Complaints - Stage 1 received',
    -- 'CAMHS - referrals waiting', 'Number of children in care'). A row naming measures of one
    -- other domain only, none of the table's, is read in that domain (they were all complaints)
    select table_id, row_index, min(domain) as domain
    from row_measure_domains
    where table_id in (select table_id from row_measure_domains
                       group by table_id having count(distinct domain) > 1)
    group by table_id, row_index
    having count(distinct domain) = 1 and min(domain) <> min(table_domain)
),
atoms as (
    select a.*, coalesce(rd.domain, d.domain) as domain
    from {{ ref('int_cell_atoms') }} a
    join {{ batch(ref('int_table_domains')) }} d using (table_id)
    left join row_domains rd using (table_id, row_index)
    where d.domain in ('{{ measured_domains() | join("', '") }}')
      and {{ in_batch('a.pack_id') }}
),
ctx as (
    select
        a.*,
        t.document_id, cap.caption, t.as_of_text, t.context_text, t.document_title, li.lead_in_text,
        t.heading_fy_start_year, t.heading_as_of_date, t.heading_service_area,
        cap.caption_text, cap.label_header,
        r.row_role, r.row_is_total, r.block_index, r.group_label, r.row_text_cells, r.service_code as row_service_code,
        r.service_area as row_service_area, r.subject_gss_code as row_gss_code,
        r.fy_start_year as row_fy, r.as_of_date as row_as_of, r.calendar_year as row_calendar_year,
        r.month_start as row_month, r.month_number as row_month_number, r.quarter as row_quarter,
        c.label_month as col_label_month, c.month_number as col_month_number,
        r.age_band as row_age_band, r.value_type as row_value_type,
        c.quarter, c.is_total_col, c.fy_start_year as col_fy, c.as_of_date as col_as_of,
        c.month_start as col_month, c.span_months as col_span_months, c.value_type as col_value_type, c.age_band as col_age_band,
        c.leaf_name as col_leaf_name, c.group_name as col_group_name, c.header_dimension as col_dimension,
        c.service_area as col_service_area, c.service_code as col_service_code,
        ax.row_dimension, ax.row_total_measure, ax.column_dimension, ax.has_service_columns,
        ax.rows_are_services
    -- a table's rows are its pack's: each relation is read for the batch's packs only, not
    -- joined whole (at 1,000 packs most of this model's time was hashing their other rows)
    from atoms a
    join {{ batch(ref('int_tables')) }} t using (table_id)
    join {{ batch(ref('int_table_captions')) }} cap using (table_id)
    join {{ batch(ref('int_table_axes')) }} ax using (table_id)
    join {{ batch(ref('int_table_rows')) }} r using (table_id, row_index)
    left join {{ batch(ref('int_table_lead_ins')) }} li using (table_id)
    left join {{ batch(ref('int_table_columns')) }} c using (table_id, col_index)
    where r.row_role <> 'subheader'
),
measured as (
    select
        x.* exclude (label_kind),
        concat_ws(' | ', x.row_label, x.row_text_cells) as row_text,
        -- a key:value cell's own key decides; otherwise the best of column header and row label
        -- (+ the row's other text cells) by seed priority, ties going to the column
        coalesce(mk.measure, (select arg_max(m.measure, m.priority * 10 + s.rank_bonus)
           from (values (x.column_name, 2),
                        (concat_ws(' | ', x.row_label, x.row_text_cells), 1)) as s(text, rank_bonus)
           join {{ ref('int_measure_texts') }} m
             on m.domain = x.domain and m.slot = 'label' and m.text = s.text and m.kind = x.label_kind
        )) as label_measure,
        mk.measure as key_measure,
        mr.measure as row_measure,
        mcol.measure as col_measure,
        mc.measure as caption_measure,
        mc.top_measures as caption_measures,
        mc.all_measures as caption_all_measures,
        mx.measure as context_measure,
        ml.measure as lead_in_measure,
        mt.measure as title_measure
    from (
        -- a share printed beside a count ('226 (19.0%)') reads its labels as a percentage when
        -- they name one: the row's 'placed more than 20 miles from home' is then the percentage
        -- placed so (else as the count: seed component_measures)
        select c.*,
               case when c.component = 'share_pct'
                     and coalesce(pk.measure, pc.measure, pr.measure) is not null
                    then 'percent' else c.cell_kind end as label_kind
        from ctx c
        left join {{ ref('int_measure_texts') }} pk
          on c.component = 'share_pct' and pk.domain = c.domain and pk.slot = 'label'
         and pk.kind = 'percent' and pk.text = c.cell_key
        left join {{ ref('int_measure_texts') }} pc
          on c.component = 'share_pct' and pc.domain = c.domain and pc.slot = 'label'
         and pc.kind = 'percent' and pc.text = c.column_name
        left join {{ ref('int_measure_texts') }} pr
          on c.component = 'share_pct' and pr.domain = c.domain and pr.slot = 'label'
         and pr.kind = 'percent' and pr.text = concat_ws(' | ', c.row_label, c.row_text_cells)
    ) x
    left join {{ ref('int_measure_texts') }} mk
      on mk.domain = x.domain and mk.slot = 'label' and mk.text = x.cell_key and mk.kind = x.label_kind
    left join {{ ref('int_measure_texts') }} mcol
      on mcol.domain = x.domain and mcol.slot = 'label' and mcol.kind = x.label_kind and mcol.text = x.column_name
    left join {{ ref('int_measure_texts') }} mr
      on mr.domain = x.domain and mr.slot = 'label' and mr.kind = x.label_kind
     and mr.text = concat_ws(' | ', x.row_label, x.row_text_cells)
    left join {{ ref('int_measure_texts') }} mc
      on mc.domain = x.domain and mc.slot = 'caption' and mc.text = x.caption_text and mc.kind = x.cell_kind
    left join {{ ref('int_measure_texts') }} mx
      on mx.domain = x.domain and mx.slot = 'fallback' and mx.text = x.context_text and mx.kind = x.cell_kind
    left join {{ ref('int_measure_texts') }} ml
      on ml.domain = x.domain and ml.slot = 'lead_in' and ml.text = x.lead_in_text and ml.kind = x.cell_kind
    left join {{ ref('int_measure_texts') }} mt
      on mt.domain = x.domain and mt.slot = 'fallback' and mt.text = x.document_title and mt.kind = x.cell_kind
),
-- time bands: labels naming a timescale's measure (var threshold_measures) that print two or
-- more times with their other words alike ('Within 10 working days | Within 20 working days |
-- Over 20 working days'; the time is group 1 of var threshold_number): which is the timescale
-- the table does not say. Labels whose other words differ print one time each ('Stage 1 within
-- 10 working days', 'Stage 2 within 20 working days').
band_labels as (
    select table_id, band_stem
    from (
        select table_id, {{ band_stem('t') }} as band_stem,
               nullif(regexp_extract(t, '{{ var("threshold_number") }}', 1), '') as threshold
        from (select table_id, {{ label_measure_text('m') }} as t
              from measured m
              where m.label_measure in ('{{ var("threshold_measures") | join("', '") }}'))
    )
    group by all
    having count(distinct threshold) > 1
),
-- tables printed one after another in a document with the same header ('Table A1: Speech and
-- language therapy', 'Table A2: Occupational therapy', ... under one appendix heading) are one
-- series: a table whose caption and heading name no measure takes the one the first table's do
series as (
    select table_id, first_value(table_id) over (partition by pack_id, document_id, run order by seq) as first_table_id
    from (
        select table_id, pack_id, document_id, seq,
               sum(new_run) over (partition by pack_id, document_id order by seq) as run
        from (
            select t.table_id, t.pack_id, t.document_id, t.seq,
                   case when lag(t.column_names) over (partition by t.pack_id, t.document_id order by t.seq)
                             = t.column_names and len(t.column_names) > 1 then 0 else 1 end as new_run
            from {{ batch(ref('int_tables')) }} t
        )
    )
),
series_measures as (
    select table_id, domain, cell_kind, any_value(coalesce(caption_measure, context_measure)) as measure,
           any_value(case when caption_measure is not null then caption_text else context_text end) as measure_text
    from measured
    group by all
    having count(distinct coalesce(caption_measure, context_measure)) = 1
),
-- a table whose caption names its measure (for any kind of cell: 'Table 3: Children in care by
-- age' over 'Number | %') takes none from the prose around it or the document's title for its
-- other cells: the '%' column is no share 'placed more than 20 miles from home' that a paragraph
-- above mentions
captioned as (
    select m.* exclude (captioned) replace (
               case when m.captioned then null else m.lead_in_measure end as lead_in_measure,
               case when m.captioned then null else m.title_measure end as title_measure)
    from (
        select m.*, bool_or(m.caption_measure is not null) over (partition by m.table_id) as captioned
        from measured m
    ) m
),
with_table_measure as (
    select
        m.*,
        coalesce(m.caption_measure, m.context_measure, sm.measure, m.lead_in_measure, m.title_measure) as table_measure,
        case when m.caption_measure is not null then 'caption'
             when coalesce(m.context_measure, sm.measure) is not null then 'heading'
             when m.lead_in_measure is not null then 'lead_in'
             when m.title_measure is not null then 'document_title' end as table_measure_source,
        lf.family as label_family,
        -- the rows are measures: every row of the table names a measure of ours ('Complaints
        -- received', 'Upheld', 'Referred to the Ombudsman' down years across), under no label
        -- header or one saying so ('Measure'); not a header naming what the rows are kinds of
        -- ('Type of enquiry' over 'MP enquiries', 'Housing complaints')
        coalesce(m.label_header, '') = '' or m.row_dimension = 'measure' as rows_are_measures_by_header,
        coalesce(bool_and(m.row_measure is not null) filter (where m.row_role = 'detail')
                 over (partition by m.table_id, m.domain, m.cell_kind), false) as rows_all_measures,
        -- the words that named the series' measure, for auditing
        case when m.caption_measure is null and m.context_measure is null then sm.measure_text end
            as series_measure_text
    from captioned m
    left join {{ ref('measure_catalogue') }} lf on lf.measure = m.label_measure
    left join series sr on sr.table_id = m.table_id and sr.first_table_id <> m.table_id
    left join series_measures sm
      on sm.table_id = sr.first_table_id and sm.domain = m.domain and sm.cell_kind = m.cell_kind
),
measure_columns as (
    -- the measures a table's column headers name: a table whose caption's measure is one of
    -- them prints one measure per column ('Stage 2 investigations | Stage 3 Review Panels |
    -- LGSCO final decisions' under 'Stage 2 investigations and Stage 3 Review Panels')
    select distinct table_id, col_measure from measured where col_measure is not null
),
-- how many measures a table's column headers name ('Waiting list | Waiting over 18 weeks'): two
-- or more, and its columns are measures, each naming its own
measure_column_counts as (
    select table_id, count(*) as n_measures from measure_columns group by table_id
),
based as (
    select
        w.*,
        case
            -- a label naming the table's own measure adds nothing: the table's words name it
            when w.label_measure is not null and w.label_measure is distinct from w.table_measure
             and (w.table_measure is null or tf.umbrella
                  -- (a label of the caption's family it reads otherwise in that table does not,
                  -- seed label_measures_in_context; nor a row naming only an Ombudsman: 'LGSCO'
                  -- under 'Ombudsman decisions' is the Ombudsman, not its enquiries, var
                  -- ombudsman_name_label)
                  or (tf.family = w.label_family
                      and not regexp_matches(coalesce(w.row_label, ''), '{{ var("ombudsman_name_label") }}')
                      and not exists (
                        select 1 from {{ ref('label_measures_in_context') }} lc
                        where lc.table_measure = w.table_measure and lc.label_measure = w.label_measure))
                  -- headings and titles are weaker than the table's own labels
                  or w.table_measure_source <> 'caption'
                  -- a caption naming several measures at once leaves each label its own
                  or (w.table_measure_source = 'caption' and len(w.caption_measures) > 1
                      and list_contains(w.caption_measures, w.label_measure))
                  -- a column naming a measure of another family than the caption's names its
                  -- own: 'LGSCO decisions 2024/25' beside '2023/24 | 2024/25' under 'Complaints
                  -- received by service area' counts the Ombudsman's decisions
                  -- (unless the seed says how the label reads in that table: 'Upheld' under an
                  -- Ombudsman caption, seed label_measures_in_context)
                  -- (a column of words is none: a case list's TOTAL under 'Remedy' counts cases)
                  or (w.label_measure = w.col_measure and w.label_family <> tf.family
                      and not w.in_text_column
                      and not exists (
                        select 1 from {{ ref('label_measures_in_context') }} lc
                        where lc.table_measure = w.table_measure and lc.label_measure = w.label_measure))
                  -- so does a row of a table whose rows are all measures: 'Referred to the
                  -- Ombudsman' under 'Complaints received | Upheld | ...' over '2022/23 |
                  -- 2023/24 | 2024/25' counts the Ombudsman's enquiries, not complaints received
                  -- (a row among rows of other things is a part of the caption's measure:
                  -- 'Complaint withdrawn' among remedies, 'MP enquiries' among where enquiries went)
                  or (w.label_measure = w.row_measure and w.label_family <> tf.family
                      and w.rows_all_measures and w.rows_are_measures_by_header
                      and not exists (
                        select 1 from {{ ref('label_measures_in_context') }} lc
                        where lc.table_measure = w.table_measure and lc.label_measure = w.label_measure))
                  -- a column of a table of measures by column names its own (unless the seed
                  -- says how it reads in that table: 'Upheld' beside 'Detailed investigations'
                  -- under 'Ombudsman decisions by service' is the Ombudsman's)
                  or (w.label_measure = w.col_measure and exists (
                        select 1 from measure_columns mc
                        where mc.table_id = w.table_id and mc.col_measure = w.table_measure)
                      and not exists (
                        select 1 from {{ ref('label_measures_in_context') }} lc
                        where lc.table_measure = w.table_measure and lc.label_measure = w.label_measure))
                  -- a row naming a measure of another unit or kind (a rate, a flow) than the
                  -- caption's is no part of it: 'Rate per 10,000' and 'Children starting to be
                  -- looked after in quarter' under 'Children looked after at quarter end'
                  -- (unless the seed says how it reads in that table: 'Average days to
                  -- respond' under 'Member Enquiries' is the enquiries', no complaints')
                  or (w.label_measure = w.row_measure
                      and (lm.unit <> tf.unit or lm.period_kind <> tf.period_kind)
                      and not exists (
                        select 1 from {{ ref('label_measures_in_context') }} lc
                        where lc.table_measure = w.table_measure and lc.label_measure = w.label_measure))
                  -- rows that are measures by their label header ('Measure | 2022/23 | 2023/24',
                  -- seed label_dimensions) each name their own, whatever the caption names
                  -- ('Stage 1 complaints received' under 'Complaints and Ombudsman cases')
                  or (w.label_measure = w.row_measure and w.row_dimension = 'measure')
                  -- a row naming the Ombudsman's cases among the stages of the council's own
                  -- complaints ('LGSCO decisions' under 'Stage 1 | Stage 2 | Stage 3' in
                  -- 'Children's social care complaints by stage') counts the Ombudsman's, no
                  -- stage of the caption's complaints
                  or (w.label_measure = w.row_measure and tf.family = 'complaints'
                      and starts_with(w.label_family, 'ombudsman')
                      and regexp_matches(coalesce(w.row_label, ''), '(?i)\bombudsman|\bLGO\b|\bLGSCO\b')))
                then 'label'
            when w.table_measure is not null then w.table_measure_source
        end as measure_source,
        -- a row of a waiting-times table of measures by its label header ('Measure | Apr-25 |
        -- May-25') whose label names none of the catalogue ('Referrals received' under 'CAMHS
        -- waiting list') names a measure of its own, never the caption's (in the other domains
        -- such a row is a part the facts carry as their breakdown: 'Unaccompanied asylum-seeking
        -- children' under children looked after)
        -- whatever the domain, a table whose measure is only in the prose around it (a lead-in
        -- paragraph, the document's title: 'Of the 38 children placed more than 20 miles from
        -- home ...' over 'Table 3: Key indicators' / 'Indicator | 31 Mar 2025 | ...') gives it
        -- to no row of measures: 'Health assessment up to date (%)' is none of ours (a heading's
        -- or a series' measure still does: 'Stage 1' under 'Complaints')
        coalesce(w.label_measure is null and w.row_dimension = 'measure' and w.row_role = 'detail'
                 and (w.domain in ('{{ var("domains_without_breakdown") | join("', '") }}')
                      or w.table_measure_source in ('lead_in', 'document_title')), false)
        -- nor do the headings, the document's title or the lead-in to a row naming nothing, among rows
        -- that name measures of their own and none theirs ('Longest response (working days)'
        -- under 'Responded to within 20 working days' and 'Average working days to respond', in
        -- a complaints and compliments report: no compliments; 'Placed within 20 miles' among
        -- 'Placed over 20 miles' and '% placed over 20 miles' under a lead-in on the address
        -- children lived at 'when they came into care': no children starting care)
            or coalesce(w.label_measure is null and w.row_role = 'detail'
                        and w.table_measure_source in ('heading', 'document_title', 'lead_in')
                        and bool_or(w.row_measure is not null and w.row_measure <> w.table_measure
                                    and w.row_role = 'detail') over (partition by w.table_id)
                        and not bool_or(w.row_measure = w.table_measure and w.row_role = 'detail')
                                    over (partition by w.table_id), false)
        -- nor does a caption to a row counting those waiting past a threshold the catalogue has
        -- no measure for ('Waiting over 26 weeks' under 'Neurodevelopmental assessment waiting
        -- list'): a part of the list, not a list of its own (bands of a wait, 'Over 26 weeks'
        -- among '0-18 weeks | 18-26 weeks', stay the list's parts)
            or coalesce(w.label_measure is null and w.row_role = 'detail' and w.domain = 'waiting_times'
                        and regexp_matches(w.row_label, '{{ var("wait_threshold_label") }}')
                        -- (the top band among bands of a wait, 'Waiting under 18 weeks | Waiting
                        -- 18 to 26 weeks | Waiting over 26 weeks', stays a part of the list)
                        and not bool_or(regexp_matches(w.row_label, '{{ var("wait_band_label") }}'))
                                over (partition by w.table_id), false)
        -- nor to a row counting the service's activity ('Adult autism: referrals received',
        -- 'assessments completed' beside '... number waiting at quarter end'; var
        -- waiting_list_activity_row): no part of the list
            or coalesce(w.label_measure is null and w.row_role = 'detail' and w.domain = 'waiting_times'
                        and regexp_matches(w.row_label, '{{ var("waiting_list_activity_row") }}'), false)
        -- nor to a report cover's key ('Item Number:<TAB>5' under a title of complaints; var
        -- document_furniture_label): the item's number, no count
            or coalesce(regexp_matches(w.row_label, '{{ var("document_furniture_label") }}'), false)
            as row_names_unknown_measure,
        -- a measure only the lead-in prose names ('Table 5 shows the number placed more than 20
        -- miles from home, and the number placed outside the district') that one of its detail
        -- rows names is that row's: the rows naming none are other things ('Placed outside the
        -- district'), not more of it (a total row naming it sums its parts); so is a measure
        -- only the heading above names, in a table whose rows name other measures too
        -- ('Compliments and other representations' over rows of 'Compliments', 'Enquiries from
        -- MPs', 'Concerns resolved informally': the concerns are no compliments; 'Stage 1' and
        -- 'Stage 2' under 'Complaints received' beneath a heading 'Complaints' still are)
        coalesce(w.table_measure_source in ('lead_in', 'heading') and w.label_measure is null
                 and bool_or(w.row_measure = w.table_measure and w.row_role = 'detail')
                     over (partition by w.table_id)
                 and (w.table_measure_source = 'lead_in'
                      or bool_or(w.row_measure <> w.table_measure and w.row_role = 'detail')
                             over (partition by w.table_id)), false)
            as other_rows_than_lead_ins,
        -- a caption naming several measures at once ('Children starting and ceasing to be looked
        -- after') leaves each row or column the one it names: a row naming none ('of whom UASC',
        -- 'Net change', a total of both) is of none of them
        coalesce(w.table_measure_source = 'caption' and len(w.caption_measures) > 1
                 and w.label_measure is null, false) as names_none_of_captions,
        -- a row with no label among rows of the districts, services or themes a header says they
        -- are ('Quadrant' over 'Mid', 'South', then a row of figures alone past a page's stamp):
        -- its figures are of none of them, and not the whole
        coalesce(w.row_dimension in ('district', 'service', 'theme') and w.row_role = 'detail'
                 and nullif(trim(w.row_label), '') is null and nullif(trim(w.row_text_cells), '') is null,
                 false) as row_unlabelled_among_parts,
        -- the table's measure for cells of any kind (a percent column of a count caption's table)
        max(w.table_measure) over (partition by w.table_id) as table_measure_any,
        -- one of a table's time bands (band_labels): which band is the timescale the table does
        -- not say, so none of them is 'answered in time' or 'late' (unit_checked)
        coalesce(w.label_measure in ('{{ var("threshold_measures") | join("', '") }}')
                 and bl.table_id is not null, false) as label_among_bands,
        -- a column of a change or of other activity naming no measure of the catalogue, among
        -- columns naming their own ('Change in waiting list over 18 weeks', 'Seen year to date'
        -- beside 'Waiting list | Waiting over 18 weeks'; var other_activity_column): a measure of
        -- its own, not the caption's (a column of another outcome, 'Advice given' beside
        -- 'Upheld | Not upheld' under Ombudsman decisions, stays a part of the caption's)
        -- ... and so does a column of words naming none beside one that names the caption's
        -- measure ('Referrals received' beside 'Waiting list at month end' under 'Mindworks
        -- referrals and waiting list'; 'Out of county' beside 'More than 20 miles from home'; a
        -- lead-in's 'children waiting for an assessment decision' over 'Waiting | Waiting over 6
        -- weeks'): the caption's (or lead-in's) measure is that column's, not this one's
        coalesce(w.col_measure is null and w.label_measure is null
                 and w.col_dimension is null and w.column_dimension is null
                 and w.col_fy is null and w.quarter is null and w.col_as_of is null and w.col_month is null
                 and w.col_label_month is null and w.col_month_number is null
                 and w.col_service_code is null and w.col_service_area is null and w.col_age_band is null
                 and not w.is_total_col
                 and ((mcc.n_measures >= 2 and w.col_value_type = 'change')
                      or (mcc.n_measures >= 2 and regexp_matches(w.column_name, '{{ var("other_activity_column") }}'))
                      or (w.table_measure_source in ('caption', 'lead_in') and regexp_matches(w.column_name, '[A-Za-z]{3,}')
                          and w.table_measure in (select m.col_measure from measure_columns m
                                                  where m.table_id = w.table_id))), false)
        -- ... and so does a waiting-times column naming no measure of ours that counts the
        -- service's activity or those waiting past a threshold the catalogue has none for
        -- ('Referrals (Apr-Dec 2025)', 'Waiting over 28 days' beside 'Awaiting Care Act
        -- assessment', 'Waiting (treatment)' beside 'Waiting (first appointment)'; vars
        -- waiting_list_activity_column, wait_threshold_label, treatment_wait_column): not the list
            or coalesce(w.col_measure is null and w.label_measure is null and w.domain = 'waiting_times'
                        and (regexp_matches(w.column_name, '{{ var("waiting_list_activity_column") }}')
                             or regexp_matches(w.column_name, '{{ var("wait_threshold_label") }}')
                             or regexp_matches(w.column_name, '{{ var("treatment_wait_column") }}')), false)
            as col_names_unknown_measure
    from with_table_measure w
    left join measure_column_counts mcc on mcc.table_id = w.table_id
    left join band_labels bl
      on bl.table_id = w.table_id and bl.band_stem = {{ band_stem(label_measure_text('w')) }}
    left join {{ ref('measure_catalogue') }} tf on tf.measure = w.table_measure
    left join {{ ref('measure_catalogue') }} lm on lm.measure = w.label_measure
),
open_case_tables as (
    -- tables with a row of cases still open ('Still being investigated'; var open_case_totals):
    -- the measure their total counts
    select table_id, min(case label_measure
        {%- for open, total in var('open_case_totals').items() %} when '{{ open }}' then '{{ total }}'{% endfor %}
        end) as total_measure
    from based
    where label_measure in ('{{ var("open_case_totals").keys() | join("', '") }}')
    group by table_id
),
totalled as (
    select
        b.*,
        case
            -- the total row of an outcome breakdown counts the cases with an outcome (its
            -- '100%' is no count of them), or all the cases when a row of it counts those still
            -- open (var open_case_totals)
            when b.row_role in ('total', 'subtotal') and b.row_total_measure is not null
             and oc.table_id is not null
             and tf.domain = b.domain and coalesce(bf.family, tf.family) = tf.family
             and b.component in ('value', 'actual') and tf.unit = 'count' and b.value_kind <> 'percent'
                then oc.total_measure
            when b.row_role in ('total', 'subtotal') and b.row_total_measure is not null
             and oc.table_id is null
             and tf.domain = b.domain and coalesce(bf.family, tf.family) = tf.family
             and b.component in ('value', 'actual')
             and (tf.unit = 'percent') = (b.value_kind = 'percent')
                then b.row_total_measure
            -- a label read inside another measure's table that means something else there
            -- ('Upheld' under 'Ombudsman decisions': its findings; seed label_measures_in_context)
            when lcc.table_measure is not null then nullif(lcc.measure, '')
            when lcl.table_measure is not null then nullif(lcl.measure, '')
            when b.row_names_unknown_measure then null
            when b.col_names_unknown_measure then null
            when b.other_rows_than_lead_ins then null
            when b.names_none_of_captions then null
            when b.row_unlabelled_among_parts then null
            else case b.measure_source when 'label' then b.label_measure else b.table_measure end
        end as base_measure,
        case b.measure_source
            when 'label' then {{ label_measure_text('b') }}
            when 'caption' then b.caption_text
            when 'heading' then coalesce(b.series_measure_text, b.context_text)
            when 'lead_in' then b.lead_in_text
            when 'document_title' then b.document_title
        end as measure_text
    from based b
    left join open_case_tables oc on oc.table_id = b.table_id
    left join {{ ref('measure_catalogue') }} bf
      on bf.measure = case b.measure_source when 'label' then b.label_measure else b.table_measure end
    left join {{ ref('measure_catalogue') }} tf on tf.measure = b.row_total_measure
    -- the column's words first ('Upheld' in a row 'City Housing (LGSCO)'), then the labels'
    left join {{ ref('label_measures_in_context') }} lcc
      on lcc.table_measure = coalesce(b.table_measure, b.table_measure_any)
     and lcc.label_measure = b.col_measure
     and (b.measure_source <> 'label' or b.table_measure is null)
    left join {{ ref('label_measures_in_context') }} lcl
      on lcl.table_measure = coalesce(b.table_measure, b.table_measure_any)
     and lcl.label_measure = b.label_measure
     -- (rows that are measures by their label header read so too: 'Upheld' in 'Measure |
     -- 2023/24' under 'LGSCO decisions')
     and (b.measure_source <> 'label' or b.table_measure is null
          or (b.label_measure = b.row_measure and b.row_dimension = 'measure'))
),
component_measured as (
    select
        t.*,
        case -- a lead figure that is not its upheld and partially upheld parts together, under a
             -- header naming them only in its brackets ('93 (21U & 30PU)' under 'Responded to
             -- (upheld & partly upheld)': the bracket is the cell's, 51 of the 93 responded to),
             -- is no upheld count, nor is the column's total: unclassified (under 'Upheld', '14
             -- (4U & 6PU)' stays the upheld, its parts disagreeing with it); so too under a
             -- caption naming them only in its brackets ('Complaints received by stage, with
             -- outcome (upheld / partially upheld)' over years: the figure is the received)
             when t.component in ('value', 'actual')
              and t.base_measure in ('complaints_upheld', 'complaints_partially_upheld',
                                     'complaints_upheld_or_partially_upheld')
              and regexp_matches(coalesce(case when t.measure_source = 'caption' then t.caption_text else t.column_name end, ''), '(?i)\([^)]*\bupheld\b[^)]*\)')
              and not regexp_matches(regexp_replace(coalesce(case when t.measure_source = 'caption' then t.caption_text else t.column_name end, ''), '\([^)]*\)', '', 'g'),
                                     '(?i)\bupheld\b')
              and bool_or(t.component = 'value' and t.shape = 'upheld_code')
                      over (partition by t.table_id, t.col_index)
                then null
             when t.component in ('value', 'actual') then t.base_measure
             -- a lead figure that is its upheld and partially upheld parts together: so under an
             -- upheld column (seed component_measures), else what its column counts
             when t.component = 'upheld_total' then coalesce(cm.measure, t.base_measure)
             -- a share beside a count, in a row or column naming a percentage measure, is it
             when t.component = 'share_pct' and cm.measure is null and bc.unit = 'percent'
                then t.base_measure
             -- an encoded part counting what the cell counts ('12 (3U)' under 'Upheld'): a
             -- subset the code's legend explains, not the cell's figure again (unless the lead
             -- figure is the parts together: '61 (22U & 39PU)' under 'Upheld' prints its 22)
             when cm.measure is null and cs.measure = t.base_measure
              and not bool_or(t.component = 'upheld_total')
                      over (partition by t.table_id, t.row_index, t.col_index, t.part) then null
             else coalesce(cm.measure, cs.measure) end as measure
    from totalled t
    left join {{ ref('measure_catalogue') }} bc on bc.measure = t.base_measure
    left join {{ ref('component_measures') }} cm
      on cm.base_measure = t.base_measure and cm.component = t.component
    left join (
        select c.*, f.family
        from {{ ref('component_measures') }} c
        join {{ ref('measure_catalogue') }} f on f.measure = c.measure
        where c.base_measure = '*'
    ) cs
      -- an encoded part ('1U & 2PU') means the same wherever it is printed, unless the table
      -- counts another family of things
      on cs.component = t.component and (bc.family is null or bc.family = cs.family)
),
share_checked as (
    -- a column of shares ('%' beside 'Number': var share_of_total_measures) shares out a total
    -- of its own family only: beside counts of children starting to be looked after (by age) it
    -- is no share of the children looked after, and stays unclassified
    select x.* replace (
        case when x.measure in ('{{ var("share_of_total_measures") | join("', '") }}')
              and rf.count_families is not null and not list_contains(rf.count_families, sf.family)
             then null else x.measure end as measure)
    from component_measured x
    left join {{ ref('measure_catalogue') }} sf on sf.measure = x.measure
    left join (
        -- the families the row's counts are of
        select y.table_id, y.row_index, list(distinct c.family) as count_families
        from component_measured y
        join {{ ref('measure_catalogue') }} c on c.measure = y.measure and c.unit = 'count'
        group by all
    ) rf on rf.table_id = x.table_id and rf.row_index = x.row_index
),
comparator_texts as (
    -- the labels naming a comparator ('England (2022/23)', 'Statistical neighbours', 'North
    -- East': seed comparator_labels), matched once per distinct label
    select t.text
    from (select column_name as text from share_checked
          union select col_leaf_name from share_checked
          union select row_label from share_checked) t
    where t.text is not null and exists (
        select 1 from {{ ref('comparator_labels') }} cl
        where {{ regexp_matches_seed('t.text', 'cl.pattern', ref('comparator_labels')) }})
),
comparator_checked as (
    -- a column or row printing a comparator's figures beside the council's own is no fact of
    -- the council: unclassified, with that reason (dq_unclassified_values)
    select
        x.*,
        coalesce(x.column_name in (select text from comparator_texts)
                 or x.col_leaf_name in (select text from comparator_texts)
                 -- (a row of a table of districts is one: 'North East' under 'Quadrant')
                 or (x.row_label in (select text from comparator_texts)
                     and x.row_dimension is distinct from 'district'), false) as is_comparator,
        -- the total row of a column of shares ('Total | 150 | 100%'): the whole they share out,
        -- no share of its own (var share_of_total_measures)
        coalesce(x.measure in ('{{ var("share_of_total_measures") | join("', '") }}')
                 and x.row_is_total and x.value = 100, false) as is_share_total
    from share_checked x
),
unit_checked as (
    -- a value printed with its own unit ('26 weeks', '12 days', '£500', '825/10,000') only takes
    -- a measure of that unit: money in a complaints table is not a count of complaints. And a
    -- rate or a percentage named only by the text around the table (the sentences above it, a
    -- heading, the document title) is taken only by values printed as one: 'a rate of 71 per
    -- 10,000 children' in the paragraph above a table of numbers names that paragraph's figure
    select
        x.* exclude (measure),
        coalesce(x.label_among_bands
                 and x.measure in ('{{ var("threshold_measures") | join("', '") }}'), false) as is_time_band,
        case when x.label_among_bands
                  and x.measure in ('{{ var("threshold_measures") | join("', '") }}')
             then null
             when x.value_kind in ('weeks', 'days', 'gbp', 'rate')
                  and mc.unit is distinct from case x.value_kind when 'rate' then 'rate_per_10000'
                                                    else x.value_kind end
             then null
             -- money by its row or column ('Review Panel costs (£) | 4,100'), printed without £
             when strpos(concat_ws(' ', x.row_label, x.column_name), '£') > 0
                  and mc.unit is distinct from 'gbp'
             then null
             -- a rate by its row or column ('Rate per 1,000 children aged 0-17 | 24.1'): no
             -- count, nor a rate of another base (var rate_label)
             when regexp_matches(concat_ws(' ', x.row_label, x.column_name), '{{ var("rate_label") }}')
                  and (mc.unit is distinct from 'rate_per_10000'
                       or not regexp_matches(concat_ws(' ', x.row_label, x.column_name), '(?i)\bper\s+10,?000\b'))
             then null
             -- a rate named by a caption that names its count too ('Children in our care and rate
             -- per 10,000'): only a row or column naming a rate is one ('Number', 'Of which UASC'
             -- are none)
             when mc.unit = 'rate_per_10000' and x.measure_source = 'caption'
                  and len(list_filter(x.caption_all_measures, lambda m: m <> x.measure)) > 0
                  and not regexp_matches(concat_ws(' ', x.row_label, x.column_name), '{{ var("rate_label") }}')
             then null
             -- (unless its own row or column names it too: 'Rate per 10,000 children aged 0-17'
             -- under a lead-in naming 'a rate of 123 per 10,000 children')
             when mc.unit in ('rate_per_10000', 'percent')
                  and x.measure_source in ('lead_in', 'heading', 'document_title')
                  and x.value_kind is distinct from case mc.unit when 'percent' then 'percent' else 'rate' end
                  and x.label_measure is distinct from x.measure
             then null
             -- a percentage in a column of changes ('Change on 2023/24 | -18%') is the change
             -- of its row's figure, no percentage of any measure: unclassified
             when mc.unit = 'percent' and x.component in ('value', 'actual')
                  and coalesce(x.col_value_type, x.row_value_type) = 'change'
             then null
             when x.is_comparator then null
             when x.is_share_total then null
             -- a band of waits heading its column or row ('0-6 weeks', '19-52 weeks') counts
             -- those waiting that long, a part of the table's waiting list no measure names:
             -- unclassified, unless its own words name one ('52+ weeks': waiting over 52 weeks)
             -- (or a text cell of its row: 'Speech and language therapy | 0-18 weeks' under
             -- 'Service | Weeks waited')
             when x.measure_source <> 'label'
                  and ({{ is_wait_band('x.column_name') }} or {{ is_wait_band('x.row_label') }}
                       or {{ is_wait_band('x.row_text_cells') }}
                       -- (a band printed without its unit under a label header saying what the
                       -- rows count: 'Under 4' under 'Weeks waiting'; var wait_length_header)
                       or (regexp_matches(coalesce(x.label_header, ''), '{{ var("wait_length_header") }}')
                           and {{ is_wait_band("x.row_label || ' weeks'") }}))
             then null
             -- ... and so does a band under a group naming the whole list ('Waiting for
             -- assessment' over 'Under 52 weeks | 52-104 weeks | Over 104 weeks': the last names
             -- its own measure, the others count parts of the list)
             when x.col_leaf_name is distinct from x.column_name and {{ is_wait_band('x.col_leaf_name') }}
                  and x.measure in ('{{ var("whole_group_measures") | join("', '") }}')
             then null
             else x.measure end as measure
    from comparator_checked x
    left join {{ ref('measure_catalogue') }} mc using (measure)
)
select
    x.*,
    mc.unit,
    case when x.component = 'actual' then 'actual'
         else coalesce(x.col_value_type, x.row_value_type, 'actual') end as value_type
from unit_checked x
left join {{ ref('measure_catalogue') }} mc using (measure)
