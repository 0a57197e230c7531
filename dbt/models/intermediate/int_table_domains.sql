-- Which domain each table belongs to. Every text piece of a table (caption lines, heading lines
-- above it, each header cell, each row label / cell key, the document title; the caption alone
-- again as 'own_caption') is matched against
-- seed domain_patterns; a domain scores weight x (number of matching pieces, at most 3) per
-- pattern. The highest score wins; 'other' (contents pages, glossaries, membership) excludes it.
with pieces as (
    select table_id, 'caption' as slot, unnest(string_split(caption, ' / ')) as piece
    from {{ ref('int_tables') }} where caption is not null and {{ in_batch('pack_id') }}
    union all
    -- the table's own caption once more, for the patterns that weigh it alone (target
    -- own_caption): not the headings and sentences above it
    select table_id, 'own_caption', unnest(string_split(caption, ' / '))
    from {{ ref('int_tables') }} where caption is not null and {{ in_batch('pack_id') }}
    union all
    select table_id, 'caption', unnest(string_split(context_text, ' / '))
    from {{ ref('int_tables') }} where context_text is not null and {{ in_batch('pack_id') }}
    union all
    select table_id, 'column', unnest(column_names)
    from {{ ref('int_tables') }} where {{ in_batch('pack_id') }}
    union all
    select table_id, 'title', document_title
    from {{ ref('int_tables') }} where document_title is not null and {{ in_batch('pack_id') }}
    union all
    select distinct table_id, 'row', coalesce(cell_key, row_label)
    from {{ ref('stg_table_cells') }}
    where not is_header and {{ in_batch('pack_id') }} and coalesce(cell_key, row_label) is not null
    union all
    -- other text cells of a row (an 'Indicators' column next to an 'Outcome' label column)
    select table_id, 'row', unnest(string_split(row_text_cells, ' | '))
    from {{ ref('int_table_rows') }}
    where row_text_cells is not null and {{ in_batch('pack_id') }}
),
pieces_clean as (
    select distinct table_id, slot, trim(piece) as piece
    from pieces
    where trim(coalesce(piece, '')) <> ''
),
-- patterns run once per distinct (slot, piece): packs repeat their captions and labels
piece_matches as (
    select x.slot, x.piece, p.domain, p.pattern, p.weight
    from (select distinct slot, piece from pieces_clean) x
    join {{ ref('domain_patterns') }} p
      on (p.target = 'any' and x.slot in ('caption', 'column', 'row'))
      or p.target = x.slot
    where {{ regexp_matches_seed('x.piece', 'p.pattern', ref('domain_patterns')) }}
),
matches as (
    select x.table_id, m.domain, m.pattern, m.weight, count(*) as n_pieces
    from pieces_clean x
    join piece_matches m using (slot, piece)
    group by all
),
scores as (
    select table_id, domain, sum(weight * least(n_pieces, 3)) as score
    from matches
    group by table_id, domain
),
ranked as (
    select *, row_number() over (partition by table_id order by score desc, domain) as rn
    from scores
),
score_text as (
    select table_id, string_agg(domain || '=' || score, ', ' order by score desc, domain) as domain_scores
    from scores group by table_id
)
select
    t.table_id,
    t.pack_id,
    case when r.score >= 20 then r.domain else 'unclassified' end as domain,
    -- a table of no domain whose best (too weak) domain is one of the warehouse's: its words name
    -- none, only its document's title or a stray label does ('Comparison with 2022/23' in a
    -- complaints report). Its numbers are listed as unclassified values, not read as facts.
    case when r.score < 20 and r.domain in ('{{ measured_domains() | join("', '") }}')
         then r.domain end as weak_domain,
    r.score as domain_score,
    s.domain_scores
from {{ ref('int_tables') }} t
left join ranked r on r.table_id = t.table_id and r.rn = 1
left join score_text s on s.table_id = t.table_id
where {{ in_batch('t.pack_id') }}
