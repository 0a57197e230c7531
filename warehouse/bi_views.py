"""The views of the published ``bi`` schema: the questions people ask, one row per answer.

Views are created inside the published file, so they keep working whatever name a BI tool
attaches it under. Views whose SQL depends on the data (the measure columns of a pivot) are
generated at publish time from ``marts.dim_measure``.
"""

from __future__ import annotations

from warehouse.bi import View, columns, fact_id_column, fact_tables, register, relations

CITATION_COLUMNS = {
    "pack_id": "Pack the value was printed in (first 16 hex digits of the file's SHA-256).",
    "file_name": "Pack file the value was read from.",
    "council": "Council whose meeting the pack belongs to, as printed or inferred.",
    "committee": "Committee that met.",
    "meeting_date": "Date of the meeting the pack was published for.",
    "document_id": "Document of the pack the value is in (provenance.documents).",
    "document_title": "Title of that document (the report, minutes or appendix) as printed.",
    "document_kind": "agenda, minutes, report or appendix.",
    "source_line": "Printed line (1-based) of the pack holding the value.",
    "line_text": "The text of that printed line, exactly as in the pack.",
    "citation": "Human-readable citation: council, committee, meeting date, document title, "
    "line and file.",
}


def _citation_expr(p: str = "p", d: str = "d", line: str = "f.source_line") -> str:
    return (
        f"concat_ws(', ', {p}.council, {p}.committee, strftime({p}.meeting_date, '%-d %B %Y'))"
        f" || ': \"' || coalesce({d}.title, 'untitled document') || '\", line ' || {line}"
        f" || ' of ' || {p}.file_name"
    )


# --------------------------------------------------------------------------- facts and citations


def _fact_ids_union(con) -> str:
    parts = []
    for domain, table in fact_tables(con).items():
        id_column = fact_id_column(con, table)
        parts.append(
            f"SELECT '{domain}' AS domain, {id_column}::VARCHAR AS fact_id, pack_id, document_id,"
            f" source_line FROM {table}"
        )
    return "\nUNION ALL\n".join(parts)


def _fact_citations_sql(con) -> str:
    return f"""
SELECT
    f.domain, f.fact_id, f.pack_id, p.file_name, p.council, p.committee, p.meeting_date,
    f.document_id, d.title AS document_title, d.kind AS document_kind, f.source_line,
    l.text AS line_text, {_citation_expr()} AS citation
FROM ({_fact_ids_union(con)}) AS f
LEFT JOIN provenance.packs AS p ON p.pack_id = f.pack_id
LEFT JOIN provenance.documents AS d ON d.pack_id = f.pack_id AND d.document_id = f.document_id
LEFT JOIN provenance.lines AS l ON l.pack_id = f.pack_id AND l.line_number = f.source_line
"""


register(
    View(
        name="fact_citations",
        description="Where every fact came from: for each fact of every domain (and each "
        "decision), the pack file, council, committee, meeting date, document title, printed "
        "line number and the text of that line, plus a ready-to-show citation string.",
        sql=_fact_citations_sql,
        columns={
            "domain": "Fact domain: complaints, decisions, placements or waiting_times.",
            "fact_id": "The fact's key in marts.fct_<domain> (decision_id for decisions).",
            **CITATION_COLUMNS,
        },
        requires=("provenance.packs", "provenance.documents", "provenance.lines"),
        materialized=True,
    )
)


def _facts_per_domain_sql(con) -> str:
    parts = [
        f"SELECT '{domain}' AS domain, count(*) AS facts, count(DISTINCT pack_id) AS packs, "
        f"count(DISTINCT reporting_council) AS councils FROM {table}"
        for domain, table in fact_tables(con).items()
    ]
    return "\nUNION ALL\n".join(parts)


register(
    View(
        name="facts_per_domain",
        description="How many facts each domain holds, from how many packs and councils.",
        sql=_facts_per_domain_sql,
        columns={
            "domain": "Fact domain: complaints, decisions, placements or waiting_times.",
            "facts": "Number of facts (rows of marts.fct_<domain>).",
            "packs": "Number of packs these facts were printed in.",
            "councils": "Number of reporting councils.",
        },
    )
)

MEASURE_FACT_COLUMNS = (
    "fact_id",
    "pack_id",
    "document_id",
    "source_line",
    "measure",
    "value",
    "unit",
    "value_text",
    "reporting_council",
    "subject_council",
    "service_area",
    "period_type",
    "fiscal_year",
    "as_of_date",
    "period_start",
    "period_end",
)


def _facts_sql(con) -> str:
    parts = []
    for domain, table in fact_tables(con).items():
        present = set(columns(con, table))
        if not {"measure", "value"} <= present:
            continue  # decisions are not measures: see bi.decisions
        select = ", ".join(
            (f"{c}::VARCHAR AS {c}" if c in ("fiscal_year",) else c)
            if c in present
            else f"NULL AS {c}"
            for c in MEASURE_FACT_COLUMNS
        )
        parts.append(f"SELECT '{domain}' AS domain, {select} FROM {table}")
    union = "\nUNION ALL\n".join(parts)
    return f"""
SELECT
    f.domain, f.fact_id, f.measure, m.description AS measure_description, f.value, f.unit,
    f.value_text, f.reporting_council, rc.council_name AS reporting_council_name,
    f.subject_council, sc.council_name AS subject_council_name, f.service_area, f.period_type,
    f.fiscal_year, f.as_of_date, f.period_start, f.period_end, f.pack_id, f.document_id,
    f.source_line
FROM ({union}) AS f
LEFT JOIN marts.dim_measure AS m ON m.measure_code = f.measure
LEFT JOIN marts.dim_council AS rc ON rc.council_id = f.reporting_council
LEFT JOIN marts.dim_council AS sc ON sc.council_id = f.subject_council
"""


register(
    View(
        name="facts",
        description="Every measured value of every domain in one long table (one row per "
        "printed value), with the measure's meaning and the councils' names. Join "
        "bi.fact_citations on (domain, fact_id) for where each value was printed.",
        sql=_facts_sql,
        columns={
            "domain": "Fact domain: complaints, placements or waiting_times.",
            "fact_id": "The fact's key in marts.fct_<domain>.",
            "measure": "Measure code (marts.dim_measure), e.g. complaints_received.",
            "measure_description": "What the measure counts.",
            "value": "The value as a number (null when printed as text only, e.g. '<5').",
            "unit": "Unit of the value: count, percent, weeks, rate_per_10000, ...",
            "value_text": "The value exactly as printed.",
            "reporting_council": "GSS code of the council whose papers printed the value.",
            "reporting_council_name": "Name of the reporting council.",
            "subject_council": "GSS code of the council the value is about (benchmark rows "
            "are about other councils).",
            "subject_council_name": "Name of the subject council.",
            "service_area": "Service area (adult, children, corporate, ...) where known.",
            "period_type": "as_of (a snapshot), fiscal_year or fiscal_quarter.",
            "fiscal_year": "Fiscal year the value covers, e.g. 2017/18.",
            "as_of_date": "Date of the snapshot the value describes.",
            "period_start": "First day of the period the value covers.",
            "period_end": "Last day of the period the value covers.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "document_id": CITATION_COLUMNS["document_id"],
            "source_line": CITATION_COLUMNS["source_line"],
        },
        requires=("marts.dim_measure", "marts.dim_council"),
    )
)


# --------------------------------------------------------------------------- waiting lists


def _waiting_measures(con) -> dict[str, str]:
    """waiting-time measure code -> description (with unit), from marts.dim_measure."""
    if "marts.dim_measure" not in relations(con):
        return {}
    rows = con.execute(
        "SELECT measure_code, description, unit FROM marts.dim_measure "
        "WHERE domain = 'waiting_times' ORDER BY measure_code"
    ).fetchall()
    return {
        code: f"{description} ({unit}); the value printed for this service and date."
        for code, description, unit in rows
        if code.isidentifier()
    }


def _waiting_sql(con) -> str:
    measures = _waiting_measures(con)
    pivot = "".join(
        f",\n    max(w.value) FILTER (WHERE w.measure = '{code}') AS {code}" for code in measures
    )
    return f"""
SELECT
    w.reporting_council, c.council_name AS reporting_council_name, w.service_code,
    coalesce(s.service_name, w.service_text) AS service, w.provider_commissioner, w.as_of_date
    {pivot},
    count(*) AS facts,
    list(DISTINCT w.pack_id ORDER BY w.pack_id) AS pack_ids,
    min(w.source_line) AS first_source_line
FROM marts.fct_waiting_times AS w
LEFT JOIN marts.dim_service AS s ON s.service_code = w.service_code
LEFT JOIN marts.dim_council AS c ON c.council_id = w.reporting_council
WHERE w.as_of_date IS NOT NULL
GROUP BY ALL
"""


register(
    View(
        name="waiting_list_snapshots",
        description="Waiting lists: one row per council, service and as-of date, with one "
        "column per waiting-time measure (referrals waiting, waits over 18/52/78 weeks, "
        "longest and average wait, ...).",
        sql=_waiting_sql,
        columns={
            "reporting_council": "GSS code of the council whose papers printed the figures.",
            "reporting_council_name": "Name of the reporting council.",
            "service_code": "Service code (marts.dim_service), null if not recognised.",
            "service": "Service name (or the text printed, if not recognised).",
            "provider_commissioner": "Provider or commissioner the figures are for, if printed.",
            "as_of_date": "Date the waiting list snapshot describes.",
            "facts": "Number of printed values behind this row.",
            "pack_ids": "Packs the values were printed in.",
            "first_source_line": "First printed line of these values in their pack (see "
            "bi.fact_citations).",
        },
        requires=("marts.fct_waiting_times", "marts.dim_service", "marts.dim_council"),
        dynamic_columns=_waiting_measures,
    )
)


# --------------------------------------------------------------------------- complaints

register(
    View(
        name="complaints_by_service_area_year",
        description="Complaints per council, service area and fiscal year: received, upheld, "
        "partially upheld, not upheld and the upheld rates. Annual figures only (quarter rows "
        "are left out); where a year is printed several times (a total and its breakdown, or a "
        "later report's comparison column) the largest figure, i.e. the total, is taken.",
        sql="""
WITH annual AS (
    SELECT reporting_council, coalesce(service_area, 'all') AS service_area, fiscal_year,
           measure, max(value) AS value, list(DISTINCT pack_id ORDER BY pack_id) AS pack_ids
    FROM marts.fct_complaints
    WHERE period_type = 'fiscal_year' AND fiscal_year IS NOT NULL AND value IS NOT NULL
      AND measure IN ('complaints_received', 'complaints_upheld', 'complaints_partially_upheld',
                      'complaints_upheld_or_partially_upheld', 'complaints_not_upheld')
    GROUP BY ALL
), wide AS (
    SELECT reporting_council, service_area, fiscal_year,
        max(value) FILTER (WHERE measure = 'complaints_received') AS received,
        max(value) FILTER (WHERE measure = 'complaints_upheld') AS upheld,
        max(value) FILTER (WHERE measure = 'complaints_partially_upheld') AS partially_upheld,
        max(value) FILTER (WHERE measure = 'complaints_not_upheld') AS not_upheld,
        max(value) FILTER (WHERE measure = 'complaints_upheld_or_partially_upheld')
            AS upheld_or_partially_upheld_printed,
        flatten(list(pack_ids)) AS pack_ids
    FROM annual
    GROUP BY ALL
)
SELECT
    w.reporting_council, c.council_name AS reporting_council_name, w.service_area,
    w.fiscal_year, w.received, w.upheld, w.partially_upheld, w.not_upheld,
    coalesce(w.upheld + w.partially_upheld, w.upheld_or_partially_upheld_printed)
        AS upheld_or_partially_upheld,
    round(w.upheld / nullif(w.received, 0), 4) AS upheld_rate,
    round(coalesce(w.upheld + w.partially_upheld, w.upheld_or_partially_upheld_printed)
        / nullif(w.received, 0), 4) AS upheld_or_partially_upheld_rate,
    list_distinct(w.pack_ids) AS pack_ids
FROM wide AS w
LEFT JOIN marts.dim_council AS c ON c.council_id = w.reporting_council
""",
        columns={
            "reporting_council": "GSS code of the council whose papers printed the figures.",
            "reporting_council_name": "Name of the reporting council.",
            "service_area": "Service area (adult, children, corporate, ...; 'all' if none).",
            "fiscal_year": "Fiscal year, e.g. 2017/18.",
            "received": "Complaints received in the year.",
            "upheld": "Complaints upheld in full.",
            "partially_upheld": "Complaints partially upheld.",
            "not_upheld": "Complaints not upheld.",
            "upheld_or_partially_upheld": "Complaints upheld or partially upheld (upheld + "
            "partially upheld, or the combined figure as printed when they are not).",
            "upheld_rate": "upheld / received (0-1).",
            "upheld_or_partially_upheld_rate": "upheld_or_partially_upheld / received (0-1).",
            "pack_ids": "Packs the figures were printed in.",
        },
        requires=("marts.fct_complaints", "marts.dim_council"),
    )
)


# --------------------------------------------------------------------------- decisions

register(
    View(
        name="decisions",
        description="Decisions: committee resolutions (with every lettered or numbered item), "
        "decisions noted, executive decisions, forward-plan items and recommendations, with what "
        "each is about, who made it and when, the council and committee, and a citation of "
        "the lines it is printed on. Its items are in bi.decision_items.",
        sql=f"""
SELECT
    f.decision_id, f.kind, f.reference, f.related_reference, f.title, f.subject,
    f.minute_number, f.decision_text, f.n_items, f.description, f.decision_maker,
    f.cabinet_member, f.decision_date, f.decision_date_text, f.anticipated_month, f.status,
    f.response, f.target_date, f.officer, f.reporting_council,
    c.council_name AS reporting_council_name, cm.committee_name, f.meeting_date, f.pack_id,
    f.document_id, d.title AS document_title, f.source_line, f.source_last_line,
    {_citation_expr()} AS citation
FROM marts.fct_decisions AS f
LEFT JOIN marts.dim_council AS c ON c.council_id = f.reporting_council
LEFT JOIN marts.dim_meeting AS m ON m.meeting_id = f.meeting_id
LEFT JOIN marts.dim_committee AS cm ON cm.committee_id = m.committee_id
LEFT JOIN provenance.packs AS p ON p.pack_id = f.pack_id
LEFT JOIN provenance.documents AS d ON d.pack_id = f.pack_id AND d.document_id = f.document_id
""",
        columns={
            "decision_id": "Key of the decision (marts.fct_decisions).",
            "kind": "resolution, noted, executive_decision, forward_plan_item, recommendation "
            "(or decision, for a decisions table of no recognised kind).",
            "reference": "The decision's own reference as normalised, e.g. EX/48/2023.",
            "related_reference": "A decision reference the text mentions (a call-in of "
            "PH/41/2015).",
            "title": "Title printed for the decision itself, if any.",
            "subject": "What the decision is about: a library or service of a recommendations "
            "table, the decision's title, the minute heading, or the report it is in.",
            "minute_number": "Number of the minute it is recorded under (minutes only).",
            "decision_text": "The decision whole, as printed, with all its items in order.",
            "n_items": "Number of its lettered or numbered items (bi.decision_items).",
            "description": "Description or reasons printed beside an executive decision.",
            "decision_maker": "Who makes (or made) the decision: the executive, a cabinet "
            "member, the committee whose minutes record it.",
            "cabinet_member": "Cabinet member responsible, where printed.",
            "decision_date": "Date the decision was (or is to be) taken; for minutes, the date "
            "of the minuted meeting.",
            "decision_date_text": "The decision date as printed.",
            "anticipated_month": "Month a forward-plan decision is anticipated, if given.",
            "status": "Status as printed (e.g. Ongoing, Not yet due).",
            "response": "The executive's response to a recommendation, as printed.",
            "target_date": "Target date of a recommendation or action, if given.",
            "officer": "Officer named for the item.",
            "reporting_council": "GSS code of the council.",
            "reporting_council_name": "Name of the council.",
            "committee_name": "Committee whose pack printed the decision.",
            "meeting_date": "Date of that committee meeting.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "document_id": CITATION_COLUMNS["document_id"],
            "document_title": CITATION_COLUMNS["document_title"],
            "source_line": "First printed line (1-based) of the decision's text in its pack.",
            "source_last_line": "Last printed line of the decision's text.",
            "citation": CITATION_COLUMNS["citation"],
        },
        requires=(
            "marts.fct_decisions",
            "marts.dim_council",
            "marts.dim_meeting",
            "marts.dim_committee",
        ),
    )
)

register(
    View(
        name="decision_items",
        description="Each lettered or numbered item of a decision ('a)', '2.1', '3.') in "
        "printed order, beside its decision's kind, subject, maker and date, with a citation "
        "of the line it is printed on.",
        sql=f"""
SELECT
    i.decision_item_id, i.decision_id, i.item_seq, i.item_label, i.item_label_printed,
    i.item_text, f.kind, f.reference, f.subject, f.minute_number, f.decision_maker,
    f.decision_date, f.reporting_council, c.council_name AS reporting_council_name,
    f.meeting_date, i.pack_id, i.document_id, d.title AS document_title, i.source_line,
    i.source_last_line, {_citation_expr(line="i.source_line")} AS citation
FROM marts.decision_items AS i
JOIN marts.fct_decisions AS f ON f.decision_id = i.decision_id
LEFT JOIN marts.dim_council AS c ON c.council_id = f.reporting_council
LEFT JOIN provenance.packs AS p ON p.pack_id = i.pack_id
LEFT JOIN provenance.documents AS d ON d.pack_id = i.pack_id AND d.document_id = i.document_id
""",
        columns={
            "decision_item_id": "Key of the item (marts.decision_items).",
            "decision_id": "Its decision (bi.decisions, marts.fct_decisions).",
            "item_seq": "Position of the item in its decision (1, 2, 3 ...).",
            "item_label": "The label, lower case, without brackets or points ('a', 'ii', "
            "'2.1'); null for a bullet.",
            "item_label_printed": "The label as printed ('a)', '(ii)', '3.').",
            "item_text": "The item's text as printed, without its label.",
            "kind": "Kind of its decision (resolution, recommendation, executive_decision ...).",
            "reference": "Its decision's own reference, normalised.",
            "subject": "What its decision is about (see bi.decisions).",
            "minute_number": "Number of the minute its decision is recorded under.",
            "decision_maker": "Who made its decision.",
            "decision_date": "Date its decision was taken.",
            "reporting_council": "GSS code of the council.",
            "reporting_council_name": "Name of the council.",
            "meeting_date": "Date of the meeting whose pack printed it.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "document_id": CITATION_COLUMNS["document_id"],
            "document_title": CITATION_COLUMNS["document_title"],
            "source_line": "First printed line (1-based) of the item in its pack.",
            "source_last_line": "Last printed line of the item.",
            "citation": CITATION_COLUMNS["citation"],
        },
        requires=("marts.decision_items", "marts.fct_decisions", "marts.dim_council"),
    )
)


# --------------------------------------------------------------------------- children in care

register(
    View(
        name="children_looked_after",
        description="Children looked after over time, by council: counts and rates of children "
        "in care, entries and exits, placement mix and care leavers, one row per printed value "
        "(benchmark rows are about the subject council), oldest first.",
        sql=f"""
SELECT
    f.subject_council AS council, sc.council_name, f.reporting_council,
    rc.council_name AS reporting_council_name, f.measure, m.description AS measure_description,
    f.unit, f.breakdown, f.period_type, f.fiscal_year, f.as_of_date,
    coalesce(f.as_of_date, f.period_end) AS period_date, f.value, f.value_text,
    f.pack_id, f.source_line, {_citation_expr()} AS citation
FROM marts.fct_placements AS f
LEFT JOIN marts.dim_council AS sc ON sc.council_id = f.subject_council
LEFT JOIN marts.dim_council AS rc ON rc.council_id = f.reporting_council
LEFT JOIN marts.dim_measure AS m ON m.measure_code = f.measure
LEFT JOIN provenance.packs AS p ON p.pack_id = f.pack_id
LEFT JOIN provenance.documents AS d ON d.pack_id = f.pack_id AND d.document_id = f.document_id
ORDER BY council, period_date NULLS LAST, f.measure
""",
        columns={
            "council": "GSS code of the council the value is about.",
            "council_name": "Name of that council.",
            "reporting_council": "GSS code of the council whose papers printed the value.",
            "reporting_council_name": "Name of the reporting council.",
            "measure": "Measure code, e.g. cla_count, cla_rate_per_10000.",
            "measure_description": "What the measure counts.",
            "unit": "count, percent or rate_per_10000.",
            "breakdown": "What the value is broken down by (placement type, age band, ...), "
            "null for a headline figure.",
            "period_type": "as_of (a snapshot) or fiscal_year.",
            "fiscal_year": "Fiscal year, for values covering a year.",
            "as_of_date": "Date of the snapshot, for as-of values.",
            "period_date": "The date to plot the value at: as-of date, or the end of its period.",
            "value": "The value as a number.",
            "value_text": "The value exactly as printed.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "source_line": CITATION_COLUMNS["source_line"],
            "citation": CITATION_COLUMNS["citation"],
        },
        requires=("marts.fct_placements", "marts.dim_council", "marts.dim_measure"),
    )
)


# --------------------------------------------------------------------------- national definitions


def _national_comparisons_sql(con) -> str:
    return f"""
SELECT
    f.subject_council AS council, c.council_name, c.council_type, c.region, f.reporting_council,
    f.domain, f.measure, f.measure_description, f.value, f.unit, f.value_text,
    f.period_type, f.fiscal_year, f.as_of_date, f.period_start, f.period_end,
    m.national_source, m.national_collection, m.lg_inform_metric_id, m.lg_inform_metric_url,
    m.national_definition, m.national_match, m.national_notes, m.national_source_url,
    CASE
        WHEN m.national_source = 'NHS England' AND f.as_of_date = last_day(f.as_of_date)
            THEN 'month ending ' || strftime(f.as_of_date, '%-d %B %Y')
        WHEN m.national_source <> 'NHS England' AND f.period_type = 'fiscal_year'
            THEN 'year ending 31 March ' || year(f.period_end)
        WHEN m.national_source <> 'NHS England' AND f.period_type = 'as_of'
             AND month(f.as_of_date) = 3 AND day(f.as_of_date) = 31
            THEN 'at 31 March ' || year(f.as_of_date)
    END AS national_period,
    f.pack_id, f.source_line, f.fact_id
FROM ({_facts_sql(con)}) AS f
JOIN marts.dim_measure AS m ON m.measure_code = f.measure AND m.national_source IS NOT NULL
LEFT JOIN marts.dim_council AS c ON c.council_id = f.subject_council
"""


register(
    View(
        name="national_comparisons",
        description="Each council's printed figure beside the national series that defines the "
        "same measure (LG Inform metric, DfE children looked after return, NHS England community "
        "health services waiting lists, LGSCO statistics): one row per printed value of a measure "
        "with a national definition. national_period says which national release the figure "
        "lines up with (null: the report's period is not one the national series publishes).",
        sql=_national_comparisons_sql,
        columns={
            "council": "GSS code of the council the value is about (join national series on it).",
            "council_name": "Official name of that council.",
            "council_type": "county, district, metropolitan district, london borough, unitary or "
            "city corporation.",
            "region": "English region of the council.",
            "reporting_council": "GSS code of the council whose papers printed the value.",
            "domain": "Fact domain: complaints, placements or waiting_times.",
            "measure": "Our measure code (marts.dim_measure).",
            "measure_description": "What our measure counts.",
            "value": "The council's figure as printed, as a number.",
            "unit": "Unit of the value: count, percent, weeks, rate_per_10000.",
            "value_text": "The value exactly as printed.",
            "period_type": "as_of (a snapshot), fiscal_year or fiscal_quarter.",
            "fiscal_year": "Fiscal year the value covers, e.g. 2017/18.",
            "as_of_date": "Date of the snapshot the value describes.",
            "period_start": "First day of the period the value covers.",
            "period_end": "Last day of the period the value covers.",
            "national_source": "Publisher of the national series (Department for Education, NHS "
            "England, Local Government and Social Care Ombudsman).",
            "national_collection": "The national collection (e.g. SSDA903 children looked after "
            "return).",
            "lg_inform_metric_id": "LG Inform metric id of the national series, where published "
            "there.",
            "lg_inform_metric_url": "The LG Inform metric's page.",
            "national_definition": "The national definition the figure lines up with.",
            "national_match": "same (same definition) or close (see national_notes).",
            "national_notes": "How the council's figure may differ from the national definition.",
            "national_source_url": "Where the national figures are published.",
            "national_period": "The national release period the value lines up with ('at 31 March "
            "2017', 'year ending 31 March 2015', 'month ending 31 January 2024'); null when the "
            "report's period is not one the national series publishes.",
            "pack_id": CITATION_COLUMNS["pack_id"],
            "source_line": CITATION_COLUMNS["source_line"],
            "fact_id": "The fact's key in marts.fct_<domain> (see bi.fact_citations).",
        },
        requires=("marts.dim_measure", "marts.dim_council"),
    )
)
