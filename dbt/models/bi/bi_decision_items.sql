SELECT
    i.decision_item_id, i.decision_id, i.item_seq, i.item_label, i.item_label_printed,
    i.item_text, f.kind, f.reference, f.subject, f.minute_number, f.decision_maker,
    f.decision_date, f.reporting_council, c.council_name AS reporting_council_name,
    f.meeting_date, i.pack_id, i.document_id, d.title AS document_title, i.source_line,
    i.source_last_line, {{ citation(line='i.source_line') }} AS citation
FROM {{ published_ref('decision_items') }} AS i
JOIN {{ published_ref('fct_decisions') }} AS f ON f.decision_id = i.decision_id
LEFT JOIN {{ published_ref('dim_council') }} AS c ON c.council_id = f.reporting_council
LEFT JOIN {{ published_ref('provenance_packs') }} AS p ON p.pack_id = i.pack_id
LEFT JOIN {{ published_ref('provenance_documents') }} AS d
    ON d.pack_id = i.pack_id AND d.document_id = i.document_id
