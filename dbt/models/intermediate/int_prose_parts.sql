-- The part of the service a number printed in a sentence is about, when it is not the whole
-- service: a theme, a segment (young people, a team, a division, a partner trust), a complaints
-- procedure (statutory / corporate). Read from
--   * the sentence: seed prose_part_cues ('lodged from young people', 'through the Statutory
--     Complaints Procedure', 'for Adult Learning Disability Team');
--   * a complaint theme printed in a table of the same pack and named in the sentence ('Quality
--     of Service had 32 complaints'), or named just before it when the sentence points back to it
--     ('in this theme', 'Of the 25 complaints made');
--   * a partner or division named right after the number ('48 Partnership Trust', seed
--     segment_patterns);
--   * the section heading above it (int_prose_sections: a 'unit' heading names a team, division,
--     partner or named service; seed segment_patterns gives its code where it has one);
--   * the procedure named by one of the two headings above it.
-- is_part_of_group: the sentence says the number is part of a group it does not name (seed
-- prose_subject_cues 'subset': 'of the 25 complaints', 'the other third'), unless that group is a
-- whole count printed in a table's total row or an earlier sentence of the pack ('Of the 91
-- complaints received'). A theme
-- named before the sentence counts only when it is the only one named there.
with mentions as (
    select n.pack_id, n.mention_seq, n.sentence_first_line, n.sentence, n.context_before,
           {{ squeeze('n.sentence') }} as sentence_key,
           {{ squeeze('n.context_before') }} as context_key,
           -- the words from the number to the next one ('48 Partnership Trust)')
           substr(n.sentence, n.char_end + 1,
                  coalesce(lead(n.char_start) over (partition by n.pack_id, n.sentence_first_line, n.sentence
                                                    order by n.char_start), length(n.sentence)) - n.char_end)
               as following_text
    from {{ batch(ref('stg_prose_numbers')) }} n
    where n.skip_reason is null and n.value is not null
),
following_segments as (   -- a partner or division named right after the number (seed segment_patterns)
    select m.pack_id, m.mention_seq, string_agg(distinct p.segment, ',' order by p.segment) as segment
    from mentions m
    join {{ ref('segment_patterns') }} p on regexp_matches(m.following_text, p.pattern)
    group by all
),
cue_parts as (
    select m.pack_id, m.mention_seq, c.part_kind,
           coalesce(c.part, nullif(regexp_extract(m.sentence, c.pattern, 1), '')) as part
    from mentions m
    join {{ ref('prose_part_cues') }} c on regexp_matches(m.sentence, c.pattern)
    where c.unless_pattern is null or not regexp_matches(m.sentence, c.unless_pattern)
),
sections as (
    select s.*, sp.segment as segment_code
    from {{ batch(ref('int_prose_sections')) }} s
    left join lateral (
        select string_agg(distinct p.segment, ',' order by p.segment) as segment from {{ ref('segment_patterns') }} p
        where regexp_matches(coalesce(s.section_heading, ''), p.pattern)
    ) sp on true
),
heading_procedures as (
    select s.pack_id, s.sentence_first_line, min(c.part) as procedure
    from sections s
    join {{ ref('prose_part_cues') }} c
      on c.part_kind = 'procedure' and regexp_matches(coalesce(s.near_headings, ''), c.pattern)
    group by all
),
themes as (   -- the complaint themes the pack's tables print
    select distinct pack_id, theme, {{ squeeze('theme') }} as theme_key
    from {{ batch(ref('int_facts')) }}
    where theme is not null and length(theme) >= 5
),
subset_cues as (
    select m.pack_id, m.mention_seq,
           max(try_cast(replace(nullif(regexp_extract(m.sentence,
               '(?i)\bof\s+(?:the|these|those)\s+([0-9][0-9,]*)', 1), ''), ',', '') as double)) as group_size
    from mentions m
    join {{ ref('prose_subject_cues') }} c on c.subject = 'subset' and regexp_matches(m.sentence, c.pattern)
    group by all
),
group_measures as (
    select unnest(['complaints_received', 'ombudsman_enquiries', 'compliments_received', 'mp_enquiries',
                   'councillor_enquiries', 'cla_count', 'children_starting_care', 'children_ceasing_care']) as measure
),
whole_figures as (   -- counts of a whole group: table totals, and figures named so in earlier sentences
    select distinct pack_id, value
    from {{ batch(ref('int_facts')) }}
    where value is not null and theme is null and segment is null and procedure is null
      and row_role = 'total' and measure in (select measure from group_measures)
    union
    select distinct n.pack_id, n.value
    from {{ batch(ref('stg_prose_numbers')) }} n
    join {{ batch(ref('int_prose_measures')) }} pm using (pack_id, mention_seq)
    where pm.measure in (select measure from group_measures) and pm.value_type = 'actual'
      and not regexp_matches(n.sentence, '(?i)\bof\s+(?:the|these|those)\s+[0-9]')
),
theme_in_sentence as (
    select m.pack_id, m.mention_seq, arg_max(t.theme, length(t.theme_key)) as theme
    from mentions m
    join themes t on t.pack_id = m.pack_id and strpos(m.sentence_key, t.theme_key) > 0
    group by all
),
theme_before as (   -- the one theme named just before the sentence (several: none of them)
    select m.pack_id, m.mention_seq, any_value(t.theme) as theme
    from mentions m
    join themes t on t.pack_id = m.pack_id and strpos(m.context_key, t.theme_key) > 0
    group by all
    having count(distinct t.theme_key) = 1
)
select
    m.pack_id,
    m.mention_seq,
    coalesce(ts.theme, case when sc.mention_seq is not null then tb.theme end) as theme,
    coalesce(
        (select any_value(c.part) from cue_parts c
         where c.pack_id = m.pack_id and c.mention_seq = m.mention_seq and c.part_kind = 'segment'),
        fs.segment,
        case when sec.section_kind = 'unit' then coalesce(sec.segment_code, sec.section_heading) end
    ) as segment,
    coalesce(
        (select any_value(c.part) from cue_parts c
         where c.pack_id = m.pack_id and c.mention_seq = m.mention_seq and c.part_kind = 'procedure'),
        hp.procedure
    ) as procedure,
    sec.section_heading,
    sec.section_kind,
    sc.mention_seq is not null
        and not exists (select 1 from whole_figures w where w.pack_id = m.pack_id and w.value = sc.group_size)
        as is_part_of_group
from mentions m
left join following_segments fs using (pack_id, mention_seq)
left join theme_in_sentence ts using (pack_id, mention_seq)
left join theme_before tb using (pack_id, mention_seq)
left join subset_cues sc using (pack_id, mention_seq)
left join sections sec on sec.pack_id = m.pack_id and sec.sentence_first_line = m.sentence_first_line
left join heading_procedures hp on hp.pack_id = m.pack_id and hp.sentence_first_line = m.sentence_first_line
