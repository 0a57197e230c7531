-- The measure of each number printed in a sentence, or none. Seed prose_measure_patterns names it
-- from the words after the number ('91 complaints'), the words before it ('the number of Looked
-- After Children was 441') or, for the later figure of 'from 40 to 25', the words before the
-- earlier one; the best priority wins. The measure's unit must be the number's unit; a count
-- measure read on a percentage becomes its '<measure>_pct' sibling of the catalogue ('7.2% were
-- upheld' -> complaints_upheld_pct). A change ('an increase of 15', '28% increase in complaints')
-- is a change of its own measure, else of the figure it follows ('91 complaints - a decrease of
-- 17'). A figure about another council, region or England (seed prose_subject_cues) has none.
with mentions as (
    select * from {{ batch(ref('stg_prose_numbers')) }}
    where skip_reason is null and value is not null
),
texts as (
    select
        m.*,
        case m.unit_cue
            when 'percent' then 'percent'
            when 'per_10000' then 'rate_per_10000'
            when 'weeks' then 'weeks'
            when 'days' then 'days'
            when 'working_days' then 'days'
            when 'gbp' then 'gbp'
        end as unit_read,
        m.unit_cue is null as is_count,
        case when m.role = 'to' then concat_ws(' ', a.before_text, m.before_text) else m.before_text end
            as before_for_measure,
        -- 'increase in the number of complaints received' reads like 'complaints received'
        case when m.role = 'change'
             then regexp_replace(m.after_text,
                '(?i)^\W*(?:significant\s+|slight\s+)?(?:increase|rise|growth|improvement|decrease|reduction|fall|drop|decline)\s*(?:in|of)?\s+(?:the\s+)?(?:number\s+of\s+)?', '')
             else m.after_text end as after_for_measure
    from mentions m
    left join {{ batch(ref('stg_prose_numbers')) }} a
      on a.pack_id = m.pack_id and a.mention_seq = m.anchor_seq
),
matches as (
    select
        t.pack_id, t.mention_seq, p.priority, p.value_type,
        case
            when t.role = 'change' then p.measure
            when mc.unit = coalesce(t.unit_read, 'count') then p.measure
            when mc.unit = 'count' and t.unit_read = 'percent' then pct.measure
        end as measure
    from texts t
    join {{ ref('prose_measure_patterns') }} p
      on (p.looks_at = 'after' and regexp_matches(t.after_for_measure, p.pattern))
      or (p.looks_at = 'before' and regexp_matches(t.before_for_measure, p.pattern))
    join {{ ref('measure_catalogue') }} mc on mc.measure = p.measure
    left join {{ ref('measure_catalogue') }} pct on pct.measure = p.measure || '_pct'
    where p.sentence_pattern is null or regexp_matches(t.sentence, p.sentence_pattern)
),
best as (
    select pack_id, mention_seq,
           arg_max(measure, priority) as measure,
           arg_max(value_type, priority) as value_type
    from matches
    where measure is not null
    group by all
),
comparators as (
    select distinct t.pack_id, t.mention_seq
    from texts t
    join {{ ref('prose_subject_cues') }} c
      on regexp_matches(t.before_text || ' ' || t.after_text, c.pattern)
    where c.subject = 'comparator'
)
select
    t.pack_id,
    t.mention_seq,
    coalesce(b.measure, case when t.role = 'change' then ab.measure end) as measure,
    case when b.measure is not null then 'sentence' else 'changed_figure' end as measure_source,
    case when t.role = 'change' then 'change'
         when coalesce(b.value_type, 'reported') = 'reported' then 'actual'  -- the vocabulary of every fact table
         else b.value_type end as value_type,
    case when t.role = 'change' and t.unit_read = 'percent' then 'percent_change'
         when t.role = 'change' then coalesce(t.unit_read, 'count')
         else coalesce(t.unit_read, 'count') end as unit
from texts t
left join best b using (pack_id, mention_seq)
left join best ab on ab.pack_id = t.pack_id and ab.mention_seq = t.anchor_seq and t.role = 'change'
where (b.measure is not null or (t.role = 'change' and ab.measure is not null))
  and not exists (select 1 from comparators c where c.pack_id = t.pack_id and c.mention_seq = t.mention_seq)
