-- one row per fact of every domain with where it was printed; published as a table (meta
-- published_as in _bi.yml): a join with every printed line, computed once per publish
SELECT
    f.domain, f.fact_id, f.pack_id, p.file_name, p.council, p.committee, p.meeting_date,
    f.document_id, d.title AS document_title, d.kind AS document_kind, f.source_line,
    l.text AS line_text, {{ citation() }} AS citation
FROM ({{ fact_union(['fact_id', 'pack_id', 'document_id', 'source_line'], fact_key=true) }}) AS f
LEFT JOIN {{ published_ref('provenance_packs') }} AS p ON p.pack_id = f.pack_id
LEFT JOIN {{ published_ref('provenance_documents') }} AS d
    ON d.pack_id = f.pack_id AND d.document_id = f.document_id
LEFT JOIN {{ published_ref('provenance_lines') }} AS l
    ON l.pack_id = f.pack_id AND l.line_number = f.source_line
