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
--   * the procedure named by one of the two headings above it;
--   * the complaints stage ('a 40% decrease in Stage 1 Statutory Complaints', seed prose_part_cues
--     part_kind stage) named in the number's clause (the words from the number before it to the
--     next one), else the one stage its sentence names before it; two stages named: none. Not from
--     headings: a chapter heading's stage ('Local Investigation') does not hold for the
--     ombudsman or independent-investigation figures printed under it.
-- share_theme: what a share of complaints is of, read from the words after the number up to the
-- next one ('47% ... were regarding case management of cases and 27% were regarding poor
-- communication', seed prose_part_cues part_kind share_theme): a complaint theme of the pack's
-- tables when the words start with one, else the words themselves. A count's theme is read the
-- same way from the words right after it ('14 complaints about cancelled contact sessions', seed
-- prose_part_cues part_kind count_theme).
-- is_part_of_group: the sentence says the number is part of a group it does not name (seed
-- prose_subject_cues 'subset': 'of the 25 complaints', 'the other third'), unless that group is a
-- whole count printed in a table's total row or an earlier sentence of the pack ('Of the 91
-- complaints received') of another measure than the number's own, or the figure of such a measure
-- in the sentence just before one opening 'Of these' ('... decisions on 21 complaints. Of these, 12
-- were upheld'). A theme
-- named before the sentence counts only when it is the only one named there.
with mentions as (
    select n.pack_id, n.mention_seq, n.sentence_first_line, n.sentence, n.context_before, n.before_text, n.value,
           n.char_start, n.char_end,
           {{ squeeze('n.sentence') }} as sentence_key,
           {{ squeeze('n.context_before') }} as context_key,
           -- the words from the number to the next one ('48 Partnership Trust)')
           substr(n.sentence, n.char_end + 1,
                  coalesce(lead(n.char_start) over (partition by n.pack_id, n.sentence_first_line, n.sentence
                                                    order by n.char_start), length(n.sentence)) - n.char_end)
               as following_text,
           -- the words from the number before to the next one: the number's own clause
           substr(n.sentence, coalesce(lag(n.char_end) over sentence_numbers, 0) + 1,
                  coalesce(lead(n.char_start) over sentence_numbers, length(n.sentence))
                  - coalesce(lag(n.char_end) over sentence_numbers, 0))
               as clause_text
    from {{ batch(ref('stg_prose_numbers')) }} n
    where n.skip_reason is null and n.value is not null
    window sentence_numbers as (partition by n.pack_id, n.sentence_first_line, n.sentence order by n.char_start)
),
following_segments as (   -- a partner or division named right after the number (seed segment_patterns)
    select m.pack_id, m.mention_seq, string_agg(distinct p.segment, ',' order by p.segment) as segment
    from mentions m
    join {{ ref('segment_patterns') }} p on {{ regexp_matches_seed("m.following_text", 'p.pattern', ref('segment_patterns')) }}
    group by all
),
cue_parts as (
    select m.pack_id, m.mention_seq, c.part_kind,
           coalesce(c.part, nullif({{ regexp_extract_seed('m.sentence', 'c.pattern', ref('prose_part_cues'), 1) }}, '')) as part
    from mentions m
    join {{ ref('prose_part_cues') }} c on {{ regexp_matches_seed("m.sentence", 'c.pattern', ref('prose_part_cues')) }}
    where c.part_kind in ('segment', 'procedure')
      and (c.unless_pattern is null or not {{ regexp_matches_seed("m.sentence", 'c.unless_pattern', ref('prose_part_cues'), 'unless_pattern') }})
),
-- a segment named in words that seed segment_patterns knows takes its code ('The Partnership
-- Trust received 138 complaints': nhs_partnership_trust)
cue_segments as (
    select c.pack_id, c.mention_seq,
           coalesce((select string_agg(distinct p.segment, ',' order by p.segment)
                     from {{ ref('segment_patterns') }} p
                     where {{ regexp_matches_seed('c.part', 'p.pattern', ref('segment_patterns')) }}),
                    c.part) as part
    from cue_parts c
    where c.part_kind = 'segment'
),
stage_cues as (
    select pattern, part from {{ ref('prose_part_cues') }} where part_kind = 'stage'
),
clause_stages as (   -- every stage named in the number's clause, and in its whole sentence
    select m.pack_id, m.mention_seq,
           case when count(distinct s.stage) filter (where s.in_clause) = 1
                then any_value(s.stage) filter (where s.in_clause)
                -- a clause naming none takes the sentence's one stage ('208 complaints ... directed
                -- for Local Investigation (160 County Council and 48 Partnership Trust)')
                when count(distinct s.stage) filter (where s.in_clause) = 0 and count(distinct s.stage) = 1
                then any_value(s.stage) end as stage,
           count(distinct s.stage) filter (where s.in_clause) = 1 as stage_in_clause
    from mentions m
    join stage_cues c on {{ regexp_matches_seed("m.sentence", 'c.pattern', ref('prose_part_cues')) }}
    cross join lateral (
        select unnest(case when c.part is not null then [c.part]
                           else {{ regexp_extract_all_seed('m.clause_text', 'c.pattern', ref('prose_part_cues'), 1) }} end) as stage, true as in_clause
        where {{ regexp_matches_seed('m.clause_text', 'c.pattern', ref('prose_part_cues')) }}
        union all
        -- (the sentence's stages named before the number: a whole does not take the stage of a
        -- part named after it, 'Of the 94 complaints received, 7 escalated to Stage 2')
        select unnest(case when c.part is not null then [c.part]
                           else {{ regexp_extract_all_seed('left(m.sentence, m.char_start)', 'c.pattern', ref('prose_part_cues'), 1) }} end) as stage, false as in_clause
        where {{ regexp_matches_seed('left(m.sentence, m.char_start)', 'c.pattern', ref('prose_part_cues')) }}
    ) s
    group by all
),
sections as (
    -- the divisions the section's heading names (seed segment_patterns; the model refs the seed)
    select s.*,
           {{ seed_values_matched("coalesce(s.section_heading, '')", ref('segment_patterns'), 'segment') }}
               as segment_code
    from {{ batch(ref('int_prose_sections')) }} s
),
heading_procedures as (
    select s.pack_id, s.sentence_first_line, min(c.part) as procedure
    from sections s
    join {{ ref('prose_part_cues') }} c
      on c.part_kind = 'procedure' and {{ regexp_matches_seed("coalesce(s.near_headings, '')", 'c.pattern', ref('prose_part_cues')) }}
    group by all
),
themes as (   -- the complaint themes the pack's tables print, each spelling with its lines
    select pack_id, theme, {{ squeeze('theme') }} as theme_key, list(distinct source_line) as lines
    from {{ batch(ref('int_facts')) }}
    where theme is not null and length(theme) >= 5
    group by all
),
subset_cues as (
    select m.pack_id, m.mention_seq,
           -- the group's size: 'of the 25 complaints', or the figure a clause 'of which' follows
           -- ('made decisions on 19 complaints, of which 7 were upheld'; 'received 412 Stage 1
           -- complaints, of which': the last figure before it, not the stage's number), or a
           -- number in words printed after 'of the' ('twenty-two of the thirty-two children')
           max(coalesce(
               try_cast(replace(nullif(regexp_extract(m.sentence, '(?i)\bof\s+(?:the|these|those)\s+([0-9][0-9,]*)', 1), ''),
                                ',', '') as double),
               -- (the nearest such figure up to the number, itself included: 'received 402
               -- complaints, of which 118 ...'; in words, the nearest from it on)
               (select arg_max(g.value, g.char_end) from mentions g
                where g.pack_id = m.pack_id and g.sentence_first_line = m.sentence_first_line
                  and g.sentence = m.sentence and g.char_end <= m.char_end
                  and regexp_matches(substr(g.sentence, g.char_end + 1), '(?i)^[^.;()]{0,60}?,?\s+of\s+which\b')),
               (select arg_min(g.value, g.char_start) from mentions g
                where g.pack_id = m.pack_id and g.sentence_first_line = m.sentence_first_line
                  and g.sentence = m.sentence and g.char_start >= m.char_start
                  and regexp_matches(g.before_text, '(?i)\bof\s+(?:the|these|those)\s*$')))) as group_size
    from mentions m
    join {{ ref('prose_subject_cues') }} c on c.subject = 'subset' and {{ regexp_matches_seed("m.sentence", 'c.pattern', ref('prose_subject_cues')) }}
    group by all
),
group_measures as (   -- var whole_group_measures
    select unnest({{ var('whole_group_measures') }}) as measure
),
-- counts of a whole group: table totals, and figures named so in earlier sentences, each with its
-- domain (a waiting list of 85 is no whole of 'Of the 85 complaints')
whole_figures as (
    select w.*, mc.domain
    from (
        select distinct pack_id, value, measure
        from {{ batch(ref('int_facts')) }}
        where value is not null and theme is null and segment is null and procedure is null
          and row_role = 'total' and measure in (select measure from group_measures)
        union
        select distinct n.pack_id, n.value, pm.measure
        from {{ batch(ref('stg_prose_numbers')) }} n
        join {{ batch(ref('int_prose_measures')) }} pm using (pack_id, mention_seq)
        where pm.measure in (select measure from group_measures) and pm.value_type = 'actual'
          and not regexp_matches(n.sentence, '(?i)\bof\s+(?:the|these|those)\s+[0-9]')
        union
        -- the group's own figure when the words naming it are its measure's, ending in the verb
        -- that counts it (var group_named_by_verb), and a period only ('Of the 170 complaints
        -- closed during the year, 41 were upheld'), not a group of some of them ('Of the 85
        -- complaints received about delays') or one named before ('Of the 7 complaints')
        select distinct g.pack_id, g.value, g.measure
        from (
            select n.pack_id, n.value, pm.measure,
                   regexp_replace(replace(regexp_extract(coalesce(n.after_text, ''), '^[^,;:()]*'),
                                          coalesce(n.period_text, '§'), ''),
                                  '(?i)\s*\b(?:{{ var("period_prepositions") | join("|") }})?\s*$', '')
                       as group_words
            from {{ batch(ref('stg_prose_numbers')) }} n
            join {{ batch(ref('int_prose_measures')) }} pm using (pack_id, mention_seq)
            where pm.measure in (select measure from group_measures) and pm.value_type = 'actual'
              and regexp_matches(n.before_text, '(?i)\bof\s+(?:the|these|those)\s*$')
        ) g
        join {{ ref('prose_measure_patterns') }} p on p.measure = g.measure and p.looks_at = 'after'
        where p.sentence_pattern is null
          and regexp_matches(g.group_words, '{{ var("group_named_by_verb") }}')
          -- (the pattern a column, not constants: a few rows, and 115 constant branches here
          -- take DuckDB's planner minutes)
          and regexp_extract(g.group_words, p.pattern, 0) = g.group_words
    ) w
    join {{ ref('measure_catalogue') }} mc using (measure)
),
-- 'The Ombudsman made final decisions on 21 complaints ... Of these, 12 were upheld': a sentence
-- opening 'Of these' (var anaphoric_openers) with no size of its own is about the last whole-group
-- figure of the sentence just before it
group_before as (
    select sc.pack_id, sc.mention_seq, arg_max(pm.measure, e.mention_seq) as measure,
           arg_max(e.value, e.mention_seq) as value
    from subset_cues sc
    join mentions m using (pack_id, mention_seq)
    join {{ batch(ref('stg_prose_numbers')) }} e
      on e.pack_id = m.pack_id and e.mention_seq < m.mention_seq and e.sentence <> m.sentence
     and e.sentence_last_line >= m.sentence_first_line - 2
     and {{ is_sentence_before('m.context_before', 'e.sentence') }}
    join {{ batch(ref('int_prose_measures')) }} pm on pm.pack_id = e.pack_id and pm.mention_seq = e.mention_seq
    where sc.group_size is null and {{ opens_about_figure_before('m.sentence') }}
      and pm.measure in (select measure from group_measures) and pm.value_type = 'actual'
    group by all
),
theme_in_sentence as (
    -- the longest theme named; of two spellings of it, the one printed nearest before the sentence
    select m.pack_id, m.mention_seq,
           arg_max(t.theme, {'length': length(t.theme_key), 'spelling': {'near': coalesce(list_max(list_filter(t.lines, lambda l: l <= m.sentence_first_line)), -1), 'theme': t.theme}}) as theme
    from mentions m
    join themes t on t.pack_id = m.pack_id and strpos(m.sentence_key, t.theme_key) > 0
    group by all
),
share_phrases as (   -- the words a share (or a count: count_theme) is of, up to the next number (not a
                     -- service: seed unless_pattern)
    select m.pack_id, m.mention_seq, m.sentence_first_line, c.part_kind,
           -- quotes around the words go, an apostrophe inside a word stays ('couple''s'); of two
           -- cues, the one nearest the number
           arg_min(trim(regexp_replace({{ regexp_extract_seed('m.following_text', 'c.pattern', ref('prose_part_cues'), 1) }},
                                       '(^|\s)[''‘’"]+|[''‘’"]+(\s|$)', '\1\2', 'g')),
                   {'at': strpos(m.following_text, {{ regexp_extract_seed('m.following_text', 'c.pattern', ref('prose_part_cues'), 0) }}),
                    'cue': c.pattern})
               as phrase
    from mentions m
    join {{ ref('prose_part_cues') }} c
      on c.part_kind in ('share_theme', 'count_theme')
     and {{ regexp_matches_seed("m.following_text", 'c.pattern', ref('prose_part_cues')) }}
    where c.unless_pattern is null or not {{ regexp_matches_seed("m.following_text", 'c.unless_pattern', ref('prose_part_cues'), 'unless_pattern') }}
    group by all
),
share_themes as (   -- a table's theme when the words start with it ('case management of cases')
    select p.pack_id, p.mention_seq, p.part_kind,
           coalesce(arg_max(t.theme, {'length': length(t.theme_key), 'spelling': {'near': coalesce(list_max(list_filter(t.lines, lambda l: l <= p.sentence_first_line)), -1), 'theme': t.theme}}),
                    any_value(p.phrase)) as share_theme
    from share_phrases p
    left join themes t
      on t.pack_id = p.pack_id and starts_with({{ squeeze('p.phrase') }}, t.theme_key)
    where p.phrase <> ''
      -- a count's words naming a service ('complaints about private sector domiciliary care
      -- agencies', seed service_aliases) name its service, not a theme
      and not (p.part_kind = 'count_theme' and exists (
            select 1 from {{ ref('service_aliases') }} a
            where {{ regexp_matches_seed('p.phrase', 'a.pattern', ref('service_aliases')) }}))
    group by all
),
bracket_themes as (   -- 'the themes of ... were communication (47 complaints), delay (29)': the words
                      -- before a bracketed figure, in a sentence naming its themes
    select m.pack_id, m.mention_seq,
           any_value(nullif(trim({{ regexp_extract_seed('m.before_text', 'c.pattern', ref('prose_part_cues'), 1) }}), ''))
               as theme
    from mentions m
    join {{ ref('prose_part_cues') }} c
      on c.part_kind = 'bracket_theme' and {{ regexp_matches_seed('m.before_text', 'c.pattern', ref('prose_part_cues')) }}
    where exists (select 1 from {{ ref('prose_part_cues') }} l
                  where l.part_kind = 'theme_list' and {{ regexp_matches_seed('m.sentence', 'l.pattern', ref('prose_part_cues')) }})
    group by all
),
theme_before as (   -- the one theme named just before the sentence (several: none of them)
    select m.pack_id, m.mention_seq, arg_max(t.theme, {'near': coalesce(list_max(list_filter(t.lines, lambda l: l <= m.sentence_first_line)), -1), 'theme': t.theme}) as theme
    from mentions m
    join themes t on t.pack_id = m.pack_id and strpos(m.context_key, t.theme_key) > 0
    group by all
    having count(distinct t.theme_key) = 1
)
select
    m.pack_id,
    m.mention_seq,
    coalesce(ts.theme, ct.share_theme, bt.theme, case when sc.mention_seq is not null then tb.theme end) as theme,
    coalesce(
        (select case when count(distinct c.part) = 1 then min(c.part) end from cue_segments c
         where c.pack_id = m.pack_id and c.mention_seq = m.mention_seq),
        fs.segment,
        case when sec.section_kind = 'unit' then coalesce(sec.segment_code, sec.section_heading) end
    ) as segment,
    coalesce(
        (select case when count(distinct c.part) = 1 then min(c.part) end from cue_parts c
         where c.pack_id = m.pack_id and c.mention_seq = m.mention_seq and c.part_kind = 'procedure'),
        hp.procedure
    ) as procedure,
    cs.stage,
    cs.stage_in_clause,
    sh.share_theme,
    sec.section_heading,
    sec.section_kind,
    -- a part of a whole the pack prints is a figure when its own measure says how it is a part
    -- ('Of the 91 complaints received 19 were upheld'); one of the whole's own measure is a part
    -- by something no measure says ('Of the 405 children and young people entering care during
    -- 2017-2018, 136 ... entered the care system on a Care Order': 405 children started care)
    -- (the group's own figure, 'Of the 91 complaints', is the whole)
    sc.mention_seq is not null
        and not exists (select 1 from whole_figures w
                        where w.pack_id = m.pack_id and w.value = sc.group_size
                          and w.domain = pmc.domain
                          and (m.value = sc.group_size or w.measure is distinct from pm.measure))
        and not (gb.measure is not null and gb.measure is distinct from pm.measure)
        as is_part_of_group
from mentions m
left join following_segments fs using (pack_id, mention_seq)
left join theme_in_sentence ts using (pack_id, mention_seq)
left join theme_before tb using (pack_id, mention_seq)
left join bracket_themes bt using (pack_id, mention_seq)
left join subset_cues sc using (pack_id, mention_seq)
left join group_before gb using (pack_id, mention_seq)
left join {{ batch(ref('int_prose_measures')) }} pm using (pack_id, mention_seq)
left join {{ ref('measure_catalogue') }} pmc on pmc.measure = pm.measure
left join clause_stages cs using (pack_id, mention_seq)
left join share_themes sh on sh.pack_id = m.pack_id and sh.mention_seq = m.mention_seq and sh.part_kind = 'share_theme'
left join share_themes ct on ct.pack_id = m.pack_id and ct.mention_seq = m.mention_seq and ct.part_kind = 'count_theme'
left join sections sec on sec.pack_id = m.pack_id and sec.sentence_first_line = m.sentence_first_line
left join heading_procedures hp on hp.pack_id = m.pack_id and hp.sentence_first_line = m.sentence_first_line
