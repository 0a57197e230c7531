-- What did each committee resolve at its meetings, item by item, and where is each item minuted?
SELECT decision_date, decision_maker, minute_number, subject, item_label_printed, item_text, citation
FROM bi.decision_items
WHERE kind = 'resolution'
ORDER BY decision_date DESC, decision_maker, minute_number, item_seq
LIMIT 50;
