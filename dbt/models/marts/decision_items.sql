-- One row per numbered or lettered item of a decision (marts.fct_decisions), in printed order.
select
    i.decision_item_id,
    i.decision_id,
    i.pack_id,
    d.document_id,
    i.item_seq,
    i.item_label,
    i.item_label_printed,
    i.item_text,
    i.source_line,
    i.source_last_line
from {{ batch(ref('int_decision_items')) }} i
join {{ batch(ref('fct_decisions')) }} d using (decision_id)
