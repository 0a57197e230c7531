SELECT
    f.decision_id, f.kind, f.reference, f.related_reference, f.repeats_decision_id, f.title,
    f.subject, f.minute_number, f.decision_text, f.n_items, f.description, f.decision_maker,
    f.cabinet_member, f.decision_date, f.decision_date_text, f.anticipated_month, f.status,
    f.response, f.target_date, f.officer, f.reporting_council,
    c.council_name AS reporting_council_name, cm.committee_name, f.meeting_date, f.pack_id,
    f.document_id, d.title AS document_title, f.source_line, f.source_last_line,
    {{ citation() }} AS citation
FROM {{ published_ref('fct_decisions') }} AS f
LEFT JOIN {{ published_ref('dim_council') }} AS c ON c.council_id = f.reporting_council
LEFT JOIN {{ published_ref('dim_meeting') }} AS m ON m.meeting_id = f.meeting_id
LEFT JOIN {{ published_ref('dim_committee') }} AS cm ON cm.committee_id = m.committee_id
LEFT JOIN {{ published_ref('provenance_packs') }} AS p ON p.pack_id = f.pack_id
LEFT JOIN {{ published_ref('provenance_documents') }} AS d
    ON d.pack_id = f.pack_id AND d.document_id = f.document_id
