-- What every printed value is about, kept whole: the council (a benchmark row names another),
-- service area, service (code and text), complaint theme, district, age band, division / partner
-- (segment), procedure stage and procedure, and a breakdown for whatever else the row or column
-- distinguishes (a remedy type, an enquiry category, a reason for leaving care, a legal status).
-- Rows are services only where the table says so (int_table_axes.rows_are_services): in a table
-- whose columns are services, or whose label header says 'Nature' / 'Themes', a row is a theme.
-- A row or column whose words named the measure, a period, a value type or a total is not a
-- breakdown.
with obs as (
    select
        -- a row of bare ages under a label header naming ages ('Age band' over '18-64 | 65-84 |
        -- 85 and over', 'Age (years)' over '0 | 1 - 4'; var age_label_header): its age band, of
        -- adults too (a bare range of larger numbers is no band by its own words)
        o.* replace (coalesce(o.row_age_band,
            case when regexp_matches(coalesce(o.label_header, ''), '{{ var("age_label_header") }}')
                  and regexp_matches(coalesce(o.row_label, ''), '^\s*[0-9]{1,3}(?:\s*(?:-|–|to)\s*[0-9]{1,3}|\s*\+)?\s*$')
                 then regexp_replace(trim(o.row_label), '\s+', ' ', 'g') end) as row_age_band),
        -- the row's words named this value's measure (an indicator row, '- of which upheld'),
        -- also where the prose around the table names it too ('Occupational therapy - number
        -- waiting' under a lead-in on the numbers waiting: the measure is read from the lead-in,
        -- the row still names it, and its service)
        (o.measure_source = 'label' and o.measure_text = o.row_text)
            or (o.measure_source in ('lead_in', 'heading', 'document_title')
                and coalesce(o.row_measure = o.measure, false)) as row_names_measure,
        -- the row's words name the caption's own measure ('Total waiting' under a caption of
        -- children waiting): the caption's service is the row's too
        o.measure_source = 'caption' and coalesce(o.row_measure = o.measure, false)
            as row_names_caption_measure,
        -- ... and nothing else: a pattern of that measure anchored at both ends of the label
        -- matches it ('Number of children looked after' under 'Children looked after at 31
        -- December'): the whole the caption counts, no part of it ('Public Enquiries' under a
        -- caption of enquiries is a kind of enquiry)
        o.measure_source = 'caption' and coalesce(o.row_measure = o.measure, false)
            and exists (
                select 1 from {{ ref('measure_patterns') }} p
                where p.measure = o.measure and p.scope <> 'caption_only'
                  and regexp_matches(p.pattern, '^(?:\(\?i\))?\^') and regexp_matches(p.pattern, '\$$')
                  and {{ regexp_matches_seed('o.row_label', 'p.pattern', ref('measure_patterns')) }})
            as row_names_only_caption_measure,
        -- the column's words named it; or they name the very measure of the table, in the one
        -- column that names it ('Number of Duty Matters' in a table of duty matters, 'Received'
        -- beside 'Upheld' under 'Complaints by service'): no breakdown either
        (o.measure_source = 'label' and o.measure_text = o.column_name)
            or (o.col_measure = o.measure
                and count(distinct o.col_index) over (partition by o.table_id, o.col_measure) = 1)
            as column_names_measure,
        coalesce(o.row_fy, o.row_calendar_year) is not null or o.row_as_of is not null
            or (o.row_month is not null or o.row_month_number is not null) or o.row_quarter is not null
            as row_is_period,
        coalesce(o.col_fy, o.quarter) is not null or o.col_as_of is not null
            or (o.col_month is not null or o.col_label_month is not null or o.col_month_number is not null)
            or o.is_total_col as column_is_period,
        -- the rows name services of both areas ('Adult Social Care', 'Children's Social Care',
        -- 'Highways and Transport'): a council-wide table, whose heading's area is no row's
        count(distinct o.row_service_area) filter (where o.row_service_area in ('adult', 'children'))
            over (partition by o.table_id) > 1 as rows_span_areas
    from {{ batch(ref('int_observations')) }} o
    where o.measure is not null
),
district_cells as (
    -- a text column headed 'District (if applicable)' names the district of its row
    select c.table_id, c.row_index, min(c.cell_text) as district
    from {{ batch(ref('stg_table_cells')) }} c
    join {{ batch(ref('int_table_columns')) }} k using (table_id, col_index)
    where not c.is_header and k.header_dimension = 'district' and c.cell_text <> ''
      and not regexp_matches(c.cell_text, '(?i)^(sub)?totals?\b')
    group by all
),
resolved as (
    select
        o.*,
        o.rows_are_services and o.row_role in ('detail', 'subtotal', 'comparison')
            and not o.row_names_measure and not o.row_is_period and o.row_value_type is null
            as row_is_service,
        case when o.row_dimension = 'theme' and o.row_role = 'detail'
             then trim(regexp_replace(o.row_label, '\s*\([^)]*\)\s*$', '')) end as theme,
        coalesce(d.district,
                 case when o.column_dimension = 'district' and not o.is_total_col then o.col_leaf_name end,
                 -- a row naming the reporting council itself ('Gloucestershire' under its
                 -- districts) is the whole, no district of it
                 case when o.row_dimension = 'district' and o.row_role = 'detail'
                       and not rc.names_reporting_council
                      then o.row_label end)
            as district,
        coalesce(rc.names_reporting_council, false) as row_names_reporting_council,
        -- (else the table's: its label header's or caption's, 'Care leavers aged 19-21 | Hampshire
        -- Q2 | ...', 'Care leavers aged 19 to 21 - key indicators')
        coalesce(o.row_age_band, o.col_age_band, {{ age_band('o.row_text_cells') }},
                 {{ age_band('o.label_header') }}, {{ age_band('o.caption_text') }}) as age_band
    from obs o
    left join district_cells d using (table_id, row_index)
    left join (
        -- row labels naming the reporting council: its code, or its printed name in a form of
        -- seed council_name_forms ('Hartsmere' for 'Hartsmere County Council')
        select l.pack_id, l.row_label, l.row_gss_code,
               coalesce(l.row_gss_code = pc.council_id, false) or exists (
                   select 1 from {{ ref('council_name_forms') }} f
                   where {{ council_key("replace(f.form, '{name}', l.row_label)") }}
                         = {{ council_key('pc.council_text') }}) as names_reporting_council
        -- (rows of districts or councils: the tables where a row may name the council itself)
        from (select distinct pack_id, row_label, row_gss_code from obs
              where row_label is not null and row_dimension in ('district', 'council')) l
        join {{ batch(ref('int_pack_councils')) }} pc using (pack_id)
    ) rc on rc.pack_id = o.pack_id and rc.row_label = o.row_label
       and rc.row_gss_code is not distinct from o.row_gss_code
),
-- service aliases on the group label / label header (less the ';' or ':' that leads into its
-- rows: 'Care Commissioning;'), the caption, and the caption's service text
group_service as (
    select x.text, arg_max(sa.service_code, sa.priority) as service_code
    from (select text, regexp_replace(text, '\s*[;:]\s*$', '') as bare
          from (select distinct coalesce(group_label, label_header, '') as text from resolved
                union select distinct coalesce(label_header, '') from resolved)) x
    join {{ ref('service_aliases') }} sa on {{ regexp_matches_seed("x.bare", 'sa.pattern', ref('service_aliases')) }}
    group by x.text
),
caption_service as (
    select x.text, arg_max(sa.service_code, sa.priority) as service_code
    from (select distinct coalesce(caption_text, '') as text from resolved
          union select distinct regexp_extract(coalesce(caption, ''), '[^/]*$') from resolved) x
    join {{ ref('service_aliases') }} sa
      on {{ regexp_matches_seed("x.text", 'sa.pattern', ref('service_aliases')) }} and not regexp_matches(sa.pattern, '\^')
    group by x.text
),
-- ... or a name the pack gave a service of ours ('Young people waiting for an initial assessment
-- with FTB' after 'Forward Thinking Birmingham (FTB), the city's mental health service for 0 to
-- 25 year olds': int_pack_service_names), for a caption naming none of the seed's
caption_named_service as (
    select x.pack_id, x.text, arg_max(n.service_code, n.priority) as service_code
    from (select distinct pack_id, coalesce(caption_text, '') as text from resolved) x
    join {{ batch(ref('int_pack_service_names')) }} n
      on n.pack_id = x.pack_id and regexp_matches(x.text, n.name_pattern)
    group by x.pack_id, x.text
),
areas as (
    select x.text, case when count(distinct p.service_area) = 1 then any_value(p.service_area) end as service_area
    from (select distinct coalesce(caption_text, '') as text from resolved
          union select distinct coalesce(document_title, '') from resolved) x
    join {{ ref('service_area_patterns') }} p on {{ regexp_matches_seed("x.text", 'p.pattern', ref('service_area_patterns')) }}
    group by x.text
),
-- the complaints procedure each text names (seed procedure_patterns): the best pattern wins, and
-- two procedures at the best priority name none; 'none' also when the text names a procedure to
-- say its figures are outside it ('In addition to ... Statutory Complaints, ... enquiries')
procedure_matches as (
    select x.text, p.procedure, p.priority, max(p.priority) over (partition by x.text) as top_priority
    from (select distinct concat_ws(' | ', column_name, row_label) as text from resolved
          union select distinct coalesce(caption_text, '') from resolved
          union select distinct coalesce(context_text, '') from resolved) x
    join {{ ref('procedure_patterns') }} p on {{ regexp_matches_seed("x.text", 'p.pattern', ref('procedure_patterns')) }}
),
procedure_texts as (
    select text,
           case when count(distinct procedure) = 1 then any_value(procedure) else 'none' end as procedure
    from procedure_matches
    where priority = top_priority
    group by text
),
-- the division, partner or cohort a table is restricted to (seed segment_patterns): in the label
-- header, caption, column group and the heading above; a cohort also in the introducing sentences
segments as (
    select x.text, x.lead_in_text, string_agg(distinct sp.segment, ',' order by sp.segment) as segment
    from (select distinct concat_ws(' | ', label_header, caption_text, col_group_name,
                                    regexp_extract(coalesce(context_text, ''), '[^/]*$')) as text,
                          coalesce(lead_in_text, '') as lead_in_text
          from resolved) x
    join {{ ref('segment_patterns') }} sp
      on (sp.scope <> 'label' and {{ regexp_matches_seed("x.text", 'sp.pattern', ref('segment_patterns')) }})
      or (sp.scope = 'lead_in' and {{ regexp_matches_seed("x.lead_in_text", 'sp.pattern', ref('segment_patterns')) }})
    group by x.text, x.lead_in_text
),
-- a row of a part of the row above named by a cohort the seed knows ('of which UASC' under
-- 'Children in care (all)'; var subset_row_opener), or naming the cohort with what it counts
-- ('Unaccompanied asylum-seeking children (UASC) in care at end of quarter'; scope label): that
-- cohort is its segment
row_segments as (
    select x.row_label, string_agg(distinct sp.segment, ',' order by sp.segment) as segment
    from (select distinct row_label,
                 regexp_matches(coalesce(row_label, ''), '{{ var("subset_row_opener") }}') as is_part,
                 trim(regexp_replace(row_label, '{{ var("subset_row_opener") }}', '')) as part_text
          from resolved
          where row_label is not null) x
    join {{ ref('segment_patterns') }} sp
      on (x.is_part and sp.scope = 'caption'
          and {{ regexp_matches_seed("x.part_text", 'sp.pattern', ref('segment_patterns')) }})
      or (sp.scope = 'label' and {{ regexp_matches_seed("x.row_label", 'sp.pattern', ref('segment_patterns')) }})
    group by x.row_label
),
-- a stage named in words by a row label or column header ('Local Investigation': stage 1), with
-- the cues the prose reads them by (seed prose_part_cues: part_kind stage, its part fixed)
named_stages as (
    select x.text, case when count(distinct c.part) = 1 then any_value(c.part) end as stage
    from (select distinct coalesce(row_label, '') as text from resolved
          union select distinct coalesce(column_name, '') from resolved) x
    join {{ ref('prose_part_cues') }} c
      on c.part_kind = 'stage' and c.part is not null
     and {{ regexp_matches_seed('x.text', 'c.pattern', ref('prose_part_cues')) }}
     and not coalesce({{ regexp_matches_seed('x.text', 'c.unless_pattern', ref('prose_part_cues'), column='unless_pattern') }}, false)
    group by x.text
    -- a label that is a stage and nothing else ('Stage 1'): that stage, no breakdown
    union all
    select x.text, regexp_extract(x.text, '(?i)stage\s*([1-3])', 1)
    from (select distinct coalesce(row_label, '') as text from resolved
          union select distinct coalesce(column_name, '') from resolved) x
    where regexp_matches(x.text, '(?i)^\W*stage\s*[1-3]\W*$')
),
subjects as (
    select
        r.*,
        -- (the service around the figure; coded below)
        coalesce(case when r.row_is_service then r.row_service_code end,
                 -- a scorecard's row naming its service and its measure ('CAMHS - referrals
                 -- waiting (end of quarter)'): the row's service
                 case when r.row_names_measure and r.row_role = 'detail' then r.row_service_code end,
                 gs.service_code, r.col_service_code,
                 -- the caption's service, for a value whose row names no other thing than its
                 -- period ('Apr-23' in 'Speech and language therapy waiting list') or its
                 -- measure ('Total waiting' in 'Community Paediatrics - children waiting ...')
                 case when r.cell_key is not null or r.row_label is null or r.row_is_period
                           or r.row_names_measure
                           -- or the reporting council ('Hartsmere' after its districts), or
                           -- one of its districts ('Northgate' under 'Children waiting for
                           -- autism assessment by district': that district's list)
                           or r.row_names_reporting_council or r.district is not null
                           -- or names the caption's own measure ('Total waiting' under a caption
                           -- of children waiting: the caption named it first)
                           or r.row_names_caption_measure
                           -- or is an age band naming no service of its own ('Under 5' under
                           -- 'Autism assessment waiting list by time waited': that age's list)
                           or (r.row_age_band is not null and r.row_service_code is null)
                           -- or is the table's total, in a table whose rows name no service
                           -- ('Total' under 'People waiting for OT assessment by priority band'),
                           -- or none but the caption's ('All teams' under 'CAMHS (core) waiting
                           -- list by locality team' below 'CAMHS Lincoln', 'CAMHS Boston')
                           or (r.row_role = 'total'
                               and coalesce(bool_and(r.row_service_code is null
                                                     or r.row_service_code = coalesce(cs.service_code, cns.service_code))
                                                over (partition by r.table_id), true))
                      then coalesce(cs.service_code, cns.service_code) end)
            as inherited_service_code,
        gs.service_code as group_service_code,
        coalesce(cs.service_code, cns.service_code) as caption_service_code,
        -- a caption whose last part names a service: that part, less the commissioner and a
        -- table number ('Physiotherapy - Blackpool CCG', 'Table 1: Physiotherapy waiting list')
        case when ls.service_code is not null then
            nullif(trim(regexp_replace(regexp_replace(regexp_extract(coalesce(r.caption, ''), '[^/]*$'),
                '(?i)\s*[-–]\s*[A-Za-z&'' ]*\b(CCG|ICB|Trust|NHS)\s*$', ''),
                '(?i)^\s*(table|figure|chart)\s*(?:[0-9]+[a-z]?|[a-z])\s*[:.–-]\s*', '')), '') end as caption_service_text,
        hs.service_code is not null as label_header_is_service,
        -- the top-left header cell names the service of rows that name only a measure or a period
        -- ('CAMHS – Core' over 'Number waiting | Longest wait (weeks)')
        hs.service_code is not null and not r.row_is_service
            and (r.row_names_measure or r.row_is_period) and r.row_role = 'detail'
            as header_names_row_service,
        ca.service_area as caption_service_area,
        ta.service_area as title_service_area,
        coalesce(rsg.segment, seg.segment) as segment,
        -- the value's own row and column first, then the caption, then the heading above; a text
        -- saying 'none' stops the texts further away from being read
        nullif(coalesce(pl.procedure, pc.procedure, px.procedure), 'none') as procedure,
        rst.stage as row_named_stage,
        cst.stage as column_named_stage
    from resolved r
    left join group_service gs on gs.text = coalesce(r.group_label, r.label_header, '')
    left join caption_service cs on cs.text = coalesce(r.caption_text, '')
    left join caption_named_service cns
      on cns.pack_id = r.pack_id and cns.text = coalesce(r.caption_text, '')
    left join caption_service ls on ls.text = regexp_extract(coalesce(r.caption, ''), '[^/]*$')
    left join group_service hs on hs.text = coalesce(r.label_header, '')
    left join areas ca on ca.text = coalesce(r.caption_text, '')
    left join areas ta on ta.text = coalesce(r.document_title, '')
    left join segments seg
      on seg.text = concat_ws(' | ', r.label_header, r.caption_text, r.col_group_name,
                              regexp_extract(coalesce(r.context_text, ''), '[^/]*$'))
     and seg.lead_in_text = coalesce(r.lead_in_text, '')
    left join row_segments rsg on rsg.row_label = r.row_label
    left join procedure_texts pl on pl.text = concat_ws(' | ', r.column_name, r.row_label)
    left join procedure_texts pc on pc.text = coalesce(r.caption_text, '')
    left join procedure_texts px on px.text = coalesce(r.context_text, '')
    left join named_stages rst on rst.text = coalesce(r.row_label, '')
    left join named_stages cst on cst.text = coalesce(r.column_name, '')
),
-- a waiting list's row of services naming none of ours, among other rows of services, is a
-- service or team of its own printed words, not the service its column, label header or caption
-- names ('Localities - North' under 'Team | Awaiting Care Act assessment', 'Eating Disorders'
-- under 'Croydon CAMHS pathway'): a team's or a pathway's list is not the whole list (the Total
-- is); the only row of a table is what that names ('Blenheim Child Development Centre' under
-- 'Waiting lists for CDC'). Its area is still the area of the service around it.
coded as (
    select s.*,
           case when s.domain = 'waiting_times' and s.row_is_service and s.row_service_code is null
                 and s.row_role = 'detail'
                 and count(distinct s.row_index) filter (where s.row_is_service and s.row_role = 'detail')
                         over (partition by s.table_id) > 1
                then null else s.inherited_service_code end as service_code
    from subjects s
)
select
    s.pack_id,
    s.table_id,
    s.row_index,
    s.col_index,
    s.part,
    s.component,
    -- a benchmark row names the council it is about
    case when coalesce(s.row_dimension, 'council') = 'council' then s.row_gss_code end as row_subject_council,
    s.service_code,
    -- which service the figure is about, for telling figures apart: a service row is itself (by
    -- its own code, unless that is only its parent's: 'Specialist Safeguarding Units' under
    -- 'Specialist Safeguarding, ...', whose TOTAL row is the parent's; 'Getting Help (Core
    -- CYPMHS)' in a table of CYPMHS pathways, whose total is CYPMHS's), any other figure the
    -- service it inherits. A label header naming the service of the only row of the table about
    -- that service is no parent: 'Blenheim Child Development Centre' under 'Waiting lists for
    -- CDC' is the CDC, as 'Blenheim' is on the dashboard. Two service rows of one table naming
    -- one service by different labels ('Community CAMHS', 'Learning disabilities (CAMHS LD
    -- team)') are two services of it: each is itself by its label
    case when s.row_is_service
         then case when s.row_service_code is not null
                    and min(lower(s.row_label)) filter (where s.row_is_service) over same_service_rows
                        = max(lower(s.row_label)) filter (where s.row_is_service) over same_service_rows
                    and (s.row_service_code is distinct from
                             coalesce(s.group_service_code, s.col_service_code, s.caption_service_code)
                         or (s.group_label is null and s.col_service_code is null
                             and min(s.row_index) over same_service_rows
                                 = max(s.row_index) over same_service_rows))
                   then s.row_service_code
                   else lower(concat_ws(' / ', s.group_label, s.row_label)) end
         -- a label header naming a service inside the caption's ('CAMHS – Core' and 'CAMHS –
         -- Neurodevelopmental' over rows of measures, under 'Appendix 1 – CAMHS waiting times')
         when s.header_names_row_service then concat_ws(' / ', s.service_code, lower(s.label_header))
         else s.service_code end as service_key,
    case
        when s.row_is_service
            then concat_ws(' / ', regexp_replace(s.group_label, '\s*[;:]\s*$', ''),
                           nullif(regexp_replace(s.row_label, '^\s*[-–•]\s*', ''), ''))
        when s.col_service_code is not null then s.col_leaf_name
        when s.group_label is not null then regexp_replace(s.group_label, '\s*[;:]\s*$', '')
        -- a sub-table titled with its service ('Hospital Discharge Team | Q1 | ...'): its total
        when s.label_header_is_service and s.row_role in ('total', 'subtotal') then s.label_header
        when s.header_names_row_service then s.label_header
        when s.cell_key is not null or s.row_label is null or s.rows_are_services or s.row_is_period
            then s.caption_service_text
    end as service_text,
    -- 'none': the nearest text names a council service of neither area ('Highways'); rows or
    -- columns of services of several areas ('Adult Social Care | Children's Services | Other |
    -- Total') take no area from the words around the table: its Total is the council's
    nullif(case when s.rows_span_areas
                     or count(distinct s.col_service_area) over (partition by s.table_id) > 1
                then coalesce(nullif(mc.service_area, ''), s.row_service_area, s.col_service_area,
                              svc.service_area)
                else coalesce(nullif(mc.service_area, ''), s.row_service_area, s.col_service_area,
                              s.caption_service_area, s.heading_service_area, s.title_service_area,
                              svc.service_area) end, 'none') as service_area,
    s.theme,
    s.district,
    -- the row names the reporting council ('Oxfordshire' after its districts): the whole
    s.row_names_reporting_council,
    s.age_band,
    s.segment,
    -- complaint stage where printed (column, row, in words in the row or column, caption, heading
    -- above); a caption or heading naming two stages ('Stage 2 investigations and Stage 3 Review
    -- Panels') names none of its columns' stages
    -- (a caption's or heading's stage is only a complaint's: 'Stage 1 complaints and compliments
    -- received' gives compliments none, 'Stage 2 reviews and Ombudsman' the Ombudsman's cases
    -- none; var stage_families)
    coalesce(
        -- (a row's own stage cell too: 'Children's social care | Stage 1' under 'Service | Stage')
        nullif(regexp_extract(concat_ws(' | ', s.column_name, s.row_label, s.row_text_cells), '(?i)\bstage\s*([1-3])\b', 1), ''),
        s.row_named_stage,
        s.column_named_stage,
        case when mc.family is null or mc.family in ('{{ var("stage_families") | join("', '") }}') then coalesce(
            {{ the_one_stage_named('s.caption_text') }},
            {{ the_one_stage_named('s.context_text') }}) end
    ) as stage,
    s.procedure,
    -- 'Paediatric Speech and Language Therapy - Blackpool CCG': the commissioner after the dash
    nullif(trim(regexp_extract(coalesce(s.caption_text, ''),
        '(?i)[-–]\s*([A-Za-z&'' ]*\b(CCG|ICB|Trust|NHS))\s*(\||$)', 1)), '') as provider_commissioner,
    nullif(concat_ws(' / ',
        -- the part of the council a caption opens with ('Table 3: Place Directorate - stage 1
        -- complaints by service': its Total is the directorate's; var caption_part_of_council)
        nullif(regexp_extract(coalesce(s.caption_text, ''), '{{ var("caption_part_of_council") }}', 1), ''),
        case when s.row_role = 'detail' and nullif(s.row_label, '') is not null
              and not s.row_is_service and not s.row_names_measure and not s.row_is_period
              and not coalesce(s.row_names_only_caption_measure, false)
              and s.row_value_type is null and s.theme is null
              -- an age band is the row, unless words print before it in brackets: 'Semi-independent
              -- / supported accommodation (16-17 year olds)' is a placement type of that age
              and (s.row_age_band is null or regexp_matches(s.row_label, '^[^()0-9]{6,}\('))
              and coalesce(s.row_dimension, '') not in ('service', 'council', 'district', 'period')
              and s.row_gss_code is null and s.row_named_stage is null
             then s.row_label
             -- a row naming its measure, then after a dash what it is of ('Longest wait (weeks)
             -- – Getting Help (Core)' beside '... – Neurodevelopmental'): that part
             -- two rows naming one measure that nothing else tells apart ('Housing Ombudsman
             -- determinations' beside 'LGSCO detailed investigations decided'): their labels
             when s.row_names_measure and s.row_role = 'detail' and not s.row_is_service
             then coalesce(
                 nullif(trim(regexp_extract(s.row_label, '\s[–—-]\s+([^–—]+)$', 1)), ''),
                 case when count(distinct s.row_index) over (
                          partition by s.table_id, s.col_index, s.measure, s.theme, s.procedure,
                                       s.row_named_stage,
                                       regexp_extract(s.row_label, '(?i)\bstage\s*([1-3])\b', 1)) > 1
                      then s.row_label end) end,
        case when nullif(s.column_name, '') is not null and s.cell_key is null
              and not s.column_names_measure and not s.column_is_period and not s.in_text_column
              and s.col_value_type is null and s.col_service_code is null
              -- a column naming a service area splits the table by area only beside another area's
              -- column ('Adults | Children'); alone ('Residential children's homes') it is a breakdown
              and (s.col_service_area is null
                   or count(distinct s.col_service_area) over (partition by s.table_id) = 1)
              and s.col_age_band is null and coalesce(s.col_dimension, '') <> 'value'
              and coalesce(s.column_dimension, '') <> 'district' and s.column_named_stage is null
             then s.column_name end), '') as breakdown,
    s.row_is_service
from coded s
left join {{ ref('measure_catalogue') }} mc using (measure)
left join (select service_code, any_value(service_area) as service_area
           from {{ ref('service_aliases') }} group by service_code) svc
  on svc.service_code = s.inherited_service_code
window same_service_rows as (partition by s.pack_id, s.table_id, s.service_code)
