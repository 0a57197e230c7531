-- The measure of each number printed in a sentence, or none. Seed prose_measure_patterns names it
-- from the words after the number ('91 complaints'), the words before it ('the number of Looked
-- After Children was 441') or, for the later figure of 'from 40 to 25', the words before the
-- earlier one; a row's sentence_pattern must match the sentence or the prose just before it (a
-- list item's lead-in: 'Of these 29 cases, there are 8 outcomes to date: ... Four not upheld').
-- The best priority wins. The measure's unit must be the number's unit; a count measure read on a
-- percentage becomes its '<measure>_pct' sibling of the catalogue ('7.2% were upheld' ->
-- complaints_upheld_pct). A change ('an increase of 15', '28% increase in complaints') is a change
-- of its own measure, else of the figure it follows ('91 complaints - a decrease of 17').
-- A number whose sentence does not name its measure takes it
--   * from the sentence before when it points back to it (seed prose_subject_cues 'anaphor':
--     'this figure is 527', 'This represents 163 per 10,000'): the last measure seed
--     prose_antecedents finds there, or its catalogue sibling of the number's unit (a rate);
--   * from the figure before it in a series over years ('51% for 2013/14 and 43% for 2012/13',
--     'compares well with the 49% achieved in 2013/14'; same unit, a year of its own), or when it
--     breaks that figure down by subject ('36 complaints ..., 28 were regarding County Council
--     services'), counts it for another service ('412 children were waiting for speech and
--     language therapy and 198 for occupational therapy') or breaks it down in brackets ('208
--     complaints ... (160 County Council and 48 Partnership Trust)').
-- A figure about another council, region or England (seed prose_subject_cues 'comparator') has none;
-- nor has a number counting a list's items ('all six services': seed prose_item_nouns).
with item_counts as (
    -- a number counting the items of a list ('across all six services', '5 service areas':
    -- seed prose_item_nouns) counts no children or complaints, and names no measure
    select n.pack_id, n.mention_seq, n.sentence, n.before_text, n.number_text
    from {{ batch(ref('stg_prose_numbers')) }} n
    where n.skip_reason is null and exists (
          select 1 from {{ ref('prose_item_nouns') }} pin
          where {{ regexp_matches_seed("regexp_extract(coalesce(n.after_text, ''), '^\\s*([A-Za-z-]+)', 1)", 'pin.pattern', ref('prose_item_nouns')) }})
),
mentions as (
    -- the words before a number run on across an item count before it ('the total number of
    -- children waiting across all six services was 9,293')
    select n.* replace (
        case when ic.mention_seq is not null
             then concat_ws(' ', ic.before_text, ic.number_text, n.before_text)
             else n.before_text end as before_text)
    from {{ batch(ref('stg_prose_numbers')) }} n
    left join item_counts ic
      on ic.pack_id = n.pack_id and ic.mention_seq = n.mention_seq - 1 and ic.sentence = n.sentence
    where n.skip_reason is null and n.value is not null
      and (n.pack_id, n.mention_seq) not in (select pack_id, mention_seq from item_counts)
      -- a count a sum of money is spread over ('payments totalling £18,750 across 9 complaints')
      -- counts the cases paid, none of the catalogue's (var spread_over_money)
      and not (regexp_matches(coalesce(n.before_text, ''), '{{ var("spread_over_money") }}')
               and exists (select 1 from {{ batch(ref('stg_prose_numbers')) }} g
                           where g.pack_id = n.pack_id and g.mention_seq = n.mention_seq - 1
                             and g.sentence = n.sentence and g.unit_cue = 'gbp'))
      -- a note that figures are suppressed ('* Fewer than five complaints; figure suppressed.':
      -- a line opening as a note, var note_line_opener, saying so, var suppression_note)
      -- explains a table's mark: its numbers are no figures; nor is a note's bound ('* Fewer
      -- than 5 complaints; included in the totals.': the mark's threshold, no count)
      and not ((regexp_matches(n.sentence, '{{ var("suppression_note") }}') or coalesce(n.qualifier = 'under', false))
               and exists (select 1 from {{ batch(ref('stg_lines')) }} l
                           where l.pack_id = n.pack_id and l.line_number = n.sentence_first_line
                             and regexp_matches(l.text, '{{ var("note_line_opener") }}')))
),
texts as (
    select
        m.*,
        case m.unit_cue   -- another unit ('six months', 'three times') is no catalogue unit: no measure
            when 'percent' then 'percent'
            when 'per_10000' then 'rate_per_10000'
            when 'working_days' then 'days'
            else m.unit_cue
        end as unit_read,
        case when m.role = 'to' then coalesce(a.before_text, m.before_text) else m.before_text end
            as before_for_measure,
        -- 'increase in the number of complaints received' reads like 'complaints received'
        case when m.role = 'change'
             then regexp_replace(m.after_text,
                '(?i)^\W*(?:significant\s+|slight\s+)?(?:increase|rise|growth|improvement|decrease|reduction|fall|drop|decline)\s*(?:in|of)?\s+(?:the\s+)?(?:number\s+of\s+)?', '')
             else m.after_text end as after_for_measure,
        m.context_before || ' ' || m.sentence as paragraph_text
    from mentions m
    left join {{ batch(ref('stg_prose_numbers')) }} a
      on a.pack_id = m.pack_id and a.mention_seq = m.anchor_seq
),
matches as (
    select
        t.pack_id, t.mention_seq, p.priority, p.value_type, p.part_kind,
        case when p.part_kind is not null then
            trim(regexp_extract(case p.looks_at when 'after' then t.after_for_measure else t.before_for_measure end,
                                p.pattern, 0), ' -–.,;:')
        end as part_text,
        case
            when t.role = 'change' then p.measure
            when mc.unit = coalesce(t.unit_read, 'count') then p.measure
            when mc.unit = 'count' and t.unit_read = 'percent' then pct.measure
        end as measure
    from texts t
    join {{ ref('prose_measure_patterns') }} p
      on (p.looks_at = 'after' and {{ regexp_matches_seed('t.after_for_measure', 'p.pattern', ref('prose_measure_patterns')) }})
      or (p.looks_at = 'before' and {{ regexp_matches_seed('t.before_for_measure', 'p.pattern', ref('prose_measure_patterns')) }})
    join {{ ref('measure_catalogue') }} mc on mc.measure = p.measure
    left join {{ ref('measure_catalogue') }} pct on pct.measure = p.measure || '_pct'
    where (p.sentence_pattern is null
       or {{ regexp_matches_seed('t.paragraph_text', 'p.sentence_pattern', ref('prose_measure_patterns'), 'sentence_pattern') }})
      -- words making the figure a part of what the pattern names ('the number of children looked
      -- after in residential placements was 73'): not that measure
      and (p.unless_pattern is null
           or not {{ regexp_matches_seed("case p.looks_at when 'after' then t.after_for_measure else t.before_for_measure end",
                                         'p.unless_pattern', ref('prose_measure_patterns'), 'unless_pattern') }})
      -- 'Of the children placed more than 20 miles from home, 74 live in ...': words before the
      -- number that are only the group it is part of (var group_lead_in) name the group's
      -- measure, not the number's
      and not (p.looks_at = 'before' and regexp_matches(t.before_for_measure, '{{ var("group_lead_in") }}'))
),
best as (
    select pack_id, mention_seq,
           arg_max(measure, priority) as measure,
           arg_max(value_type, priority) as value_type,
           arg_max(part_kind, priority) as part_kind,
           arg_max(part_text, priority) as part_text
    from matches
    where measure is not null
    group by all
),
cues as (
    select subject, pattern from {{ ref('prose_subject_cues') }}
),
-- 'this figure is 527': the measure the prose before names last (the sentence's own words before
-- the number included: '118 children had been waiting more than 18 weeks ...; at the end of
-- December 2025 the figure was 62')
anaphors as (
    select t.pack_id, t.mention_seq, t.unit_read, t.role,
           -- (the nearest: by its last printing, counted from the end)
           arg_min(a.measure, strpos(reverse(lower(t.prose_before)),
                                     reverse(lower({{ regexp_extract_seed('t.prose_before', 'a.pattern', ref('prose_antecedents')) }}))))
               as antecedent
    from (select *, context_before || ' ' || left(sentence, char_start) as prose_before from texts) t
    join {{ ref('prose_antecedents') }} a on {{ regexp_matches_seed('t.prose_before', 'a.pattern', ref('prose_antecedents')) }}
    where exists (select 1 from cues c where c.subject = 'anaphor' and {{ regexp_matches_seed('t.before_for_measure', 'c.pattern', ref('prose_subject_cues')) }})
    group by all
),
anaphoric as (
    select a.pack_id, a.mention_seq,
           coalesce(
               case when a.role = 'change' or mc.unit = coalesce(a.unit_read, 'count') then mc.measure end,
               sib.measure,
               case when mc.unit = 'count' and a.unit_read = 'percent' then pct.measure end) as measure
    from anaphors a
    join {{ ref('measure_catalogue') }} mc on mc.measure = a.antecedent
    left join {{ ref('measure_catalogue') }} sib
      on sib.family = mc.family and sib.period_kind = mc.period_kind and sib.unit = coalesce(a.unit_read, 'count')
     and sib.measure <> mc.measure
    left join {{ ref('measure_catalogue') }} pct on pct.measure = a.antecedent || '_pct'
),
-- '412 children were waiting for speech and language therapy and 198 for occupational therapy':
-- a figure after 'and', a comma or a colon whose clause is only a service (var elliptical_service_clause,
-- seed service_aliases, at most six words) leaves its measure to the figure before it, unless it
-- is inside brackets; so does one the service comes before ('..., and Adult Social Care 187.')
elliptical as (
    select distinct c.pack_id, c.mention_seq
    from (
        select t.pack_id, t.mention_seq,
               regexp_extract(coalesce(t.after_text, ''), '{{ var("elliptical_service_clause") }}', 1) as clause
        from texts t
        where t.role = 'level'
          and regexp_matches(t.before_text, '(?i)(?:\band|,|:)\s*$')
          -- one inside brackets breaks the figure before the brackets down ('(84 for SLT and 138
          -- for OT)': bracketed below)
          and not ({{ last_open_bracket('t') }} > 0
                   and strpos(substr(t.sentence, {{ last_open_bracket('t') }}, t.char_start - {{ last_open_bracket('t') }} + 1), ')') = 0)
    ) c
    join {{ ref('service_aliases') }} s
      on {{ regexp_matches_seed('c.clause', 's.pattern', ref('service_aliases')) }}
    where len(string_split(trim(c.clause), ' ')) <= 6
      and not regexp_matches(s.pattern, '\^')
    union
    -- '..., and Adult Social Care 187.': the service before a figure that ends its clause (var
    -- elliptical_subject_clause), no verb of its own
    select distinct c.pack_id, c.mention_seq
    from (
        select t.pack_id, t.mention_seq,
               regexp_extract(coalesce(t.before_text, ''), '{{ var("elliptical_subject_clause") }}', 1) as clause
        from texts t
        where t.role = 'level'
          and regexp_matches(coalesce(t.after_text, ''), '^\s*(?:[.;,]|$)')
    ) c
    where c.clause <> '' and len(string_split(trim(c.clause), ' ')) <= 5
      and not regexp_matches(c.clause, '{{ var("elliptical_subject_verbs") }}')
      and (exists (select 1 from {{ ref('service_aliases') }} s
                   where {{ regexp_matches_seed('c.clause', 's.pattern', ref('service_aliases')) }}
                     and not regexp_matches(s.pattern, '\^'))
           -- or a whole service area ('Adult Social Care', seed service_area_patterns)
           or exists (select 1 from {{ ref('service_area_patterns') }} a
                      where a.service_area <> 'none'
                        and {{ regexp_matches_seed('c.clause', 'a.pattern', ref('service_area_patterns')) }}))
),
-- '51% for 2013/14 and 43% for 2012/13': the earlier figure's measure, for another period
series as (
    select t.pack_id, t.mention_seq,
           arg_max(b.measure, e.mention_seq) as measure
    from texts t
    join texts e
      on e.pack_id = t.pack_id and e.sentence_first_line = t.sentence_first_line and e.sentence = t.sentence
     and e.mention_seq < t.mention_seq and coalesce(e.unit_read, 'count') = coalesce(t.unit_read, 'count')
     and e.role in ('level', 'to')
    join best b on b.pack_id = e.pack_id and b.mention_seq = e.mention_seq
    where t.role in ('level', 'from')
      -- a word of its own naming what it counts ('compared with 93 starting in Quarter 3 of
      -- 2024/25', after '101 started ... and 114 ceased ...'): maybe not the last figure's
      -- measure (var own_count_word; 'during' and the like are no such word: var ing_prepositions)
      and lower(regexp_extract(coalesce(t.after_text, ''), '{{ var("own_count_word") }}', 1))
          in ('', '{{ var("ing_prepositions") | join("', '") }}')
      and (   -- another year's figure ('287 complaints in 2024/25, compared with 301 in 2023/24':
              -- 301 is the earlier figure of 287's comparison, and a fact of its own year; so is
              -- 1,401 in '1,312 ..., down from 1,401 in May 2025')
              (regexp_matches(coalesce(t.period_text, ''), '(?:19|20)[0-9]{2}')
               and t.period_text is distinct from e.period_text
               and regexp_matches(t.before_text, '(?i)(?:\band|\bor|,|:|\bwith|\bcompared (?:to|with)|\bagainst|\bversus|\b(?:down|up)\s+from)(?:\s+the)?\s*$'))
              -- a part of it by subject: '36 complaints ..., 28 were regarding County Council services'
           or (t.role = 'level' and regexp_matches(t.after_text, '(?i)^(?:[a-z]+\s+)?(?:were|was)\s+(?:regarding|in\s+respect\s+of|related\s+to|relating\s+to|about)\b'))
              -- another service's figure: '... and 198 for occupational therapy'
           or (t.role = 'level' and exists (select 1 from elliptical el where el.pack_id = t.pack_id and el.mention_seq = t.mention_seq)))
    group by all
),
-- '208 complaints ... (160 County Council and 48 Partnership Trust)': figures in brackets after a
-- figure, in its unit, break it down
bracketed as (
    select t.pack_id, t.mention_seq, arg_max(b.measure, e.char_start) as measure,
           arg_max(e.mention_seq, e.char_start) as part_of_seq
    from texts t
    join texts e
      on e.pack_id = t.pack_id and e.sentence_first_line = t.sentence_first_line and e.sentence = t.sentence
     and e.char_end <= {{ last_open_bracket('t') }}
     and coalesce(e.unit_read, 'count') = coalesce(t.unit_read, 'count') and e.role in ('level', 'to')
    join best b on b.pack_id = e.pack_id and b.mention_seq = e.mention_seq
    where t.role = 'level' and {{ last_open_bracket('t') }} > 0
      -- the figure opens the brackets, or follows another figure in them ('(160 County Council and 48')
      and regexp_matches(substr(t.sentence, {{ last_open_bracket('t') }}, t.char_start - {{ last_open_bracket('t') }} + 1),
                         '^\(\s*(?:[0-9][^()]*(?:\band|,)\s*)?$')
    group by all
),
-- '18% (182 children)': a count alone in brackets right after a share counts what the share is a
-- share of (the count sibling of the share's '<measure>_pct' in the catalogue)
share_counts as (
    select t.pack_id, t.mention_seq, any_value(base.measure) as measure
    from texts t
    join texts e
      on e.pack_id = t.pack_id and e.sentence_first_line = t.sentence_first_line and e.sentence = t.sentence
     and e.char_end < t.char_start and e.unit_read = 'percent' and e.role in ('level', 'to')
    join best b on b.pack_id = e.pack_id and b.mention_seq = e.mention_seq
    join {{ ref('measure_catalogue') }} base on base.measure || '_pct' = b.measure and base.unit = 'count'
    where t.role = 'level' and t.unit_read is null
      and regexp_matches(substr(t.sentence, e.char_end + 1, t.char_start - e.char_end), '^\s*\(\s*$')
      and regexp_matches(coalesce(t.after_text, ''), '^[^()0-9]{0,30}\)')
    group by all
),
named as (
    select t.pack_id, t.mention_seq, t.role, t.unit_read, t.anchor_seq,
           -- a net change ('... and 236 left care, a net increase of 19') is the change of what
           -- the flows before it add up to, not of the last of them (var net_change_words)
           t.role = 'change' and regexp_matches(coalesce(t.before_text, ''), '{{ var("net_change_words") }}')
               as is_net_change,
           coalesce(b.measure, an.measure, s.measure, br.measure, sc.measure) as measure,
           case when b.measure is not null then 'sentence'
                when an.measure is not null then 'anaphora'
                when s.measure is not null and el.mention_seq is not null then 'elliptical'
                when s.measure is not null then 'series'
                when br.measure is not null then 'breakdown'
                when sc.measure is not null then 'share_count' end as measure_source,
           b.value_type, b.part_kind, b.part_text,
           case when coalesce(b.measure, an.measure, s.measure) is null then br.part_of_seq end as part_of_seq
    from texts t
    left join best b using (pack_id, mention_seq)
    left join anaphoric an using (pack_id, mention_seq)
    left join series s using (pack_id, mention_seq)
    left join elliptical el using (pack_id, mention_seq)
    left join bracketed br using (pack_id, mention_seq)
    left join share_counts sc using (pack_id, mention_seq)
),
own_words as (
    -- the words of a figure's own clause: from the figure before it to the one after it ('the
    -- rate was 58 per 10,000, against 68 in our statistical neighbours': 58's words name no
    -- comparator, 68's do)
    select m.pack_id, m.mention_seq,
           substr(m.sentence, coalesce(lag(m.char_end) over sentence_figures, 0) + 1,
                  m.char_start - coalesce(lag(m.char_end) over sentence_figures, 0))
           -- a bracket opened after the figure and still open at the next one holds that one
           -- ('a rate of 63 per 10,000 children (England 70)': 'England' is 70's word, not 63's),
           -- and a clause after a comma is the next figure's ('a rate of 38 per 10,000 children,
           -- below the England rate of 71')
           || ' ' || regexp_replace(regexp_replace(substr(m.sentence, m.char_end + 1,
                            coalesce(lead(m.char_start) over sentence_figures, length(m.sentence)) - m.char_end),
                            '\([^()]*$', ''), '[,;]\s.*$', '')
               as words
    from mentions m
    window sentence_figures as (partition by m.pack_id, m.sentence_first_line, m.sentence order by m.char_start)
),
comparators as (
    select distinct w.pack_id, w.mention_seq
    from own_words w
    join cues c on {{ regexp_matches_seed('w.words', 'c.pattern', ref('prose_subject_cues')) }}
    where c.subject = 'comparator'
)
select
    n.pack_id,
    n.mention_seq,
    coalesce(n.measure, case when n.role = 'change' and not n.is_net_change then ab.measure end) as measure,
    case when n.measure is not null then n.measure_source else 'changed_figure' end as measure_source,
    case when n.role = 'change' then 'change'
         when coalesce(n.value_type, 'reported') = 'reported' then 'actual'  -- the vocabulary of every fact table
         else n.value_type end as value_type,
    case when n.role = 'change' and n.unit_read = 'percent' then 'percent_change'
         else coalesce(n.unit_read, 'count') end as unit,
    n.part_kind,
    n.part_text,
    -- the figure whose brackets break this one down ('208 ... (160 County Council and 48 ...)')
    n.part_of_seq
from named n
left join named ab on ab.pack_id = n.pack_id and ab.mention_seq = n.anchor_seq and n.role = 'change'
where (n.measure is not null or (n.role = 'change' and not n.is_net_change and ab.measure is not null))
  and not exists (select 1 from comparators c where c.pack_id = n.pack_id and c.mention_seq = n.mention_seq)
