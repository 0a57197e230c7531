-- The part of the service a number printed in a sentence is about, when it is not the whole
-- service: a theme, a segment (young people, a team, a division, a partner trust), a complaints
-- procedure (statutory / corporate). Read from
--   * the sentence: seed prose_part_cues ('lodged from young people', 'through the Statutory
--     Complaints Procedure', 'for Adult Learning Disability Team');
--   * a complaint theme printed in a table of the same pack and named in the sentence ('Quality
--     of Service had 32 complaints'), or named just before it when the sentence points back to it
--     ('in this theme', 'Of the 25 complaints made');
--   * the section heading above it (int_prose_sections: a 'unit' heading names a team, division,
--     partner or named service; seed segment_patterns gives its code where it has one);
--   * the procedure named by one of the two headings above it.
-- is_part_of_group: the sentence says the number is part of a group it does not name (seed
-- prose_subject_cues 'subset': 'of the 25 complaints', 'the other third'), unless that group is a
-- whole-service figure printed in a table of the pack ('Of the 91 complaints received'). A theme
-- named before the sentence counts only when it is the only one named there.
with mentions as (
    select n.pack_id, n.mention_seq, n.sentence_first_line, n.sentence, n.context_before,
           {{ squeeze('n.sentence') }} as sentence_key,
           {{ squeeze('n.context_before') }} as context_key
    from {{ batch(ref('stg_prose_numbers')) }} n
    where n.skip_reason is null and n.value is not null
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
        select min(p.segment) as segment from {{ ref('segment_patterns') }} p
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
whole_figures as (
    select distinct pack_id, value
    from {{ batch(ref('int_facts')) }}
    where value is not null and theme is null and segment is null and procedure is null
      and (row_role = 'total' or row_measure is not null or cell_key is not null)
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
left join theme_in_sentence ts using (pack_id, mention_seq)
left join theme_before tb using (pack_id, mention_seq)
left join subset_cues sc using (pack_id, mention_seq)
left join sections sec on sec.pack_id = m.pack_id and sec.sentence_first_line = m.sentence_first_line
left join heading_procedures hp on hp.pack_id = m.pack_id and hp.sentence_first_line = m.sentence_first_line
